/** Import of a Rencana Aksi Kinerja from .xlsx or .csv: parse, preview with warnings, then save. */

export { type Cell, cellAt, cellText, type Grid } from "./cells.js";
export { ImportError, type ImportWarning } from "./errors.js";
export {
  DEFAULT_MAX_BYTES,
  type ParseRakOptions,
  parseRakFile,
  type RakImport,
  type RakImportSummary,
} from "./parse.js";
export { readSpreadsheet } from "./read.js";
export { rakTemplateWorkbook, TEMPLATE_COLUMNS, type TemplateRow, templateRows } from "./template.js";
export { ZIP_LIMITS } from "./zip-guard.js";
