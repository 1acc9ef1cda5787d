import type { Actor } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { canonical, parseHeadCount } from "../domain/index.js";
import {
  type Cell,
  cellAt,
  cellText,
  type Grid,
  ImportError,
  readSpreadsheet,
} from "../interop/spreadsheet/index.js";
import { AppError } from "../lib/errors.js";
import { newWorkbook } from "../lib/exceljs.js";
import {
  CATEGORY_CODES,
  type CellWrite,
  enteredFigures,
  type GridUnit,
  gridUnitsByCode,
  inRegion,
  notHeadCount,
  regionUnits,
  writePopulationCells,
} from "./population-grid.js";
import { POPULATION_CATEGORIES, type PopulationCategory } from "./populations.js";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The template's hidden second row names each column by code, so relabelled or translated headers still read. */
const CODE_ROW = { unit: "KODE_UNIT", name: "NAMA_UNIT", source: "SUMBER" } as const;
const LABEL_ROW = { unit: "Kode Unit", name: "Nama Unit", source: "Sumber data" } as const;

/** An xlsx of the region: one row per unit with its own current figures, one column per category. */
export async function populationTemplate(db: Database, root: GridUnit, year: number) {
  const units = await regionUnits(db, root);
  const entered = await enteredFigures(
    db,
    units.map((u) => u.id),
    year,
  );
  const book = await newWorkbook();
  const sheet = book.addWorksheet(`Sasaran ${year}`);
  const labels = sheet.addRow([
    LABEL_ROW.unit,
    LABEL_ROW.name,
    ...CATEGORY_CODES.map((c) => POPULATION_CATEGORIES[c]),
    LABEL_ROW.source,
  ]);
  labels.font = { bold: true };
  labels.alignment = { wrapText: true, vertical: "top" };
  sheet.addRow([CODE_ROW.unit, CODE_ROW.name, ...CATEGORY_CODES, CODE_ROW.source]).hidden = true;
  for (const unit of units) {
    const own = entered.get(unit.id);
    const sources = [...new Set([...(own?.values() ?? [])].map((f) => f.source))];
    const row = sheet.addRow([
      unit.code,
      unit.name,
      // Whole persons fit a double exactly (14 digits at most), so Excel shows and sums them as numbers.
      ...CATEGORY_CODES.map((c) => (own?.get(c) ? Number(own.get(c)?.value) : null)),
      sources.length === 1 ? sources[0] : null,
    ]);
    row.getCell(2).alignment = { indent: unit.level - root.level };
  }
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 30 : i === CATEGORY_CODES.length + 2 ? 30 : 14;
    if (i >= 2 && i < CATEGORY_CODES.length + 2) column.numFmt = "#,##0";
  });
  sheet.getColumn(1).numFmt = "@";
  sheet.views = [{ state: "frozen", ySplit: 2, xSplit: 2 }];
  const help = book.addWorksheet("Petunjuk");
  help.getColumn(1).width = 28;
  help.getColumn(2).width = 90;
  for (const line of [
    [`Sasaran SPM ${root.name} tahun ${year}`],
    [],
    ["Angka", "Jumlah orang, bilangan bulat ≥ 0; 38.000 dan 38000 dibaca sama."],
    ["Sel kosong", "Tidak mengubah apa pun. Untuk menghapus angka, gunakan layar Sasaran SPM."],
    ["Kode Unit", "Jangan diubah; baris dengan kode yang tidak dikenal ditolak."],
    ["Baris pertama", `Angka ${root.name} sendiri, bila tidak dijumlahkan dari unit di bawahnya.`],
    ["Sumber data", "Sumber semua angka yang diisi di baris itu (mis. Dukcapil 2019); kosong: tetap."],
    ["Baris 2 (tersembunyi)", "Kode kolom; jangan dihapus."],
    [],
    ["Kode", "Sasaran"],
    ...CATEGORY_CODES.map((c) => [c, POPULATION_CATEGORIES[c]]),
  ])
    help.addRow(line);
  help.getRow(1).font = { bold: true, size: 13 };
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Column = { kind: "unit" | "name" | "source" } | { kind: "category"; category: PopulationCategory };

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s_]+/g, " ")
    .trim();
