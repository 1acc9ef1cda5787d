import { formatRupiah, formatTarget } from "../../domain/index.js";
import type {
  RakDocument,
  RakIndicatorRow,
  RakKegiatan,
  RakProgram,
  RakSasaran,
} from "../../plans/rak-document.js";

/**
 * The RAK table as both renderers draw it, so the layout rule (which rows a node owns, which cells
 * merge) lives in one place. Rows are indicator rows in document order; spans are the merged name and
 * budget cells laid over them.
 */

/** Header texts exactly as in the seed: the importer of the seed layout matches on them. */
export const HEADER = {
  sasaran: "SASARAN",
  program: "PROGRAM",
  kegiatan: "KEGIATAN",
  indicator: "INDIKATOR KINERJA PROGRAM/ KEGIATAN",
  unit: "SATUAN",
  target: "TARGET",
  quarters: "TARGET TRIWULAN",
  quarterNames: ["I", "II", "III", "IV"],
  budget: "ANGGARAN",
} as const;

/** Column order of the table, 0-based; the four quarter columns follow `target`. */
export const COLUMN = {
  sasaran: 0,
  program: 1,
  kegiatan: 2,
  indicator: 3,
  unit: 4,
  target: 5,
  firstQuarter: 6,
  budget: 10,
} as const;
export const COLUMN_COUNT = 11;

export interface TableRow {
  /** Indicator cells as printed; all empty for the placeholder row of a node without indicators. */
  indicator: string;
  unit: string;
  target: string;
  quarters: [string, string, string, string];
  /** A program's own indicator rows are bold, as in the seed. */
  bold: boolean;
}

export type SpanColumn = "sasaran" | "program" | "kegiatan" | "budget";

export interface Span {
  column: SpanColumn;
  /** First row (0-based, within the body) and how many rows the cell covers (≥ 1). */
  first: number;
  count: number;
  /** Name with its code, or the budget as "Rp 343.221.061.270" ("" when the document prints none). */
  text: string;
  /** The budget as a number, for a spreadsheet cell that can be summed; null for names and no budget. */
  amount: number | null;
  bold: boolean;
  /** Sub kegiatan nesting depth: 0 for everything else. Renderers indent and italicise depth > 0. */
  depth: number;
}

export interface RakTable {
  rows: TableRow[];
  spans: Span[];
}

type NamedNode = { code?: string; name: string; budget: number | null; indicators: RakIndicatorRow[] };

export function buildRakTable(doc: RakDocument): RakTable {
  const table: RakTable = { rows: [], spans: [] };
  for (const sasaran of doc.sasaran) addSasaran(table, sasaran);
  return table;
}

function addSasaran(table: RakTable, sasaran: RakSasaran): void {
  const first = table.rows.length;
  addOwnRows(table, sasaran, { bold: false, depth: 0, alwaysOwnRow: sasaran.programs.length === 0 });
  for (const program of sasaran.programs) addProgram(table, program);
  addNameSpan(table, "sasaran", sasaran, first, { bold: false, depth: 0 });
}

function addProgram(table: RakTable, program: RakProgram): void {
  const first = table.rows.length;
  addOwnRows(table, program, { bold: true, depth: 0, alwaysOwnRow: program.kegiatan.length === 0 });
  for (const kegiatan of program.kegiatan) addKegiatan(table, kegiatan, 0);
  addNameSpan(table, "program", program, first, { bold: true, depth: 0 });
}

function addKegiatan(table: RakTable, kegiatan: RakKegiatan, depth: number): void {
  const first = table.rows.length;
  // Sub kegiatan share the KEGIATAN column, so the kegiatan needs a row of its own to show its name.
  addOwnRows(table, kegiatan, { bold: false, depth, alwaysOwnRow: true });
  addNameSpan(table, "kegiatan", kegiatan, first, { bold: false, depth }, table.rows.length - first);
  for (const sub of kegiatan.subKegiatan ?? []) addKegiatan(table, sub, depth + 1);
}

interface RowStyle {
  bold: boolean;
  depth: number;
  /** Give a node without indicators one empty row anyway, so its name or budget is not lost. */
  alwaysOwnRow: boolean;
}

function addOwnRows(table: RakTable, node: NamedNode, style: RowStyle): void {
  const first = table.rows.length;
  for (const indicator of node.indicators) table.rows.push(indicatorRow(indicator, style.bold));
  const needsPlaceholder = node.budget !== null || style.alwaysOwnRow;
  if (node.indicators.length === 0 && needsPlaceholder) table.rows.push(emptyRow(style.bold));
  const count = table.rows.length - first;
  if (count === 0) return;
  table.spans.push({
    column: "budget",
    first,
    count,
    text: node.budget === null ? "" : formatRupiah(node.budget),
    amount: node.budget,
    bold: style.bold,
    depth: 0,
  });
}

function addNameSpan(
  table: RakTable,
  column: SpanColumn,
  node: NamedNode,
  first: number,
  style: { bold: boolean; depth: number },
  count = table.rows.length - first,
): void {
  if (count === 0) return;
  const text = node.code ? `${node.code} ${node.name}` : node.name;
  table.spans.push({ column, first, count, text, amount: null, ...style });
}

function indicatorRow(indicator: RakIndicatorRow, bold: boolean): TableRow {
  return {
    indicator: indicator.name,
    unit: indicator.unit,
    target: formatTarget(indicator.target),
    quarters: indicator.quarters.map(formatTarget) as TableRow["quarters"],
    bold,
  };
}

function emptyRow(bold: boolean): TableRow {
  return { indicator: "", unit: "", target: "", quarters: ["", "", "", ""], bold };
}
