/** Yearly SPM report of the Kepala Dinas to the Wali Kota (Perwal Depok 57/2017 Pasal 9): xlsx to edit, pdf to sign. */
export type { SpmExportOptions } from "./content.js";
export { spmReportPdf, spmReportPdfDefinition } from "./pdf.js";
export { spmReportXlsx } from "./xlsx.js";
