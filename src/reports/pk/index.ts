/** Perjanjian Kinerja exports from the same document as the RAK: the annual view, portrait, for signing. */
export type { PkExportOptions, SecondParty } from "./content.js";
export { pkPdf, pkPdfDefinition } from "./pdf.js";
export { pkXlsx } from "./xlsx.js";
