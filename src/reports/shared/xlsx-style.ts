import type { Borders, Font, Worksheet } from "exceljs";

/** The thin ruled box around every cell of a printed table. */
const THIN = { style: "thin" } as const;
export const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The grey of a table's header rows, as in the Dinas's own documents (the pdfs use the same). */
export const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } } as const;

/** One header row of bold, centred, wrapped, ruled and shaded column titles from column 1. */
export function writeHeaderRow(
  sheet: Worksheet,
  row: number,
  titles: readonly string[],
  font: Partial<Font>,
) {
  titles.forEach((text, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = text;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
}
