import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { RakDocument } from "../../plans/rak-document.js";
import { gridLayout, pageNumbers } from "../shared/pdf-layout.js";
import { pdfSignatory } from "../shared/print-setup.js";
import { renderPdf } from "../shared/render-pdf.js";
import { PDF_FONT_FAMILY } from "./fonts.js";
import type { RakExportOptions } from "./options.js";
import { columnWidths, PAGE_MARGINS, PAGE_SIZE } from "./pdf-geometry.js";
import { buildRakTable, COLUMN, COLUMN_COUNT, HEADER, type RakTable, type Span } from "./table-rows.js";
import { titleLines } from "./text-blocks.js";

const TABLE_FONT_SIZE = 7.5;
/** Room for a wet signature and stamp between the position and the name. */
/** Sub kegiatan are indented by this much per level in the KEGIATAN column. */
const SUB_KEGIATAN_INDENT_PT = 6;

/** Which of a cell's rules to draw: left, top, right, bottom. */
type CellBorder = [boolean, boolean, boolean, boolean];

const GRID = gridLayout(2);

/** The pdfmake document definition: pure data, so its text and geometry can be tested without rendering. */
export function rakPdfDefinition(doc: RakDocument, options: RakExportOptions = {}): TDocumentDefinitions {
  const paper = options.paper ?? "A4";
  return {
    pageSize: { ...PAGE_SIZE[paper] },
    pageOrientation: "landscape",
    pageMargins: PAGE_MARGINS,
    info: { title: doc.title, creator: "capaian" },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: TABLE_FONT_SIZE, lineHeight: 1.1 },
    footer: pageNumbers(PAGE_MARGINS[2]),
    content: [title(doc), table(buildRakTable(doc), columnWidths(paper)), signatory(doc)],
  };
}

export async function rakPdf(doc: RakDocument, options: RakExportOptions = {}): Promise<Buffer> {
  const definition = rakPdfDefinition(doc, options);
  return renderPdf(definition);
}

function title(doc: RakDocument): Content {
  return {
    stack: titleLines(doc),
    alignment: "center",
    bold: true,
    fontSize: 11,
    lineHeight: 1.2,
    margin: [0, 0, 0, 10],
  };
}

function headerRows(): TableCell[][] {
  const head = (text: string, span: { rowSpan?: number; colSpan?: number } = {}): TableCell => ({
    text,
    bold: true,
    alignment: "center",
    ...span,
  });
  const spanningBoth = [
    HEADER.sasaran,
    HEADER.program,
    HEADER.kegiatan,
    HEADER.indicator,
    HEADER.unit,
    HEADER.target,
  ].map((text) => head(text, { rowSpan: 2 }));
  const top = [
    ...spanningBoth,
    head(HEADER.quarters, { colSpan: 4 }),
    "",
    "",
    "",
    head(HEADER.budget, { rowSpan: 2 }),
  ];
  const below = [
    ...Array<TableCell>(COLUMN.firstQuarter).fill(""),
    ...HEADER.quarterNames.map((q) => head(q)),
    "",
  ];
  return [top, below];
}

function table(rakTable: RakTable, widths: number[]): Content {
  const body: TableCell[][] = rakTable.rows.map((row) => {
    const cells: TableCell[] = Array<TableCell>(COLUMN_COUNT).fill("");
    const numbers = [row.target, ...row.quarters].map((text) => ({
      text,
      bold: row.bold,
      alignment: "center" as const,
    }));
    cells.splice(
      COLUMN.indicator,
      2 + numbers.length,
      { text: row.indicator, bold: row.bold },
      { text: row.unit, bold: row.bold, alignment: "center" },
      ...numbers,
    );
    return cells;
  });
  // Merged cells are drawn as a first cell with the text and empty cells below it without the rules
  // between them, not as pdfmake rowSpans: a rowSpan running over several pages with dontBreakRows
  // leaves a blank gap after its last row. Like a merged cell in an Excel print, a block split over
  // pages is left open at the page foot and closed by the repeated header on the next page.
  for (const span of rakTable.spans) {
    const column = COLUMN[span.column];
    const last = span.first + span.count - 1;
    for (let r = span.first; r <= last; r++) {
      const cells = body[r];
      if (cells === undefined) continue;
      const border: CellBorder = [true, r === span.first, true, r === last];
      cells[column] = r === span.first ? spanCell(span, border) : { text: "", border };
    }
  }
  return {
    table: {
      headerRows: 2,
      // A row is a few lines at most: moving it whole to the next page reads better than splitting it.
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths,
      body: [...headerRows(), ...body],
    },
    layout: GRID,
  };
}

function spanCell(span: Span, border: CellBorder): TableCell {
  const base = { text: span.text, bold: span.bold, border };
  return span.column === "budget"
    ? { ...base, alignment: "right", noWrap: true }
    : { ...base, italics: span.depth > 0, margin: [span.depth * SUB_KEGIATAN_INDENT_PT, 0, 0, 0] };
}

function signatory(doc: RakDocument): Content {
  return pdfSignatory(doc.signatory);
}
