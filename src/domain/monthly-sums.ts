import { canonical, div, sum } from "./decimal.js";
import type { TimeAggregation } from "./indicator-check.js";
import {
  computeIndicator,
  INDICATOR_FRACTION_DIGITS,
  type IndicatorDefinition,
  indicatorDataElements,
} from "./indicators.js";

export interface MonthlyTotal {
  code: string;
  /** Month code, "202404". */
  period: string;
  total: string;
}

/**
 * Sums of approved monthly totals over any months, per data element, or null when none of the asked
 * elements has an approved value in those months (no data is null, never 0). Indicators share
 * elements and months, so each element's sum over a run of months is computed once.
 */
export function monthlySums(rows: readonly MonthlyTotal[]) {
  const byCode = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const byMonth = byCode.get(row.code) ?? new Map<string, string>();
    byMonth.set(row.period, row.total);
    byCode.set(row.code, byMonth);
  }
  const memo = new Map<string, string | null>();
  const sumOf = (code: string, months: readonly string[], monthsKey: string): string | null => {
    const key = `${code}|${monthsKey}`;
    if (memo.has(key)) return memo.get(key) as string | null;
    const byMonth = byCode.get(code);
    const present = months.flatMap((m) => (byMonth?.has(m) ? [byMonth.get(m) as string] : []));
    // Exact decimal sums: floats would drift on values like 0.1 + 0.2.
    const total = present.length ? sum(present) : null;
    memo.set(key, total);
    return total;
  };
  return (codes: readonly string[], months: readonly string[]): Record<string, string> | null => {
    const out: Record<string, string> = {};
    // One period (a scorecard's quarter summed by the database): nothing to add or remember.
    if (months.length === 1) {
      const month = months[0] as string;
      let found = false;
      for (const code of codes) {
        const total = byCode.get(code)?.get(month);
        if (total === undefined) continue;
        out[code] = canonical(total);
        found = true;
      }
      return found ? out : null;
    }
    const monthsKey = months.join(",");
    for (const code of codes) {
      const total = sumOf(code, months, monthsKey);
      if (total !== null) out[code] = total;
    }
    return Object.keys(out).length ? out : null;
  };
}

export type MonthlySums = ReturnType<typeof monthlySums>;

export interface IndicatorOverMonths {
  value: string;
  /** Summed numerator and denominator, when the time rule sums (null for latest and mean). */
  numerator: string | null;
  denominator: string | null;
}

function valueFrom(definition: IndicatorDefinition, values: Record<string, string> | null) {
  if (!values) return null;
  const result = computeIndicator(definition, values);
  return result.computable ? result : null;
}

/**
 * The indicator over some months by its time rule: from the summed months (numerators and denominators
 * summed), from the latest month with data, or the mean of the monthly levels. No data is null, never 0.
 */
export function indicatorOverMonths(
  definition: IndicatorDefinition,
  rule: TimeAggregation,
  sums: MonthlySums,
  months: readonly string[],
): IndicatorOverMonths | null {
  const codes = indicatorDataElements(definition);
  if (rule === "sum") {
    const r = valueFrom(definition, sums(codes, months));
    return r ? { value: r.value, numerator: r.numerator ?? null, denominator: r.denominator ?? null } : null;
  }
  const levels = months.flatMap((m) => {
    const v = valueFrom(definition, sums(codes, [m]));
    return v === null ? [] : [v.value];
  });
  if (levels.length === 0) return null;
  const value =
    rule === "latest"
      ? (levels[levels.length - 1] as string)
      : div(sum(levels), `${levels.length}`, INDICATOR_FRACTION_DIGITS);
  return { value, numerator: null, denominator: null };
}
