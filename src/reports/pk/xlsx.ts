import type { Alignment, Cell, Font, Worksheet } from "exceljs";
import { newWorkbook } from "../../lib/exceljs.js";
import type { RakDocument } from "../../plans/rak-document.js";
import type { Paper } from "../rak/options.js";
import { growToFit, heightFor, MIN_ROW_HEIGHT_PT, wrappedLines } from "../rak/row-heights.js";
import { RUPIAH_FORMAT } from "../rak/xlsx.js";
import { setUpPrintedSheet } from "../shared/print-setup.js";
import { BORDER, HEADER_FILL } from "../shared/xlsx-style.js";
import {
  BUDGET_HEADER,
  type BudgetTable,
  type PkExportOptions,
  type PkSignatures,
  type PkStatement,
  pkBudgetTable,
  pkSignatures,
  pkStatement,
  pkTargetTable,
  pkTitleLines,
  TARGET_HEADER,
  type TargetTable,
} from "./content.js";

export const SHEET = { statement: "Perjanjian Kinerja", lampiran: "Lampiran" } as const;

/** Statement sheet: indent, "Nama"/"Jabatan", ":", value; the signature halves are A:D and E, 42 each. */
const STATEMENT_WIDTHS = [4, 9, 2, 27, 42];
/** Sized to print at about 100 % on portrait A4 (≈ 86 characters between the margins).
 * Lampiran: NO, name, indicator, SATUAN, TARGET; table 2 uses NO, PROGRAM, ANGGARAN, KETERANGAN (D:E). */
const LAMPIRAN_WIDTHS = [5, 31, 31, 11, 9];

/** Row heights are estimated for 9 pt Arial (rak/row-heights); larger text wraps sooner. */
const BASE_SIZE = 9;
const FONT: Partial<Font> = { name: "Arial", size: BASE_SIZE };
const TEXT_SIZE = 11;
const SIGNING_SPACE_ROWS = 4;

