import { compare, div, isZero, mul, sum } from "./decimal.js";
import type { BilingualText } from "./errors.js";
import { type NotComputable, notComputable } from "./result.js";
import { checkQuarter, type Quarterly, type QuarterNumber } from "./targets.js";

/** Serapan and efisiensi are printed like capaian: percent, 2 places. */
const PERCENT_FRACTION_DIGITS = 2;

export type Serapan = { readonly computable: true; readonly value: string } | NotComputable;

/** Serapan anggaran (absorption) = realisasi anggaran / pagu × 100%. Amounts in Rupiah. */
export function serapan(realisasiAnggaran: string, pagu: string): Serapan {
  if (isZero(pagu)) return notComputable("pagu_zero");
  return { computable: true, value: div(mul(realisasiAnggaran, "100"), pagu, PERCENT_FRACTION_DIGITS) };
}

export interface SerapanToDate {
  readonly realisasiToDate: string | null;
  readonly serapan: Serapan;
}

/** Absorption at the end of `quarter` from quarterly spending; an unreported quarter is not zero. */
export function serapanToDate(
  pagu: string,
  realisasiPerQuarter: Quarterly<string | null>,
  quarter: QuarterNumber,
): SerapanToDate {
  checkQuarter(quarter);
  const soFar = realisasiPerQuarter.slice(0, quarter);
  const missing = soFar.flatMap((value, i) => (value === null ? [`TW ${i + 1}`] : []));
  if (missing.length > 0) return { realisasiToDate: null, serapan: notComputable("no_realisasi", missing) };
  const realisasiToDate = sum(soFar.filter((v): v is string => v !== null));
  return { realisasiToDate, serapan: serapan(realisasiToDate, pagu) };
}

export type EfficiencyLevel = "efisien" | "kurang_efisien";

export const EFFICIENCY_LABEL: Record<EfficiencyLevel, BilingualText> = {
  efisien: { id: "Efisien", en: "Efficient" },
  kurang_efisien: { id: "Kurang efisien", en: "Less efficient" },
};

export type Efisiensi =
  | { readonly computable: true; readonly value: string; readonly level: EfficiencyLevel }
  | NotComputable;

/**
 * Efisiensi = capaian kinerja / serapan anggaran × 100%. At 100 each percent of budget bought a
 * percent of performance; ≥ 100 is "efisien" (as much or more performance than money spent),
 * below 100 "kurang efisien". Both inputs are percentages.
 */
export function efisiensi(capaianKinerja: string, serapanAnggaran: string): Efisiensi {
  if (isZero(serapanAnggaran)) return notComputable("serapan_zero");
  const value = div(mul(capaianKinerja, "100"), serapanAnggaran, PERCENT_FRACTION_DIGITS);
  return { computable: true, value, level: compare(value, "100") >= 0 ? "efisien" : "kurang_efisien" };
}
