import type { Alignment, Cell, Font, Worksheet } from "exceljs";
import { newWorkbook } from "../../lib/exceljs.js";
import type { RakDocument } from "../../plans/rak-document.js";
import { setUpPrintedSheet } from "../shared/print-setup.js";
import { BORDER, HEADER_FILL } from "../shared/xlsx-style.js";
import type { Paper, RakExportOptions } from "./options.js";
import { growToFit, heightFor, MIN_ROW_HEIGHT_PT, wrappedLines } from "./row-heights.js";
import { buildRakTable, COLUMN, COLUMN_COUNT, HEADER, type RakTable, type Span } from "./table-rows.js";
import { signatoryBlock, titleLines } from "./text-blocks.js";

/** Spreadsheet rows (1-based) of the fixed parts: three title lines, a blank row, two header rows. */
export const XLSX_ROW = { title: 1, header: 5, firstBody: 7 } as const;

/** Column widths in characters: text columns wide enough to wrap in few lines, numbers narrow. */
const WIDTHS = [20, 22, 28, 34, 10, 8, 6, 6, 6, 6, 18] as const;

/**
 * A real number so the planner can sum budgets; Excel draws the thousands separator of the reader's
 * locale, so an Indonesian Excel shows "Rp 343.221.061.270" like the pdf.
 */
export const RUPIAH_FORMAT = '"Rp "#,##0';

const FONT: Partial<Font> = { name: "Arial", size: 9 };

/** Signatory lines sit on the right, merged over the target, quarter and budget columns (F:K). */
const SIGNATORY_FIRST_COLUMN = COLUMN.target + 1;
const SIGNING_SPACE_ROWS = 3;

