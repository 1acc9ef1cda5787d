/**
 * A Rencana Aksi Kinerja as a document: what the Excel import produces, what the exports print, and
 * what the demo loads. Targets are kept as written in canonical form (decimal point, "-" for no target,
 * "11 dan 2" for a compound target); budgets are whole Rupiah, null where the document prints none.
 */
export interface RakIndicatorRow {
  name: string;
  unit: string;
  target: string;
  quarters: [string, string, string, string];
  /** Set for indicators where lower is better (deaths, stunting, incidence, prevalence of disease). */
  polarity?: "lower";
  /** The indicator definition feeding its realisasi, carried into a revision (perubahan) of the plan. */
  definitionId?: string;
  /** The Renstra indicator this yearly indicator serves, carried into a revision like the definition. */
  renstraIndicatorId?: string;
}

export interface RakKegiatan {
  /** National nomenclature code where known, e.g. "1.02.02.2.02". */
  code?: string;
  name: string;
  budget: number | null;
  indicators: RakIndicatorRow[];
  subKegiatan?: RakKegiatan[];
}

export interface RakProgram {
  code?: string;
  name: string;
  budget: number | null;
  indicators: RakIndicatorRow[];
  kegiatan: RakKegiatan[];
}

export interface RakSasaran {
  name: string;
  budget: number | null;
  indicators: RakIndicatorRow[];
  programs: RakProgram[];
}

export interface RakSignatory {
  position: string;
  name: string;
  nip: string;
  /** Place and ISO date of signing, when known. */
  place?: string;
  date?: string;
}

export interface RakDocument {
  title: string;
  orgUnitName: string;
  year: number;
  sasaran: RakSasaran[];
  signatory: RakSignatory;
}
