import pdfMake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import { PDF_FONT_FILES, PDF_FONTS } from "../rak/fonts.js";

/**
 * Renders a pdfmake document with the bundled Roboto and no network or file access beyond the font
 * files. pdfmake for Node is one shared instance and createPdf reads fonts and policies synchronously,
 * so setting them right before the call holds even when several reports render at once.
 */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  pdfMake.setFonts(PDF_FONTS);
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((path) => PDF_FONT_FILES.has(path));
  return pdfMake.createPdf(definition).getBuffer();
}
