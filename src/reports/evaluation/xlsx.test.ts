import ExcelJS, { type CellValue, type Worksheet } from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { RUPIAH_FORMAT } from "../rak/xlsx.js";
import { evaluationMetroTw1 as e } from "./fixtures.js";
import { evaluationXlsx, XLSX_ROW } from "./xlsx.js";

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Every value of the sheet, skipping the slave cells of merges. */
function values(sheet: Worksheet): CellValue[] {
  const out: CellValue[] = [];
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (!cell.isMerged || cell.master === cell) out.push(cell.value);
    });
  });
  return out;
}

const body = XLSX_ROW.firstBody;
const lastBody = body + 42;
const rowOf = (sheet: Worksheet, indicator: string) => {
  for (let r = body; r <= lastBody; r++) if (sheet.getCell(r, 3).value === indicator) return r;
  throw new Error(`no row ${indicator}`);
};

describe("evaluationXlsx on the Metro TW I evaluation", () => {
  let kinerja: Worksheet;
  let anggaran: Worksheet;
  beforeAll(async () => {
    const workbook = await read(await evaluationXlsx(e));
    kinerja = sheetOf(workbook, "Kinerja TW I");
    anggaran = sheetOf(workbook, "Anggaran TW I");
  });

  it("starts both sheets with the title block", () => {
    for (const sheet of [kinerja, anggaran]) {
      expect([1, 2, 3, 4].map((r) => sheet.getCell(r, 1).value)).toEqual([
        "EVALUASI RENCANA AKSI KINERJA",
        "DINAS KESEHATAN KOTA METRO",
        "TRIWULAN I TAHUN 2024",
        "versi 2",
      ]);
    }
    expect(kinerja.getCell("A1").font.bold).toBe(true);
    expect(kinerja.model.merges).toContain("A1:V1");
    expect(kinerja.getCell("A5").value).toBe("A. CAPAIAN KINERJA");
    expect(anggaran.getCell("A5").value).toBe("B. REALISASI ANGGARAN");
  });

  it("has the three header rows with the quarter groups merged", () => {
    const top = Array.from({ length: 22 }, (_, i) => kinerja.getCell(XLSX_ROW.header, i + 1).value);
    expect(new Set(top)).toEqual(
      new Set([
        "NO",
        "SASARAN / PROGRAM / KEGIATAN",
        "INDIKATOR",
        "SATUAN",
        "TARGET TAHUN",
        "TARGET TRIWULAN",
        "REALISASI TRIWULAN",
        "TARGET S.D. TW I",
        "REALISASI S.D. TW I",
        "CAPAIAN S.D. TW I (%)",
        "KATEGORI",
        "PROYEKSI AKHIR TAHUN",
        "FAKTOR PENDORONG",
        "FAKTOR PENGHAMBAT",
        "TINDAK LANJUT",
      ]),
    );
    const below = ["F7", "I7", "J7", "M7", "R7", "S7"].map((a) => kinerja.getCell(a).value);
    expect(below).toEqual(["I", "IV", "I", "IV", "CAPAIAN (%)", "STATUS"]);
    expect(kinerja.getCell("V8").value).toBe(22);
    expect(kinerja.model.merges).toEqual(
      expect.arrayContaining(["A6:A7", "F6:I6", "J6:M6", "R6:S6", "V6:V7"]),
    );
    expect(anggaran.model.merges).toEqual(expect.arrayContaining(["C6:C7", "D6:G6", "I6:I7"]));
  });

  it("has one row per indicator, sasaran and program names merged over their rows", () => {
    const indicators = [];
    for (let r = body; r <= lastBody; r++) indicators.push(kinerja.getCell(r, 3).value);
    expect(indicators).toEqual(e.indicators.map((r) => r.indicator));
    expect(kinerja.model.merges).toEqual(
      expect.arrayContaining([
        `A${body}:A${body + 5}`,
        `B${body}:B${body + 5}`,
        `B${body + 15}:B${body + 27}`,
      ]),
    );
    expect(kinerja.getCell(`B${body + 15}`).value).toBe(
      "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
    );
    expect(kinerja.getCell(`B${body + 15}`).font.bold).toBe(true);
    expect(kinerja.getCell(`C${body + 15}`).font.bold).toBe(true);
    expect(kinerja.getCell(`C${body + 16}`).font.bold).toBe(true);
    expect(kinerja.getCell(`C${body + 28}`).font.bold).toBeFalsy();
    expect(kinerja.getCell(`A${body + 28}`).value).toBe("1.2.1");
  });

  it("writes numbers as numbers: capaian with 2 decimals, targets and realisasi as they are", () => {
    const r = rowOf(kinerja, "Persentase terpenuhinya administrasi keuangan perangkat daerah");
    expect(kinerja.getCell(r, 16).value).toBe(96.5);
    expect(kinerja.getCell(r, 16).numFmt).toBe("0.00");
    expect(kinerja.getCell(r, 10).value).toBe(24.125);
    const stunting = rowOf(kinerja, "Prevalensi stunting pada anak balita");
    expect([4, 5, 10, 11, 17].map((c) => kinerja.getCell(stunting, c).value)).toEqual([
      "% ↓",
      8.5,
      2.4,
      "-",
      "tinggi",
    ]);
    const blud = rowOf(kinerja, "Jumlah BLUD yang menyediakan pelayanan dan penunjang pelayanan");
    expect(kinerja.getCell(blud, 5).value).toBe("11 dan 2");
  });

  it("prints the reason in small italics where capaian is null", () => {
    const r = rowOf(kinerja, "Jumlah kasus kematian ibu");
    const cell = kinerja.getCell(r, 16);
    expect(cell.value).toBe("tidak dapat dihitung: tidak ada target");
    expect(cell.font).toMatchObject({ italic: true, size: 7 });
    expect(kinerja.getCell(r, 17).value).toBe("-");
  });

  it("writes the analysis texts", () => {
    const r = rowOf(kinerja, "Cakupan Imunisasi Dasar Lengkap (IDL)");
    expect([20, 21, 22].map((c) => kinerja.getCell(r, c).value)).toEqual([
      "Pekan imunisasi di sekolah dan posyandu",
      "Kekosongan vaksin MR di tingkat provinsi selama bulan Februari",
      "Imunisasi kejar (catch-up) setelah distribusi vaksin MR pada April",
    ]);
  });

  it("puts the category legend and the ↓ formula under table 1", () => {
    const texts = values(kinerja).slice(-4);
    expect(texts[0]).toMatch(/^Kategori capaian kinerja \(Permendagri 86\/2017\): x > 90% sangat tinggi;/);
    expect(texts[0]).toContain("65% < x ≤ 75% sedang");
    expect(texts[2]).toBe(
      "Untuk indikator ↓ (makin rendah makin baik): capaian = (2 × Target − Realisasi) / Target × 100% (minimal 0)",
    );
  });

  it("writes budgets as Rupiah numbers and serapan as a 2-decimal number", () => {
    const first = anggaran.getRow(body);
    expect(first.getCell(2).value).toBe("Program Penunjang Urusan Pemerintah Daerah Kabupaten/ Kota");
    expect(first.getCell(2).font.bold).toBe(true);
    const kegiatan = anggaran.getRow(body + 1);
    expect([1, 3, 4, 5, 8, 9].map((c) => kegiatan.getCell(c).value)).toEqual([
      "1.1",
      171605400,
      31438109,
      "-",
      31438109,
      18.32,
    ]);
    expect(kegiatan.getCell(3).numFmt).toBe(RUPIAH_FORMAT);
    expect(kegiatan.getCell(9).numFmt).toBe("0.00");
    expect(kegiatan.getCell(2).alignment.indent).toBe(1);
  });

  it("ends with the signatory on the last sheet: place and date, position, name bold underlined, NIP", () => {
    const texts = values(anggaran).slice(-4);
    expect(texts).toEqual([
      "Metro, 15 April 2024",
      "KEPALA DINAS KESEHATAN KOTA METRO",
      "Dr. EKO HENDRO SAPUTRA, ST.M.Kes",
      "NIP. 19720310 199703 1 006",
    ]);
    let nameCell: ExcelJS.Cell | undefined;
    anggaran.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value === "Dr. EKO HENDRO SAPUTRA, ST.M.Kes") nameCell = cell;
      });
    });
    expect(nameCell?.font).toMatchObject({ bold: true, underline: true });
    expect(values(kinerja)).not.toContain("NIP. 19720310 199703 1 006");
  });

  it("prints landscape, one page wide, header rows on every page, frozen below the header", () => {
    for (const sheet of [kinerja, anggaran]) {
      expect(sheet.pageSetup).toMatchObject({
        orientation: "landscape",
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "6:8",
      });
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 8 });
    }
  });
});

describe("evaluationXlsx options and edge cases", () => {
  it("uses F4 (Excel's Folio) when asked", async () => {
    const workbook = await read(await evaluationXlsx(e, { paper: "F4" }));
    expect(sheetOf(workbook, "Kinerja TW I").pageSetup.paperSize).toBe(14);
  });

  it("signs the kinerja sheet when there are no budgets", async () => {
    const workbook = await read(await evaluationXlsx({ ...e, budgets: [] }));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Kinerja TW I"]);
    expect(values(sheetOf(workbook, "Kinerja TW I")).at(-1)).toBe("NIP. 19720310 199703 1 006");
  });
});
