import { compare, div, formatNumberId, mul, parseDecimal, round } from "./decimal.js";
import { DomainError } from "./errors.js";

/** A prevalence used to estimate an SPM denominator, kept with where it comes from (docs/DOMAIN-RULES.md §5). */
export interface Prevalence {
  /** Percent, canonical decimal ("25.8"). */
  readonly percent: string;
  /** "Riskesdas 2013", "Riskesdas 2018", "SKI 2023" … */
  readonly source: string;
  readonly year: number;
}

export interface EstimatedPopulation {
  /** Whole persons, rounded half up. */
  readonly value: string;
  /** How it was computed, to print next to the figure. */
  readonly explanation: { readonly id: string; readonly en: string };
}

/**
 * The estimated number of people with a condition (SPM 8 hipertensi, 9 DM): population × prevalence.
 * The prevalence is data with its source and year, never a constant in code.
 */
export function estimatePopulation(population: string, prevalence: Prevalence): EstimatedPopulation {
  const base = parseDecimal(population, { decimalSeparator: "." });
  const value = estimatedCount(base, prevalence);
  const shown = prevalence.percent.replace(".", ",");
  const english = (n: string) => formatNumberId(n).replace(/[.,]/g, (c) => (c === "." ? "," : "."));
  return {
    value,
    explanation: {
      id: `${formatNumberId(base)} × ${shown}% (${prevalence.source}, ${prevalence.year}) = ${formatNumberId(value)}`,
      en: `${english(base)} × ${prevalence.percent}% (${prevalence.source}, ${prevalence.year}) = ${english(value)}`,
    },
  };
}

/**
 * The estimate alone, whole persons rounded half up, for the thousand units of a province ranking
 * that show no explanation (writing it costs more than the estimate).
 */
export function estimatedCount(population: string, prevalence: Prevalence): string {
  const base = parseDecimal(population, { decimalSeparator: "." });
  if (
    compare(base, "0") < 0 ||
    compare(prevalence.percent, "0") < 0 ||
    compare(prevalence.percent, "100") > 0
  ) {
    throw new DomainError(
      "POPULATION_INVALID",
      "Jumlah penduduk tidak boleh negatif dan prevalensi harus 0–100%.",
      "The population cannot be negative and the prevalence must be 0–100%.",
    );
  }
  return round(div(mul(base, prevalence.percent), "100", 6), 0);
}

/**
 * A head count as typed, the Indonesian way or not ("38.000" = 38000): the canonical whole number,
 * null for an empty cell, undefined when it is not a whole number ≥ 0. Fourteen digits is what the
 * column holds; more is a typing slip, not a population.
 */
export function parseHeadCount(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  try {
    const value = parseDecimal(trimmed);
    return value.startsWith("-") || value.includes(".") || value.length > 14 ? undefined : value;
  } catch {
    return undefined;
  }
}
