import ExcelJS from "exceljs";
import { type Cell, EMPTY, type Grid, numberCell, textCell } from "./cells.js";

/** Cell values exceljs hands out: rich text, formulas with cached results, hyperlinks, dates, errors. */
function valueCell(value: ExcelJS.CellValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") return Number.isFinite(value) ? numberCell(value, numFmt) : EMPTY;
  if (typeof value === "string") return textCell(value);
  if (typeof value === "boolean") return textCell(value ? "TRUE" : "FALSE");
  if (value instanceof Date) return textCell(value.toISOString().slice(0, 10));
  if ("richText" in value) return textCell(value.richText.map((part) => part.text).join(""));
  if ("formula" in value || "sharedFormula" in value) {
    return valueCell((value.result ?? null) as ExcelJS.CellValue, numFmt);
  }
  if ("hyperlink" in value) return textCell(String(value.text ?? ""));
  if ("error" in value) return textCell(String(value.error));
  return EMPTY;
}

function readCell(cell: ExcelJS.Cell): Cell {
  if (cell.type === ExcelJS.ValueType.Merge) {
    const master = cell.master;
    return { kind: "merged", masterRow: Number(master.row) - 1, masterCol: Number(master.col) - 1 };
  }
  const numFmt = typeof cell.numFmt === "string" ? cell.numFmt : undefined;
  return valueCell(cell.value, numFmt);
}

/** A RAK table is ~15 columns wide; a sheet formatted out to column XFD must not cost 16 384 per row. */
const MAX_COLUMNS = 256;

function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const rows: Cell[][] = [];
  const columns = Math.min(sheet.columnCount, MAX_COLUMNS);
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= columns; c++) cells.push(readCell(row.getCell(c)));
    rows.push(cells);
  }
  return { rows };
}

/** Every worksheet in workbook order, the instructions sheet of our template excepted. */
export async function xlsxGrids(bytes: Uint8Array): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  return workbook.worksheets.filter((sheet) => !/^petunjuk$/i.test(sheet.name.trim())).map(sheetGrid);
}