export async function rakXlsx(doc: RakDocument, options: RakExportOptions = {}): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = "capaian";
  workbook.title = doc.title;
  const sheet = workbook.addWorksheet(`RAK ${doc.year}`, {
    views: [{ state: "frozen", ySplit: XLSX_ROW.firstBody - 1 }],
  });
  WIDTHS.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  writeTitle(sheet, doc);
  writeHeader(sheet);
  const table = buildRakTable(doc);
  writeBody(sheet, table);
  writeSignatory(sheet, doc, XLSX_ROW.firstBody + table.rows.length + 1);
  setUpPage(sheet, options.paper ?? "A4");
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeTitle(sheet: Worksheet, doc: RakDocument): void {
  titleLines(doc).forEach((line, i) => {
    const row = XLSX_ROW.title + i;
    sheet.mergeCells(row, 1, row, COLUMN_COUNT);
    const cell = sheet.getCell(row, 1);
    cell.value = line;
    cell.font = { ...FONT, size: 12, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle" };
    sheet.getRow(row).height = 18;
  });
}

function writeHeader(sheet: Worksheet): void {
  const top = XLSX_ROW.header;
  const below = top + 1;
  const spanning: [number, string][] = [
    [COLUMN.sasaran, HEADER.sasaran],
    [COLUMN.program, HEADER.program],
    [COLUMN.kegiatan, HEADER.kegiatan],
    [COLUMN.indicator, HEADER.indicator],
    [COLUMN.unit, HEADER.unit],
    [COLUMN.target, HEADER.target],
    [COLUMN.budget, HEADER.budget],
  ];
  for (let column = 1; column <= COLUMN_COUNT; column++) {
    styleHeader(sheet.getCell(top, column));
    styleHeader(sheet.getCell(below, column));
  }
  for (const [index, text] of spanning) {
    sheet.getCell(top, index + 1).value = text;
    sheet.mergeCells(top, index + 1, below, index + 1);
  }
  const firstQuarter = COLUMN.firstQuarter + 1;
  sheet.getCell(top, firstQuarter).value = HEADER.quarters;
  sheet.mergeCells(top, firstQuarter, top, firstQuarter + 3);
  HEADER.quarterNames.forEach((name, i) => {
    sheet.getCell(below, firstQuarter + i).value = name;
  });
  sheet.getRow(top).height = heightFor(2);
  sheet.getRow(below).height = MIN_ROW_HEIGHT_PT;
}

function styleHeader(cell: Cell): void {
  cell.font = { ...FONT, bold: true };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  cell.border = BORDER;
  cell.fill = HEADER_FILL;
}

const SPAN_COLUMN: Record<Span["column"], number> = {
  sasaran: COLUMN.sasaran,
  program: COLUMN.program,
  kegiatan: COLUMN.kegiatan,
  budget: COLUMN.budget,
};

function writeBody(sheet: Worksheet, table: RakTable): void {
  const heights = table.rows.map(() => MIN_ROW_HEIGHT_PT);
  table.rows.forEach((row, i) => {
    const excelRow = XLSX_ROW.firstBody + i;
    // Border every cell first: columns no node covers (PROGRAM and KEGIATAN of sasaran rows) stay empty.
    for (let column = 1; column <= COLUMN_COUNT; column++) {
      styleBody(sheet.getCell(excelRow, column), false, {});
    }
    const values = [row.indicator, row.unit, row.target, ...row.quarters];
    values.forEach((value, offset) => {
      const column = COLUMN.indicator + offset;
      const cell = sheet.getCell(excelRow, column + 1);
      cell.value = value;
      const centred = column !== COLUMN.indicator;
      styleBody(cell, row.bold, { horizontal: centred ? "center" : "left" });
      growToFit(heights, i, 1, heightFor(wrappedLines(value, WIDTHS[column] ?? 0)));
    });
  });
  for (const span of table.spans) {
    const column = SPAN_COLUMN[span.column];
    const first = XLSX_ROW.firstBody + span.first;
    if (span.count > 1) sheet.mergeCells(first, column + 1, first + span.count - 1, column + 1);
    const cell = sheet.getCell(first, column + 1);
    if (span.column === "budget") {
      if (span.amount !== null) cell.value = span.amount;
      cell.numFmt = RUPIAH_FORMAT;
      styleBody(cell, span.bold, { horizontal: "right" });
    } else {
      cell.value = span.text;
      cell.font = { ...FONT, bold: span.bold, italic: span.depth > 0 };
      cell.alignment = { ...cell.alignment, indent: span.depth };
      const lines = wrappedLines(span.text, (WIDTHS[column] ?? 0) - span.depth * 2);
      growToFit(heights, span.first, span.count, heightFor(lines));
    }
  }
  heights.forEach((height, i) => {
    sheet.getRow(XLSX_ROW.firstBody + i).height = Math.ceil(height);
  });
}

function styleBody(cell: Cell, bold: boolean, alignment: Partial<Alignment>): void {
  cell.font = { ...FONT, bold };
  cell.alignment = { vertical: "top", wrapText: true, ...alignment };
  cell.border = BORDER;
}

function writeSignatory(sheet: Worksheet, doc: RakDocument, firstRow: number): void {
  const block = signatoryBlock(doc.signatory);
  let row = firstRow;
  const line = (text: string, font: Partial<Font> = {}) => {
    sheet.mergeCells(row, SIGNATORY_FIRST_COLUMN, row, COLUMN_COUNT);
    const cell = sheet.getCell(row, SIGNATORY_FIRST_COLUMN);
    cell.value = text;
    cell.font = { ...FONT, ...font };
    cell.alignment = { horizontal: "center", vertical: "top", wrapText: true };
    const width = WIDTHS.slice(COLUMN.target).reduce((a, b) => a + b, 0);
    sheet.getRow(row).height = heightFor(wrappedLines(text, width));
    row += 1;
  };
  if (block.placeAndDate !== undefined) line(block.placeAndDate);
  line(block.position);
  row += SIGNING_SPACE_ROWS;
  line(block.name, { bold: true, underline: true });
  line(block.nip);
}

function setUpPage(sheet: Worksheet, paper: Paper): void {
  setUpPrintedSheet(sheet, paper, {
    orientation: "landscape",
    printTitlesRow: `${XLSX_ROW.header}:${XLSX_ROW.header + 1}`,
  });
}
