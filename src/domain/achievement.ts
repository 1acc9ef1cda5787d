import { compare, div, isZero, mul, round, sub, sum } from "./decimal.js";
import { type BilingualText, DomainError } from "./errors.js";
import { type NotComputable, type NotComputableReason, notComputable } from "./result.js";
import {
  checkQuarter,
  type Quarterly,
  type QuarterNumber,
  type TargetSeries,
  targetToDate,
} from "./targets.js";

export type Polarity = "higher" | "lower";
/** How a lower-is-better capaian is computed; a setting of the indicator, printed with the result. */
export type LowerFormula = "two_target_minus" | "target_over_realisasi";
export type CapaianFormula = "realisasi_over_target" | LowerFormula;
export type PerformanceCategory = "sangat_tinggi" | "tinggi" | "sedang" | "rendah" | "sangat_rendah";

/**
 * Capaian is rounded half away from zero to 2 places, the precision reports print, and the category is
 * taken from that rounded value so a printed "90,00" is never "sangat tinggi".
 */
export const CAPAIAN_FRACTION_DIGITS = 2;

export const FORMULA_TEXT: Record<CapaianFormula, BilingualText> = {
  realisasi_over_target: {
    id: "Capaian = Realisasi / Target × 100%",
    en: "Achievement = Realisasi / Target × 100%",
  },
  two_target_minus: {
    id: "Capaian = (2 × Target − Realisasi) / Target × 100% (minimal 0)",
    en: "Achievement = (2 × Target − Realisasi) / Target × 100% (floored at 0)",
  },
  target_over_realisasi: {
    id: "Capaian = Target / Realisasi × 100%",
    en: "Achievement = Target / Realisasi × 100%",
  },
};

export const CATEGORY_LABEL: Record<PerformanceCategory, BilingualText> = {
  sangat_tinggi: { id: "Sangat Tinggi", en: "Very high" },
  tinggi: { id: "Tinggi", en: "High" },
  sedang: { id: "Sedang", en: "Moderate" },
  rendah: { id: "Rendah", en: "Low" },
  sangat_rendah: { id: "Sangat Rendah", en: "Very low" },
};

export interface ComputedCapaian {
  readonly computable: true;
  /** Percent, e.g. "96.35". */
  readonly value: string;
  readonly formula: CapaianFormula;
  readonly category: PerformanceCategory;
}

export type Capaian = ComputedCapaian | (NotComputable & { readonly formula: CapaianFormula });

export interface CapaianInput {
  /** Target amount; null when the plan says "-". */
  readonly target: string | null;
  readonly realisasi: string | null;
  readonly polarity: Polarity;
  /** Defaults to two_target_minus, the form most LKjIP documents use. */
  readonly lowerFormula?: LowerFormula;
}

export function computeCapaian({ target, realisasi, polarity, lowerFormula }: CapaianInput): Capaian {
  const formula = formulaOf(polarity, lowerFormula);
  if (!Object.hasOwn(FORMULA_TEXT, formula) || (polarity !== "higher" && polarity !== "lower")) {
    throw new DomainError(
      "CAPAIAN_RULE_INVALID",
      `Polaritas "${polarity}" atau rumus "${lowerFormula}" tidak dikenal`,
      `Unknown polarity "${polarity}" or formula "${lowerFormula}"`,
      { polarity, lowerFormula },
    );
  }
  const cannot = (reason: NotComputableReason) => ({ ...notComputable(reason), formula });
  if (target === null) return cannot("no_target");
  if (isZero(target)) return cannot("target_zero");
  if (realisasi === null) return cannot("no_realisasi");
  let raw: string;
  if (formula === "realisasi_over_target") {
    raw = div(mul(realisasi, "100"), target, CAPAIAN_FRACTION_DIGITS);
  } else if (formula === "two_target_minus") {
    const value = div(mul(sub(mul("2", target), realisasi), "100"), target, CAPAIAN_FRACTION_DIGITS);
    raw = compare(value, "0") < 0 ? "0" : value;
  } else {
    if (isZero(realisasi)) return cannot("realisasi_zero");
    raw = div(mul(target, "100"), realisasi, CAPAIAN_FRACTION_DIGITS);
  }
  return { computable: true, value: raw, formula, category: categorize(raw) };
}

/** Permendagri 86/2017: >90 sangat tinggi, 75<x≤90 tinggi, 65<x≤75 sedang, 50<x≤65 rendah, ≤50. */
export function categorize(capaian: string): PerformanceCategory {
  const value = round(capaian, CAPAIAN_FRACTION_DIGITS);
  return CATEGORY_ORDER[
    PERMENDAGRI_CUTS.filter((cut) => compare(value, cut) > 0).length
  ] as PerformanceCategory;
}

/** Permendagri 86/2017 boundaries in %: ≤50, 50–65, 65–75, 75–90, >90 (docs/DOMAIN-RULES.md §4). */
export const PERMENDAGRI_CUTS: readonly string[] = ["50", "65", "75", "90"];

/** The bands from worst to best; the scorecard's own legends use the same order. */
export const CATEGORY_ORDER: readonly PerformanceCategory[] = [
  "sangat_rendah",
  "rendah",
  "sedang",
  "tinggi",
  "sangat_tinggi",
];

export interface ProgressInput {
  readonly series: TargetSeries;
  readonly quarter: QuarterNumber;
  /** Realisasi per quarter in the series' own terms (running totals for cumulative); null = not reported. */
  readonly realisasi: Quarterly<string | null>;
  readonly polarity: Polarity;
  readonly lowerFormula?: LowerFormula;
}

export interface Progress {
  readonly quarter: QuarterNumber;
  readonly targetToDate: string | null;
  readonly realisasiToDate: string | null;
  readonly capaian: Capaian;
}

/**
 * Cumulative progress at the end of `quarter`: realisasi to date against target to date under the
 * series' mode. For incremental series realisasi to date is the sum of quarters so far, and an
 * unreported quarter makes it not computable (a missing report is not zero).
 */
export function progressToDate(input: ProgressInput): Progress {
  const { series, quarter, realisasi } = input;
  checkQuarter(quarter);
  const target = targetToDate(series, quarter);
  const soFar = realisasi.slice(0, quarter);
  const missing = soFar.flatMap((value, i) => (value === null ? [`TW ${i + 1}`] : []));
  const realisasiToDate =
    series.mode !== "incremental"
      ? (realisasi[quarter - 1] ?? null)
      : missing.length > 0
        ? null
        : sum(soFar.filter((v): v is string => v !== null));
  const capaian = computeCapaian({ ...input, target, realisasi: realisasiToDate });
  if (!capaian.computable && capaian.reason === "no_realisasi" && series.mode === "incremental") {
    return {
      quarter,
      targetToDate: target,
      realisasiToDate,
      capaian: { ...notComputable("no_realisasi", missing), formula: capaian.formula },
    };
  }
  return { quarter, targetToDate: target, realisasiToDate, capaian };
}

function formulaOf(polarity: Polarity, lowerFormula: LowerFormula | undefined): CapaianFormula {
  return polarity === "higher" ? "realisasi_over_target" : (lowerFormula ?? "two_target_minus");
}
