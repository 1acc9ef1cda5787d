/** The quarterly e-SPM report (Permendagri 59/2021 Pasal 24): xlsx as a flat table per service, pdf to file. */
export type { SpmQuarterExportOptions } from "./content.js";
export { spmQuarterPdf, spmQuarterPdfDefinition } from "./pdf.js";
export { spmQuarterXlsx } from "./xlsx.js";
