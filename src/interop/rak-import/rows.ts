import { formatRupiah, polarityFromName, storedForm } from "../../domain/index.js";
import type { RakIndicatorRow, RakKegiatan, RakProgram, RakSasaran } from "../../plans/rak-document.js";
import { type Cell, cellAt, cellText, type Grid, normalizeSpaces } from "../spreadsheet/cells.js";
import { ImportError, type ImportWarning, warning } from "../spreadsheet/errors.js";
import { type Header, LEVELS, type Level } from "./header.js";
import { budgetOf, type CellRef, type NumberReader, targetOf } from "./numbers.js";
import { readPolarity } from "./polarity.js";

/**
 * Turns the table rows into the plan tree. One rule serves both layouts: a row names a path of
 * sasaran → program → kegiatan → sub kegiatan; an empty (or merged-over) cell above the deepest named
 * level means "same as above", the deepest named level is where the row's indicator and budget go,
 * and a row naming nothing continues the previous row's node.
 */

type Node = RakSasaran | RakProgram | RakKegiatan;

export interface Tree {
  sasaran: RakSasaran[];
  /** 1-based spreadsheet row where each node or indicator was named, for warnings. */
  rowOf: Map<object, number>;
  warnings: ImportWarning[];
}

const LEVEL_LABEL: Record<Level, { id: string; en: string }> = {
  sasaran: { id: "sasaran", en: "sasaran" },
  program: { id: "program", en: "program" },
  kegiatan: { id: "kegiatan", en: "kegiatan" },
  subKegiatan: { id: "sub kegiatan", en: "sub kegiatan" },
};

