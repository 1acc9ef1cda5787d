import { createRequire } from "node:module";
import type { TFontDictionary } from "pdfmake/interfaces.js";

const require = createRequire(import.meta.url);

/**
 * Roboto as pdfmake's npm package ships it for Node (`pdfmake/fonts/Roboto.js` maps each style to a
 * .ttf beside it): read from node_modules, embedded as a subset, never downloaded. Unlike the
 * standard PDF fonts it covers all of Unicode's Latin and punctuation, so any name prints. Its
 * "bold" is Roboto Medium.
 */
export const PDF_FONTS: TFontDictionary = require("pdfmake/fonts/Roboto.js");
export const PDF_FONT_FAMILY = "Roboto";

/** The only local files the renderer may read: the font files above. */
export const PDF_FONT_FILES: ReadonlySet<string> = new Set(
  Object.values(PDF_FONTS).flatMap((styles) =>
    Object.values(styles).filter((f): f is string => typeof f === "string"),
  ),
);
