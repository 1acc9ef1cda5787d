import ExcelJS, { type CellValue, type Worksheet } from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { spmDepok2019 as report } from "./fixtures.js";
import { SURVEY_ROW, spmReportXlsx, XLSX_ROW } from "./xlsx.js";

/** Every value of the sheet as text, skipping the slave cells of merges. */
function texts(sheet: Worksheet): string[] {
  const out: CellValue[] = [];
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (!cell.isMerged || cell.master === cell) out.push(cell.value);
    });
  });
  return out.map(String);
}

const rowOf = (service: number) => XLSX_ROW.firstBody + 2 * (service - 1);

describe("spmReportXlsx on Kota Depok 2019", () => {
  let sheet: Worksheet;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await spmReportXlsx(report)) as unknown as ArrayBuffer);
    const first = workbook.worksheets[0];
    if (first === undefined) throw new Error("no sheet");
    sheet = first;
  });

  it("starts with the title, region and year, and the regulation", () => {
    expect([1, 2, 3].map((r) => sheet.getCell(r, 1).value)).toEqual([
      "LAPORAN PENERAPAN DAN PENCAPAIAN STANDAR PELAYANAN MINIMAL BIDANG KESEHATAN",
      "KOTA DEPOK TAHUN 2019",
      "Peraturan Wali Kota Depok Nomor 57 Tahun 2017",
    ]);
  });

  it("summarises services that met their target, fell short of it and have no data", () => {
    expect([0, 1, 2, 3].map((i) => sheet.getCell(XLSX_ROW.summary + i, 1).value)).toEqual([
      "Jumlah jenis pelayanan dasar: 12",
      "Mencapai target: 2 jenis pelayanan",
      "Di bawah target: 9 jenis pelayanan",
      "Belum ada data: 1 jenis pelayanan",
    ]);
  });

  it("has one block of two rows per service, numbered 1 to 12", () => {
    const numbers = report.services.map((s) => sheet.getCell(rowOf(s.number), 1).value);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(sheet.getCell(rowOf(12), 2).value).toBe("Pelayanan Kesehatan Orang dengan Risiko Terinfeksi HIV");
    expect(sheet.getCell(rowOf(12) + 2, 1).value).toBeNull();
  });

  it("writes counts and percentages as real numbers with formats", () => {
    const row = rowOf(1);
    const cell = (column: number) => sheet.getCell(row, column);
    expect([4, 5, 6, 7, 8, 9].map((c) => cell(c).value)).toEqual([100, 36500, 38000, 96.05, 3.95, 86.11]);
    expect([5, 6, 7, 8].map((c) => cell(c).numFmt)).toEqual(["#,##0", "#,##0", "0.00", "0.00"]);
    expect(sheet.getCell(row + 1, 9).value).toBe("B (Baik), 240 responden");
    expect(sheet.getCell(row + 1, 5).value).toBe("Data dari 38 dari 38 laporan");
    expect(sheet.getCell(rowOf(3), 8).value).toBe(-1.73);
  });

  it("prints the estimated denominator's note under it, and missing data with its reason", () => {
    expect(sheet.getCell(rowOf(8) + 1, 6).value).toBe("1.500.000 × 25,8% (Riskesdas 2013, 2013) = 387.000");
    expect([5, 6, 7, 8, 9].map((c) => sheet.getCell(rowOf(5), c).value)).toEqual([
      "belum ada data",
      "belum ada data",
      "belum ada laporan",
      "–",
      "belum ada survei",
    ]);
    expect(sheet.getCell(rowOf(5) + 1, 5).value).toBe("Data dari 0 dari 38 laporan");
  });

  it("freezes and repeats the header, prints landscape one page wide", () => {
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: XLSX_ROW.header });
    expect(sheet.getCell(XLSX_ROW.header, 5).value).toBe("PEMBILANG\n(jumlah yang dilayani sesuai standar)");
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, paperSize: 9 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${XLSX_ROW.header}:${XLSX_ROW.header}`);
  });

  it("ends with the signatory", () => {
    const all = texts(sheet);
    for (const line of [
      "Depok, 31 Januari 2020",
      "KEPALA DINAS KESEHATAN KOTA DEPOK",
      "dr. Novarita, MM",
      "NIP. 196611201996032002",
    ]) {
      expect(all).toContain(line);
    }
  });

  it("uses F4 paper when asked", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await spmReportXlsx(report, { paper: "F4" })) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.pageSetup.paperSize).toBe(14);
  });
});

describe("spmReportXlsx: the sheet of IKM per facility", () => {
  const load = async (r: typeof report, paper?: "F4") => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await spmReportXlsx(r, paper ? { paper } : {})) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("IKM per fasilitas");
    if (sheet === undefined) throw new Error("no IKM sheet");
    return { workbook, sheet };
  };
  const rowValues = (sheet: Worksheet, row: number) =>
    [1, 2, 3, 4, 5, 6, 7].map((c) => sheet.getCell(row, c).value);

  it("comes second, with the appendix title, region and year, and how to read the IKM", async () => {
    const { workbook, sheet } = await load(report);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["SPM 2019", "IKM per fasilitas"]);
    expect([1, 2].map((r) => sheet.getCell(SURVEY_ROW.title + r - 1, 1).value)).toEqual([
      "LAMPIRAN: INDEKS KEPUASAN MASYARAKAT PER FASILITAS",
      "KOTA DEPOK TAHUN 2019",
    ]);
    expect(String(sheet.getCell(SURVEY_ROW.title + 2, 1).value)).toContain("A 88,31–100 Sangat Baik");
  });

  it("lists each facility's IKM with its service, respondents and band label", async () => {
    const { sheet } = await load(report);
    expect(rowValues(sheet, SURVEY_ROW.header)).toEqual([
      "NO",
      "FASILITAS",
      "JENIS PELAYANAN",
      "PERIODE",
      "JUMLAH RESPONDEN",
      "IKM",
      "MUTU PELAYANAN",
    ]);
    expect(rowValues(sheet, SURVEY_ROW.firstBody)).toEqual([
      1,
      "Puskesmas Beji",
      "1. Pelayanan Kesehatan Ibu Hamil",
      "2019",
      120,
      88.54,
      "A (Sangat Baik)",
    ]);
    expect(rowValues(sheet, SURVEY_ROW.firstBody + 1)).toEqual([
      2,
      "Puskesmas Sukmajaya",
      "1. Pelayanan Kesehatan Ibu Hamil",
      "2019",
      120,
      83.68,
      "B (Baik)",
    ]);
    expect(sheet.getCell(SURVEY_ROW.firstBody, 6).numFmt).toBe("0.00");
    expect(sheet.getCell(SURVEY_ROW.firstBody + 2, 1).value).toBeNull();
    expect(sheet.getCell(SURVEY_ROW.firstBody + 1, 7).border).toMatchObject({ top: { style: "thin" } });
  });

  it("names a semester survey the Indonesian way", async () => {
    const [first] = report.surveys;
    if (first === undefined) throw new Error("fixture without surveys");
    const { sheet } = await load({ ...report, surveys: [{ ...first, period: "2019S2" }] });
    expect(sheet.getCell(SURVEY_ROW.firstBody, 4).value).toBe("Semester II 2019");
  });

  it('says "belum ada survei" when no facility held a survey', async () => {
    const { sheet } = await load({ ...report, surveys: [] });
    expect(sheet.getCell(SURVEY_ROW.firstBody, 1).value).toBe("belum ada survei");
    expect(sheet.getCell(SURVEY_ROW.firstBody + 1, 1).value).toBeNull();
  });

  it("prints like the first sheet: landscape, one page wide, header repeated, paper as asked", async () => {
    const { sheet } = await load(report);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: SURVEY_ROW.header });
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, paperSize: 9 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${SURVEY_ROW.header}:${SURVEY_ROW.header}`);
    expect((await load(report, "F4")).sheet.pageSetup.paperSize).toBe(14);
  });
});