const HEADERS = new Map<string, Column>([
  ...[CODE_ROW.unit, LABEL_ROW.unit].map((h) => [normal(h), { kind: "unit" }] as const),
  ...[CODE_ROW.name, LABEL_ROW.name].map((h) => [normal(h), { kind: "name" }] as const),
  ...[CODE_ROW.source, LABEL_ROW.source].map((h) => [normal(h), { kind: "source" }] as const),
  ...CATEGORY_CODES.flatMap((c) =>
    [c, POPULATION_CATEGORIES[c]].map((h) => [normal(h), { kind: "category", category: c }] as const),
  ),
]);

/** "A", "B", … "AA": how the planner finds the column in Excel. */
export const columnLetter = (index: number): string =>
  (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : "") + String.fromCharCode(65 + (index % 26));

const refuse = (id: string, en: string) => new AppError(400, "IMPORT_INVALID", id, en);

/** Reads the header rows (the label row and the code row, either may be missing) into column meanings. */
function readHeader(grid: Grid) {
  const headerRows = grid.rows
    .slice(0, 5)
    .map((_, r) => r)
    .filter((r) => (grid.rows[r] ?? []).some((c) => HEADERS.get(normal(cellText(c)))?.kind === "category"));
  const last = headerRows.at(-1);
  if (last === undefined)
    throw refuse(
      "Baris judul kolom sasaran tidak ditemukan; unduh templatnya.",
      "No header row of population columns was found; download the template.",
    );
  const width = Math.max(...headerRows.map((r) => grid.rows[r]?.length ?? 0));
  const columns: Array<Column | null> = [];
  for (let c = 0; c < width; c++) {
    const texts = headerRows.map((r) => cellText(cellAt(grid, r, c))).filter(Boolean);
    const known = texts.map((t) => HEADERS.get(normal(t))).filter((k) => k !== undefined);
    // The code row comes after the label row, so a code wins over an edited label.
    columns.push(known.at(-1) ?? null);
    if (texts.length && !known.length)
      throw refuse(
        `Kolom ${columnLetter(c)} ("${texts[0]}") tidak dikenal; unduh templatnya.`,
        `Column ${columnLetter(c)} ("${texts[0]}") is not known; download the template.`,
      );
  }
  const unitColumn = columns.findIndex((k) => k?.kind === "unit");
  if (unitColumn < 0) throw refuse("Kolom Kode Unit tidak ditemukan.", "The Kode Unit column is missing.");
  const categories = columns.flatMap((k) => (k?.kind === "category" ? [k.category] : []));
  const twice = categories.find((c, i) => categories.indexOf(c) !== i);
  if (twice)
    throw refuse(`Kolom ${POPULATION_CATEGORIES[twice]} ada dua kali.`, `The ${twice} column appears twice.`);
  return { columns, unitColumn, firstDataRow: last + 1 };
}

export interface ImportIssue {
  /** Spreadsheet column letter; null for the row as a whole. */
  column: string | null;
  message: string;
  messageEn: string;
}

export interface PopulationImportRow {
  /** 1-based spreadsheet row. */
  row: number;
  orgUnitCode: string;
  orgUnitName: string | null;
  errors: ImportIssue[];
  changes: Array<{ category: PopulationCategory; label: string; old: string | null; new: string }>;
  unchanged: number;
  /** The source of every figure filled in on this row (a new source is a change); null keeps each one's. */
  source: string | null;
}

/** A number cell is already the canonical value Excel stored; only typed text needs the domain's reading. */
function cellCount(cell: Cell) {
  if (cell.kind === "number") return /^\d{1,14}$/.test(cell.value) ? cell.value : undefined;
  return parseHeadCount(cellText(cell));
}

/**
 * Reads the file against the region and the database without writing: per row the changes (old → new)
 * and the problems with their column. `canWrite` says whether the caller may change a unit.
 */
