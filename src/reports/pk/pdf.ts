import type { Column, Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { RakDocument } from "../../plans/rak-document.js";
import { PDF_FONT_FAMILY } from "../rak/fonts.js";
import type { Paper } from "../rak/options.js";
import { PAGE_SIZE } from "../rak/pdf-geometry.js";
import { gridLayout, pageNumbers } from "../shared/pdf-layout.js";
import { renderPdf } from "../shared/render-pdf.js";
import {
  BUDGET_HEADER,
  type BudgetTable,
  type PkExportOptions,
  type PkSignatures,
  type PkStatement,
  pkBudgetTable,
  pkSignatures,
  pkStatement,
  pkTargetTable,
  pkTitleLines,
  type SignatureColumn,
  TARGET_HEADER,
  type TargetTable,
} from "./content.js";

/** The RAK's landscape sizes turned upright: A4 595,28 × 841,89 pt, F4 609,45 × 935,43 pt. */
export function portraitSize(paper: Paper): { width: number; height: number } {
  const { width, height } = PAGE_SIZE[paper];
  return { width: height, height: width };
}

/** Letter margins of an official document: 3 cm left for binding, 2 cm elsewhere. */
export const PK_MARGINS: [number, number, number, number] = [85, 57, 57, 57];

const TEXT_SIZE = 11;
const TABLE_FONT_SIZE = 8.5;
const SIGNING_SPACE_PT = 60;
const SUB_KEGIATAN_INDENT_PT = 6;
/** NO, SATUAN and TARGET are sized for their longest value ("per 100.000 penduduk" on two lines). */
const TARGET_WIDTHS = [30, "*", "*", 58, 42];
const BUDGET_WIDTHS = [24, "*", 92, 80];

type CellBorder = [boolean, boolean, boolean, boolean];

const GRID = gridLayout(1);

/** The pdfmake document definition: pure data, so its text can be tested without rendering. */
export function pkPdfDefinition(doc: RakDocument, options: PkExportOptions = {}): TDocumentDefinitions {
  const statement = pkStatement(doc, options.secondParty);
  const signatures = pkSignatures(doc, statement);
  return {
    pageSize: portraitSize(options.paper ?? "A4"),
    pageOrientation: "portrait",
    pageMargins: PK_MARGINS,
    info: { title: `Perjanjian Kinerja ${doc.orgUnitName} Tahun ${doc.year}`, creator: "capaian" },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: TEXT_SIZE, lineHeight: 1.25 },
    footer: pageNumbers(PK_MARGINS[2], 24),
    content: [
      title(doc),
      statementPart(statement),
      signatureBlock(signatures),
      { text: "LAMPIRAN", bold: true, fontSize: 9, pageBreak: "before", margin: [0, 0, 0, 6] },
      title(doc),
      targetTable(pkTargetTable(doc)),
      budgetTable(pkBudgetTable(doc)),
      signatureBlock(signatures),
    ],
  };
}

export async function pkPdf(doc: RakDocument, options: PkExportOptions = {}): Promise<Buffer> {
  const definition = pkPdfDefinition(doc, options);
  return renderPdf(definition);
}

function title(doc: RakDocument): Content {
  return { stack: pkTitleLines(doc), alignment: "center", bold: true, fontSize: 12, margin: [0, 0, 0, 18] };
}

function statementPart(statement: PkStatement): Content {
  const identity = (label: string, value: string): Content => ({
    columns: [
      { width: 60, text: label },
      { width: 10, text: ":" },
      { width: "*", text: value },
    ],
    margin: [20, 0, 0, 0],
  });
  const role = (text: string): Content => ({ text, margin: [20, 2, 0, 12] });
  return {
    stack: [
      { text: statement.opening, margin: [0, 0, 0, 12] },
      identity("Nama", statement.first.name),
      identity("Jabatan", statement.first.position),
      role(statement.first.role),
      identity("Nama", statement.second.name),
      identity("Jabatan", statement.second.position),
      role(statement.second.role),
      ...statement.commitments.map((text): Content => ({ text, margin: [0, 0, 0, 12] })),
    ],
    alignment: "justify",
  };
}

function signatureBlock(signatures: PkSignatures): Content {
  const column = (signature: SignatureColumn, firstLine: string): Column => ({
    width: "*",
    alignment: "center",
    // Both columns start with the place-and-date line (blank on the left) so their labels align.
    stack: [
      firstLine,
      signature.label,
      signature.position,
      { text: signature.name, bold: true, decoration: "underline", margin: [0, SIGNING_SPACE_PT, 0, 0] },
      signature.nip ?? " ",
    ],
  });
  return {
    columns: [column(signatures.second, " "), column(signatures.first, signatures.placeAndDate ?? " ")],
    columnGap: 24,
    fontSize: 10,
    margin: [0, 18, 0, 0],
    unbreakable: true,
  };
}

function head(text: string, span: { colSpan?: number } = {}): TableCell {
  return { text, bold: true, alignment: "center", ...span };
}

function targetTable(table: TargetTable): Content {
  const body: TableCell[][] = table.rows.map((row) => [
    "",
    "",
    { text: row.indicator, bold: row.bold },
    { text: row.unit, bold: row.bold, alignment: "center" },
    { text: row.target, bold: row.bold, alignment: "center" },
  ]);
  // Merged cells drawn as a first cell and open rules below it, as in the RAK pdf: a pdfmake rowSpan
  // over a page break with dontBreakRows leaves a blank gap.
  for (const span of table.spans) {
    const last = span.first + span.count - 1;
    for (let r = span.first; r <= last; r++) {
      const cells = body[r];
      if (cells === undefined) continue;
      const border: CellBorder = [true, r === span.first, true, r === last];
      const own = r === span.first;
      cells[0] = { text: own ? span.number : "", border, alignment: "center", bold: span.bold };
      cells[1] = {
        text: own ? span.name : "",
        border,
        bold: span.bold,
        italics: span.depth > 0,
        margin: [span.depth * SUB_KEGIATAN_INDENT_PT, 0, 0, 0],
      };
    }
  }
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths: TARGET_WIDTHS,
      body: [TARGET_HEADER.map((text) => head(text)), ...body],
    },
    layout: GRID,
    fontSize: TABLE_FONT_SIZE,
    lineHeight: 1.1,
  };
}

function budgetTable(table: BudgetTable): Content {
  const body: TableCell[][] = table.rows.map((row) => [
    { text: row.number, alignment: "center" },
    row.program,
    { text: row.text, alignment: "right", noWrap: true },
    row.note,
  ]);
  const total: TableCell[] = [
    { text: "JUMLAH", bold: true, alignment: "center", colSpan: 2 },
    "",
    { text: table.totalText, bold: true, alignment: "right", noWrap: true },
    "",
  ];
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths: BUDGET_WIDTHS,
      body: [BUDGET_HEADER.map((text) => head(text)), ...body, total],
    },
    layout: GRID,
    fontSize: TABLE_FONT_SIZE,
    lineHeight: 1.1,
    margin: [0, 16, 0, 0],
  };
}
