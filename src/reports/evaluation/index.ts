/** Quarterly evaluation of the Rencana Aksi Kinerja (Permendagri 86/2017): xlsx to edit, pdf to sign. */
export type { EvaluationExportOptions, Paper } from "./content.js";
export { evaluationPdf, evaluationPdfDefinition } from "./pdf.js";
export { evaluationXlsx } from "./xlsx.js";
