/** Renstra exports: xlsx in the layout the import reads, pdf landscape as the RAK. */
export type { RenstraExportOptions } from "./content.js";
export { renstraPdf, renstraPdfDefinition } from "./pdf.js";
export { RENSTRA_TEMPLATE_COLUMNS, RENSTRA_YEARS, renstraTemplateXlsx } from "./template.js";
export { renstraXlsx } from "./xlsx.js";
