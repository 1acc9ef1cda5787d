/** The scorecard as a coloured sheet and a pdf, the band written in each cell. */
export { scorecardPdf, scorecardPdfDefinition } from "./pdf.js";
export { scorecardXlsx } from "./xlsx.js";