export function columnLetter(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function newNode(level: Level, name: string): Node {
  if (level === "sasaran") return { name, budget: null, indicators: [], programs: [] };
  if (level === "program") return { name, budget: null, indicators: [], kegiatan: [] };
  return { name, budget: null, indicators: [] };
}

function childrenOf(parent: Node | null, level: Level, tree: Tree): Node[] {
  if (level === "sasaran") return tree.sasaran;
  if (level === "program") return (parent as RakSasaran).programs;
  if (level === "kegiatan") return (parent as RakProgram).kegiatan;
  const kegiatan = parent as RakKegiatan;
  kegiatan.subKegiatan ??= [];
  return kegiatan.subKegiatan;
}

/** The last row whose indicator cell is filled together with a unit or a target: the table's end. */
export function lastTableRow(grid: Grid, header: Header): number {
  const { indicator, unit, target, quarters } = header.columns;
  for (let r = grid.rows.length - 1; r >= header.firstDataRow; r--) {
    const filled = (c: number | null) => c !== null && cellText(cellAt(grid, r, c)) !== "";
    if (filled(indicator) && [unit, target, ...quarters].some(filled)) return r;
  }
  return header.firstDataRow - 1;
}

export function buildTree(grid: Grid, header: Header, reader: NumberReader): Tree {
  const tree: Tree = { sasaran: [], rowOf: new Map(), warnings: [] };
  const { columns } = header;
  const levels = LEVELS.filter((level) => columns.names[level] !== undefined || level === "sasaran");
  const path: (Node | null)[] = levels.map(() => null);
  const headerLabel = (col: number) =>
    normalizeSpaces(cellText(cellAt(grid, header.row, col)) || cellText(cellAt(grid, header.row + 1, col)));
  let previous: Node | null = null;

  const openNode = (index: number, name: string, row: number): Node => {
    const level = levels[index] as Level;
    const parent = index === 0 ? null : ensure(index - 1, row);
    const siblings = childrenOf(parent, level, tree);
    const existing = siblings.find((node) => node.name === name);
    if (existing) return existing;
    const node = newNode(level, name);
    siblings.push(node);
    tree.rowOf.set(node, row);
    return node;
  };

  // A row that names a program but no sasaran (or an indicator before any node) gets an unnamed parent.
  const ensure = (index: number, row: number): Node => {
    const current = path[index];
    if (current) return current;
    const level = levels[index] as Level;
    const label = LEVEL_LABEL[level];
    tree.warnings.push(
      warning(
        "PARENT_MISSING",
        `Baris ${row}: ${label.id} tidak disebut; dibuat ${label.id} tanpa nama yang harus dilengkapi`,
        `Row ${row}: no ${label.en} named; an unnamed ${label.en} was created and must be completed`,
        row,
      ),
    );
    const node = openNode(index, "", row);
    path[index] = node;
    return node;
  };

  const isContinuation = (index: number, text: string, hasBudget: boolean): boolean => {
    const current = path[index];
    return (
      header.layout === "rak-print" &&
      levels[index] === "program" &&
      current != null &&
      /^program\b/i.test(current.name) &&
      !/^program\b/i.test(text) &&
      !hasBudget
    );
  };

  const lastRow = lastTableRow(grid, header);
  for (let r = header.firstDataRow; r <= lastRow; r++) {
    const row = r + 1;
    const text = (col: number | null | undefined) =>
      col == null ? "" : normalizeSpaces(cellText(cellAt(grid, r, col)));
    const ref = (col: number): CellRef => ({
      row,
      address: `${columnLetter(col)}${row}`,
      column: headerLabel(col),
    });
    const names = levels.map((level) => text(columns.names[level]));
    const budgetCells: Cell[] = [];
    if (columns.budget) {
      for (let c = columns.budget.from; c <= columns.budget.to; c++) budgetCells.push(cellAt(grid, r, c));
    }
    const budget = columns.budget ? budgetOf(budgetCells, ref(columns.budget.from), reader) : null;
    const deepest = names.reduce((found, name, i) => (name !== "" ? i : found), -1);

    for (let i = 0; i <= deepest; i++) {
      const name = names[i] ?? "";
      const current = path[i];
      if (name === "" || current?.name === name) continue;
      if (isContinuation(i, name, budget !== null) && current) {
        current.name = `${current.name} ${name}`;
        continue;
      }
      path[i] = openNode(i, name, row);
      path.fill(null, i + 1);
    }
    if (deepest >= 0) path.fill(null, deepest + 1);
    const node: Node = deepest >= 0 ? (path[deepest] as Node) : (previous ?? ensure(0, row));
    previous = node;

    for (const [index, level] of levels.entries()) {
      const code = level === "sasaran" ? "" : text(columns.codes[level]);
      const named = path[index] as RakProgram | RakKegiatan | null;
      if (code !== "" && named && named.code === undefined) named.code = code;
    }
    if (budget !== null) assignBudget(node, budget, row, tree);
    const indicatorName = text(columns.indicator);
    if (indicatorName === "") {
      if ([columns.target, ...columns.quarters].some((c) => text(c) !== "")) {
        throw new ImportError(
          "INDICATOR_NAME_MISSING",
          `Baris ${row}: ada target tetapi nama indikator (kolom ${columnLetter(columns.indicator)}) kosong`,
          `Row ${row}: there are targets but the indicator name (column ${columnLetter(columns.indicator)}) is empty`,
          { row },
        );
      }
      continue;
    }
    const annual = storedForm(targetOf(cellAt(grid, r, columns.target), ref(columns.target), reader));
    const [q1, q2, q3, q4] = columns.quarters.map((c) =>
      storedForm(targetOf(cellAt(grid, r, c), ref(c), reader)),
    );
    const indicator: RakIndicatorRow = {
      name: indicatorName,
      unit: text(columns.unit),
      target: annual,
      quarters: [q1 ?? "-", q2 ?? "-", q3 ?? "-", q4 ?? "-"],
    };
    const polarity = polarityOf(text(columns.polarity), indicatorName, row, tree);
    if (polarity) indicator.polarity = polarity;
    node.indicators.push(indicator);
    tree.rowOf.set(indicator, row);
  }
  return tree;
}

function polarityOf(cell: string, name: string, row: number, tree: Tree): "lower" | undefined {
  const explicit = readPolarity(cell);
  if (explicit) return explicit === "lower" ? "lower" : undefined;
  if (cell !== "") {
    tree.warnings.push(
      warning(
        "POLARITY_UNKNOWN",
        `Baris ${row}: polaritas "${cell}" tidak dikenal (isi "naik" atau "turun"); ditebak dari nama indikator`,
        `Row ${row}: unknown polarity "${cell}" (use "naik" or "turun"); guessed from the indicator name`,
        row,
      ),
    );
  }
  // The seed layout has no polarity column; an explicit Polaritas cell wins over the name.
  return polarityFromName(name) === "lower" ? "lower" : undefined;
}

/** Repeated rows of one node carry its budget once; a second, different amount is kept out and shown. */
function assignBudget(node: Node, budget: number, row: number, tree: Tree): void {
  if (node.budget === null) {
    node.budget = budget;
    return;
  }
  if (node.budget === budget) return;
  tree.warnings.push(
    warning(
      "BUDGET_REPEATED",
      `Baris ${row}: "${node.name}" sudah beranggaran ${formatRupiah(node.budget)}; anggaran kedua ${formatRupiah(budget)} tidak dipakai`,
      `Row ${row}: "${node.name}" already has a budget of ${formatRupiah(node.budget)}; the second amount ${formatRupiah(budget)} is not used`,
      row,
    ),
  );
}
