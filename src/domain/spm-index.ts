import { compare, div, mul, round, sum } from "./decimal.js";
import { CAPAIAN_DIGITS, meanOf, percentOf } from "./spm-achievement.js";

/**
 * The SPM achievement index of the quarterly e-SPM report. Permendagri 59/2021 builds it from two parts
 * per service: how many of those who must receive the basic service received it (penerima layanan dasar),
 * and how far the minimum quality of goods/services and staff was met (mutu barang/jasa dan SDM). The
 * weights below are the application's working rule: the regulation's Lampiran with the exact formula was
 * not found in the sources searched, so they are data with that said, printed wherever the index is.
 */
export const SPM_INDEX_RULE = {
  penerimaWeight: "50",
  mutuWeight: "50",
  note: "Rumus kerja aplikasi: indeks = 50% × capaian penerima layanan dasar + 50% × capaian mutu barang/jasa dan SDM (masing-masing paling tinggi 100). Bobot belum diverifikasi terhadap teks Permendagri 59/2021 yang tidak ditemukan.",
} as const;

export interface SpmIndexRule {
  readonly penerimaWeight: string;
  readonly mutuWeight: string;
}

const cap100 = (value: string) => (compare(value, "100") > 0 ? "100" : value);

/** Served so far over those who must be served, × 100, at most 100; null when nobody must be served or a figure is missing. */
export function penerimaCapaian(served: string | null, mustServe: string | null): string | null {
  if (served === null || mustServe === null || compare(mustServe, "0") <= 0) return null;
  return cap100(percentOf(served, mustServe));
}

/** One service's index: null (not computable, never 0) when either part is missing. */
export function spmServiceIndex(
  penerima: string | null,
  mutu: string | null,
  rule: SpmIndexRule = SPM_INDEX_RULE,
): string | null {
  if (penerima === null || mutu === null) return null;
  const weights = sum([rule.penerimaWeight, rule.mutuWeight]);
  const weighted = sum([mul(cap100(penerima), rule.penerimaWeight), mul(cap100(mutu), rule.mutuWeight)]);
  return round(div(weighted, weights, CAPAIAN_DIGITS + 4), CAPAIAN_DIGITS);
}

/** The region's index: the mean of its services' indices, and how many services could not be scored. */
export function spmRegionIndex(indices: ReadonlyArray<string | null>): {
  value: string | null;
  missing: number;
} {
  return { value: meanOf(indices), missing: indices.filter((x) => x === null).length };
}

/** The months of a service counted up to the end of a quarter of the year (all of them once the year is past). */
export function monthsThroughQuarter(
  months: readonly string[],
  year: number,
  quarter: 1 | 2 | 3 | 4,
): string[] {
  const end = `${year}${String(quarter * 3).padStart(2, "0")}`;
  return months.filter((m) => m <= end);
}
