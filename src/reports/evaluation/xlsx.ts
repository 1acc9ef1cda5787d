import type ExcelJS from "exceljs";
import type { Alignment, Cell as ExcelCell, Font, Worksheet } from "exceljs";
import type { Evaluation } from "../../evaluation/types.js";
import { newWorkbook } from "../../lib/exceljs.js";
import { growToFit, heightFor, MIN_ROW_HEIGHT_PT, wrappedLines } from "../rak/row-heights.js";
import { signatoryBlock } from "../rak/text-blocks.js";
import { RUPIAH_FORMAT } from "../rak/xlsx.js";
import { setUpPrintedSheet } from "../shared/print-setup.js";
import { BORDER, HEADER_FILL } from "../shared/xlsx-style.js";
import {
  anggaranHeader,
  anggaranTable,
  budgetIndent,
  type Cell,
  columnCount,
  type EvaluationExportOptions,
  formulaNotes,
  type HeaderGroup,
  kinerjaHeader,
  kinerjaTable,
  LEGEND,
  LEGEND_TITLE,
  type NumberFormat,
  type Paper,
  ROMAN,
  SECTION,
  SPAN_COLUMNS,
  titleLines,
} from "./content.js";

/** Spreadsheet rows (1-based): title lines 1–3, version 4, section heading 5, three header rows, body. */
export const XLSX_ROW = { title: 1, version: 4, section: 5, header: 6, firstBody: 9 } as const;

/**
 * Column widths in characters. Table 1 has 22 columns: text columns wrap, numbers stay narrow, so the
 * sheet prints one page wide at about 70 %.
 */
const KINERJA_WIDTHS = [5, 21, 22, 9, 7, ...Array<number>(8).fill(5.5), 7, 8, 11, 9, 8, 9, 17, 17, 17];
const ANGGARAN_WIDTHS = [6, 48, 17, 16, 16, 16, 16, 17, 9];

const NUMBER_FORMAT: Record<NumberFormat, string | undefined> = {
  general: undefined,
  percent: "0.00",
  rupiah: RUPIAH_FORMAT,
};

const SIZE = 8;
const NOTE_SIZE = 7;
const FONT: Partial<Font> = { name: "Arial", size: SIZE };
const SIGNING_SPACE_ROWS = 3;

export async function evaluationXlsx(e: Evaluation, options: EvaluationExportOptions = {}): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = "capaian";
  workbook.title = `Evaluasi ${e.plan.title} ${e.periodLabel}`;
  const paper = options.paper ?? "A4";
  const tw = `TW ${ROMAN[e.quarter - 1]}`;

  const kinerja = startSheet(workbook, `Kinerja ${tw}`, e, KINERJA_WIDTHS, SECTION.kinerja);
  writeHeader(kinerja, kinerjaHeader(e));
  let end = writeKinerja(kinerja, e);
  end = writeNotes(kinerja, e, end + 1);
  let last = kinerja;
  let lastWidths = KINERJA_WIDTHS;
  if (e.budgets.length > 0) {
    last = startSheet(workbook, `Anggaran ${tw}`, e, ANGGARAN_WIDTHS, SECTION.anggaran);
    lastWidths = ANGGARAN_WIDTHS;
    writeHeader(last, anggaranHeader(e));
    end = writeAnggaran(last, e);
  }
  // One signature for the document, at its end: the last sheet.
  writeSignatory(last, e, end + 2, lastWidths);
  for (const sheet of workbook.worksheets) setUpPage(sheet, paper);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function startSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  e: Evaluation,
  widths: number[],
  section: string,
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: XLSX_ROW.firstBody - 1 }] });
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  const { title, version } = titleLines(e);
  title.forEach((text, i) => {
    line(sheet, XLSX_ROW.title + i, widths.length, text, { size: 12, bold: true }, "center");
  });
  line(sheet, XLSX_ROW.version, widths.length, version, {}, "center");
  line(sheet, XLSX_ROW.section, widths.length, section, { bold: true }, "left");
  return sheet;
}

/** A line of text merged over the columns `first`..`last`. */
function line(
  sheet: Worksheet,
  row: number,
  last: number,
  text: string,
  font: Partial<Font>,
  horizontal: "left" | "center",
  first = 1,
): ExcelCell {
  sheet.mergeCells(row, first, row, last);
  const cell = sheet.getCell(row, first);
  cell.value = text;
  cell.font = { ...FONT, ...font };
  cell.alignment = { horizontal, vertical: "middle", wrapText: true };
  return cell;
}

function writeHeader(sheet: Worksheet, groups: HeaderGroup[]): void {
  const [top, below, numbers] = [XLSX_ROW.header, XLSX_ROW.header + 1, XLSX_ROW.header + 2];
  const count = columnCount(groups);
  for (let column = 1; column <= count; column++) {
    for (const row of [top, below])
      style(sheet.getCell(row, column), { bold: true }, { horizontal: "center" });
    const number = sheet.getCell(numbers, column);
    number.value = column;
    style(number, { italic: true, size: 7 }, { horizontal: "center" });
  }
  let column = 1;
  for (const group of groups) {
    sheet.getCell(top, column).value = group.text;
    if (group.subs === undefined) {
      sheet.mergeCells(top, column, below, column);
      column += 1;
      continue;
    }
    sheet.mergeCells(top, column, top, column + group.subs.length - 1);
    group.subs.forEach((sub, i) => {
      sheet.getCell(below, column + i).value = sub;
    });
    column += group.subs.length;
  }
  sheet.getRow(top).height = heightFor(3);
  sheet.getRow(below).height = heightFor(1);
}

