import type ExcelJS from "exceljs";
import { newWorkbook } from "../../lib/exceljs.js";
import type { RenstraDocument } from "../../plans/renstra-types.js";
import { setUpPrintedSheet } from "../shared/print-setup.js";
import { BORDER, HEADER_FILL } from "../shared/xlsx-style.js";
import { type RenstraExportOptions, renstraHeader, renstraRows, renstraTitleLines } from "./content.js";

const WIDTHS = [6, 28, 30, 30, 36, 10, 9];
const FIXED = WIDTHS.length;

/**
 * The Renstra as a workbook in the layout the import reads (header row, one column per year, pagu rows),
 * so an exported Renstra can be edited in Excel and imported back as a perubahan.
 */
export async function renstraXlsx(doc: RenstraDocument, options: RenstraExportOptions = {}): Promise<Buffer> {
  return Buffer.from(await (await renstraWorkbook(doc, options)).xlsx.writeBuffer());
}

/** The workbook of renstraXlsx, for the blank template to add its instructions to. */
export async function renstraWorkbook(
  doc: RenstraDocument,
  options: RenstraExportOptions & { titleLines?: string[] } = {},
): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook();
  workbook.creator = "capaian";
  workbook.title = (options.titleLines ?? renstraTitleLines(doc, options))[0] ?? "Renstra";
  const sheet = workbook.addWorksheet("Renstra");
  const header = renstraHeader(doc);
  header.forEach((_, i) => {
    sheet.getColumn(i + 1).width = WIDTHS[i] ?? 14;
  });
  (options.titleLines ?? renstraTitleLines(doc, options)).forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: "Arial", size: 11, bold: i === 0 };
  });
  const headerRow = sheet.getRow(4);
  headerRow.values = header;
  headerRow.eachCell((cell) => {
    cell.font = { name: "Arial", size: 9, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  for (const r of renstraRows(doc)) {
    const row = sheet.addRow([
      r.no,
      r.tujuan,
      r.sasaran,
      r.program,
      r.indicator,
      r.unit,
      r.polarity,
      ...r.years,
      r.end,
    ]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.font = { name: "Arial", size: 9, bold: r.kind === "budget" && col === 5 };
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: true, horizontal: col > FIXED ? "center" : "left" };
      // Budgets go in as numbers with the Rupiah format; targets stay text exactly as written.
      if (r.kind === "budget" && col > FIXED && typeof cell.value === "string" && /^\d+$/.test(cell.value)) {
        cell.value = Number(cell.value);
        cell.numFmt = "#,##0";
      }
    });
  }
  setUpPrintedSheet(sheet, options.paper ?? "A4", { orientation: "landscape", printTitlesRow: "4:4" });
  return workbook;
}
