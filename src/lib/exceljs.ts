import type ExcelJS from "exceljs";

/**
 * exceljs is loaded at the first spreadsheet read or written, not at start: it holds ~20 MB of the
 * server's memory once loaded, and an office server may go days without a spreadsheet.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

/** A new, empty workbook (exceljs loaded on first use). */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  return new (await loadExcelJS()).Workbook();
}
