import type ExcelJS from "exceljs";
import { SKM_BAND_LABEL, SKM_ELEMENTS, type SkmBand } from "../domain/index.js";
import { newWorkbook } from "../lib/exceljs.js";
import { setUpPrintedSheet } from "../reports/shared/print-setup.js";
import { elementCode } from "./rows.js";

/** Column titles of the tabulation sheet; the import finds its columns by these words. */
const RESPONDENT_COLUMNS = [
  "No. responden",
  "Tanggal",
  "Jenis kelamin (L/P)",
  "Umur",
  "Pendidikan",
  "Pekerjaan",
] as const;

/** Rows of the sheet, 1-based as Excel counts them. */
const HEADER_ROW = 8;
const FIRST_DATA_ROW = HEADER_ROW + 2;
const BLANK_ROWS = 100;
const LAST_COLUMN = RESPONDENT_COLUMNS.length + SKM_ELEMENTS.length;

const thin = { style: "thin" } as const;
const box = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9EAD3" } };
const scoreFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF9E6" } };

const BAND_RANGE: Record<SkmBand, string> = {
  A: "88,31 – 100,00",
  B: "76,61 – 88,30",
  C: "65,00 – 76,60",
  D: "25,00 – 64,99",
};

function titleBlock(sheet: ExcelJS.Worksheet) {
  sheet.mergeCells(1, 1, 1, LAST_COLUMN);
  Object.assign(sheet.getCell(1, 1), {
    value: "TABULASI KUESIONER SURVEI KEPUASAN MASYARAKAT (SKM) PELAYANAN SPM BIDANG KESEHATAN",
    font: { bold: true, size: 13 },
    alignment: { horizontal: "center" },
  });
  sheet.mergeCells(2, 1, 2, LAST_COLUMN);
  Object.assign(sheet.getCell(2, 1), {
    value: "Permenpan RB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat",
    font: { italic: true, size: 9 },
    alignment: { horizontal: "center" },
  });
  ["Fasyankes", "Jenis pelayanan SPM", "Periode survei"].forEach((label, i) => {
    const row = 3 + i;
    sheet.getCell(row, 1).value = `${label}:`;
    sheet.getCell(row, 1).font = { bold: true };
    sheet.mergeCells(row, 2, row, 6);
    sheet.getCell(row, 2).border = { bottom: { style: "dotted" } };
  });
  sheet.mergeCells(6, 1, 6, LAST_COLUMN);
  Object.assign(sheet.getCell(6, 1), {
    value:
      "Nilai tiap unsur: 1 = tidak baik, 2 = kurang baik, 3 = baik, 4 = sangat baik. Satu baris per kuesioner.",
    font: { size: 9 },
  });
}

function headerRows(sheet: ExcelJS.Worksheet) {
  RESPONDENT_COLUMNS.forEach((title, i) => {
    sheet.mergeCells(HEADER_ROW, i + 1, HEADER_ROW + 1, i + 1);
    sheet.getCell(HEADER_ROW, i + 1).value = title;
  });
  SKM_ELEMENTS.forEach((name, e) => {
    const col = RESPONDENT_COLUMNS.length + e + 1;
    sheet.getCell(HEADER_ROW, col).value = elementCode(e);
    sheet.getCell(HEADER_ROW + 1, col).value = name;
  });
  for (const row of [HEADER_ROW, HEADER_ROW + 1]) {
    for (let col = 1; col <= LAST_COLUMN; col++) {
      Object.assign(sheet.getCell(row, col), {
        font: { bold: row === HEADER_ROW, size: row === HEADER_ROW ? 10 : 8 },
        fill: headerFill,
        border: box,
        alignment: { horizontal: "center", vertical: "middle", wrapText: true },
      });
    }
  }
  sheet.getRow(HEADER_ROW + 1).height = 54;
}

/** Numbered, bordered rows with Excel's own checks, so most typing mistakes are caught while typing. */
function blankRows(sheet: ExcelJS.Worksheet) {
  const whole = (min: number, max: number, error: string): ExcelJS.DataValidation => ({
    type: "whole",
    operator: "between",
    allowBlank: true,
    formulae: [min, max],
    showErrorMessage: true,
    errorTitle: "Isian tidak sesuai",
    error,
  });
  for (let i = 0; i < BLANK_ROWS; i++) {
    const row = sheet.getRow(FIRST_DATA_ROW + i);
    row.getCell(1).value = i + 1;
    for (let col = 1; col <= LAST_COLUMN; col++) {
      const cell = row.getCell(col);
      cell.border = box;
      cell.alignment = { horizontal: col === 5 || col === 6 ? "left" : "center" };
      if (col > RESPONDENT_COLUMNS.length) {
        cell.fill = scoreFill;
        cell.dataValidation = whole(1, 4, "Nilai unsur harus 1, 2, 3 atau 4.");
      }
    }
    row.getCell(2).numFmt = "dd/mm/yyyy";
    row.getCell(3).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"L,P"'],
      showErrorMessage: true,
      errorTitle: "Isian tidak sesuai",
      error: "Tulis L (laki-laki) atau P (perempuan).",
    };
    row.getCell(4).dataValidation = whole(0, 120, "Umur dalam tahun, 0–120.");
  }
}

function instructions(book: ExcelJS.Workbook) {
  // The importer skips a sheet named "Petunjuk", so these notes never read as questionnaires.
  const help = book.addWorksheet("Petunjuk");
  help.getColumn(1).width = 14;
  help.getColumn(2).width = 70;
  help.addRow(["Cara mengisi"]).font = { bold: true, size: 12 };
  for (const line of [
    "Salin jawaban setiap kuesioner ke satu baris lembar Kuesioner; nomor responden tidak boleh ganda.",
    "Nilai U1–U9 adalah 1 (tidak baik), 2 (kurang baik), 3 (baik) atau 4 (sangat baik); semua harus diisi.",
    "Tanggal, jenis kelamin, umur, pendidikan dan pekerjaan boleh dikosongkan.",
    "Baris yang hanya bernomor tanpa isian dilewati saat diunggah.",
    "Unggah berkas ini di menu Survei Kepuasan; pratinjau menampilkan setiap baris bermasalah sebelum disimpan.",
  ])
    help.addRow(["", line]);
  help.addRow([]);
  help.addRow(["Unsur", "Nama unsur pelayanan"]).font = { bold: true };
  SKM_ELEMENTS.forEach((name, e) => {
    help.addRow([elementCode(e), name]);
  });
  help.addRow([]);
  help.addRow(["Mutu", "Nilai IKM (rata-rata nilai × 25)"]).font = { bold: true };
  for (const band of ["A", "B", "C", "D"] as const)
    help.addRow([band, `${BAND_RANGE[band]} — ${SKM_BAND_LABEL[band].id}`]);
}

/** The questionnaire tabulation sheet people fill by hand and upload back (see import.ts). */
export async function skmTemplateWorkbook(): Promise<Buffer> {
  const book = await newWorkbook();
  book.creator = "capaian";
  const sheet = book.addWorksheet("Kuesioner");
  [13, 12, 11, 7, 16, 16].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  SKM_ELEMENTS.forEach((_, e) => {
    sheet.getColumn(RESPONDENT_COLUMNS.length + e + 1).width = 11;
  });
  titleBlock(sheet);
  headerRows(sheet);
  blankRows(sheet);
  sheet.views = [{ state: "frozen", ySplit: HEADER_ROW + 1, xSplit: 1 }];
  setUpPrintedSheet(sheet, "A4", {
    orientation: "landscape",
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW + 1}`,
  });
  instructions(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}
