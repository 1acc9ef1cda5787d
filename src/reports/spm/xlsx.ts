import type { Cell, Font, Workbook, Worksheet } from "exceljs";
import { newWorkbook } from "../../lib/exceljs.js";
import type { SpmReport, SpmReportService, SpmReportSurvey } from "../../spm/report-types.js";
import type { Paper } from "../rak/options.js";
import { growToFit, heightFor, MIN_ROW_HEIGHT_PT, wrappedLines } from "../rak/row-heights.js";
import { signatoryBlock } from "../rak/text-blocks.js";
import { setUpPrintedSheet } from "../shared/print-setup.js";
import { BORDER, writeHeaderRow } from "../shared/xlsx-style.js";
import {
  analysisText,
  bandText,
  COLUMN_COUNT,
  completenessNote,
  DASH,
  HEADER,
  ikmNote,
  NO_DATA,
  NO_SURVEY,
  periodText,
  type SpmExportOptions,
  SURVEY_HEADER,
  SURVEY_SHEET_NAME,
  summarize,
  summaryLines,
  surveyServiceText,
  surveyTitleLines,
  titleLines,
} from "./content.js";

/** Spreadsheet rows (1-based): title 1–3, summary 5–8, header 10; each service takes two body rows. */
export const XLSX_ROW = { title: 1, summary: 5, header: 10, firstBody: 11 } as const;

const WIDTHS = [5, 20, 26, 9, 15, 19, 10, 10, 13, 30, 30];
const COUNT_FORMAT = "#,##0";
const PERCENT_FORMAT = "0.00";
const FONT: Partial<Font> = { name: "Arial", size: 9 };
const NOTE_FONT: Partial<Font> = { name: "Arial", size: 7 };
const SIGNING_SPACE_ROWS = 3;
/** The survey sheet: title 1–3, header 5, one row per facility survey from 6. */
export const SURVEY_ROW = { title: 1, header: 5, firstBody: 6 } as const;
const SURVEY_WIDTHS = [5, 30, 38, 14, 13, 10, 18];
/** Columns that hold one value over both rows of a service; PEMBILANG, PENYEBUT and IKM put a note in the second. */
const MERGED_COLUMNS = [1, 2, 3, 4, 7, 8, 10, 11];

export async function spmReportXlsx(report: SpmReport, options: SpmExportOptions = {}): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = "capaian";
  const sheet = workbook.addWorksheet(`SPM ${report.year}`, {
    views: [{ state: "frozen", ySplit: XLSX_ROW.header }],
  });
  WIDTHS.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  titleLines(report).forEach((text, i) => {
    const font = i < 2 ? { size: 12, bold: true } : { size: 9 };
    line(sheet, XLSX_ROW.title + i, text, font, "center");
  });
  summaryLines(summarize(report)).forEach((text, i) => {
    line(sheet, XLSX_ROW.summary + i, text, {}, "left");
  });
  writeHeaderRow(sheet, XLSX_ROW.header, HEADER, FONT);
  sheet.getRow(XLSX_ROW.header).height = heightFor(4);
  report.services.forEach((s, i) => {
    writeService(sheet, XLSX_ROW.firstBody + 2 * i, s);
  });
  writeSignatory(sheet, report, XLSX_ROW.firstBody + 2 * report.services.length + 1);
  setUpPrintedSheet(sheet, options.paper ?? "A4", {
    orientation: "landscape",
    printTitlesRow: `${XLSX_ROW.header}:${XLSX_ROW.header}`,
  });
  writeSurveySheet(workbook, report, options.paper ?? "A4");
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A line of text merged over the whole table width. */
function line(
  sheet: Worksheet,
  row: number,
  text: string,
  font: Partial<Font>,
  horizontal: "left" | "center",
  columns: number = COLUMN_COUNT,
) {
  sheet.mergeCells(row, 1, row, columns);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { ...FONT, ...font };
  cell.alignment = { horizontal, vertical: "middle", wrapText: true };
}

type Value = string | number;

/** Decimal strings become real numbers so the sheet can be summed and charted. */
const num = (value: string | null): Value => (value === null ? NO_DATA : Number(value));

