import type { LowerFormula, Polarity } from "./achievement.js";
import { div, isZero, mul } from "./decimal.js";
import { type BilingualText, DomainError } from "./errors.js";
import { dataElementsOf, type Expression, evaluate, parseExpression } from "./expression.js";
import { type NotComputable, notComputable } from "./result.js";

export type RatioFactor = 1 | 100 | 1000 | 100000;
export const RATIO_FACTORS: readonly RatioFactor[] = [1, 100, 1000, 100000];
/** Direct values over periods: not at all, the latest period's value, or the mean of the periods. */
export type DirectTimeRule = "none" | "latest" | "average";
/** Direct values over org units: not at all, or the mean when a regulation asks for it. */
export type DirectOrgUnitRule = "none" | "average";

export interface CompiledExpression {
  readonly source: string;
  readonly tree: Expression;
}

interface IndicatorCommon {
  readonly code: string;
  readonly name: string;
  /** Satuan, free text as in the plan ("%", "kasus", "per 100.000 penduduk"). */
  readonly unit: string;
  readonly polarity: Polarity;
  readonly lowerFormula: LowerFormula;
}

/** numerator / denominator × factor; aggregates by summing numerators and denominators. */
export interface RatioIndicator extends IndicatorCommon {
  readonly kind: "ratio";
  readonly factor: RatioFactor;
  readonly numerator: CompiledExpression;
  readonly denominator: CompiledExpression;
}

/** A count (jumlah kasus, jumlah dokumen); aggregates by summing. */
export interface CountIndicator extends IndicatorCommon {
  readonly kind: "count";
  readonly value: CompiledExpression;
}

/** A value entered as such (Angka Harapan Hidup, a survey prevalence); does not add up. */
export interface DirectIndicator extends IndicatorCommon {
  readonly kind: "direct";
  readonly value: CompiledExpression;
  readonly timeAggregation: DirectTimeRule;
  readonly orgUnitAggregation: DirectOrgUnitRule;
}

export type IndicatorDefinition = RatioIndicator | CountIndicator | DirectIndicator;

export type IndicatorSpec = {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  /** Defaults to "higher". */
  readonly polarity?: Polarity;
  /** Defaults to "two_target_minus". */
  readonly lowerFormula?: LowerFormula;
} & (
  | {
      readonly kind: "ratio";
      readonly factor: RatioFactor;
      readonly numerator: string;
      readonly denominator: string;
    }
  | { readonly kind: "count"; readonly value: string }
  | {
      readonly kind: "direct";
      readonly value: string;
      /** Defaults to "latest": a yearly value reported in TW IV stands for the year. */
      readonly timeAggregation?: DirectTimeRule;
      /** Defaults to "none": a city's life expectancy is not the mean of its puskesmas. */
      readonly orgUnitAggregation?: DirectOrgUnitRule;
    }
);

/** Indicator values (not capaian) keep 4 places: targets such as 0.013 need more than 2. */
export const INDICATOR_FRACTION_DIGITS = 4;

function invalid(field: string, value: unknown, allowed: string): DomainError {
  return new DomainError(
    "INDICATOR_INVALID",
    `Isian indikator "${field}" tidak sah (${String(value)}); pilihan: ${allowed}`,
    `Indicator field "${field}" is invalid (${String(value)}); allowed: ${allowed}`,
    { field, value },
  );
}

function oneOf<T extends string | number>(field: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw invalid(field, value, allowed.join(", "));
  return value as T;
}

function compile(source: string): CompiledExpression {
  return { source, tree: parseExpression(source) };
}

/** Validates a definition (codes, choices, formulas) and fills the documented defaults. */
export function defineIndicator(spec: IndicatorSpec): IndicatorDefinition {
  for (const field of ["code", "name", "unit"] as const) {
    if (typeof spec?.[field] !== "string" || (field !== "unit" && spec[field].trim() === "")) {
      throw invalid(field, spec?.[field], "teks / text");
    }
  }
  const common: IndicatorCommon = {
    code: spec.code,
    name: spec.name,
    unit: spec.unit,
    polarity: oneOf("polarity", spec.polarity ?? "higher", ["higher", "lower"] as const),
    lowerFormula: oneOf("lowerFormula", spec.lowerFormula ?? "two_target_minus", [
      "two_target_minus",
      "target_over_realisasi",
    ] as const),
  };
  oneOf("kind", spec.kind, ["ratio", "count", "direct"] as const);
  if (spec.kind === "ratio") {
    const factor = oneOf("factor", spec.factor, RATIO_FACTORS);
    return {
      ...common,
      kind: "ratio",
      factor,
      numerator: compile(spec.numerator),
      denominator: compile(spec.denominator),
    };
  }
  if (spec.kind === "count") return { ...common, kind: "count", value: compile(spec.value) };
  return {
    ...common,
    kind: "direct",
    value: compile(spec.value),
    timeAggregation: oneOf("timeAggregation", spec.timeAggregation ?? "latest", [
      "none",
      "latest",
      "average",
    ] as const),
    orgUnitAggregation: oneOf("orgUnitAggregation", spec.orgUnitAggregation ?? "none", [
      "none",
      "average",
    ] as const),
  };
}

