import type {
  Column,
  Content,
  ContentColumns,
  ContentText,
  TableCell,
  TDocumentDefinitions,
} from "pdfmake/interfaces.js";
import type { Evaluation } from "../../evaluation/types.js";
import { PDF_FONT_FAMILY } from "../rak/fonts.js";
import { contentWidth, LINE_WIDTH, PAGE_MARGINS, PAGE_SIZE } from "../rak/pdf-geometry.js";
import { gridLayout, pageNumbers } from "../shared/pdf-layout.js";
import { pdfSignatory } from "../shared/print-setup.js";
import { renderPdf } from "../shared/render-pdf.js";
import {
  type AnggaranRow,
  anggaranHeader,
  anggaranTable,
  budgetIndent,
  type Cell,
  columnCount,
  type EvaluationExportOptions,
  formulaNotes,
  type HeaderGroup,
  type KinerjaTable,
  kinerjaHeader,
  kinerjaTable,
  LEGEND,
  LEGEND_TITLE,
  LOWER_MARK,
  type Paper,
  SECTION,
  SPAN_COLUMNS,
  titleLines,
} from "./content.js";

/** Table 1 has 22 columns: small type and tight padding so the analysis columns keep some width. */
const KINERJA_FONT_SIZE = 6.5;
const KINERJA_HEADER_SIZE = 6;
const ANGGARAN_FONT_SIZE = 7;
const NOTE_FONT_SIZE = 5.5;
const PADDING_X = 2;
const INDENT_PT = 8;

/**
 * Table 1 widths in points, sized for the widest value at 6.5 pt ("24,125", "sangat tinggi" on two
 * lines) and the widest header word at 6 pt ("REALISASI"); name, indikator and the three analysis
 * columns (null) share the rest.
 */
const KINERJA_FIXED: (number | null)[] = [
  16, // NO "1.2.4"
  null,
  null,
  34, // SATUAN: "puskesmas", "per 100.000 penduduk" on 3 lines
  24,
  ...Array<number>(8).fill(21), // target and realisasi TW I–IV
  26, // target s.d.
  30, // realisasi s.d.
  36, // capaian, or the reason in small italics
  32, // kategori
  28, // proyeksi capaian
  32, // status "tidak sesuai jalur" on 2 lines
  null,
  null,
  null,
];
/** Weights of the free columns in order: name, indikator, pendorong, penghambat, tindak lanjut. */
const KINERJA_WEIGHTS = [0.22, 0.24, 0.18, 0.18, 0.18];
/** Table 2: NO, name, PAGU, TW I–IV, s.d., SERAPAN; "Rp 288.199.777.013" fits 68 pt at 7 pt. */
const ANGGARAN_FIXED: (number | null)[] = [18, null, 70, 68, 68, 68, 68, 70, 36];

/** Fills the page width: fixed columns as given, the free ones (null) share the rest by weight. */
export function fillWidths(paper: Paper, fixed: (number | null)[], weights: number[] = [1]): number[] {
  const overhead = fixed.length * 2 * PADDING_X + (fixed.length + 1) * LINE_WIDTH;
  const free = contentWidth(paper) - overhead - fixed.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  let k = 0;
  return fixed.map((w) => w ?? free * (weights[k++] ?? 0));
}

/** Header rows are 0..2 (groups, sub-headers, column numbers). */
const HEADER_ROWS = 3;

const GRID = gridLayout(HEADER_ROWS, { x: PADDING_X, y: 1.5 });

type CellBorder = [boolean, boolean, boolean, boolean];

/** The pdfmake document definition: pure data, so its texts can be tested without rendering. */
export function evaluationPdfDefinition(
  e: Evaluation,
  options: EvaluationExportOptions = {},
): TDocumentDefinitions {
  const paper = options.paper ?? "A4";
  const hasBudgets = e.budgets.length > 0;
  return {
    pageSize: { ...PAGE_SIZE[paper] },
    pageOrientation: "landscape",
    pageMargins: PAGE_MARGINS,
    info: { title: `Evaluasi ${e.plan.title} ${e.periodLabel}`, creator: "capaian" },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: KINERJA_FONT_SIZE, lineHeight: 1.05 },
    footer: pageNumbers(PAGE_MARGINS[2]),
    // A section heading alone at the foot of a page goes over to its table.
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.85,
    content: [
      title(e),
      heading(SECTION.kinerja),
      kinerja(e, kinerjaTable(e), fillWidths(paper, KINERJA_FIXED, KINERJA_WEIGHTS)),
      notes(e),
      ...(hasBudgets
        ? [heading(SECTION.anggaran), anggaran(e, anggaranTable(e), fillWidths(paper, ANGGARAN_FIXED))]
        : []),
      signatory(e),
    ],
  };
}

export async function evaluationPdf(e: Evaluation, options: EvaluationExportOptions = {}): Promise<Buffer> {
  const definition = evaluationPdfDefinition(e, options);
  return renderPdf(definition);
}

function title(e: Evaluation): Content {
  const { title: lines, version } = titleLines(e);
  return {
    stack: [...lines, { text: version, bold: false, fontSize: 8 }],
    alignment: "center",
    bold: true,
    fontSize: 11,
    lineHeight: 1.2,
    margin: [0, 0, 0, 8],
  };
}

function heading(text: string): Content {
  return { text, bold: true, fontSize: 8, headlineLevel: 1, margin: [0, 6, 0, 3] };
}

