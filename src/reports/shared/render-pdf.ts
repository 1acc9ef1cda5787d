import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import { PDF_FONT_FILES, PDF_FONTS } from "../rak/fonts.js";

/**
 * Renders a pdfmake document with the bundled Roboto and no network or file access beyond the font
 * files. pdfmake for Node is one shared instance and createPdf reads fonts and policies synchronously,
 * so setting them right before the call holds even when several reports render at once. Loaded at the
 * first PDF rather than at start, so a server nobody prints from does not hold it (~9 MB).
 */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const { default: pdfMake } = await import("pdfmake");
  pdfMake.setFonts(PDF_FONTS);
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((path) => PDF_FONT_FILES.has(path));
  return pdfMake.createPdf(definition).getBuffer();
}