function style(cell: ExcelCell, font: Partial<Font>, alignment: Partial<Alignment>, header = true): void {
  cell.font = { ...FONT, ...font };
  cell.alignment = { vertical: header ? "middle" : "top", wrapText: true, ...alignment };
  cell.border = BORDER;
  if (header) cell.fill = HEADER_FILL;
}

/** Writes one content cell: numbers as numbers with their format, texts as texts. */
function put(cell: ExcelCell, content: Cell, bold: boolean): void {
  cell.value = content.value ?? content.text;
  const format = content.format === undefined ? undefined : NUMBER_FORMAT[content.format];
  if (format !== undefined) cell.numFmt = format;
  const font = content.note ? { italic: true, size: NOTE_SIZE } : { bold };
  style(cell, font, { horizontal: content.align }, false);
}

/**
 * Grows rows to fit `text` in a column `width` characters wide. rak/row-heights counts lines of 9 pt
 * text with a wide margin; smaller text fits proportionally more per line (5 % of the margin given
 * back, still short of what Excel and LibreOffice fit), and a line is about 1.3 × the font size.
 */
function growRows(
  heights: number[],
  index: number,
  count: number,
  text: string,
  width: number,
  size = SIZE,
): void {
  const lines = wrappedLines(text, (width * 1.05 * 9) / size);
  growToFit(heights, index, count, lines * size * 1.3 + 3);
}

/** Table 1; returns the last row written. */
function writeKinerja(sheet: Worksheet, e: Evaluation): number {
  const table = kinerjaTable(e);
  const heights = table.rows.map(() => MIN_ROW_HEIGHT_PT);
  table.rows.forEach((row, i) => {
    const r = XLSX_ROW.firstBody + i;
    row.cells.forEach((content, offset) => {
      const column = SPAN_COLUMNS + offset;
      put(sheet.getCell(r, column + 1), content, row.bold);
      growRows(heights, i, 1, content.text, KINERJA_WIDTHS[column] ?? 0, content.note ? NOTE_SIZE : SIZE);
    });
  });
  for (const span of table.spans) {
    const r = XLSX_ROW.firstBody + span.first;
    const font = { bold: span.level === "program", italic: span.level === "sub_kegiatan" };
    [span.number, span.name].forEach((text, column) => {
      if (span.count > 1) sheet.mergeCells(r, column + 1, r + span.count - 1, column + 1);
      const cell = sheet.getCell(r, column + 1);
      cell.value = text;
      style(cell, font, { horizontal: column === 0 ? "center" : "left" }, false);
      growRows(heights, span.first, span.count, text, KINERJA_WIDTHS[column] ?? 0);
    });
  }
  heights.forEach((height, i) => {
    sheet.getRow(XLSX_ROW.firstBody + i).height = Math.ceil(height);
  });
  return XLSX_ROW.firstBody + table.rows.length - 1;
}

/** The category legend and the formula notes under table 1; returns the last row written. */
function writeNotes(sheet: Worksheet, e: Evaluation, after: number): number {
  const legend = LEGEND.map(([range, category]) => `${range} ${category}`).join(";  ");
  const lines = [`${LEGEND_TITLE} ${legend}`, ...formulaNotes(e)];
  lines.forEach((text, i) => {
    line(sheet, after + 1 + i, KINERJA_WIDTHS.length, text, { size: 8 }, "left");
  });
  return after + lines.length;
}

/** Table 2; returns the last row written. */
function writeAnggaran(sheet: Worksheet, e: Evaluation): number {
  const rows = anggaranTable(e);
  const heights = rows.map(() => MIN_ROW_HEIGHT_PT);
  rows.forEach((row, i) => {
    const r = XLSX_ROW.firstBody + i;
    const bold = row.level === "program" || row.level === "sasaran";
    const indent = budgetIndent(row.level);
    const number = sheet.getCell(r, 1);
    number.value = row.number;
    style(number, { bold }, { horizontal: "center" }, false);
    const name = sheet.getCell(r, 2);
    name.value = row.name;
    style(name, { bold }, { indent }, false);
    row.cells.forEach((content, offset) => {
      put(sheet.getCell(r, 3 + offset), content, bold);
    });
    growRows(heights, i, 1, row.name, (ANGGARAN_WIDTHS[1] ?? 0) - indent * 2);
    sheet.getRow(r).height = Math.ceil(heights[i] ?? MIN_ROW_HEIGHT_PT);
  });
  return XLSX_ROW.firstBody + rows.length - 1;
}

/** Place and date, position, signing space, name bold underlined, NIP: right-hand third of the sheet. */
function writeSignatory(sheet: Worksheet, e: Evaluation, first: number, widths: number[]): void {
  const block = signatoryBlock(e.plan.signatory);
  const firstColumn = widths.length - Math.max(3, Math.floor(widths.length / 3)) + 1;
  const width = widths.slice(firstColumn - 1).reduce((a, b) => a + b, 0);
  let row = first;
  const add = (text: string, font: Partial<Font> = {}) => {
    line(sheet, row, widths.length, text, { size: 9, ...font }, "center", firstColumn);
    sheet.getRow(row).height = heightFor(wrappedLines(text, width));
    row += 1;
  };
  if (block.placeAndDate !== undefined) add(block.placeAndDate);
  add(block.position);
  row += SIGNING_SPACE_ROWS;
  add(block.name, { bold: true, underline: true });
  add(block.nip);
}

function setUpPage(sheet: Worksheet, paper: Paper): void {
  setUpPrintedSheet(sheet, paper, {
    orientation: "landscape",
    printTitlesRow: `${XLSX_ROW.header}:${XLSX_ROW.header + 2}`,
  });
}
