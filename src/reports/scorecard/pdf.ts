import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { Scorecard } from "../../scorecard/schemas.js";
import { PDF_FONT_FAMILY } from "../rak/fonts.js";
import type { Paper } from "../rak/options.js";
import { PAGE_MARGINS, PAGE_SIZE } from "../rak/pdf-geometry.js";
import { pageNumbers } from "../shared/pdf-layout.js";
import { renderPdf } from "../shared/render-pdf.js";
import {
  BAND_COLOUR,
  bodyRows,
  cellText,
  headers,
  type Lang,
  legendLines,
  texts,
  titleLines,
} from "./content.js";

/** The pdfmake document: pure data. The band prints as text in each cell beside its colour. */
export function scorecardPdfDefinition(
  card: Scorecard,
  options: { paper: Paper; lang: Lang },
): TDocumentDefinitions {
  const [title, periods] = titleLines(card, options.lang);
  const names = headers(card, options.lang);
  const header: TableCell[] = [texts(options.lang).unit, ...names].map((text) => ({
    text,
    bold: true,
    fillColor: "#E7E6E6",
  }));
  const body: TableCell[][] = bodyRows(card, options.lang).map((row) => [
    { text: row.name, bold: row.total },
    ...row.cells.map(
      (cell): TableCell => ({
        text: cellText(cell),
        alignment: "right",
        bold: row.total,
        ...(cell.band
          ? { fillColor: `#${BAND_COLOUR[cell.band].fill}`, color: `#${BAND_COLOUR[cell.band].text}` }
          : {}),
      }),
    ),
  ]);
  const legend: Content = {
    text: `${texts(options.lang).legend}: ${legendLines(options.lang).join("; ")}`,
    fontSize: 6,
    margin: [0, 6, 0, 0],
  };
  return {
    pageSize: { ...PAGE_SIZE[options.paper] },
    pageOrientation: "landscape",
    pageMargins: PAGE_MARGINS,
    info: { title: title ?? "", creator: "capaian" },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: names.length > 12 ? 5.5 : 7 },
    footer: pageNumbers(PAGE_MARGINS[2]),
    content: [
      { text: title ?? "", bold: true, fontSize: 11, alignment: "center" },
      { text: periods ?? "", alignment: "center", margin: [0, 2, 0, 8] },
      { table: { headerRows: 1, widths: [90, ...names.map(() => "*" as const)], body: [header, ...body] } },
      legend,
    ],
  };
}

export function scorecardPdf(card: Scorecard, options: { paper: Paper; lang: Lang }): Promise<Buffer> {
  return renderPdf(scorecardPdfDefinition(card, options));
}
