import type { TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { SpmQuarterReport, SpmQuarterService } from "../../spm/quarter-types.js";
import { PDF_FONT_FAMILY } from "../rak/fonts.js";
import { PAGE_MARGINS, PAGE_SIZE } from "../rak/pdf-geometry.js";
import { gridLayout, pageNumbers } from "../shared/pdf-layout.js";
import { renderPdf } from "../shared/render-pdf.js";
import {
  count,
  footLines,
  HEADER,
  kegiatanNote,
  orDash,
  percent,
  rupiah,
  type SpmQuarterExportOptions,
  servedNote,
  stepsText,
  titleLines,
} from "./content.js";

const FONT_SIZE = 6.5;
const NOTE_SIZE = 5.5;
/** Figures get fixed widths for their widest value; the steps and the four texts share what is left. */
const WIDTHS: (number | "*")[] = [14, 70, 44, 48, 34, 34, 30, 58, 58, 110, "*", "*", "*"];

const GRID = gridLayout(1, { x: 2 });

const right = (text: string, note?: string): TableCell =>
  note
    ? { stack: [{ text }, { text: note, fontSize: NOTE_SIZE, italics: true }], alignment: "right" }
    : { text, alignment: "right" };

function row(s: SpmQuarterService): TableCell[] {
  return [
    { text: String(s.number), alignment: "center" },
    s.name,
    right(count(s.mustServe), s.denominatorNote ?? undefined),
    right(count(s.served), servedNote(s)),
    right(percent(s.penerimaCapaian)),
    right(percent(s.mutuPercent)),
    right(percent(s.index)),
    right(rupiah(s.budget.pagu), kegiatanNote(s)),
    right(rupiah(s.budget.realisasi)),
    { text: stepsText(s), fontSize: NOTE_SIZE + 0.5 },
    orDash(s.masalah),
    orDash(s.solusi),
    orDash(s.rencanaAksi),
  ];
}

/** The pdfmake document definition: pure data, so its text can be tested without rendering. */
export function spmQuarterPdfDefinition(
  report: SpmQuarterReport,
  options: SpmQuarterExportOptions = {},
): TDocumentDefinitions {
  const paper = options.paper ?? "A4";
  const [title, region, version] = titleLines(report);
  return {
    pageSize: { ...PAGE_SIZE[paper] },
    pageOrientation: "landscape",
    pageMargins: PAGE_MARGINS,
    info: { title: `${title} ${region}`, creator: "capaian" },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: FONT_SIZE, lineHeight: 1.1 },
    footer: pageNumbers(PAGE_MARGINS[2]),
    content: [
      { text: title, bold: true, fontSize: 11, alignment: "center" },
      { text: region, bold: true, fontSize: 11, alignment: "center" },
      { text: version, fontSize: 8, alignment: "center", margin: [0, 2, 0, 8] },
      {
        table: {
          headerRows: 1,
          widths: WIDTHS,
          dontBreakRows: true,
          body: [
            HEADER.map((text): TableCell => ({ text, bold: true, alignment: "center" })),
            ...report.services.map(row),
          ],
        },
        layout: GRID,
      },
      ...footLines(report).map((text, i) => ({
        text,
        fontSize: i === 0 ? 8 : NOTE_SIZE + 0.5,
        bold: i === 0,
        margin: [0, i === 0 ? 8 : 2, 0, 0] as [number, number, number, number],
      })),
    ],
  };
}

export function spmQuarterPdf(
  report: SpmQuarterReport,
  options: SpmQuarterExportOptions = {},
): Promise<Buffer> {
  return renderPdf(spmQuarterPdfDefinition(report, options));
}