function writeService(sheet: Worksheet, top: number, s: SpmReportService): void {
  const set = (row: number, column: number, value: Value, format?: string, font = FONT): Cell => {
    const cell = sheet.getCell(row, column);
    cell.value = value;
    // Notes and missing data in italics, as in the pdf.
    cell.font = { ...font, italic: font === NOTE_FONT || value === NO_DATA || value === NO_SURVEY };
    const horizontal = typeof value === "number" ? "right" : column <= 3 || column >= 10 ? "left" : "center";
    cell.alignment = { horizontal, vertical: "top", wrapText: true };
    cell.border = BORDER;
    if (typeof value === "number" && format !== undefined) cell.numFmt = format;
    return cell;
  };
  const bottom = top + 1;
  for (const column of MERGED_COLUMNS) sheet.mergeCells(top, column, bottom, column);
  set(top, 1, s.number).alignment = { horizontal: "center", vertical: "top" };
  set(top, 2, s.name);
  set(top, 3, s.indicator);
  set(top, 4, Number.isNaN(Number(s.target)) ? s.target : Number(s.target));
  set(top, 5, num(s.numerator), COUNT_FORMAT);
  set(bottom, 5, completenessNote(s), undefined, NOTE_FONT);
  set(top, 6, num(s.denominator), COUNT_FORMAT);
  set(bottom, 6, s.denominatorNote ?? "", undefined, NOTE_FONT);
  set(top, 7, s.capaian === null ? (s.reason ?? NO_DATA) : Number(s.capaian), PERCENT_FORMAT);
  set(top, 8, s.gap === null ? DASH : Number(s.gap), PERCENT_FORMAT);
  set(top, 9, s.ikm === null ? NO_SURVEY : Number(s.ikm.value), PERCENT_FORMAT);
  set(bottom, 9, ikmNote(s.ikm), undefined, NOTE_FONT);
  set(top, 10, analysisText(s.masalah));
  set(top, 11, analysisText(s.pemecahanMasalah));

  // Merged cells do not grow with wrapped text: size both rows from the longest cell.
  const notes: [string, number][] = [
    [completenessNote(s), 4],
    [s.denominatorNote ?? "", 5],
    [ikmNote(s.ikm), 8],
  ];
  // 7 pt notes fit about a third more characters per line, and their lines are 0,8 as tall, than the
  // 9 pt text the estimate assumes.
  const noteLines = Math.max(
    ...notes.map(([text, column]) => wrappedLines(text, (WIDTHS[column] ?? 0) * 1.3)),
  );
  const heights = [MIN_ROW_HEIGHT_PT, heightFor(noteLines) * 0.8];
  const merged: [string, number][] = [
    [s.name, 1],
    [s.indicator, 2],
    [s.reason ?? "", 6],
    [analysisText(s.masalah), 9],
    [analysisText(s.pemecahanMasalah), 10],
  ];
  const lines = Math.max(...merged.map(([text, column]) => wrappedLines(text, WIDTHS[column] ?? 0)));
  growToFit(heights, 0, 2, heightFor(lines));
  heights.forEach((height, i) => {
    sheet.getRow(top + i).height = height;
  });
}

/** Place and date, position, space to sign, name and NIP at the right, under the last columns. */
function writeSignatory(sheet: Worksheet, report: SpmReport, first: number): void {
  const block = signatoryBlock(report.signatory);
  const lines: [string, boolean][] = [
    ...(block.placeAndDate === undefined ? [] : [[block.placeAndDate, false] as [string, boolean]]),
    [block.position, false],
    ...Array<[string, boolean]>(SIGNING_SPACE_ROWS).fill(["", false]),
    [block.name, true],
    [block.nip, false],
  ];
  lines.forEach(([text, isName], i) => {
    const row = first + i;
    sheet.mergeCells(row, 9, row, COLUMN_COUNT);
    const cell = sheet.getCell(row, 9);
    cell.value = text;
    cell.font = isName ? { ...FONT, bold: true, underline: true } : FONT;
    cell.alignment = { horizontal: "center" };
  });
}

/**
 * The second sheet, the report's appendix: the IKM of every facility survey, numbers as real numbers
 * (IKM with two decimals) so the sheet can be sorted, and the mutu pelayanan spelled out.
 */
function writeSurveySheet(workbook: Workbook, report: SpmReport, paper: Paper): void {
  const sheet = workbook.addWorksheet(SURVEY_SHEET_NAME, {
    views: [{ state: "frozen", ySplit: SURVEY_ROW.header }],
  });
  const columns = SURVEY_HEADER.length;
  SURVEY_WIDTHS.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  surveyTitleLines(report).forEach((text, i) => {
    const font = i < 2 ? { size: 12, bold: true } : { size: 9 };
    line(sheet, SURVEY_ROW.title + i, text, font, "center", columns);
  });
  const legend = surveyTitleLines(report)[2];
  const tableWidth = SURVEY_WIDTHS.reduce((a, b) => a + b, 0);
  sheet.getRow(SURVEY_ROW.title + 2).height = heightFor(wrappedLines(legend, tableWidth));
  writeHeaderRow(sheet, SURVEY_ROW.header, SURVEY_HEADER, FONT);
  sheet.getRow(SURVEY_ROW.header).height = heightFor(2);
  if (report.surveys.length === 0) {
    sheet.mergeCells(SURVEY_ROW.firstBody, 1, SURVEY_ROW.firstBody, columns);
    const cell = sheet.getCell(SURVEY_ROW.firstBody, 1);
    cell.value = NO_SURVEY;
    cell.font = { ...FONT, italic: true };
    cell.alignment = { horizontal: "center" };
    cell.border = BORDER;
  }
  report.surveys.forEach((survey, i) => {
    writeSurvey(sheet, SURVEY_ROW.firstBody + i, i + 1, surveyServiceText(report, survey), survey);
  });
  setUpPrintedSheet(sheet, paper, {
    orientation: "landscape",
    printTitlesRow: `${SURVEY_ROW.header}:${SURVEY_ROW.header}`,
  });
}

function writeSurvey(sheet: Worksheet, row: number, number: number, service: string, s: SpmReportSurvey) {
  const cells: [Value, "left" | "center" | "right", string?][] = [
    [number, "center"],
    [s.orgUnitName, "left"],
    [service, "left"],
    [periodText(s.period), "center"],
    [s.respondents, "right", COUNT_FORMAT],
    [Number(s.ikm), "right", PERCENT_FORMAT],
    [bandText(s.band), "left"],
  ];
  cells.forEach(([value, horizontal, format], i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = value;
    cell.font = FONT;
    cell.alignment = { horizontal, vertical: "top", wrapText: true };
    cell.border = BORDER;
    if (format !== undefined) cell.numFmt = format;
  });
  const lines = Math.max(
    wrappedLines(s.orgUnitName, SURVEY_WIDTHS[1] ?? 0),
    wrappedLines(service, SURVEY_WIDTHS[2] ?? 0),
  );
  sheet.getRow(row).height = Math.max(MIN_ROW_HEIGHT_PT, heightFor(lines));
}
