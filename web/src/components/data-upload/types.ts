/** One spreadsheet row as POST /api/data-entry/import/preview reports it (src/data-entry/import.ts). */
export interface ImportRow {
  row: number;
  orgUnitCode: string;
  orgUnitName: string | null;
  period: string;
  errors: string[];
  /** Values that will be written: new ones (old null) and changed ones. */
  changes: Array<{ code: string; old: string | null; new: string }>;
  unchanged: number;
}
export interface UploadPreview {
  rows: ImportRow[];
}
export interface UploadResult {
  forms: number;
  values: number;
}
