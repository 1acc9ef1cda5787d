import { add, div, sum } from "./decimal.js";
import { DomainError } from "./errors.js";
import {
  type DirectIndicator,
  INDICATOR_FRACTION_DIGITS,
  type IndicatorDefinition,
  ratioValue,
} from "./indicators.js";
import { comparePeriods, parsePeriod } from "./periods.js";
import { type NotComputable, notComputable } from "./result.js";

export interface ReportKey {
  readonly orgUnit: string;
  /** Period code, e.g. "2024Q1". */
  readonly period: string;
}

/** One facility's figures for one period: numerator/denominator for ratios, value otherwise. */
export interface ReportRecord extends ReportKey {
  readonly numerator?: string;
  readonly denominator?: string;
  readonly value?: string;
}

export type AggregationRule = "sum_ratio" | "sum" | "single" | "latest" | "average";

export type AggregatedValue =
  | {
      readonly computable: true;
      readonly value: string;
      readonly rule: AggregationRule;
      readonly numerator?: string;
      readonly denominator?: string;
    }
  | NotComputable;

export interface Aggregation {
  readonly expected: number;
  readonly received: number;
  /** received / expected × 100, 2 places; null when nothing was expected. */
  readonly completeness: string | null;
  readonly missing: readonly ReportKey[];
  /** Records for pairs nobody expected; left out of the figure so the scope stays what was asked. */
  readonly unexpected: readonly ReportKey[];
  readonly result: AggregatedValue;
}

const keyOf = ({ orgUnit, period }: ReportKey) => JSON.stringify([orgUnit, period]);

/**
 * Aggregates an indicator over the expected (org unit, period) pairs. Ratios sum numerators and
 * denominators, then divide — percentages are never averaged. Counts add up. Direct values follow the
 * indicator's rules and are otherwise "not aggregatable". A missing report is not a zero: it lowers
 * completeness, never the figure.
 */
export function aggregate(
  indicator: IndicatorDefinition,
  expected: readonly ReportKey[],
  records: readonly ReportRecord[],
): Aggregation {
  const expectedKeys = new Set(expected.map(keyOf));
  const seen = new Set<string>();
  const unexpected: ReportKey[] = [];
  const received: ReportRecord[] = [];
  for (const record of records) {
    const key = keyOf(record);
    if (seen.has(key)) {
      throw new DomainError(
        "RECORD_DUPLICATE",
        `Laporan ganda untuk ${record.orgUnit} periode ${record.period}`,
        `Duplicate report for ${record.orgUnit} in period ${record.period}`,
        { orgUnit: record.orgUnit, period: record.period },
      );
    }
    seen.add(key);
    if (expectedKeys.has(key)) received.push(record);
    else unexpected.push({ orgUnit: record.orgUnit, period: record.period });
  }
  const missing = [...new Map(expected.map((k) => [keyOf(k), k])).values()].filter(
    (k) => !seen.has(keyOf(k)),
  );
  const expectedCount = expectedKeys.size;
  return {
    expected: expectedCount,
    received: received.length,
    completeness: expectedCount === 0 ? null : div(`${received.length * 100}`, `${expectedCount}`, 2),
    missing,
    unexpected,
    result: aggregateValues(indicator, expected, received),
  };
}

/** Reads a figure a record must carry for this indicator's kind. */
function figure(record: ReportRecord, name: "numerator" | "denominator" | "value"): string {
  const value = record[name];
  if (typeof value !== "string") {
    throw new DomainError(
      "RECORD_INVALID",
      `Laporan ${record.orgUnit} ${record.period} tidak memuat ${name}`,
      `Report ${record.orgUnit} ${record.period} has no ${name}`,
      { orgUnit: record.orgUnit, period: record.period, field: name },
    );
  }
  return value;
}

function aggregateValues(
  indicator: IndicatorDefinition,
  expected: readonly ReportKey[],
  received: readonly ReportRecord[],
): AggregatedValue {
  if (received.length === 0) return notComputable("no_data");
  if (indicator.kind === "ratio") {
    const numerator = sum(received.map((r) => figure(r, "numerator")));
    const denominator = sum(received.map((r) => figure(r, "denominator")));
    const ratio = ratioValue(numerator, denominator, indicator.factor);
    return ratio.computable ? { ...ratio, rule: "sum_ratio" } : ratio;
  }
  if (indicator.kind === "count") {
    return { computable: true, value: sum(received.map((r) => figure(r, "value"))), rule: "sum" };
  }
  return aggregateDirect(indicator, expected, received);
}

function aggregateDirect(
  indicator: DirectIndicator,
  expected: readonly ReportKey[],
  received: readonly ReportRecord[],
): AggregatedValue {
  const orgUnits = [...new Set(expected.map((k) => k.orgUnit))];
  const periods = new Set(expected.map((k) => k.period));
  if (orgUnits.length > 1 && indicator.orgUnitAggregation === "none")
    return notComputable("not_aggregatable");
  if (periods.size > 1 && indicator.timeAggregation === "none") return notComputable("not_aggregatable");
  const perOrgUnit = orgUnits.flatMap((orgUnit) => {
    const own = received.filter((r) => r.orgUnit === orgUnit);
    return own.length === 0 ? [] : [overTime(indicator, own)];
  });
  const [only] = perOrgUnit;
  if (orgUnits.length > 1 || only === undefined)
    return { computable: true, value: mean(perOrgUnit), rule: "average" };
  const rule = periods.size === 1 ? "single" : indicator.timeAggregation === "average" ? "average" : "latest";
  return { computable: true, value: only, rule };
}

function overTime(indicator: DirectIndicator, own: readonly ReportRecord[]): string {
  const values = own.map((r) => figure(r, "value"));
  if (indicator.timeAggregation === "average") return mean(values);
  const latest = own.reduce((a, b) =>
    comparePeriods(parsePeriod(a.period), parsePeriod(b.period)) >= 0 ? a : b,
  );
  return figure(latest, "value");
}

function mean(values: readonly string[]): string {
  return div(values.reduce(add, "0"), `${values.length}`, INDICATOR_FRACTION_DIGITS);
}
