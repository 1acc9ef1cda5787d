import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Lkjip } from "../../lkjip/schemas.js";
import type { RakDocument } from "../../plans/rak-document.js";
import type { Paper } from "../rak/options.js";
import { HEADER_FILL } from "../shared/pdf-layout.js";
import { type Align, type Block, lkjipOutline } from "./outline.js";

/**
 * The LKjIP as a Word document the office goes on editing: real headings (so Word builds the table of
 * contents), tables with a repeated header row, "Halaman n dari m" in the footer. Sizes are in twips.
 */
const PAGE: Record<Paper, { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  F4: { width: 12189, height: 18709 },
};
/** 3 cm left for binding, 2 cm elsewhere, as the PK prints. */
const MARGIN = { left: 1701, right: 1134, top: 1134, bottom: 1134 };
const FONT = "Arial";
/** Half-points. */
const TEXT_SIZE = 22;
const TABLE_SIZE = 17;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
};
const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function cell(text: string, width: number, align: Align, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL.slice(1) } } : {}),
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : ALIGN[align],
        children: [new TextRun({ text, bold: header, size: TABLE_SIZE })],
      }),
    ],
  });
}

function render(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case "title":
      return block.lines.map(
        (line, i) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: i === 0 ? 3000 : 200 },
            children: [new TextRun({ text: line, bold: i < 3, size: i < 3 ? 32 : TEXT_SIZE })],
          }),
      );
    case "heading":
      return [
        new Paragraph({
          heading: HEADING[block.level],
          pageBreakBefore: block.pageBreak ?? false,
          alignment: block.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 240, after: 120 },
          children: [new TextRun({ text: block.text, bold: true, font: FONT, color: "000000" })],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: 120, line: 300 },
          children: [new TextRun({ text: block.text, italics: block.italic ?? false })],
        }),
      ];
    case "table": {
      const total = block.widths.reduce((a, b) => a + b, 0);
      const pct = block.widths.map((w) => (w / total) * 100);
      const row = (cells: string[], header: boolean) =>
        new TableRow({
          tableHeader: header,
          cantSplit: true,
          children: cells.map((text, i) => cell(text, pct[i] ?? 10, block.align[i] ?? "left", header)),
        });
      return [
        new Paragraph({
          spacing: { before: 200, after: 80 },
          keepNext: true,
          children: [new TextRun({ text: block.caption, bold: true, size: 20 })],
        }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [row(block.header, true), ...block.rows.map((r) => row(r, false))],
        }),
      ];
    }
    case "signature":
      return [
        ...block.lines.map(
          (line, i) =>
            new Paragraph({
              alignment: AlignmentType.CENTER,
              indent: { left: 4500 },
              spacing: { before: i === 0 ? 600 : 0 },
              children: [new TextRun(line)],
            }),
        ),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          indent: { left: 4500 },
          spacing: { before: 1200 },
          children: [new TextRun({ text: block.name, bold: true, underline: {} })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          indent: { left: 4500 },
          children: [new TextRun(block.nip)],
        }),
      ];
  }
}

export async function lkjipDocx(
  lkjip: Lkjip,
  pk: RakDocument | null,
  options: { paper?: Paper } = {},
): Promise<Buffer> {
  const document = new Document({
    creator: "capaian",
    title: `LKjIP ${lkjip.orgUnitName} Tahun ${lkjip.year}`,
    styles: { default: { document: { run: { font: FONT, size: TEXT_SIZE } } } },
    sections: [
      {
        properties: { page: { size: PAGE[options.paper ?? "A4"], margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: ["Halaman ", PageNumber.CURRENT, " dari ", PageNumber.TOTAL_PAGES],
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children: lkjipOutline(lkjip, pk).flatMap(render),
      },
    ],
  });
  return Packer.toBuffer(document);
}
