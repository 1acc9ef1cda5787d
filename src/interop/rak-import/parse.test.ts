import { beforeAll, describe, expect, it } from "vitest";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import { seedCsv, seedWorkbook } from "./fixtures.js";
import { parseRakFile, type RakImport } from "./index.js";

/** The warnings seed 000 deserves, by spreadsheet row of the fixture workbook. */
const SEED_WARNINGS = [
  [7, "BUDGET_SUM_MISMATCH"], // sasaran 343.221.061.270 vs programs 342.067.018.088
  [11, "QUARTERS_NOT_RECONCILED"], // stunting 2,13 × 4 = 8,52 vs 8,5
  [21, "COMPOUND_TARGET"], // BLUD "11 dan 2"
  [30, "QUARTERS_NOT_RECONCILED"], // Insiden TB
  [32, "QUARTERS_NOT_RECONCILED"], // DBD
  [33, "QUARTERS_NOT_RECONCILED"], // HIV
  [39, "BUDGET_SUM_MISMATCH"], // Program SDM 778.314.600 vs 62.100.000
  [41, "BUDGET_MISSING"], // Pengembangan Mutu …
  [44, "UNIT_CONTRADICTS_NAME"], // "Persentase … Stiker …" in dokumen
];

const warningAt = (result: RakImport, row: number, code: string) =>
  result.warnings.find((w) => w.row === row && w.code === code);

describe("importing the RAK Dinas Kesehatan Kota Metro 2024 spreadsheet", () => {
  let result: RakImport;
  beforeAll(async () => {
    result = await parseRakFile(await seedWorkbook(), "RAK Dinkes Metro.xlsx");
  });

  it("gives exactly the plan printed in the document, budgets and targets as written", () => {
    expect(result.document).toEqual(rakMetro2024);
  });

  it("counts 1 sasaran, 5 programs, 20 kegiatan, 43 indicators and Rp 343.221.061.270", () => {
    expect(result.summary).toEqual({
      sasaran: 1,
      program: 5,
      kegiatan: 20,
      subKegiatan: 0,
      indicators: 43,
      budgetTotal: 343_221_061_270,
    });
  });

  it("joins the program name the page break split over two rows", () => {
    const names = result.document.sasaran[0]?.programs.map((p) => p.name);
    expect(names).toContain("Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat");
    expect(names).not.toContain("Masyarakat");
  });

  it("reads title, year and signatory from the title block and the bottom of the sheet", () => {
    const { title, orgUnitName, year, signatory } = result.document;
    expect({ title, orgUnitName, year }).toEqual({
      title: "Rencana Aksi Kinerja Dinas Kesehatan Kota Metro Tahun 2024",
      orgUnitName: "Dinas Kesehatan Kota Metro",
      year: 2024,
    });
    expect(signatory).toEqual(rakMetro2024.signatory);
  });

  it("warns exactly about what a planner must look at, row by row", () => {
    expect(result.warnings.map((w) => [w.row, w.code])).toEqual(SEED_WARNINGS);
    for (const w of result.warnings) {
      expect(w.message).not.toBe("");
      expect(w.messageEn).not.toBe("");
    }
  });

  it("shows quarter gaps the Indonesian way without fixing them", () => {
    expect(warningAt(result, 11, "QUARTERS_NOT_RECONCILED")?.message).toContain("8,52");
    expect(warningAt(result, 11, "QUARTERS_NOT_RECONCILED")?.message).toContain("+0,02");
    expect(warningAt(result, 30, "QUARTERS_NOT_RECONCILED")?.message).toContain("-0,03");
    expect(warningAt(result, 32, "QUARTERS_NOT_RECONCILED")?.message).toContain("-0,01");
    expect(warningAt(result, 33, "QUARTERS_NOT_RECONCILED")?.message).toContain("-0,001");
    const stunting = result.document.sasaran[0]?.indicators[4];
    expect(stunting).toMatchObject({ target: "8.5", quarters: ["2.13", "2.13", "2.13", "2.13"] });
  });

  it("names both sides of each budget that does not add up, in Rupiah", () => {
    const program = warningAt(result, 39, "BUDGET_SUM_MISMATCH")?.message;
    expect(program).toContain("Rp 778.314.600");
    expect(program).toContain("Rp 62.100.000");
    const sasaran = warningAt(result, 7, "BUDGET_SUM_MISMATCH")?.message;
    expect(sasaran).toContain("Rp 343.221.061.270");
    expect(sasaran).toContain("Rp 342.067.018.088");
  });

  it("keeps the compound target 11 dan 2 and notes it is counted together as 13", () => {
    expect(warningAt(result, 21, "COMPOUND_TARGET")?.message).toContain("13");
  });

  it("keeps the unit dokumen on a Persentase indicator and flags it", () => {
    expect(warningAt(result, 44, "UNIT_CONTRADICTS_NAME")?.message).toContain('"dokumen"');
  });
});

describe("importing the same RAK converted to CSV with Indonesian numbers", () => {
  it("gives the same plan from empty continuation cells, 72,18 and Rp 343.221.061.270", async () => {
    const result = await parseRakFile(new TextEncoder().encode(seedCsv()), "rak-metro.csv");
    expect(result.document).toEqual(rakMetro2024);
    expect(result.warnings.map((w) => w.code)).toEqual(SEED_WARNINGS.map(([, code]) => code));
  });
});
