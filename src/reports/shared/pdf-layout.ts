import type { Content, CustomTableLayout } from "pdfmake/interfaces.js";
import { CELL_PADDING_X, LINE_WIDTH } from "../rak/pdf-geometry.js";

/** The grey of a printed table's header rows, as in the Dinas's own documents. */
export const HEADER_FILL = "#E7E6E6";

/** The ruled grid of every printed table: thin lines, the first `headerRows` rows shaded. */
export function gridLayout(headerRows: number, padding: { x?: number; y?: number } = {}): CustomTableLayout {
  const x = padding.x ?? CELL_PADDING_X;
  const y = padding.y ?? 2;
  return {
    hLineWidth: () => LINE_WIDTH,
    vLineWidth: () => LINE_WIDTH,
    paddingLeft: () => x,
    paddingRight: () => x,
    paddingTop: () => y,
    paddingBottom: () => y,
    fillColor: (row) => (row < headerRows ? HEADER_FILL : null),
  };
}

/** "Halaman n dari m" at the bottom right, inside the page's right margin. */
export const pageNumbers =
  (rightMargin: number, top = 12) =>
  (page: number, pages: number): Content => ({
    text: `Halaman ${page} dari ${pages}`,
    alignment: "right",
    fontSize: 7,
    margin: [0, top, rightMargin, 0],
  });