/** Every data element key the indicator reads, for data entry forms and DHIS2 mapping. */
const elementsOf = new WeakMap<IndicatorDefinition, readonly string[]>();

/** The data elements an indicator reads; asked once per scorecard cell, so kept per definition. */
export function indicatorDataElements(indicator: IndicatorDefinition): readonly string[] {
  const known = elementsOf.get(indicator);
  if (known) return known;
  const trees =
    indicator.kind === "ratio"
      ? [indicator.numerator.tree, indicator.denominator.tree]
      : [indicator.value.tree];
  const codes = Object.freeze([...new Set(trees.flatMap(dataElementsOf))]);
  elementsOf.set(indicator, codes);
  return codes;
}

/** numerator / denominator × factor at indicator precision; a zero denominator is not computable. */
export function ratioValue(numerator: string, denominator: string, factor: RatioFactor): IndicatorValue {
  if (isZero(denominator)) return notComputable("denominator_zero");
  const value = div(mul(numerator, `${factor}`), denominator, INDICATOR_FRACTION_DIGITS);
  return { computable: true, value, numerator, denominator };
}

export type IndicatorValue =
  | {
      readonly computable: true;
      readonly value: string;
      readonly numerator?: string;
      readonly denominator?: string;
    }
  | NotComputable;

/** The indicator's value for one org unit and period from its data element values. */
export function computeIndicator(
  indicator: IndicatorDefinition,
  values: Readonly<Record<string, string>>,
): IndicatorValue {
  if (indicator.kind !== "ratio") return evaluate(indicator.value.tree, values);
  const numerator = evaluate(indicator.numerator.tree, values);
  const denominator = evaluate(indicator.denominator.tree, values);
  if (!numerator.computable || !denominator.computable) {
    const missing = [numerator, denominator].flatMap((part) => (part.computable ? [] : (part.missing ?? [])));
    if (missing.length > 0) return notComputable("missing_data", [...new Set(missing)]);
    return numerator.computable ? denominator : numerator;
  }
  return ratioValue(numerator.value, denominator.value, indicator.factor);
}

const PERCENT_NAME = /^(persentase|presentase|cakupan|proporsi|prevalensi)\b/i;
const COUNT_NAME = /^jumlah\b/i;
const PERCENT_UNIT = /^%$|persen/i;

/**
 * Import keeps the unit as written but warns when it contradicts the name, as in the seed's
 * "Persentase Cakupan … Stiker …" measured in "dokumen".
 */
export function unitWarnings(name: string, unit: string): BilingualText[] {
  const trimmedName = String(name).trim();
  const trimmedUnit = String(unit).trim();
  if (PERCENT_NAME.test(trimmedName) && !PERCENT_UNIT.test(trimmedUnit)) {
    return [
      {
        id: `Nama indikator menyatakan persentase tetapi satuannya "${trimmedUnit}"`,
        en: `The indicator name states a percentage but its unit is "${trimmedUnit}"`,
      },
    ];
  }
  if (COUNT_NAME.test(trimmedName) && PERCENT_UNIT.test(trimmedUnit)) {
    return [
      {
        id: `Nama indikator menyatakan jumlah tetapi satuannya "${trimmedUnit}"`,
        en: `The indicator name states a count but its unit is "${trimmedUnit}"`,
      },
    ];
  }
  return [];
}

/**
 * A first guess of an indicator's kind from the unit a plan gives it, for indicators that arrive without
 * a definition (an imported RAK): "%" and "per 1.000/100.000 …" are ratios, "angka"/"indeks" direct
 * values, anything else a count. The planner corrects it in the indicator catalogue.
 */
export function kindFromUnit(
  unit: string,
): { kind: "ratio"; factor: RatioFactor } | { kind: "count" | "direct" } {
  const u = String(unit).trim().toLowerCase();
  if (u === "%" || u === "persen") return { kind: "ratio", factor: 100 };
  if (/^per\s+100[.,]?000\b/.test(u)) return { kind: "ratio", factor: 100000 };
  if (/^per\s+1[.,]?000\b/.test(u)) return { kind: "ratio", factor: 1000 };
  if (u === "angka" || u === "indeks" || u === "index") return { kind: "direct" };
  return { kind: "count" };
}

const LOWER_IS_BETTER =
  /\b(kematian|stunting|wasting|kek|anemia|insiden|incidence rate|angka kesakitan|prevalensi)\b/i;

/**
 * Lower-is-better recognised from an indicator's name, for documents that do not state polarity
 * (docs/DOMAIN-RULES.md §2: deaths, stunting, wasting, KEK, anemia, TB incidence, disease prevalence, DBD IR).
 */
export function polarityFromName(name: string): "lower" | "higher" {
  return LOWER_IS_BETTER.test(String(name)) ? "lower" : "higher";
}
