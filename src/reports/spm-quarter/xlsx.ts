import type { Font, Worksheet } from "exceljs";
import { newWorkbook } from "../../lib/exceljs.js";
import type { SpmQuarterReport, SpmQuarterService } from "../../spm/quarter-types.js";
import { heightFor, wrappedLines } from "../rak/row-heights.js";
import { setUpPrintedSheet } from "../shared/print-setup.js";
import { BORDER, writeHeaderRow } from "../shared/xlsx-style.js";
import {
  COLUMN_COUNT,
  DASH,
  footLines,
  HEADER,
  kegiatanNote,
  orDash,
  type SpmQuarterExportOptions,
  servedNote,
  stepsText,
  titleLines,
} from "./content.js";

/** Spreadsheet rows (1-based): title 1–3, header 5, one row per service from 6. */
export const XLSX_ROW = { title: 1, header: 5, firstBody: 6 } as const;

const WIDTHS = [5, 28, 14, 14, 11, 11, 9, 17, 17, 44, 28, 28, 28];
const COUNT_FORMAT = "#,##0";
const PERCENT_FORMAT = "0.00";
const RUPIAH_FORMAT = '"Rp "#,##0';
const FONT: Partial<Font> = { name: "Arial", size: 9 };

type Value = string | number;
/** Decimal strings become real numbers so the sheet can be summed; a missing figure stays a dash. */
const num = (value: string | null): Value => (value === null ? DASH : Number(value));

export async function spmQuarterXlsx(
  report: SpmQuarterReport,
  options: SpmQuarterExportOptions = {},
): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = "capaian";
  const sheet = workbook.addWorksheet(`SPM ${report.year} TW${report.quarter}`, {
    views: [{ state: "frozen", ySplit: XLSX_ROW.header }],
  });
  WIDTHS.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  titleLines(report).forEach((text, i) => {
    line(sheet, XLSX_ROW.title + i, text, i < 2 ? { size: 12, bold: true } : { size: 9 }, "center");
  });
  writeHeaderRow(sheet, XLSX_ROW.header, HEADER, FONT);
  sheet.getRow(XLSX_ROW.header).height = heightFor(4);
  report.services.forEach((s, i) => {
    writeService(sheet, XLSX_ROW.firstBody + i, s);
  });
  const foot = XLSX_ROW.firstBody + report.services.length + 1;
  footLines(report).forEach((text, i) => {
    line(sheet, foot + i, text, i === 0 ? { bold: true } : { size: 8 }, "left");
    sheet.getRow(foot + i).height = heightFor(
      wrappedLines(
        text,
        WIDTHS.reduce((a, b) => a + b, 0),
      ),
    );
  });
  setUpPrintedSheet(sheet, options.paper ?? "A4", {
    orientation: "landscape",
    printTitlesRow: `${XLSX_ROW.header}:${XLSX_ROW.header}`,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function line(
  sheet: Worksheet,
  row: number,
  text: string,
  font: Partial<Font>,
  horizontal: "left" | "center",
) {
  sheet.mergeCells(row, 1, row, COLUMN_COUNT);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { ...FONT, ...font };
  cell.alignment = { horizontal, vertical: "middle", wrapText: true };
}

function writeService(sheet: Worksheet, row: number, s: SpmQuarterService): void {
  const values: Array<[Value, string?]> = [
    [s.number],
    [s.name],
    [num(s.mustServe), COUNT_FORMAT],
    [num(s.served), COUNT_FORMAT],
    [num(s.penerimaCapaian), PERCENT_FORMAT],
    [num(s.mutuPercent), PERCENT_FORMAT],
    [num(s.index), PERCENT_FORMAT],
    [s.budget.pagu, RUPIAH_FORMAT],
    [s.budget.realisasi, RUPIAH_FORMAT],
    [stepsText(s)],
    [orDash(s.masalah)],
    [orDash(s.solusi)],
    [orDash(s.rencanaAksi)],
  ];
  values.forEach(([value, format], i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = value;
    cell.font = FONT;
    cell.border = BORDER;
    cell.alignment = {
      horizontal: typeof value === "number" ? "right" : i === 0 ? "center" : "left",
      vertical: "top",
      wrapText: true,
    };
    if (typeof value === "number" && format) cell.numFmt = format;
  });
  // Where a figure comes from goes in the cell's note, so the cell stays a number.
  const comment = (column: number, text: string) => {
    if (text) sheet.getCell(row, column).note = text;
  };
  comment(3, s.denominatorNote ?? "");
  comment(4, servedNote(s));
  comment(8, kegiatanNote(s));
  const texts: Array<[string, number]> = [
    [s.name, 1],
    [stepsText(s), 9],
    [orDash(s.masalah), 10],
    [orDash(s.solusi), 11],
    [orDash(s.rencanaAksi), 12],
  ];
  const lines = Math.max(...texts.map(([text, column]) => wrappedLines(text, WIDTHS[column] ?? 10)));
  sheet.getRow(row).height = heightFor(lines);
}
