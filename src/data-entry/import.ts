import { eq } from "drizzle-orm";
import { allows, type ScopedRole } from "../auth/permissions.js";
import type { Database } from "../db/client.js";
import { dataSetOrgUnits, orgUnits } from "../db/schema/index.js";
import { parsePeriod } from "../domain/index.js";
import { cellAt, cellText, type Grid } from "../interop/spreadsheet/index.js";
import { AppError } from "../lib/errors.js";
import { newWorkbook } from "../lib/exceljs.js";
import { formElements } from "./form.js";

const FIXED = ["Kode Unit", "Nama Unit", "Periode"];

/** One spreadsheet row as the preview shows it. */
export interface ImportRow {
  row: number;
  orgUnitCode: string;
  orgUnitName: string | null;
  period: string;
  errors: string[];
  /** Values that will be written: new ones (old null) and changed ones. */
  changes: Array<{ code: string; old: string | null; new: string }>;
  unchanged: number;
}

/** An xlsx to fill: one row per reporting unit for the period, one column per data element code. */
export async function valuesTemplate(
  db: Database,
  dataSetId: string,
  period: string | undefined,
  scope: readonly ScopedRole[],
) {
  const elements = await formElements(db, dataSetId, period ? parsePeriod(period) : undefined);
  const units = await db
    .select({ code: orgUnits.code, name: orgUnits.name, path: orgUnits.path })
    .from(dataSetOrgUnits)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
    .where(eq(dataSetOrgUnits.dataSetId, dataSetId));
  const book = await newWorkbook();
  const sheet = book.addWorksheet("Isian");
  sheet.addRow([...FIXED, ...elements.map((e) => e.code)]).font = { bold: true };
  for (const u of units.filter((u) => allows(scope, "data.enter", u.path)))
    sheet.addRow([u.code, u.name, period ?? ""]);
  sheet.columns.forEach((c, i) => {
    c.width = i === 1 ? 28 : 16;
  });
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 3 }];
  const help = book.addWorksheet("Kode Data");
  help.addRow(["Kode", "Nama data", "Jenis"]).font = { bold: true };
  for (const e of elements)
    help.addRow([e.code, e.name, e.valueType === "integer" ? "bilangan bulat" : "angka"]);
  help.getColumn(2).width = 60;
  help.addRow([]);
  help.addRow([
    "Periode ditulis YYYYMM (202401 = Januari 2024). Sel kosong dibiarkan; nilai lama tidak dihapus.",
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const refuse = (id: string, en: string) => new AppError(400, "IMPORT_INVALID", id, en);

export interface UploadRow {
  row: number;
  orgUnitCode: string;
  period: string;
  values: Record<string, string>;
}

/** The rows of the first sheet under the template's header; rows without a unit code are skipped. */
export function readRows(grid: Grid, codes: Set<string>): UploadRow[] {
  const header = (grid.rows[0] ?? []).map((c) => cellText(c).trim());
  if (FIXED.some((name, i) => header[i]?.toLowerCase() !== name.toLowerCase())) {
    throw refuse(
      `Baris pertama harus berisi ${FIXED.join(", ")} lalu kode data; unduh templatnya.`,
      `The first row must hold ${FIXED.join(", ")} then data codes; download the template.`,
    );
  }
  const columns = header.slice(3).map((h) => (codes.has(h) ? h : null));
  const unknown = header.slice(3).filter((h, i) => h && columns[i] === null);
  if (unknown.length)
    throw refuse(
      `Kode data tidak dikenal: ${unknown.join(", ")}.`,
      `Unknown data codes: ${unknown.join(", ")}.`,
    );
  return grid.rows.slice(1).flatMap((_, i) => {
    const r = i + 1;
    const orgUnitCode = cellText(cellAt(grid, r, 0)).trim();
    if (!orgUnitCode) return [];
    const values: Record<string, string> = {};
    columns.forEach((code, c) => {
      const text = cellText(cellAt(grid, r, c + 3)).trim();
      if (code && text) values[code] = text;
    });
    return [{ row: r + 1, orgUnitCode, period: cellText(cellAt(grid, r, 2)).trim(), values }];
  });
}
