import type { PaperSize, Worksheet } from "exceljs";
import type { Content } from "pdfmake/interfaces.js";
import type { RakSignatory } from "../../plans/rak-document.js";
import type { Paper } from "../rak/options.js";
import { signatoryBlock } from "../rak/text-blocks.js";

/** Space left for the signature above the name, in points. */
const SIGNING_SPACE_PT = 52;

/** Excel's paper codes: 9 is A4, 14 is Folio 8½ × 13 in, i.e. F4. */
export const PAPER_CODE: Record<Paper, number> = { A4: 9, F4: 14 };

export interface SheetPrintOptions {
  orientation: "landscape" | "portrait";
  /** Rows repeated at the top of every printed page, e.g. "5:6". */
  printTitlesRow?: string;
  margins?: { left: number; right: number; top: number; bottom: number };
}

/** Page setup every exported sheet shares: one page wide, as tall as needed, page numbers in Indonesian. */
export function setUpPrintedSheet(sheet: Worksheet, paper: Paper, options: SheetPrintOptions): void {
  const margins = options.margins ?? { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 };
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: PAPER_CODE[paper] as PaperSize,
    orientation: options.orientation,
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages tall as the table needs.
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { ...margins, header: 0.3, footer: 0.3 },
    ...(options.printTitlesRow ? { printTitlesRow: options.printTitlesRow } : {}),
  };
  sheet.headerFooter.oddFooter = "&RHalaman &P dari &N";
}

/** The signatory block at the right of a pdf: place and date, position, space to sign, name, NIP. */
export function pdfSignatory(signatory: RakSignatory, extra: { lineHeight?: number } = {}): Content {
  const block = signatoryBlock(signatory);
  const lines: Content[] = [
    ...(block.placeAndDate === undefined ? [] : [block.placeAndDate]),
    block.position,
    { text: block.name, bold: true, decoration: "underline", margin: [0, SIGNING_SPACE_PT, 0, 0] },
    block.nip,
  ];
  return {
    columns: [
      { width: "*", text: "" },
      { width: 300, stack: lines, alignment: "center" },
    ],
    fontSize: 9,
    ...extra,
    margin: [0, 18, 0, 0],
    unbreakable: true,
  };
}
