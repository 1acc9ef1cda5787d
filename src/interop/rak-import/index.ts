/** Import of a Rencana Aksi Kinerja from .xlsx or .csv: parse, preview with warnings, then save. */

export {
  DEFAULT_MAX_BYTES,
  type ParseRakOptions,
  parseRakFile,
  type RakImport,
  type RakImportSummary,
} from "./parse.js";
export { rakTemplateWorkbook, TEMPLATE_COLUMNS, type TemplateRow, templateRows } from "./template.js";
