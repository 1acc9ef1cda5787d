import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { Lkjip } from "../../lkjip/schemas.js";
import type { RakDocument } from "../../plans/rak-document.js";
import { PK_MARGINS, portraitSize } from "../pk/pdf.js";
import { PDF_FONT_FAMILY } from "../rak/fonts.js";
import type { Paper } from "../rak/options.js";
import { gridLayout, pageNumbers } from "../shared/pdf-layout.js";
import { renderPdf } from "../shared/render-pdf.js";
import { type Block, lkjipOutline } from "./outline.js";

/** The LKjIP as pdf: portrait, letter margins as the PK, the same blocks as the docx. */
const GRID = gridLayout(1);
const HEADING_SIZE = { 1: 14, 2: 12, 3: 11 } as const;

function render(block: Block): Content {
  switch (block.kind) {
    case "title":
      return {
        stack: block.lines.map((line, i) => ({
          text: line,
          fontSize: i < 3 ? 16 : 11,
          bold: i < 3,
          margin: [0, 6, 0, 0],
        })),
        alignment: "center",
        margin: [0, 200, 0, 0],
      };
    case "heading":
      return {
        text: block.text,
        bold: true,
        fontSize: HEADING_SIZE[block.level],
        alignment: block.level === 1 ? "center" : "left",
        margin: [0, 12, 0, 6],
        ...(block.pageBreak ? { pageBreak: "before" as const } : {}),
      };
    case "paragraph":
      return { text: block.text, italics: block.italic ?? false, alignment: "justify", margin: [0, 0, 0, 6] };
    case "table":
      return {
        stack: [
          { text: block.caption, bold: true, fontSize: 9.5, margin: [0, 6, 0, 3] },
          {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: block.widths.map((w) => `${w}%`) as never,
              body: [
                block.header.map((text) => ({ text, bold: true, alignment: "center" as const })),
                ...block.rows.map((row) =>
                  row.map((text, i) => ({ text, alignment: block.align[i] ?? "left" })),
                ),
              ],
            },
            layout: GRID,
            fontSize: 8,
            lineHeight: 1.1,
          },
        ],
        margin: [0, 0, 0, 8],
      };
    case "signature":
      return {
        columns: [
          { width: "*", text: "" },
          {
            width: 220,
            alignment: "center",
            stack: [
              ...block.lines,
              { text: block.name, bold: true, decoration: "underline", margin: [0, 56, 0, 0] },
              block.nip,
            ],
          },
        ],
        margin: [0, 24, 0, 0],
        unbreakable: true,
      };
  }
}

export function lkjipPdfDefinition(
  lkjip: Lkjip,
  pk: RakDocument | null,
  options: { paper?: Paper } = {},
): TDocumentDefinitions {
  return {
    pageSize: portraitSize(options.paper ?? "A4"),
    pageOrientation: "portrait",
    pageMargins: PK_MARGINS,
    info: { title: `LKjIP ${lkjip.orgUnitName} Tahun ${lkjip.year}`, creator: "capaian" },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 10.5, lineHeight: 1.25 },
    footer: pageNumbers(PK_MARGINS[2], 24),
    content: lkjipOutline(lkjip, pk).map(render),
  };
}

export async function lkjipPdf(
  lkjip: Lkjip,
  pk: RakDocument | null,
  options: { paper?: Paper } = {},
): Promise<Buffer> {
  return renderPdf(lkjipPdfDefinition(lkjip, pk, options));
}
