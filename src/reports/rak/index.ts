/** Rencana Aksi Kinerja exports in the layout of the seed document: xlsx for editing, pdf for signing. */
export type { Paper, RakExportOptions } from "./options.js";
export { rakPdf, rakPdfDefinition } from "./pdf.js";
export { rakXlsx } from "./xlsx.js";
