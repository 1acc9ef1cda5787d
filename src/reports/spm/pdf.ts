import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { SpmReport, SpmReportService, SpmReportSurvey } from "../../spm/report-types.js";
import { PDF_FONT_FAMILY } from "../rak/fonts.js";
import { PAGE_MARGINS, PAGE_SIZE } from "../rak/pdf-geometry.js";
import { gridLayout, pageNumbers } from "../shared/pdf-layout.js";
import { pdfSignatory } from "../shared/print-setup.js";
import { renderPdf } from "../shared/render-pdf.js";
import {
  analysisText,
  bandText,
  capaianText,
  completenessNote,
  count,
  gapText,
  HEADER,
  ikmNote,
  NO_SURVEY,
  percent,
  periodText,
  type SpmExportOptions,
  SURVEY_HEADER,
  summarize,
  summaryLines,
  surveyServiceText,
  surveyTitleLines,
  titleLines,
} from "./content.js";

const FONT_SIZE = 7.5;
const NOTE_SIZE = 6;

/** Numbers get fixed widths for their widest value; the two analysis columns share what is left. */
const SURVEY_WIDTHS: (number | "*")[] = [20, 170, "*", 70, 60, 45, 90];

const WIDTHS: (number | "*")[] = [16, 78, 96, 32, 76, 84, 38, 38, 56, "*", "*"];

const GRID = gridLayout(1);

/** The pdfmake document definition: pure data, so its text can be tested without rendering. */
export function spmReportPdfDefinition(
  report: SpmReport,
  options: SpmExportOptions = {},
): TDocumentDefinitions {
  const paper = options.paper ?? "A4";
  const [title, region, regulation] = titleLines(report);
  return {
    pageSize: { ...PAGE_SIZE[paper] },
    pageOrientation: "landscape",
    pageMargins: PAGE_MARGINS,
    info: { title: `${title} ${region}`, creator: "capaian" },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: FONT_SIZE, lineHeight: 1.1 },
    footer: pageNumbers(PAGE_MARGINS[2]),
    content: [
      { stack: [title, region], alignment: "center", bold: true, fontSize: 11, lineHeight: 1.2 },
      { text: regulation, alignment: "center", fontSize: 8, margin: [0, 2, 0, 10] },
      { stack: summaryLines(summarize(report)), fontSize: 8, margin: [0, 0, 0, 6] },
      {
        table: {
          headerRows: 1,
          // A service is a few lines: moving it whole to the next page reads better than splitting it.
          dontBreakRows: true,
          widths: WIDTHS,
          body: [HEADER.map(headerCell), ...report.services.map(row)],
        },
        layout: GRID,
      },
      pdfSignatory(report.signatory),
      ...surveySection(report),
    ],
  };
}

/** The appendix on a page of its own: the IKM of every facility survey, or that there was none. */
function surveySection(report: SpmReport): Content[] {
  const [title, region, legend] = surveyTitleLines(report);
  const body: TableCell[][] =
    report.surveys.length === 0
      ? [
          [
            { text: NO_SURVEY, italics: true, alignment: "center", colSpan: SURVEY_HEADER.length },
            // pdfmake wants the spanned cells present, empty.
            ...SURVEY_HEADER.slice(1).map(() => ({})),
          ],
        ]
      : report.surveys.map((s, i) => surveyRow(i + 1, surveyServiceText(report, s), s));
  return [
    {
      stack: [title, region],
      alignment: "center",
      bold: true,
      fontSize: 11,
      lineHeight: 1.2,
      pageBreak: "before",
    },
    { text: legend, alignment: "center", fontSize: 8, margin: [0, 2, 0, 10] },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: SURVEY_WIDTHS,
        body: [SURVEY_HEADER.map(headerCell), ...body],
      },
      layout: GRID,
    },
  ];
}

function surveyRow(number: number, service: string, s: SpmReportSurvey): TableCell[] {
  return [
    { text: String(number), alignment: "center" },
    s.orgUnitName,
    service,
    { text: periodText(s.period), alignment: "center" },
    { text: count(String(s.respondents)), alignment: "right" },
    { text: percent(s.ikm), alignment: "right" },
    bandText(s.band),
  ];
}

export async function spmReportPdf(report: SpmReport, options: SpmExportOptions = {}): Promise<Buffer> {
  const definition = spmReportPdfDefinition(report, options);
  return renderPdf(definition);
}

/** The explanation in brackets under a heading in normal weight, so the column names stand out. */
function headerCell(text: string): TableCell {
  const [name = "", explanation] = text.split("\n");
  const lines: Content[] = [{ text: name, bold: true }];
  if (explanation !== undefined) lines.push({ text: explanation, fontSize: NOTE_SIZE + 0.5 });
  return { stack: lines, alignment: "center" };
}

const note = (text: string, italics = false): Content => ({
  text,
  fontSize: NOTE_SIZE,
  italics,
  margin: [0, 2, 0, 0],
});

/** A count, or "belum ada data" in italics like the other missing values. */
const figure = (value: string | null): Content => ({ text: count(value), italics: value === null });

function row(s: SpmReportService): TableCell[] {
  const right = (stack: Content[]): TableCell => ({ stack, alignment: "right" });
  return [
    { text: String(s.number), alignment: "center" },
    s.name,
    s.indicator,
    { text: s.target, alignment: "center" },
    right([figure(s.numerator), note(completenessNote(s))]),
    right([figure(s.denominator), ...(s.denominatorNote === null ? [] : [note(s.denominatorNote, true)])]),
    s.capaian === null
      ? { text: capaianText(s), italics: true, alignment: "center" }
      : { text: capaianText(s), alignment: "right" },
    { text: gapText(s), alignment: s.gap === null ? "center" : "right" },
    s.ikm === null
      ? { text: NO_SURVEY, italics: true, alignment: "center" }
      : { stack: [percent(s.ikm.value), note(ikmNote(s.ikm))], alignment: "center" },
    analysisText(s.masalah),
    analysisText(s.pemecahanMasalah),
  ];
}