/** Three header rows: group names (spanning their sub-columns or both rows), sub-headers, column numbers. */
function headerRows(groups: readonly HeaderGroup[], fontSize: number): TableCell[][] {
  const head = (text: string, span: { rowSpan?: number; colSpan?: number } = {}): TableCell => ({
    text,
    bold: true,
    fontSize,
    alignment: "center",
    ...span,
  });
  const top: TableCell[] = [];
  const below: TableCell[] = [];
  for (const group of groups) {
    if (group.subs === undefined) {
      top.push(head(group.text, { rowSpan: 2 }));
      below.push("");
      continue;
    }
    top.push(head(group.text, { colSpan: group.subs.length }), ...group.subs.slice(1).map(() => ""));
    below.push(...group.subs.map((sub) => head(sub)));
  }
  const numbers = Array.from({ length: columnCount(groups) }, (_, i) => ({
    text: `${i + 1}`,
    alignment: "center" as const,
    italics: true,
    fontSize: 5.5,
  }));
  return [top, below, numbers];
}

/**
 * Roboto, the only font the renderer may read, has no arrows: "↓" is drawn as a small vector arrow
 * (pdfmake canvas lines, cheaper to lay out than an svg) between the text around it. A new node each
 * time: pdfmake writes its layout into the nodes, so a shared one lands in the wrong cell.
 */
const arrow = (): Column => ({
  width: 4,
  margin: [0, 0.8, 0, 0],
  canvas: [
    { type: "line", x1: 2, y1: 0, x2: 2, y2: 5.2, lineWidth: 0.6 },
    {
      type: "polyline",
      points: [
        { x: 0.4, y: 3.4 },
        { x: 2, y: 5.4 },
        { x: 3.6, y: 3.4 },
      ],
      lineWidth: 0.6,
    },
  ],
});

function withArrows(text: string, centred: boolean): ContentText | ContentColumns {
  const parts = text.split(LOWER_MARK).map((part) => part.trim());
  if (parts.length === 1) return { text, alignment: centred ? "center" : "left" };
  const columns: Column[] = parts.flatMap((part, i): Column[] => [
    ...(i === 0 ? [] : [arrow()]),
    ...(part === ""
      ? []
      : [{ text: part, width: centred || i < parts.length - 1 ? "auto" : "*" } satisfies Column]),
  ]);
  const edge: Column = { text: "", width: "*" };
  return { columns: centred ? [edge, ...columns, edge] : columns, columnGap: 1.5 };
}

function bodyCell(cell: Cell, bold: boolean): ContentText | ContentColumns {
  if (cell.note) {
    return {
      text: cell.text,
      alignment: cell.align,
      italics: true,
      fontSize: NOTE_FONT_SIZE,
      color: "#444444",
    };
  }
  if (cell.text.includes(LOWER_MARK)) return { ...withArrows(cell.text, cell.align === "center"), bold };
  return { text: cell.text, alignment: cell.align, bold };
}

function kinerja(e: Evaluation, table: KinerjaTable, widths: number[]): Content {
  const body: TableCell[][] = table.rows.map((row) => [
    ...Array<TableCell>(SPAN_COLUMNS).fill(""),
    ...row.cells.map((cell) => bodyCell(cell, row.bold)),
  ]);
  // Merged cells are a first cell with the text and empty cells below it without the rules between,
  // not pdfmake rowSpans, which leave a gap after a span that runs over a page (as in the RAK pdf).
  for (const span of table.spans) {
    const last = span.first + span.count - 1;
    for (let r = span.first; r <= last; r++) {
      const cells = body[r];
      if (cells === undefined) continue;
      const border: CellBorder = [true, r === span.first, true, r === last];
      const first = r === span.first;
      const style = { bold: span.level === "program", italics: span.level === "sub_kegiatan", border };
      cells[0] = { text: first ? span.number : "", alignment: "center", ...style };
      cells[1] = { text: first ? span.name : "", ...style };
    }
  }
  return {
    table: {
      headerRows: HEADER_ROWS,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths,
      body: [...headerRows(kinerjaHeader(e), KINERJA_HEADER_SIZE), ...body],
    },
    layout: GRID,
  };
}

function notes(e: Evaluation): Content {
  const legend = LEGEND.map(([range, category]) => `${range} ${category}`).join("   ·   ");
  return {
    stack: [
      { text: [{ text: `${LEGEND_TITLE} `, bold: true }, legend] },
      ...formulaNotes(e).map((note) => withArrows(note, false)),
    ],
    fontSize: 6.5,
    margin: [0, 4, 0, 0],
    unbreakable: true,
  };
}

function anggaran(e: Evaluation, rows: AnggaranRow[], widths: number[]): Content {
  const body: TableCell[][] = rows.map((row) => {
    const bold = row.level === "program" || row.level === "sasaran";
    return [
      { text: row.number, alignment: "center", bold },
      { text: row.name, bold, margin: [budgetIndent(row.level) * INDENT_PT, 0, 0, 0] },
      ...row.cells.map((cell) => ({ ...bodyCell(cell, bold), noWrap: cell.format === "rupiah" })),
    ];
  });
  return {
    table: {
      headerRows: HEADER_ROWS,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths,
      body: [...headerRows(anggaranHeader(e), ANGGARAN_FONT_SIZE), ...body],
    },
    layout: GRID,
    fontSize: ANGGARAN_FONT_SIZE,
  };
}

function signatory(e: Evaluation): Content {
  return pdfSignatory(e.plan.signatory, { lineHeight: 1.15 });
}
