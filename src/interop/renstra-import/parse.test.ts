import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { renstraMetro2025 } from "../../demo/renstra-metro-2025.js";
import { renstraXlsx } from "../../reports/renstra/index.js";
import { parseRenstraFile } from "./parse.js";

type Row = Array<string | number | null>;

async function workbook(rows: Row[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Renstra");
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const HEADER = ["Tujuan", "Sasaran Strategis", "Program", "Indikator", "Satuan"];

describe("the Renstra import", () => {
  it("reads a bad workbook with warnings and guesses nothing", async () => {
    const bytes = await workbook([
      ["RENCANA STRATEGIS DINAS KESEHATAN KOTA CONTOH 2025-2029"],
      [],
      [...HEADER, "Target 2025", "Target 2027", "Target 2026", "Target 2028", "Target 2029", "Target Akhir"],
      [
        "Meningkatnya derajat kesehatan",
        null,
        null,
        "Angka Harapan Hidup",
        "angka",
        72.3,
        72.5,
        72.4,
        72.6,
        72.7,
      ],
      [
        null,
        "Meningkatnya mutu layanan",
        null,
        "Jumlah puskesmas terakreditasi",
        "unit",
        "R4 : 11 Unit",
        "11",
        "11",
        "",
        "11",
        "R4 : 11 Unit",
      ],
      [null, null, null, "Prevalensi stunting", "%", "≤ 8,5", "≤ 8", "≤ 8,2", "≤ 7,8", "≤ 7,5", "≤ 7,5"],
      [null, null, "1.02.02 Program Pemenuhan UKP dan UKM", "Cakupan IDL", "%", 95, 96, 95.5, 96.5, 97, 97],
      [
        null,
        null,
        null,
        "Pagu indikatif (Rp)",
        null,
        1_000_000,
        1_200_000,
        1_100_000,
        "menyusul",
        1_400_000,
        null,
      ],
    ]);
    const { document, warnings, summary } = await parseRenstraFile(bytes, "renstra.xlsx");
    const codes = warnings.map((w) => `${w.code}@${w.row}`);
    expect(codes).toContain("YEARS_OUT_OF_ORDER@3");
    expect(codes).toContain("END_TARGET_MISSING@4");
    expect(codes).toContain("TARGET_QUALIFIED@5");
    expect(codes).toContain("TARGET_BOUND@6");
    expect(codes).toContain("BUDGET_UNREADABLE@8");
    expect(summary).toEqual({ tujuan: 1, sasaran: 1, program: 1, indicators: 4 });
    expect(document).toMatchObject({
      startYear: 2025,
      endYear: 2029,
      title: expect.stringMatching(/^RENCANA/),
    });
    const [ahh] = document.tujuan[0]?.indicators ?? [];
    // Each target is read by the year in its header, and no end target is made up from the last year.
    expect(ahh?.targets).toEqual({ 2025: "72.3", 2026: "72.4", 2027: "72.5", 2028: "72.6", 2029: "72.7" });
    expect(ahh?.end).toBeNull();
    const [akreditasi, stunting] = document.tujuan[0]?.sasaran[0]?.indicators ?? [];
    expect(akreditasi?.targets[2025]).toBe("R4 : 11 Unit");
    expect(akreditasi?.targets[2028]).toBe("-");
    expect(akreditasi?.end).toBe("R4 : 11 Unit");
    expect(stunting?.targets[2025]).toBe("≤ 8,5");
    const program = document.tujuan[0]?.sasaran[0]?.programs[0];
    expect(program).toMatchObject({ code: "1.02.02", name: "Program Pemenuhan UKP dan UKM" });
    expect(program?.budgets).toEqual({
      2025: 1_000_000,
      2026: 1_100_000,
      2027: 1_200_000,
      2028: null,
      2029: 1_400_000,
    });
  });

  it("reports a year without a column, and refuses a year in two columns", async () => {
    const gap = await workbook([
      [...HEADER, 2025, 2026, 2028, "Target Akhir"],
      ["T", null, null, "AHH", "angka", 1, 2, 3, 3],
    ]);
    const { warnings } = await parseRenstraFile(gap, "gap.xlsx");
    expect(warnings.map((w) => w.code)).toContain("YEAR_MISSING");
    const twice = await workbook([
      [...HEADER, 2025, 2025, "Target Akhir"],
      ["T", null, null, "AHH", "angka", 1, 2, 3],
    ]);
    await expect(parseRenstraFile(twice, "twice.xlsx")).rejects.toMatchObject({ code: "YEAR_REPEATED" });
  });

  it("reads back the demo Renstra from its own export", async () => {
    const bytes = await renstraXlsx(renstraMetro2025);
    const { document, warnings } = await parseRenstraFile(new Uint8Array(bytes), "renstra.xlsx");
    expect(document.tujuan).toEqual(renstraMetro2025.tujuan.map((t) => ({ ...t })));
    expect(warnings.every((w) => w.code === "TARGET_BOUND")).toBe(true);
  });
});
