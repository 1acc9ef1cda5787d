import { type Capaian, computeCapaian, type LowerFormula, type Polarity } from "./achievement.js";
import { compare, sub } from "./decimal.js";
import type { BilingualText } from "./errors.js";
import { meanOf } from "./spm-achievement.js";

/**
 * The comparisons of an LKjIP's Bab III A (PermenPAN-RB 53/2014; DOMAIN.md §5b), pure. Every figure
 * reuses the capaian and budget rules: nothing here divides on its own.
 */

/** Better, worse or the same, read by the indicator's polarity. */
export type Standing = "better" | "worse" | "same";

export const STANDING_LABEL: Record<Standing, BilingualText> = {
  better: { id: "membaik", en: "improved" },
  worse: { id: "menurun", en: "worsened" },
  same: { id: "tetap", en: "unchanged" },
};

export const NATIONAL_STANDING_LABEL: Record<Standing, BilingualText> = {
  better: { id: "lebih baik dari nasional", en: "better than national" },
  worse: { id: "di bawah nasional", en: "below national" },
  same: { id: "sama dengan nasional", en: "same as national" },
};

const standing = (value: string, reference: string, polarity: Polarity): Standing => {
  const order = compare(value, reference);
  if (order === 0) return "same";
  return order > 0 === (polarity === "higher") ? "better" : "worse";
};

export interface Change {
  /** Realisasi N − realisasi N−1, in the indicator's unit. */
  readonly change: string;
  readonly standing: Standing;
}

/** Analysis (2): this year's realisasi against last year's; null when either is missing. */
export function changeFromLastYear(
  current: string | null,
  previous: string | null,
  polarity: Polarity,
): Change | null {
  if (current === null || previous === null) return null;
  return { change: sub(current, previous), standing: standing(current, previous, polarity) };
}

/**
 * Analysis (3): the realisasi of year N as a share of the target akhir Renstra, by the indicator's
 * capaian formula (for lower-is-better, reaching the end target is 100 %, as a yearly capaian is).
 */
export function shareOfEndTarget(
  realisasi: string | null,
  endTarget: string | null,
  polarity: Polarity,
  lowerFormula?: LowerFormula,
): Capaian {
  return computeCapaian({
    target: endTarget,
    realisasi,
    polarity,
    ...(lowerFormula ? { lowerFormula } : {}),
  });
}

export interface NationalComparison {
  /** Realisasi − national figure. */
  readonly difference: string;
  readonly standing: Standing;
}

/** Analysis (4): the realisasi against the national figure the Dinas entered; null without either. */
export function againstNational(
  realisasi: string | null,
  national: string | null,
  polarity: Polarity,
): NationalComparison | null {
  if (realisasi === null || national === null) return null;
  return { difference: sub(realisasi, national), standing: standing(realisasi, national, polarity) };
}

/**
 * Capaian kinerja of a sasaran strategis for the efficiency analysis: the mean of its IKU's capaian
 * (the practice of LKjIP documents; the capaian are already percentages of their own targets, so no
 * numerator is lost). IKU that cannot be computed are left out; null when none can.
 */
export function sasaranCapaian(ikuCapaian: readonly Capaian[]): string | null {
  return meanOf(ikuCapaian.map((c) => (c.computable ? c.value : null)));
}

export type ProgramRole = "supporting" | "hindering" | "not_assessed";

export const PROGRAM_ROLE_LABEL: Record<ProgramRole, BilingualText> = {
  supporting: { id: "Pendukung", en: "Supporting" },
  hindering: { id: "Penghambat", en: "Hindering" },
  not_assessed: { id: "Belum dapat dinilai", en: "Not assessed" },
};

/**
 * Analysis (7): a program supports its sasaran when every indicator it has reached its target
 * (capaian ≥ 100 %), holds it back when one fell short; with no computable capaian it is not assessed
 * (never counted as a failure).
 */
export function programRole(indicatorCapaian: readonly Capaian[]): ProgramRole {
  const known = indicatorCapaian.flatMap((c) => (c.computable ? [c.value] : []));
  if (known.length === 0) return "not_assessed";
  return known.every((v) => compare(v, "100") >= 0) ? "supporting" : "hindering";
}
