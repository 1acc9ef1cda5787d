import { eq, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { OrgUnitImport } from "./schemas.js";

const HEADER = ["Kode", "Nama", "Jenis", "Kepemilikan", "Induk", "BLUD", "Kode Kemenkes"];

async function xlsx(rows: Array<Array<string | null>>) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Unit");
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const csv = (rows: string[][]) => Buffer.from([HEADER, ...rows].map((r) => r.join(";")).join("\n"));

describe.each(testDatabases())("org unit import on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let metroId: string;
  const upload = (body: Buffer, dryRun: boolean, fileName = "unit.xlsx") =>
    admin.request(
      "POST",
      `/api/org-units/import?orgUnitId=${metroId}&fileName=${fileName}&dryRun=${dryRun}`,
      body,
      { "content-type": fileName.endsWith(".csv") ? "text/csv" : "application/octet-stream" },
    );
  const unit = async (code: string) =>
    (await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, code)))[0];
  const snapshot = async () =>
    JSON.stringify(await t.database.db.select().from(orgUnits).orderBy(orgUnits.code));

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    metroId = (await unit("18.72"))?.id as string;
  });
  afterAll(() => t.close());

  it("offers a template pre-filled with the region's units, which reads back unchanged", async () => {
    const res = await admin.get(`/api/org-units/template.xlsx?orgUnitId=${metroId}`);
    expect(res.statusCode).toBe(200);
    const preview: OrgUnitImport = (await upload(res.rawPayload, true)).json();
    expect(preview.counts).toEqual({ new: 0, changed: 0, unchanged: 18, error: 0 });
  });

  it("previews new, changed and unchanged rows, then writes them all in one go", async () => {
    const file = await xlsx([
      ["18.72.06", "Kecamatan Metro Kidul", "Kecamatan", null, "18.72", null, null],
      ["18.72.06.P1", "Puskesmas Metro Kidul", "Puskesmas", "Pemerintah", "18.72.06", "Ya", "P1872060101"],
      ["18.72.06.K1", "Klinik Pratama Sehat", "Klinik", "Swasta", "18.72.06.P1", "Tidak", null],
      ["18.72.03.P1", "Puskesmas Ganjar Agung", "puskesmas", "pemerintah", "18.72.03", "ya", null],
      ["18.72.05.P2", "Puskesmas Sumbersari", "Puskesmas", null, "18.72.06", null, null],
    ]);
    const before = await snapshot();
    const preview: OrgUnitImport = (await upload(file, true)).json();
    expect(preview.rows.map((r) => r.status)).toEqual(["new", "new", "new", "unchanged", "changed"]);
    expect(preview.rows[4]?.changes).toEqual([
      { field: "Nama", old: "Puskesmas Sumbersari Bantul", new: "Puskesmas Sumbersari" },
      { field: "Induk", old: "18.72.05", new: "18.72.06" },
    ]);
    expect(await snapshot()).toBe(before);
    const res = await upload(file, false);
    expect(res.statusCode).toBe(200);
    const klinik = await unit("18.72.06.K1");
    expect(klinik?.path).toBe("/KEMENKES/18/18.72/18.72.06/18.72.06.P1/18.72.06.K1/");
    expect(klinik?.districtId).toBe(metroId);
    expect(klinik?.ownerType).toBe("swasta");
    expect((await unit("18.72.06.P1"))?.kemenkesCode).toBe("P1872060101");
    expect((await unit("18.72.05.P2"))?.path).toBe("/KEMENKES/18/18.72/18.72.06/18.72.05.P2/");
    const audits = await t.database.db.select().from(auditLog).where(like(auditLog.reason, "Impor berkas%"));
    expect(audits.map((a) => a.action).sort()).toEqual([
      "orgunit.create",
      "orgunit.create",
      "orgunit.create",
      "orgunit.import",
    ]);
  });

  it("reads a CSV with labels or codes", async () => {
    const res = await upload(
      csv([["18.72.06.L1", "Laboratorium Kesehatan Daerah", "laboratorium", "Pemerintah", "18.72", "", ""]]),
      true,
      "unit.csv",
    );
    expect(res.json().rows[0].status).toBe("new");
  });

  it("refuses duplicates, unknown or out-of-scope parents, wrong parent types and cycles, writing nothing", async () => {
    const file = await xlsx([
      ["18.72.08", "Kecamatan A", "Kecamatan", null, "18.72", null, null],
      ["18.72.08", "Kecamatan A lagi", "Kecamatan", null, "18.72", null, null],
      ["18.72.01.P1", "Puskesmas Metro", "Puskesmas", null, "18.72.01", null, null],
      ["32.76.01.P1", "Puskesmas Beji", "Puskesmas", null, "18.72.01", null, null],
      ["18.72.09", "Kecamatan B", "Kecamatan", null, "99.99", null, null],
      ["18.72.10", "Kecamatan C", "Kecamatan", null, "32.76", null, null],
      ["18.72.11", "Puskesmas D", "Puskesmas", null, "18.72", null, null],
      ["18.72.12", "Kecamatan E", "Kecamatan", null, "18.72.13", null, null],
      ["18.72.13", "Kecamatan F", "Kecamatan", null, "18.72.12", null, null],
      ["18.72.14", "Klinik G", "Planet", null, "18.72.01", null, null],
    ]);
    const before = await snapshot();
    const preview: OrgUnitImport = (await upload(file, true)).json();
    const errors = preview.rows.map((r) => r.errors.map((e) => e.messageEn).join(" | "));
    expect(preview.rows.map((r) => r.status)).toEqual([
      "new",
      "error",
      "unchanged",
      "error",
      "error",
      "error",
      "error",
      "error",
      "error",
      "error",
    ]);
    expect(errors[1]).toBe("Code 18.72.08 already appears on row 2.");
    expect(errors[3]).toBe("Code 32.76.01.P1 is already used by Puskesmas Beji outside this region.");
    expect(errors[4]).toBe("Parent code 99.99 is known neither in the file nor in the database.");
    expect(errors[5]).toBe("Parent 32.76 (Kota Depok) is outside your region.");
    expect(errors[6]).toContain("its parent must be kecamatan");
    expect(errors[7]).toContain("cycle");
    expect(errors[9]).toContain('Type "Planet" is not known');
    expect(preview.rows[1]?.errors[0]?.column).toBe("A");
    const res = await upload(file, false);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe(
      "8 baris bermasalah; tidak ada yang disimpan. Perbaiki lalu unggah lagi.",
    );
    expect(await snapshot()).toBe(before);
  });

  it("refuses a file that is not a unit list and a region outside the admin's scope", async () => {
    const res = await upload(Buffer.from("a;b\n1;2\n"), true, "x.csv");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("IMPORT_INVALID");
    const depok = (await unit("32.76"))?.id;
    const out = await admin.request(
      "POST",
      `/api/org-units/import?orgUnitId=${depok}&fileName=u.csv`,
      csv([]),
      {
        "content-type": "text/csv",
      },
    );
    expect(out.statusCode).toBe(403);
  });
});
