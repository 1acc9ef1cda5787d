import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import { RUPIAH_FORMAT, rakXlsx, XLSX_ROW } from "./xlsx.js";

async function read(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error("no worksheet");
  return sheet;
}

const text = (sheet: ExcelJS.Worksheet, address: string) => sheet.getCell(address).value;
const firstBody = XLSX_ROW.firstBody;
const lastBody = firstBody + 42;

describe("rakXlsx on the Metro 2024 RAK", () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    sheet = await read(await rakXlsx(rakMetro2024));
  });

  it("starts with the title block, centred and bold", () => {
    expect([1, 2, 3].map((r) => text(sheet, `A${r}`))).toEqual([
      "RENCANA AKSI KINERJA",
      "DINAS KESEHATAN KOTA METRO",
      "TAHUN 2024",
    ]);
    expect(sheet.getCell("A1").font.bold).toBe(true);
    expect(sheet.getCell("A1").alignment.horizontal).toBe("center");
    expect(sheet.model.merges).toContain("A1:K1");
  });

  it("has the seed's two header rows with TARGET TRIWULAN over I–IV", () => {
    const top = [..."ABCDEFGHIJK"].map((c) => text(sheet, `${c}5`));
    expect(top).toEqual([
      "SASARAN",
      "PROGRAM",
      "KEGIATAN",
      "INDIKATOR KINERJA PROGRAM/ KEGIATAN",
      "SATUAN",
      "TARGET",
      "TARGET TRIWULAN",
      "TARGET TRIWULAN",
      "TARGET TRIWULAN",
      "TARGET TRIWULAN",
      "ANGGARAN",
    ]);
    expect(["G6", "H6", "I6", "J6"].map((a) => text(sheet, a))).toEqual(["I", "II", "III", "IV"]);
    expect(sheet.model.merges).toEqual(expect.arrayContaining(["A5:A6", "D5:D6", "G5:J5", "K5:K6"]));
  });

  it("has 43 indicator rows in document order", () => {
    expect(text(sheet, `D${firstBody}`)).toBe("Angka Harapan Hidup");
    expect(text(sheet, `D${lastBody}`)).toBe("Persentase terpenuhinya pengembangan dan pelaksanaan UKBM");
    const indicators = [];
    for (let r = firstBody; r <= lastBody; r++) indicators.push(text(sheet, `D${r}`));
    expect(indicators.every((v) => typeof v === "string" && v.length > 0)).toBe(true);
    expect(text(sheet, `D${lastBody + 1}`)).toBeNull();
  });

  it("merges the sasaran, each program, and the budget over a node's own rows", () => {
    const merges = sheet.model.merges;
    expect(merges).toContain(`A${firstBody}:A${lastBody}`);
    const programs = [
      [6, 9],
      [15, 17],
      [32, 3],
      [35, 4],
      [39, 4],
    ].map(([first = 0, count = 0]) => `B${firstBody + first}:B${firstBody + first + count - 1}`);
    expect(merges).toEqual(expect.arrayContaining(programs));
    expect(merges).toEqual(expect.arrayContaining([`K${firstBody}:K${firstBody + 5}`, "K22:K34"]));
    expect(text(sheet, "B22")).toBe(
      "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
    );
    // Every kegiatan of the seed has one indicator: its cell is a single, unmerged row.
    expect(text(sheet, "C21")).toBe("Peningkatan Pelayanan BLUD");
    expect(merges.filter((m) => m.startsWith("C"))).toEqual(["C5:C6"]);
  });

  it("makes program rows bold", () => {
    expect(sheet.getCell(`B${firstBody + 6}`).font.bold).toBe(true);
    expect(sheet.getCell(`D${firstBody + 6}`).font.bold).toBe(true);
    expect(sheet.getCell(`F${firstBody + 6}`).font.bold).toBe(true);
    expect(sheet.getCell(`D${firstBody + 7}`).font.bold).toBeFalsy();
    expect(sheet.getCell(`A${firstBody}`).font.bold).toBeFalsy();
  });

  it("writes targets as Indonesian text and budgets as summable numbers in Rupiah format", () => {
    expect(text(sheet, `F${firstBody}`)).toBe("72,18");
    expect(text(sheet, `G${firstBody}`)).toBe("-");
    expect(text(sheet, "F21")).toBe("11 dan 2");
    const hiv = Array.from({ length: 43 }, (_, i) => firstBody + i).find(
      (r) => text(sheet, `D${r}`) === "Prevalensi HIV/AIDS",
    );
    expect(text(sheet, `F${hiv}`)).toBe("0,013");
    expect(text(sheet, `K${firstBody}`)).toBe(343221061270);
    expect(sheet.getCell(`K${firstBody}`).numFmt).toBe(RUPIAH_FORMAT);
  });

  it("ends with the signatory block on the right", () => {
    const below: [string, unknown][] = [];
    for (let r = lastBody + 1; r <= sheet.rowCount; r++) {
      const value = text(sheet, `F${r}`);
      if (value !== null) below.push([`F${r}`, value]);
    }
    expect(below.map(([, v]) => v)).toEqual([
      "KEPALA DINAS KESEHATAN KOTA METRO",
      "Dr. EKO HENDRO SAPUTRA, ST.M.Kes",
      "NIP. 19720310 199703 1 006",
    ]);
    const [, [nameAddress = ""] = []] = below;
    expect(sheet.getCell(nameAddress).font).toMatchObject({ bold: true, underline: true });
    const [position, name] = below.map(([a]) => Number(a.slice(1)));
    expect((name ?? 0) - (position ?? 0)).toBeGreaterThan(2);
    expect(sheet.model.merges).toContain(`F${position}:K${position}`);
  });

  it("prints landscape A4, one page wide, with the header rows on every page", () => {
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "5:6",
    });
  });
});

describe("rakXlsx options", () => {
  it("sets F4 (Excel's Folio 8½ × 13 in) when asked", async () => {
    const sheet = await read(await rakXlsx(rakMetro2024, { paper: "F4" }));
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 14 });
  });

  it("prints place and date above the position when given", async () => {
    const signatory = { ...rakMetro2024.signatory, place: "Metro", date: "2026-11-24" };
    const sheet = await read(await rakXlsx({ ...rakMetro2024, signatory }));
    const texts: unknown[] = [];
    sheet.getColumn(6).eachCell((cell) => {
      texts.push(cell.value);
    });
    expect(texts.slice(-4)).toEqual([
      "Metro, 24 November 2026",
      "KEPALA DINAS KESEHATAN KOTA METRO",
      "Dr. EKO HENDRO SAPUTRA, ST.M.Kes",
      "NIP. 19720310 199703 1 006",
    ]);
  });
});
