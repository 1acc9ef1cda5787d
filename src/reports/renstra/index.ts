/** Renstra exports: xlsx in the layout the import reads, pdf landscape as the RAK. */
export type { RenstraExportOptions } from "./content.js";
export { renstraPdf, renstraPdfDefinition } from "./pdf.js";
export { renstraXlsx } from "./xlsx.js";
