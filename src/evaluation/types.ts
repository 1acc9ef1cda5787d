/**
 * The quarterly evaluation of a RAK (Permendagri 86/2017): per indicator the targets and realisasi per
 * quarter and to date, capaian and category, the year-end forecast, the planner's analysis; per
 * program/kegiatan the budget realisasi and serapan. Computed by evaluation/compute.ts, shown on the
 * evaluation screen and printed by reports/evaluation.
 */
export type Level = "tujuan" | "sasaran" | "program" | "kegiatan" | "sub_kegiatan";

export interface CapaianCell {
  /** Percent with 2 decimals as a canonical decimal string ("96.5"), or null when not computable. */
  value: string | null;
  /** Permendagri 86/2017 category, Indonesian ("sangat tinggi" … "sangat rendah"), null when no value. */
  category: string | null;
  /** Why there is no value, in Indonesian ("Tidak dapat dihitung: tidak ada target") and English. */
  reason: string | null;
  reasonEn: string | null;
}

export interface EvaluationIndicatorRow {
  planIndicatorId: string;
  /** The catalogue indicator, to which a pengelola program may be limited. */
  indicatorId: string;
  /** Revision of the entered realisasi/analysis per quarter (null: nothing entered yet), for the next edit. */
  revisions: [number | null, number | null, number | null, number | null];
  /** The node the indicator belongs to, and its ancestors by level, for the merged name columns. */
  nodeId: string;
  level: Level;
  sasaran: string | null;
  program: string | null;
  kegiatan: string | null;
  subKegiatan: string | null;
  indicator: string;
  unit: string;
  polarity: "higher" | "lower";
  /** The formula used for capaian, printed in the report ("realisasi / target × 100%"). */
  formula: string;
  /** Stored targets: canonical decimals, "-" for none, "11 dan 2". */
  targetYear: string;
  targets: [string, string, string, string];
  /** Realisasi per quarter (canonical decimal strings), null = not reported yet. */
  realisasi: [string | null, string | null, string | null, string | null];
  /** Where realisasi came from: computed from approved data, entered directly, or nothing yet. */
  source: "data" | "entered" | "none";
  targetToDate: string | null;
  realisasiToDate: string | null;
  capaianQuarter: CapaianCell;
  capaianToDate: CapaianCell;
  forecast: {
    projected: string | null;
    capaian: string | null;
    status: "on_track" | "at_risk" | "off_track" | "unknown";
    explanation: { id: string; en: string };
  };
  faktorPendorong: string | null;
  faktorPenghambat: string | null;
  tindakLanjut: string | null;
}

export interface EvaluationBudgetRow {
  nodeId: string;
  level: Level;
  name: string;
  /** Pagu, whole Rupiah; null when the plan gives none. */
  pagu: number | null;
  realisasi: [number | null, number | null, number | null, number | null];
  /** Revision of each quarter's entry (null: nothing entered yet), for the next edit. */
  revisions: [number | null, number | null, number | null, number | null];
  realisasiToDate: number | null;
  /** Serapan to date in percent (canonical decimal string), null when not computable. */
  serapan: string | null;
}

export interface Evaluation {
  plan: {
    id: string;
    title: string;
    orgUnitName: string;
    year: number;
    version: number;
    signatory: { position: string; name: string; nip: string; place?: string; date?: string };
  };
  /** The quarter evaluated (1–4): "Triwulan I 2024". */
  quarter: 1 | 2 | 3 | 4;
  periodLabel: string;
  indicators: EvaluationIndicatorRow[];
  budgets: EvaluationBudgetRow[];
  /** ISO timestamp */
  generatedAt: string;
}
