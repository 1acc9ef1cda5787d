import { type Cell, cellAt, cellText, type Grid } from "../interop/spreadsheet/index.js";
import { AppError } from "../lib/errors.js";

/** The columns of the Dinas's usual list of units, by their template label and by code. */
export const IMPORT_COLUMNS = [
  { key: "code", label: "Kode", aliases: ["kode unit", "kode"] },
  { key: "name", label: "Nama", aliases: ["nama unit", "nama"] },
  { key: "type", label: "Jenis", aliases: ["jenis unit", "jenis", "type"] },
  { key: "owner", label: "Kepemilikan", aliases: ["kepemilikan", "pemilik", "owner"] },
  { key: "parent", label: "Induk", aliases: ["induk", "kode induk", "parent"] },
  { key: "blud", label: "BLUD", aliases: ["blud"] },
  { key: "kemenkes", label: "Kode Kemenkes", aliases: ["kode kemenkes", "kemenkes"] },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]["key"];

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s_]+/g, " ")
    .trim();

/** "A", "B", … "AA": how the Dinas finds the column in Excel. */
export const columnLetter = (index: number): string =>
  (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : "") + String.fromCharCode(65 + (index % 26));

const refuse = (id: string, en: string) => new AppError(400, "IMPORT_INVALID", id, en);

export interface SheetRow {
  /** 1-based spreadsheet row. */
  row: number;
  cells: Record<ImportColumn, { text: string; column: string }>;
}

const text = (cell: Cell) => cellText(cell).replace(/\s+/g, " ").trim();

/** Finds the header row among the first five and reads every non-empty row below it. */
export function readUnitRows(grid: Grid): SheetRow[] {
  const byAlias = new Map<string, ImportColumn>(
    IMPORT_COLUMNS.flatMap((c) => c.aliases.map((a) => [a, c.key] as const)),
  );
  const headerRow = grid.rows
    .slice(0, 5)
    .findIndex((row) => row.filter((c) => byAlias.has(normal(cellText(c)))).length >= 3);
  if (headerRow < 0)
    throw refuse(
      "Baris judul kolom (Kode, Nama, Jenis, Induk …) tidak ditemukan; unduh templatnya.",
      "No header row (Kode, Nama, Jenis, Induk …) was found; download the template.",
    );
  const positions = new Map<ImportColumn, number>();
  (grid.rows[headerRow] ?? []).forEach((cell, c) => {
    const key = byAlias.get(normal(cellText(cell)));
    if (key && !positions.has(key)) positions.set(key, c);
  });
  const missing = (["code", "name", "type", "parent"] as const).filter((k) => !positions.has(k));
  if (missing.length) {
    const names = missing.map((k) => IMPORT_COLUMNS.find((c) => c.key === k)?.label).join(", ");
    throw refuse(`Kolom wajib tidak ada: ${names}.`, `Required columns are missing: ${names}.`);
  }
  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const cells = Object.fromEntries(
      IMPORT_COLUMNS.map(({ key }) => {
        const c = positions.get(key);
        return [key, { text: c === undefined ? "" : text(cellAt(grid, r, c)), column: columnLetter(c ?? 0) }];
      }),
    ) as SheetRow["cells"];
    if (Object.values(cells).some((c) => c.text)) rows.push({ row: r + 1, cells });
  }
  if (rows.length > 5000)
    throw refuse("Paling banyak 5.000 baris sekali impor.", "At most 5,000 rows per import.");
  return rows;
}
