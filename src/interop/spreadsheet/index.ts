/** Reading uploaded spreadsheets (.xlsx, .csv) for every import: bounded, streamed, off the event loop. */

export { type Cell, cellAt, cellText, type Grid, normalizeSpaces } from "./cells.js";
export { asImportError, ImportError, type ImportWarning, warning } from "./errors.js";
export { DEFAULT_LIMITS, RAK_LIMITS, type SpreadsheetLimits } from "./limits.js";
export { type ReadOptions, readSpreadsheet } from "./read.js";
export { ZIP_LIMITS } from "./zip-guard.js";