export async function previewPopulationImport(
  db: Database,
  root: GridUnit,
  year: number,
  bytes: Uint8Array,
  fileName: string,
  canWrite: (unit: GridUnit) => boolean,
): Promise<PopulationImportRow[]> {
  const { grids } = await readSpreadsheet(bytes, fileName, MAX_IMPORT_BYTES).catch((error) => {
    throw error instanceof ImportError
      ? new AppError(error.statusCode, error.code, error.messageId, error.messageEn, error.details)
      : error;
  });
  const grid = grids[0] ?? { rows: [] };
  const { columns, unitColumn, firstDataRow } = readHeader(grid);
  const lines = grid.rows
    .map((_, r) => ({ r, code: cellText(cellAt(grid, r, unitColumn)) }))
    .filter(({ r, code }) => r >= firstDataRow && code);
  const units = await gridUnitsByCode(db, [...new Set(lines.map((l) => l.code))]);
  const entered = await enteredFigures(
    db,
    [...units.values()].map((u) => u.id),
    year,
  );
  const seen = new Set<string>();
  return lines.map(({ r, code }) => {
    const unit = units.get(code);
    const out: PopulationImportRow = {
      row: r + 1,
      orgUnitCode: code,
      orgUnitName: unit?.name ?? null,
      errors: [],
      changes: [],
      unchanged: 0,
      source: null,
    };
    const problem = (column: number | null, message: string, messageEn: string) =>
      out.errors.push({ column: column === null ? null : columnLetter(column), message, messageEn });
    if (seen.has(code))
      problem(unitColumn, `Unit ${code} muncul lebih dari sekali.`, `Unit ${code} appears more than once.`);
    seen.add(code);
    if (!unit) {
      problem(unitColumn, `Kode unit ${code} tidak dikenal.`, `Unit code ${code} is not known.`);
      return out;
    }
    if (!inRegion(root, unit)) {
      out.orgUnitName = null;
      problem(
        unitColumn,
        `Unit ${code} bukan bagian dari ${root.name}.`,
        `Unit ${code} is not part of ${root.name}.`,
      );
      return out;
    }
    if (!canWrite(unit))
      problem(
        null,
        "Anda tidak berwenang mengubah sasaran unit ini.",
        "You may not change this unit's figures.",
      );
    const sourceColumn = columns.findIndex((k) => k?.kind === "source");
    const source = sourceColumn < 0 ? "" : cellText(cellAt(grid, r, sourceColumn));
    if (source.length > 200)
      problem(
        sourceColumn,
        "Sumber data lebih dari 200 huruf.",
        "Sumber data is longer than 200 characters.",
      );
    out.source = source || null;
    const own = entered.get(unit.id);
    columns.forEach((column, c) => {
      if (column?.kind !== "category") return;
      const cell = cellAt(grid, r, c);
      const value = cellCount(cell);
      if (value === undefined) {
        const label = POPULATION_CATEGORIES[column.category];
        const where = `${columnLetter(c)}`;
        const message = notHeadCount(
          `Kolom ${where} (${label})`,
          `Column ${where} (${column.category})`,
          cellText(cell),
        );
        problem(c, message.id, message.en);
        return;
      }
      if (value === null) return;
      const before = own?.get(column.category);
      const old = before ? canonical(before.value) : null;
      if (old === value && (!out.source || before?.source === out.source)) out.unchanged++;
      else
        out.changes.push({
          category: column.category,
          label: POPULATION_CATEGORIES[column.category],
          old,
          new: value,
        });
    });
    return out;
  });
}

/** Writes a previewed file in one transaction; any row with a problem refuses the whole file. */
export async function commitPopulationImport(
  db: Database,
  root: GridUnit,
  year: number,
  rows: PopulationImportRow[],
  actor: Actor,
) {
  const failing = rows.filter((r) => r.errors.length);
  if (failing.length)
    throw new AppError(
      422,
      "IMPORT_HAS_ERRORS",
      `${failing.length} baris bermasalah; tidak ada yang disimpan. Perbaiki lalu unggah lagi.`,
      `${failing.length} rows have problems; nothing was saved. Fix them and upload again.`,
      { rows: failing.map((r) => ({ row: r.row, errors: r.errors })) },
    );
  const units = new Map((await regionUnits(db, root)).map((u) => [u.code, u]));
  const cells: CellWrite[] = rows.flatMap((r) =>
    r.changes.map((c) => ({
      unit: units.get(r.orgUnitCode) as GridUnit,
      category: c.category,
      value: c.new,
      source: r.source,
    })),
  );
  return writePopulationCells(db, year, cells, actor);
}
