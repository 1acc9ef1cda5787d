import type { RakSignatory } from "./rak-document.js";

/**
 * A Renstra (five-year strategic plan) as a document: what the Excel import produces, what the exports
 * print and what the demo loads. Targets are kept exactly as written ("≤ 8,5", "R4 : 11 Unit", "-"),
 * per year; `end` is the target akhir Renstra, null when the document gives none.
 */
export interface RenstraIndicatorRow {
  name: string;
  unit: string;
  polarity?: "lower";
  /** Target per year of the Renstra, as written; a year the document leaves empty is "-". */
  targets: Record<number, string>;
  end: string | null;
}

export interface RenstraProgram {
  code?: string;
  name: string;
  /** Pagu indikatif per year, whole Rupiah; null where the document gives none. */
  budgets: Record<number, number | null>;
  indicators: RenstraIndicatorRow[];
}

export interface RenstraSasaran {
  name: string;
  indicators: RenstraIndicatorRow[];
  programs: RenstraProgram[];
}

export interface RenstraTujuan {
  name: string;
  indicators: RenstraIndicatorRow[];
  sasaran: RenstraSasaran[];
}

export interface RenstraDocument {
  title: string;
  orgUnitName: string;
  startYear: number;
  endYear: number;
  tujuan: RenstraTujuan[];
  signatory: RakSignatory;
}

/** The years a Renstra covers, first to last. */
export const renstraYears = (doc: Pick<RenstraDocument, "startYear" | "endYear">) =>
  Array.from({ length: doc.endYear - doc.startYear + 1 }, (_, i) => doc.startYear + i);
