import { newWorkbook } from "../../lib/exceljs.js";
import type { Scorecard } from "../../scorecard/schemas.js";
import type { Paper } from "../rak/options.js";
import { setUpPrintedSheet } from "../shared/print-setup.js";
import {
  BAND_COLOUR,
  BAND_SHORT,
  bodyRows,
  headers,
  type Lang,
  legendLines,
  texts,
  titleLines,
} from "./content.js";

const HEADER_ROW = 4;

/**
 * The scorecard as a sheet: a number in each cell (to compute with), filled with its band's colour, the
 * band's short name in the column beside each value so it reads without colour, and the legend below.
 */
export async function scorecardXlsx(card: Scorecard, options: { paper: Paper; lang: Lang }): Promise<Buffer> {
  const book = await newWorkbook();
  book.creator = "capaian";
  const sheet = book.addWorksheet(texts(options.lang).title, {
    views: [{ state: "frozen", xSplit: 1, ySplit: HEADER_ROW }],
  });
  const [title, periods] = titleLines(card, options.lang);
  sheet.getCell(1, 1).value = title ?? "";
  sheet.getCell(1, 1).font = { bold: true, size: 12 };
  sheet.getCell(2, 1).value = periods ?? "";
  const names = headers(card, options.lang);
  sheet.getCell(HEADER_ROW, 1).value = texts(options.lang).unit;
  names.forEach((name, i) => {
    sheet.mergeCells(HEADER_ROW, 2 + i * 2, HEADER_ROW, 3 + i * 2);
    const cell = sheet.getCell(HEADER_ROW, 2 + i * 2);
    cell.value = name;
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    sheet.getColumn(2 + i * 2).width = 11;
    sheet.getColumn(3 + i * 2).width = 4;
  });
  sheet.getRow(HEADER_ROW).font = { bold: true };
  sheet.getRow(HEADER_ROW).height = 45;
  sheet.getColumn(1).width = 32;
  bodyRows(card, options.lang).forEach((row, r) => {
    const excelRow = sheet.getRow(HEADER_ROW + 1 + r);
    excelRow.getCell(1).value = row.name;
    if (row.total) excelRow.font = { bold: true };
    row.cells.forEach((cell, i) => {
      const value = excelRow.getCell(2 + i * 2);
      const band = excelRow.getCell(3 + i * 2);
      if (cell.value === null) {
        value.value = "–";
        return;
      }
      value.value = Number(cell.value);
      value.numFmt = "#,##0.00";
      if (cell.band) {
        band.value = BAND_SHORT[cell.band];
        for (const c of [value, band]) {
          c.fill = {
            type: "pattern",
            pattern: "solid",
            fgColor: { argb: `FF${BAND_COLOUR[cell.band].fill}` },
          };
          c.font = { color: { argb: `FF${BAND_COLOUR[cell.band].text}` }, bold: row.total };
        }
      }
    });
  });
  const legendRow = HEADER_ROW + card.rows.length + 3;
  sheet.getCell(legendRow, 1).value = texts(options.lang).legend;
  legendLines(options.lang).forEach((line, i) => {
    sheet.getCell(legendRow + 1 + i, 1).value = line;
  });
  setUpPrintedSheet(sheet, options.paper, {
    orientation: "landscape",
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