export async function pkXlsx(doc: RakDocument, options: PkExportOptions = {}): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = "capaian";
  workbook.title = `Perjanjian Kinerja ${doc.orgUnitName} Tahun ${doc.year}`;
  const statement = pkStatement(doc, options.secondParty);
  const signatures = pkSignatures(doc, statement);
  const paper = options.paper ?? "A4";

  const first = workbook.addWorksheet(SHEET.statement);
  setWidths(first, STATEMENT_WIDTHS);
  let row = writeTitle(first, doc, 1);
  row = writeStatement(first, statement, row);
  writeSignatures(first, signatures, row + 1, [1, 4], [5, 5]);
  setUpPage(first, paper);

  const lampiran = workbook.addWorksheet(SHEET.lampiran);
  setWidths(lampiran, LAMPIRAN_WIDTHS);
  line(lampiran, 1, [1, 5], "LAMPIRAN", { bold: true }, "left");
  const header = writeTitle(lampiran, doc, 2);
  row = writeTargetTable(lampiran, pkTargetTable(doc), header);
  row = writeBudgetTable(lampiran, pkBudgetTable(doc), row + 1);
  writeSignatures(lampiran, signatures, row + 1, [1, 2], [3, 5]);
  setUpPage(lampiran, paper);
  lampiran.pageSetup.printTitlesRow = `${header}:${header}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function setWidths(sheet: Worksheet, widths: number[]): void {
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
}

type Columns = [number, number];

/** One merged line of text with a height that fits its wrapped text; returns the cell. */
function line(
  sheet: Worksheet,
  row: number,
  [from, to]: Columns,
  text: string,
  font: Partial<Font> = {},
  horizontal: Alignment["horizontal"] = "center",
): Cell {
  if (to > from) sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text;
  cell.font = { ...FONT, ...font };
  cell.alignment = { horizontal, vertical: "top", wrapText: true };
  const widths = sheet.columns.slice(from - 1, to).reduce((sum, c) => sum + (c.width ?? 0), 0);
  const scale = BASE_SIZE / (font.size ?? BASE_SIZE);
  sheet.getRow(row).height = Math.max(
    sheet.getRow(row).height ?? 0,
    heightFor(wrappedLines(text, widths * scale)) / scale,
  );
  return cell;
}

/** Two centred title lines and a blank row; returns the next free row. */
function writeTitle(sheet: Worksheet, doc: RakDocument, first: number): number {
  const columns: Columns = [1, sheet.columns.length];
  pkTitleLines(doc).forEach((text, i) => {
    line(sheet, first + i, columns, text, { bold: true, size: 12 });
  });
  return first + 3;
}

function writeStatement(sheet: Worksheet, statement: PkStatement, first: number): number {
  let row = first;
  const text = { size: TEXT_SIZE };
  const paragraph = (value: string) => {
    line(sheet, row, [1, 5], value, text, "justify");
    row += 2;
  };
  const identity = (label: string, value: string) => {
    line(sheet, row, [2, 2], label, text, "left");
    line(sheet, row, [3, 3], ":", text, "left");
    line(sheet, row, [4, 5], value, text, "left");
    row += 1;
  };
  paragraph(statement.opening);
  for (const party of [statement.first, statement.second]) {
    identity("Nama", party.name);
    identity("Jabatan", party.position);
    line(sheet, row, [2, 5], party.role, text, "left");
    row += 2;
  }
  for (const commitment of statement.commitments) paragraph(commitment);
  return row;
}

function writeSignatures(
  sheet: Worksheet,
  signatures: PkSignatures,
  first: number,
  left: Columns,
  right: Columns,
): void {
  const text = { size: 10 };
  const column = (columns: Columns, firstLine: string, signature: PkSignatures["first"]) => {
    let row = first;
    for (const value of [firstLine, signature.label, signature.position]) {
      line(sheet, row++, columns, value, text);
    }
    row += SIGNING_SPACE_ROWS;
    line(sheet, row++, columns, signature.name, { ...text, bold: true, underline: true });
    if (signature.nip !== undefined) line(sheet, row, columns, signature.nip, text);
  };
  column(left, "", signatures.second);
  column(right, signatures.placeAndDate ?? "", signatures.first);
}

function styleHeader(cell: Cell, text: string): void {
  cell.value = text;
  cell.font = { ...FONT, bold: true };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  cell.border = BORDER;
  cell.fill = HEADER_FILL;
}

function styleBody(cell: Cell, bold: boolean, alignment: Partial<Alignment> = {}): void {
  cell.font = { ...FONT, bold };
  cell.alignment = { vertical: "top", wrapText: true, ...alignment };
  cell.border = BORDER;
}

/** Table 1 from `header` (its header row); returns the row after the table. */
function writeTargetTable(sheet: Worksheet, table: TargetTable, header: number): number {
  TARGET_HEADER.forEach((text, i) => {
    styleHeader(sheet.getCell(header, i + 1), text);
  });
  sheet.getRow(header).height = heightFor(2);
  const firstBody = header + 1;
  const heights = table.rows.map(() => MIN_ROW_HEIGHT_PT);
  table.rows.forEach((row, i) => {
    const excelRow = firstBody + i;
    [row.indicator, row.unit, row.target].forEach((value, offset) => {
      const column = 3 + offset;
      const cell = sheet.getCell(excelRow, column);
      cell.value = value;
      styleBody(cell, row.bold, { horizontal: offset === 0 ? "left" : "center" });
      growToFit(heights, i, 1, heightFor(wrappedLines(value, LAMPIRAN_WIDTHS[column - 1] ?? 0)));
    });
  });
  for (const span of table.spans) {
    const top = firstBody + span.first;
    const bottom = top + span.count - 1;
    [span.number, span.name].forEach((value, i) => {
      if (bottom > top) sheet.mergeCells(top, i + 1, bottom, i + 1);
      const cell = sheet.getCell(top, i + 1);
      cell.value = value;
      styleBody(cell, span.bold, i === 0 ? { horizontal: "center" } : { indent: span.depth });
      cell.font = { ...cell.font, italic: span.depth > 0 };
    });
    const lines = wrappedLines(span.name, (LAMPIRAN_WIDTHS[1] ?? 0) - span.depth * 2);
    growToFit(heights, span.first, span.count, heightFor(lines));
  }
  heights.forEach((height, i) => {
    sheet.getRow(firstBody + i).height = Math.ceil(height);
  });
  return firstBody + table.rows.length;
}

/** Table 2 from `header`: budgets as numbers in Rupiah format and a live SUM, so edits stay consistent. */
function writeBudgetTable(sheet: Worksheet, table: BudgetTable, header: number): number {
  const place = (row: number, values: [string, string, number | null, string], bold: boolean) => {
    sheet.mergeCells(row, 4, row, 5);
    const [number, program, amount, note] = values;
    const cells = [1, 2, 3, 4].map((c) => sheet.getCell(row, c));
    cells.forEach((cell) => {
      styleBody(cell, bold);
    });
    const [noCell, programCell, amountCell, noteCell] = cells as [Cell, Cell, Cell, Cell];
    noCell.value = number;
    noCell.alignment = { ...noCell.alignment, horizontal: "center" };
    programCell.value = program;
    if (amount !== null) amountCell.value = amount;
    amountCell.numFmt = RUPIAH_FORMAT;
    amountCell.alignment = { ...amountCell.alignment, horizontal: "right" };
    noteCell.value = note;
    sheet.getRow(row).height = heightFor(wrappedLines(program, LAMPIRAN_WIDTHS[1] ?? 0));
  };
  sheet.mergeCells(header, 4, header, 5);
  BUDGET_HEADER.forEach((text, i) => {
    styleHeader(sheet.getCell(header, i + 1), text);
  });
  table.rows.forEach((row, i) => {
    place(header + 1 + i, [row.number, row.program, row.amount, row.note], false);
  });
  const totalRow = header + 1 + table.rows.length;
  place(totalRow, ["JUMLAH", "", null, ""], true);
  sheet.mergeCells(totalRow, 1, totalRow, 2);
  const amounts = `C${header + 1}:C${totalRow - 1}`;
  sheet.getCell(totalRow, 3).value = { formula: `SUM(${amounts})`, result: table.total };
  return totalRow + 1;
}

function setUpPage(sheet: Worksheet, paper: Paper): void {
  setUpPrintedSheet(sheet, paper, {
    orientation: "portrait",
    margins: { left: 1.1, right: 0.8, top: 0.8, bottom: 0.8 },
  });
}
