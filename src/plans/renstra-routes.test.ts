import { desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits } from "../db/schema/index.js";
import { RENSTRA_TEMPLATE_COLUMNS } from "../reports/renstra/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { RenstraCascade, RenstraOptions } from "./renstra-schemas.js";
import type { Plan, PlanSummary } from "./schemas.js";

const XLSX = { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };

describe.each(testDatabases())("the Renstra on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let renstra: RenstraCascade;
  let metroId: string;
  const row = (name: string) => renstra.rows.find((r) => r.name === name);

  beforeAll(async () => {
    t = await openTestApp(target, 10_000, { demo: { monitoring: true } });
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    const [metro] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
    metroId = metro?.id as string;
    const list = (await admin.get("/api/plans?kind=renstra")).json() as PlanSummary[];
    renstra = (await admin.get(`/api/renstra/${list[0]?.id}`)).json();
  }, 120_000);
  afterAll(() => t.close());

  it("holds the demo Renstra 2025–2029 murni with a target per year and the end target as written", () => {
    expect(renstra).toMatchObject({
      startYear: 2025,
      endYear: 2029,
      versionLabel: "Murni",
      status: "signed",
    });
    expect(renstra.years).toEqual([2025, 2026, 2027, 2028, 2029]);
    const stunting = row("Prevalensi stunting pada anak balita");
    expect(stunting?.years.map((y) => y.renstra)).toEqual(["≤ 8,2", "≤ 7,9", "≤ 7,6", "≤ 7,3", "≤ 7"]);
    expect(stunting?.end).toBe("≤ 7");
    const program = renstra.programs.find((p) => p.code === "1.02.02");
    expect(program?.budgets[0]).toEqual({ year: 2025, amount: 53_500_000_000 });
    expect(program?.total).toBe(285_500_000_000);
  });

  it("shows where the PK 2025 departs from the Renstra's 2025 target, by polarity", () => {
    const at2025 = (name: string) => row(name)?.years.find((y) => y.year === 2025)?.yearly[0];
    expect(at2025("Persentase Peserta Jaminan Kesehatan Nasional (JKN)")).toMatchObject({
      kind: "pk",
      target: "98",
      departure: "weaker",
    });
    expect(at2025("Cakupan Imunisasi Dasar Lengkap (IDL)")?.departure).toBe("stronger");
    expect(at2025("Prevalensi stunting pada anak balita")?.departure).toBe("same");
    expect(row("Angka Harapan Hidup")?.years.find((y) => y.year === 2026)?.yearly).toEqual([]);
  });

  it("keeps realisasi per year: 2024 as kondisi awal, from approved data where the RAK is data-fed", () => {
    const ahh = row("Angka Harapan Hidup");
    expect(ahh?.baseline).toMatchObject({ value: "72.21", source: "entered" });
    expect(ahh?.years[0]?.realisasi).toMatchObject({ value: "72.33", source: "entered" });
    const stunting = row("Prevalensi stunting pada anak balita");
    expect(stunting?.baseline.source).toBe("data");
    expect(stunting?.baseline.entered).toBe("8.9");
    expect(stunting?.years[1]?.realisasi.value).toBeNull();
  });

  it("enters a year-end realisasi with its revision, audited; a stale revision is refused", async () => {
    const jkn = row("Persentase Peserta Jaminan Kesehatan Nasional (JKN)");
    const body = {
      indicatorId: jkn?.indicatorId,
      year: 2026,
      value: "98,9",
      note: "Data BPJS",
      revision: null,
    };
    const saved = await admin.request("PUT", `/api/renstra/${renstra.id}/realisasi`, body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ revision: 1, value: "98.9" });
    const again = await admin.request("PUT", `/api/renstra/${renstra.id}/realisasi`, body);
    expect(again.statusCode).toBe(409);
    const outside = await admin.request("PUT", `/api/renstra/${renstra.id}/realisasi`, {
      ...body,
      year: 2031,
    });
    expect(outside.statusCode).toBe(400);
    const bad = await admin.request("PUT", `/api/renstra/${renstra.id}/realisasi`, {
      ...body,
      value: "naik",
    });
    expect(bad.statusCode).toBe(400);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "renstra.realisasi_set"));
    expect(audit).toHaveLength(1);
    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    expect((await operator.request("PUT", `/api/renstra/${renstra.id}/realisasi`, body)).statusCode).toBe(
      403,
    );
  });

  it("links and unlinks a yearly indicator, refusing a Renstra indicator of another kind", async () => {
    const pk = row("Jumlah kasus kematian ibu")?.years[0]?.yearly[0];
    const url = `/api/plans/${pk?.planId}/indicators/${pk?.planIndicatorId}/renstra-link`;
    expect((await admin.request("PUT", url, { renstraIndicatorId: null })).statusCode).toBe(200);
    let after = (await admin.get(`/api/renstra/${renstra.id}`)).json() as RenstraCascade;
    expect(after.rows.find((r) => r.name === "Jumlah kasus kematian ibu")?.years[0]?.yearly).toEqual([]);
    const wrong = await admin.request("PUT", url, { renstraIndicatorId: pk?.planIndicatorId });
    expect(wrong.statusCode).toBe(400);
    const iku = row("Jumlah kasus kematian ibu")?.planIndicatorId;
    expect((await admin.request("PUT", url, { renstraIndicatorId: iku })).statusCode).toBe(200);
    after = (await admin.get(`/api/renstra/${renstra.id}`)).json();
    expect(after.rows.find((r) => r.name === "Jumlah kasus kematian ibu")?.years[0]?.yearly).toHaveLength(1);
  });

  it("lists what a PK indicator may serve with the Renstra's target that year, and refuses a year it does not cover", async () => {
    const pk = row("Jumlah kasus kematian ibu")?.years[0]?.yearly[0];
    const options = (await admin.get(`/api/plans/${pk?.planId}/renstra-options`)).json() as RenstraOptions;
    expect(options.year).toBe(2025);
    expect(options.groups.map((g) => [g.versionLabel, g.active, g.startYear, g.endYear])).toEqual([
      ["Murni", true, 2025, 2029],
    ]);
    const stunting = options.groups[0]?.indicators.find(
      (i) => i.name === "Prevalensi stunting pada anak balita",
    );
    expect(stunting?.target).toBe("≤ 8,2");
    const [rak] = ((await admin.get("/api/plans?kind=rak")).json() as PlanSummary[]).filter(
      (p) => p.year === 2024,
    );
    expect((await admin.get(`/api/plans/${rak?.id}/renstra-options`)).json()).toEqual({
      year: 2024,
      groups: [],
    });
    expect((await admin.get(`/api/plans/${renstra.id}/renstra-options`)).statusCode).toBe(400);
    const rakPlan = (await admin.get(`/api/plans/${rak?.id}`)).json() as Plan;
    const first = rakPlan.nodes.flatMap((n) => n.indicators)[0];
    const refused = await admin.request("PUT", `/api/plans/${rak?.id}/indicators/${first?.id}/renstra-link`, {
      renstraIndicatorId: stunting?.planIndicatorId,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("RENSTRA_INDICATOR_INVALID");
    const url = `/api/plans/${pk?.planId}/indicators/${pk?.planIndicatorId}/renstra-link`;
    const body = {
      renstraIndicatorId: row("Jumlah kasus kematian ibu")?.planIndicatorId,
      reason: "IKU yang sama",
    };
    expect((await admin.request("PUT", url, body)).statusCode).toBe(200);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "plan.indicator_link"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit?.reason).toBe("IKU yang sama");
  });

  it("gives a blank template in the import's layout: empty it says there are no rows, filled it imports", async () => {
    const res = await admin.get("/api/renstra/template.xlsx?startYear=2030");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("templat-renstra-2030-2034.xlsx");
    const query = `orgUnitId=${metroId}&fileName=templat.xlsx`;
    const empty = await admin.request("POST", `/api/renstra/import/preview?${query}`, res.rawPayload, XLSX);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({
      code: "NO_INDICATORS",
      message: expect.stringContaining("belum berisi baris"),
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Renstra");
    expect(((sheet?.getRow(4).values ?? []) as unknown[]).slice(1)).toEqual(RENSTRA_TEMPLATE_COLUMNS(2030));
    sheet?.addRow([
      "1",
      "Meningkatnya derajat kesehatan",
      "",
      "",
      "Angka Harapan Hidup",
      "tahun",
      "naik",
      "72,1",
      "72,2",
      "72,3",
      "72,4",
      "72,5",
      "72,5",
    ]);
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const preview = await admin.request("POST", `/api/renstra/import/preview?${query}`, filled, XLSX);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      startYear: 2030,
      endYear: 2034,
      summary: { tujuan: 1, sasaran: 0, program: 0, indicators: 1 },
      warnings: [],
    });
    expect(book.getWorksheet("Petunjuk")?.getCell("A1").value).toContain("2030–2034");
    expect((await admin.get("/api/renstra/template.xlsx?startYear=1999")).statusCode).toBe(400);
  });

  it("exports xlsx in the import's layout, which imports back as perubahan I; and a pdf", async () => {
    const xlsx = await admin.get(`/api/renstra/${renstra.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet("Renstra")?.getRow(4).getCell(8).value).toBe("2025");
    const pdf = await admin.get(`/api/renstra/${renstra.id}/export.pdf?paper=F4`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const query = `orgUnitId=${metroId}&fileName=renstra.xlsx`;
    const preview = await admin.request(
      "POST",
      `/api/renstra/import/preview?${query}`,
      xlsx.rawPayload,
      XLSX,
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.json().summary).toEqual({ tujuan: 1, sasaran: 2, program: 5, indicators: 13 });
    const imported = await admin.request("POST", `/api/renstra/import?${query}`, xlsx.rawPayload, XLSX);
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ version: 2, versionLabel: "Perubahan I" });
    const revised = (await admin.get(`/api/renstra/${imported.json().planId}`)).json() as RenstraCascade;
    expect(revised.rows.find((r) => r.name === "Prevalensi stunting pada anak balita")?.end).toBe("≤ 7");
    // The PK 2025 still serves the indicator through the catalogue, whichever version is shown.
    const jkn = revised.rows.find((r) => r.name === "Persentase Peserta Jaminan Kesehatan Nasional (JKN)");
    expect(jkn?.years[0]?.yearly[0]?.departure).toBe("weaker");
    expect(revised.programs.find((p) => p.code === "1.02.02")?.total).toBe(285_500_000_000);
  });

  it("refuses an empty upload and a workbook without the table", async () => {
    const query = `orgUnitId=${metroId}&fileName=renstra.csv`;
    const empty = await admin.request("POST", `/api/renstra/import?${query}`, Buffer.from("a;b\n1;2\n"), {
      "content-type": "text/csv",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe("HEADER_NOT_FOUND");
  });
});
