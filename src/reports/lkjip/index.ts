/** The LKjIP of a year: computed content, and its exports as docx (edited further in Word) and pdf. */
export { buildLkjip } from "./content.js";
export { lkjipDocx } from "./docx.js";
export { type Block, lkjipOutline } from "./outline.js";
export { lkjipPdf, lkjipPdfDefinition } from "./pdf.js";
