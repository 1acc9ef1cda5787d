/** Paper for the landscape RAK: A4, or F4 (215 × 330 mm), the folio common in Indonesian offices. */
export type Paper = "A4" | "F4";

export interface RakExportOptions {
  paper?: Paper;
}
