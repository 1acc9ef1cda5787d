import { type Cell, cellAt, cellText, type Grid, normalizeSpaces } from "../spreadsheet/cells.js";
import { ImportError } from "../spreadsheet/errors.js";

/** The levels of a plan tree a row may name, shallowest first. */
export const LEVELS = ["sasaran", "program", "kegiatan", "subKegiatan"] as const;
export type Level = (typeof LEVELS)[number];

export interface Columns {
  /** Column of each level's name; absent when the sheet has no such column. */
  names: Partial<Record<Level, number>>;
  codes: Partial<Record<Exclude<Level, "sasaran">, number>>;
  indicator: number;
  unit: number | null;
  polarity: number | null;
  target: number;
  quarters: [number, number, number, number];
  /** First and last column of the budget: "Rp" and the amount may sit in two cells. */
  budget: { from: number; to: number } | null;
}

export interface Header {
  /** "rak-print": the printed RAK with "I II III IV" under TARGET TRIWULAN; "template": ours, one row. */
  layout: "rak-print" | "template";
  /** 0-based index of the header row. */
  row: number;
  /** 0-based index of the first data row (after a "I II III IV" row and a column-number row). */
  firstDataRow: number;
  columns: Columns;
}

const label = (cell: Cell) =>
  normalizeSpaces(cellText(cell))
    .toUpperCase()
    .replace(/[:*]+$/, "");

const NAME_COLUMNS: [RegExp, Level][] = [
  [/^SASARAN( STRATEGIS)?$/, "sasaran"],
  [/^PROGRAM$/, "program"],
  [/^KEGIATAN$/, "kegiatan"],
  [/^SUB ?KEGIATAN$/, "subKegiatan"],
];
const CODE_COLUMNS: [RegExp, Exclude<Level, "sasaran">][] = [
  [/^KODE PROGRAM$/, "program"],
  [/^KODE KEGIATAN$/, "kegiatan"],
  [/^KODE SUB ?KEGIATAN$/, "subKegiatan"],
];
const ROMAN = ["I", "II", "III", "IV"];

/** "I", "TW II", "Triwulan 3", "TW. IV" → 0..3; a bare "1" is a column number, not a quarter. */
function quarterOf(text: string): number | null {
  const prefixed = /^(?:TW|TRW|TRIWULAN)\.? ?(I{1,3}|IV|[1-4])$/.exec(text);
  const roman = prefixed?.[1] ?? (ROMAN.includes(text) ? text : null);
  if (roman === null) return null;
  const index = ROMAN.indexOf(roman);
  return index >= 0 ? index : Number(roman) - 1;
}

const isIndicator = (text: string) => text.startsWith("INDIKATOR");
const isTarget = (text: string) => /^TARGET( TAHUNAN| TAHUN \d{4}| \d{4})?$/.test(text);

function findHeaderRow(grid: Grid): number | null {
  for (let r = 0; r < grid.rows.length; r++) {
    const labels = (grid.rows[r] ?? []).map(label);
    if (labels.some(isIndicator) && labels.some(isTarget)) return r;
  }
  return null;
}

/** Columns where a merged header cell (e.g. ANGGARAN over "Rp" and the amount) continues. */
function spanOf(grid: Grid, row: number, col: number, width: number): number {
  let to = col;
  for (let c = col + 1; c < width; c++) {
    const cell = cellAt(grid, row, c);
    const continues = cell.kind === "merged" && cell.masterRow === row && cell.masterCol === col;
    const blank = cell.kind === "empty" && label(cellAt(grid, row + 1, c)) === "";
    if (!continues && !blank) break;
    to = c;
  }
  return to;
}

/** A row of consecutive numbers under the header ("1 2 3 … 12") numbers the columns; skip it. */
function isColumnNumbering(grid: Grid, row: number): boolean {
  const texts = (grid.rows[row] ?? []).map(cellText).filter((t) => t !== "");
  return (
    texts.length >= 3 &&
    texts.every((t, i) => /^\(?\d+\)?$/.test(t) && Number(t.replace(/\D/g, "")) === i + 1)
  );
}

const missingColumn = (what: string, whatEn: string, row: number) =>
  new ImportError(
    "HEADER_INCOMPLETE",
    `Baris judul kolom (baris ${row + 1}) tidak memuat kolom ${what}`,
    `The header row (row ${row + 1}) has no ${whatEn} column`,
    { row: row + 1 },
  );

/** Finds the header by its texts, wherever the title block leaves it, and maps the columns. */
export function findHeader(grid: Grid): Header {
  const row = findHeaderRow(grid);
  if (row === null) {
    throw new ImportError(
      "HEADER_NOT_FOUND",
      "Baris judul kolom tidak ditemukan: lembar kerja harus memuat kolom INDIKATOR dan TARGET (lihat templat)",
      "No header row found: the sheet must have INDIKATOR and TARGET columns (see the template)",
    );
  }
  const width = Math.max(grid.rows[row]?.length ?? 0, grid.rows[row + 1]?.length ?? 0);
  const names: Columns["names"] = {};
  const codes: Columns["codes"] = {};
  const quarters: (number | undefined)[] = [];
  let indicator: number | null = null;
  let target: number | null = null;
  let unit: number | null = null;
  let polarity: number | null = null;
  let budget: Columns["budget"] = null;
  const quartersBelow: (number | undefined)[] = [];
  for (let c = 0; c < width; c++) {
    const text = label(cellAt(grid, row, c));
    const level = NAME_COLUMNS.find(([pattern]) => pattern.test(text))?.[1];
    const codeLevel = CODE_COLUMNS.find(([pattern]) => pattern.test(text))?.[1];
    const below = quarterOf(label(cellAt(grid, row + 1, c)));
    if (level && names[level] === undefined) names[level] = c;
    else if (codeLevel && codes[codeLevel] === undefined) codes[codeLevel] = c;
    else if (isIndicator(text) && indicator === null) indicator = c;
    else if (text === "SATUAN" && unit === null) unit = c;
    else if (text === "POLARITAS" && polarity === null) polarity = c;
    else if (isTarget(text) && target === null) target = c;
    else if (/^(ANGGARAN|PAGU)/.test(text) && budget === null)
      budget = { from: c, to: spanOf(grid, row, c, width) };
    const own = quarterOf(text);
    if (own !== null) quarters[own] ??= c;
    else if (below !== null && !isTarget(text)) quartersBelow[below] ??= c;
  }
  // Quarters are labelled in the header row itself (template) or in a second row under it (print).
  const useBelow = quarters.filter((q) => q !== undefined).length < 4;
  if (useBelow) quarters.splice(0, 4, ...quartersBelow.slice(0, 4));
  if (indicator === null || target === null) throw missingColumn("INDIKATOR/TARGET", "INDIKATOR/TARGET", row);
  const [q1, q2, q3, q4] = quarters;
  if (q1 === undefined || q2 === undefined || q3 === undefined || q4 === undefined) {
    throw missingColumn("TARGET TRIWULAN I–IV", "quarterly target (TW I–IV)", row);
  }
  if (Object.keys(names).length === 0)
    throw missingColumn("SASARAN/PROGRAM/KEGIATAN", "SASARAN/PROGRAM/KEGIATAN", row);
  let firstDataRow = row + (useBelow ? 2 : 1);
  if (isColumnNumbering(grid, firstDataRow)) firstDataRow++;
  return {
    layout: useBelow ? "rak-print" : "template",
    row,
    firstDataRow,
    columns: { names, codes, indicator, unit, polarity, target, quarters: [q1, q2, q3, q4], budget },
  };
}
