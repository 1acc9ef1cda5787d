import type { PerformanceCategory, Polarity } from "./achievement.js";
import { CAPAIAN_FRACTION_DIGITS, CATEGORY_ORDER, PERMENDAGRI_CUTS } from "./achievement.js";
import { canonical, compare, round } from "./decimal.js";

/** A scorecard legend: four ascending boundaries read in the indicator's direction. */
export interface ScorecardLegend {
  readonly cuts: readonly string[];
  readonly polarity: Polarity;
  /** permendagri: the default bands; custom: the indicator's own. */
  readonly source: "permendagri" | "custom";
}

/**
 * The legend of a scorecard column: the indicator's own boundaries when set, else the Permendagri
 * bands for a higher-is-better percentage. A lower-is-better or non-percentage indicator has no
 * default legend: its numbers are not an achievement against 100.
 */
export function legendOf(input: {
  cuts: readonly string[] | null;
  polarity: Polarity;
  percent: boolean;
}): ScorecardLegend | null {
  if (input.cuts && input.cuts.length === 4) {
    return { cuts: input.cuts, polarity: input.polarity, source: "custom" };
  }
  if (input.percent && input.polarity === "higher") {
    return { cuts: PERMENDAGRI_CUTS, polarity: "higher", source: "permendagri" };
  }
  return null;
}

/** Whether four boundaries are usable: numbers in strictly ascending order. */
export function validCuts(cuts: readonly string[]): boolean {
  if (cuts.length !== 4) return false;
  return cuts.every((c, i) => i === 0 || compare(cuts[i - 1] as string, c) < 0);
}

/**
 * The band of a value under a legend, from the value rounded as printed (2 places). Higher is better:
 * strictly above a boundary climbs a band, as Permendagri's `> 90`. Lower is better: at or below a
 * boundary climbs a band, the mirror image.
 */
export function bandOf(value: string, legend: ScorecardLegend): PerformanceCategory {
  const v = round(value, CAPAIAN_FRACTION_DIGITS);
  if (legend.polarity === "higher") {
    const above = legend.cuts.filter((c) => compare(v, c) > 0).length;
    return CATEGORY_ORDER[above] as PerformanceCategory;
  }
  const atOrBelow = legend.cuts.filter((c) => compare(v, c) <= 0).length;
  return CATEGORY_ORDER[atOrBelow] as PerformanceCategory;
}

/** Competition ranking (1, 2, 2, 4) in the indicator's direction; a missing value has no rank. */
export function rankValues(values: readonly (string | null)[], polarity: Polarity): (number | null)[] {
  // Sorted once, best first: a value's rank is one more than the count of values strictly better.
  const sorted = values.filter((v): v is string => v !== null);
  sorted.sort((a, b) => (polarity === "higher" ? compare(b, a) : compare(a, b)));
  const rankOf = new Map<string, number>();
  sorted.forEach((v, i) => {
    const key = canonical(v);
    if (!rankOf.has(key)) rankOf.set(key, i + 1);
  });
  return values.map((v) => (v === null ? null : (rankOf.get(canonical(v)) ?? null)));
}

export type Trend = "better" | "worse" | "same";

/** The move from the previous period in the indicator's direction; null when either is missing. */
export function trendOf(value: string | null, previous: string | null, polarity: Polarity): Trend | null {
  if (value === null || previous === null) return null;
  const c = compare(value, previous);
  if (c === 0) return "same";
  return c > 0 === (polarity === "higher") ? "better" : "worse";
}

/**
 * Band colours (hex without #), one set for the screen, the sheet and the pdf. ColorBrewer's RdYlGn, its
 * darkest green darkened so white text on it reaches WCAG AA (5.1:1).
 */
export const BAND_COLOUR: Record<PerformanceCategory, { fill: string; text: string }> = {
  sangat_tinggi: { fill: "157F43", text: "FFFFFF" },
  tinggi: { fill: "91CF60", text: "000000" },
  sedang: { fill: "FEE08B", text: "000000" },
  rendah: { fill: "FC8D59", text: "000000" },
  sangat_rendah: { fill: "D73027", text: "FFFFFF" },
};

/** Short band names printed in each cell, so the band reads without its colour. */
export const BAND_SHORT: Record<PerformanceCategory, string> = {
  sangat_tinggi: "ST",
  tinggi: "T",
  sedang: "S",
  rendah: "R",
  sangat_rendah: "SR",
};
