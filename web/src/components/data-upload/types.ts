/** One spreadsheet row as POST /api/data-entry/import/preview reports it (src/data-entry/import-check.ts). */
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
/** The whole file counted; `rows` is only its first page (errors first, then changes). */
export interface UploadCounts {
  rows: number;
  withErrors: number;
  forms: number;
  values: number;
  unchanged: number;
}
export interface UploadPreview {
  rows: ImportRow[];
  counts: UploadCounts;
}
export interface UploadResult {
  forms: number;
  values: number;
}
