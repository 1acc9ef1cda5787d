import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { columnLetter } from "./population-import.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Row {
  code: string;
  cells: Record<string, { value: string; source: string | null } | null>;
}
interface PreviewRow {
  row: number;
  orgUnitCode: string;
  errors: Array<{ column: string | null; message: string; messageEn: string }>;
  changes: Array<{ category: string; old: string | null; new: string }>;
}

it("names spreadsheet columns as Excel does", () => {
  expect([0, 1, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
});

describe.each(testDatabases())("SPM population import on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let depok: string;
  const cell = async (code: string, category: string) => {
    const res = await admin.get(`/api/spm/populations/grid?orgUnitId=${depok}&year=2019`);
    return (res.json().rows as Row[]).find((r) => r.code === code)?.cells[category] ?? null;
  };
  const audits = async () =>
    (
      await t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "spm.population_set"))
        .orderBy(asc(auditLog.id))
    ).length;
  const upload = (body: Buffer, dryRun: boolean, type = XLSX) =>
    admin.request("POST", `/api/spm/populations/import?orgUnitId=${depok}&year=2019&dryRun=${dryRun}`, body, {
      "content-type": type,
    });

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.depok");
    const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "32.76"));
    depok = unit?.id as string;
  });
  afterAll(() => t.close());

  it("round-trips the template: download, edit in Excel, preview the change, then save it", async () => {
    const res = await admin.get(`/api/spm/populations/template.xlsx?orgUnitId=${depok}&year=2019`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    expect(res.headers["content-disposition"]).toContain("sasaran-spm-32.76-2019.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual(["Kode Unit", "Nama Unit", "Ibu hamil"]);
    expect(header.at(-1)).toBe("Sumber data");
    expect(sheet.getRow(2).hidden).toBe(true);
    const codes = sheet.getRow(2).values as unknown[];
    expect(codes.slice(1, 4)).toEqual(["KODE_UNIT", "NAMA_UNIT", "BUMIL"]);
    const rowOf = (code: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === code) found = row;
      });
      return found as ExcelJS.Row;
    };
    const column = (category: string) => codes.indexOf(category);
    const tbBefore = await cell("32.76.01.P1", "TB");
    expect(rowOf("32.76").getCell(2).value).toBe("Kota Depok");
    expect(rowOf("32.76.01.P1").getCell(column("TB")).value).toBe(Number(tbBefore?.value));
    rowOf("32.76.01.P1").getCell(column("TB")).value = 55;
    const kecamatan = rowOf("32.76.05");
    kecamatan.getCell(column("BUMIL")).value = "1.500";
    kecamatan.getCell(codes.indexOf("SUMBER")).value = "Dukcapil 2019";
    const edited = Buffer.from(await book.xlsx.writeBuffer());

    const auditsBefore = await audits();
    const preview = await upload(edited, true);
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({ dryRun: true, changes: 2, errors: 0, written: 0 });
    const changed = (body.rows as PreviewRow[]).filter((r) => r.changes.length);
    expect(changed.map((r) => [r.orgUnitCode, r.changes])).toEqual([
      ["32.76.01.P1", [{ category: "TB", label: "Orang dengan TB", old: tbBefore?.value, new: "55" }]],
      ["32.76.05", [{ category: "BUMIL", label: "Ibu hamil", old: null, new: "1500" }]],
    ]);
    expect((await cell("32.76.01.P1", "TB"))?.value).toBe(tbBefore?.value);
    expect(await audits()).toBe(auditsBefore);

    const saved = await upload(edited, false);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ dryRun: false, changes: 2, written: 2 });
    expect((await cell("32.76.01.P1", "TB"))?.value).toBe("55");
    expect(await cell("32.76.05", "BUMIL")).toMatchObject({ value: "1500", source: "Dukcapil 2019" });
    expect(await audits()).toBe(auditsBefore + 2);
    expect((await upload(edited, false)).json()).toMatchObject({ changes: 0, written: 0 });
  });

  it("reads a CSV with Indonesian and plain thousands separators", async () => {
    const csv = "Kode Unit;Nama Unit;Ibu hamil;TB\n32.76.06.P1;Puskesmas;1.250;2,500\n";
    const res = await upload(Buffer.from(csv), false, "text/csv");
    expect(res.statusCode, res.body).toBe(200);
    expect((await cell("32.76.06.P1", "BUMIL"))?.value).toBe("1250");
    expect((await cell("32.76.06.P1", "TB"))?.value).toBe("2500");
  });

  it("reports unknown, foreign and unreadable rows with row and column, and then writes nothing", async () => {
    const csv = [
      "Kode Unit;Nama Unit;Ibu hamil;TB",
      "99.99.99;Tidak ada;10;1",
      "32.76.01.P1;Puskesmas Beji;-3;banyak",
      "18.72.01.P2;Puskesmas Yosomulyo;5;5",
      "32.76.R1;RSUD Kota Depok;5;5",
      "32.76.02.P1;Puskesmas;77;",
    ].join("\n");
    const before = await audits();
    const preview = await upload(Buffer.from(csv), true, "text/csv");
    expect(preview.statusCode, preview.body).toBe(200);
    const rows = preview.json().rows as PreviewRow[];
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(rows[0]?.errors).toEqual([
      {
        column: "A",
        message: "Kode unit 99.99.99 tidak dikenal.",
        messageEn: "Unit code 99.99.99 is not known.",
      },
    ]);
    expect(rows[1]?.errors.map((e) => [e.column, e.message])).toEqual([
      ["C", 'Kolom C (Ibu hamil): "-3" bukan jumlah orang (bilangan bulat ≥ 0).'],
      ["D", 'Kolom D (Orang dengan TB): "banyak" bukan jumlah orang (bilangan bulat ≥ 0).'],
    ]);
    expect(rows[2]?.errors[0]?.message).toBe("Unit 18.72.01.P2 bukan bagian dari Kota Depok.");
    expect(rows[3]?.errors[0]?.messageEn).toBe("Unit 32.76.R1 is not part of Kota Depok.");
    expect(rows[4]?.errors).toEqual([]);
    expect(rows[4]?.changes.map((c) => c.new)).toEqual(["77"]);

    const commit = await upload(Buffer.from(csv), false, "text/csv");
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error).toMatchObject({ code: "IMPORT_HAS_ERRORS" });
    expect(commit.json().error.details.rows).toHaveLength(4);
    expect((await cell("32.76.02.P1", "BUMIL"))?.value).not.toBe("77");
    expect(await audits()).toBe(before);
  });

  it("refuses a file that is not a spreadsheet or has an unknown column, and callers who may not write", async () => {
    const notSheet = await upload(Buffer.from([0, 1, 2, 3]), true);
    expect(notSheet.statusCode).toBe(400);
    const unknown = await upload(Buffer.from("Kode Unit;Ibu hamil;Gaji\n32.76.01;1;2\n"), true, "text/csv");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('Kolom C ("Gaji") tidak dikenal');
    const operator = await TestClient.loggedIn(t.app, "operator.beji");
    const csv = Buffer.from("Kode Unit;TB\n32.76.01.P1;3\n");
    const refused = await operator.request(
      "POST",
      `/api/spm/populations/import?orgUnitId=${depok}&year=2019&dryRun=true`,
      csv,
      { "content-type": "text/csv" },
    );
    expect(refused.statusCode).toBe(403);
  });
});
