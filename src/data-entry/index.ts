/** What other features (the DHIS2 exchange) reuse of data entry: the upload's checks and its write. */
export { formElements } from "./form.js";
export type { UploadRow } from "./import.js";
export { type CheckedRow, checkRows, type RowProblem, type UnitRef, unitsByCode } from "./import-check.js";
export { type ValueWrite, type ValueWriter, writeChecked } from "./import-commit.js";
