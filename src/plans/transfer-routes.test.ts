import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgUnits, plans } from "../db/schema/index.js";
import { rakMetro2024 } from "../demo/rak-metro-2024.js";
import { rakXlsx } from "../reports/rak/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe.each(testDatabases())("importing and exporting a RAK over the API on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let metro: string;
  let file: Buffer;
  const upload = (path: string, body: Buffer, query = `orgUnitId=${metro}&year=2024&fileName=rak.xlsx`) =>
    admin.request("POST", `/api/plans/${path}?${query}`, body, { "content-type": XLSX });

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
    metro = unit?.id as string;
    file = await rakXlsx(rakMetro2024);
  });
  afterAll(() => t.close());

  it("previews an import with its counts and warnings and saves nothing", async () => {
    const before = await t.database.db.select().from(plans);
    const res = await upload("import/preview", file);
    expect(res.statusCode).toBe(200);
    const { summary, warnings } = res.json();
    expect(summary).toEqual({
      sasaran: 1,
      program: 5,
      kegiatan: 20,
      subKegiatan: 0,
      indicators: 43,
      budgetTotal: 343_221_061_270,
    });
    expect(warnings.map((w: { code: string }) => w.code)).toEqual(
      expect.arrayContaining([
        "QUARTERS_NOT_RECONCILED",
        "BUDGET_SUM_MISMATCH",
        "BUDGET_MISSING",
        "UNIT_CONTRADICTS_NAME",
      ]),
    );
    expect(await t.database.db.select().from(plans)).toHaveLength(before.length);
  });

  it("saves an import as the next version of the year's RAK", async () => {
    // The seeded version 1 is this same workbook: only a changed one makes a version.
    const changed = await rakXlsx(changedTarget());
    const res = await upload("import", changed);
    expect(res.statusCode).toBe(201);
    expect(res.json().version).toBe(2);
    const exported = await admin.get(`/api/plans/${res.json().planId}/export.xlsx`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toBe(XLSX);
    expect(exported.headers["content-disposition"]).toContain(
      'filename="rak-dinas-kesehatan-kota-metro-2024.xlsx"',
    );
  });

  it("refuses a file for another year, naming both years", async () => {
    const res = await upload("import", file, `orgUnitId=${metro}&year=2025&fileName=rak.xlsx`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("Berkas ini untuk tahun 2024, bukan 2025.");
  });

  it("refuses something that is not a spreadsheet with a clear message", async () => {
    const res = await upload("import", Buffer.from("bukan spreadsheet sama sekali"));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/\S/);
    expect(res.json().error.code).not.toBe("INTERNAL");
  });

  it("refuses a file over 20 MB", async () => {
    const res = await upload("import/preview", Buffer.alloc(21 * 1024 * 1024, 1));
    expect(res.statusCode).toBe(413);
  });

  it("exports a pdf on F4 paper", async () => {
    const id = (await admin.get("/api/plans")).json()[0].id;
    const res = await admin.get(`/api/plans/${id}/export.pdf?paper=F4`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("exports the Perjanjian Kinerja of the same plan", async () => {
    const id = (await admin.get("/api/plans")).json()[0].id;
    const res = await admin.get(`/api/plans/${id}/export.pdf?document=pk`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain('filename="pk-dinas-kesehatan-kota-metro-2024.pdf"');
    expect((await admin.get(`/api/plans/${id}/export.xlsx?document=pk&paper=F4`)).statusCode).toBe(200);
  });

  it("offers the import template", async () => {
    const res = await admin.get("/api/plans/template.xlsx");
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});

/** The demo RAK with one target changed, so that importing it makes a new version. */
function changedTarget() {
  const doc = structuredClone(rakMetro2024);
  const ahh = doc.sasaran[0]?.indicators[0];
  if (ahh) ahh.target = "73";
  return doc;
}
