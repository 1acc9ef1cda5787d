import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { RenstraDocument } from "../../plans/renstra-types.js";
import { PDF_FONT_FAMILY } from "../rak/fonts.js";
import { PAGE_MARGINS, PAGE_SIZE } from "../rak/pdf-geometry.js";
import { gridLayout, HEADER_FILL, pageNumbers } from "../shared/pdf-layout.js";
import { pdfSignatory } from "../shared/print-setup.js";
import { renderPdf } from "../shared/render-pdf.js";
import { type RenstraExportOptions, renstraHeader, renstraRows, renstraTitleLines } from "./content.js";

const BUDGET_FILL = "#F5F5F5";

const GRID = gridLayout(0);

/** The pdfmake definition, landscape as the RAK: pure data so its text can be tested without rendering. */
export function renstraPdfDefinition(
  doc: RenstraDocument,
  options: RenstraExportOptions = {},
): TDocumentDefinitions {
  const header = renstraHeader(doc);
  const yearCount = header.length - 8;
  const body: TableCell[][] = [
    header.map((text) => ({ text, bold: true, alignment: "center", fillColor: HEADER_FILL })),
    ...renstraRows(doc, true).map((r) => {
      const fill = r.kind === "budget" ? BUDGET_FILL : undefined;
      const text = (value: string, extra: object = {}) => ({ text: value, fillColor: fill, ...extra });
      return [
        text(r.no),
        text(r.tujuan),
        text(r.sasaran),
        text(r.program),
        text(r.indicator, { bold: r.kind === "budget" }),
        text(r.unit),
        text(r.polarity, { alignment: "center" }),
        ...r.years.map((y) => text(y, { alignment: r.kind === "budget" ? "right" : "center" })),
        text(r.end, { alignment: r.kind === "budget" ? "right" : "center" }),
      ];
    }),
  ];
  const [title = "", subtitle = ""] = renstraTitleLines(doc, options);
  const content: Content[] = [
    { text: title.toUpperCase(), bold: true, alignment: "center", fontSize: 11 },
    { text: subtitle, alignment: "center", fontSize: 9, margin: [0, 2, 0, 8] },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [20, "*", "*", "*", "*", 40, 34, ...Array(yearCount).fill(50), 60],
        body,
      },
      layout: GRID,
      fontSize: 7.5,
    },
  ];
  if (doc.signatory.name) content.push(pdfSignatory(doc.signatory));
  return {
    pageSize: PAGE_SIZE[options.paper ?? "A4"],
    pageOrientation: "landscape",
    pageMargins: PAGE_MARGINS,
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 9 },
    info: { title, creator: "capaian" },
    footer: pageNumbers(PAGE_MARGINS[2], 8),
    content,
  };
}

export function renstraPdf(doc: RenstraDocument, options: RenstraExportOptions = {}): Promise<Buffer> {
  return renderPdf(renstraPdfDefinition(doc, options));
}
