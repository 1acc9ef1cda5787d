import { add, compare, div, type ParseDecimalOptions, scaleOf, splitEvenly, sub, sum } from "./decimal.js";
import { DomainError } from "./errors.js";
import { parseTarget, type TargetValue, targetAmount } from "./target-parse.js";

/**
 * How the four quarterly targets of a RAK relate to the annual target:
 * - incremental: each quarter is that quarter's share; the quarters add up to the year;
 * - cumulative: each quarter is the running total; TW IV equals the year;
 * - point_in_time: each quarter stands alone (a rate measured then); the year is the last quarter or
 *   the average, as `yearRule` says;
 * - year_end_only: a value measured once a year; only TW IV (or the year) carries a target.
 */
export type TargetMode = "incremental" | "cumulative" | "point_in_time" | "year_end_only";
export type PointInTimeYearRule = "last" | "average";
export type QuarterNumber = 1 | 2 | 3 | 4;
export type Quarterly<T> = readonly [T, T, T, T];

export interface TargetSeries {
  readonly annual: TargetValue;
  readonly quarters: Quarterly<TargetValue>;
  readonly mode: TargetMode;
  /** Only meaningful for point_in_time; defaults to "last". */
  readonly yearRule?: PointInTimeYearRule;
}

export const TARGET_MODES: readonly TargetMode[] = [
  "incremental",
  "cumulative",
  "point_in_time",
  "year_end_only",
];

/** Averages of point-in-time quarters may not terminate; they are compared at this precision. */
const AVERAGE_FRACTION_DIGITS = 12;

export interface TargetCells {
  readonly annual: string;
  readonly quarters: readonly string[];
}

/** Reads a RAK row's target cells; the mode is inferred unless the plan states it. */
export function parseTargetSeries(
  cells: TargetCells,
  options: ParseDecimalOptions & { mode?: TargetMode; yearRule?: PointInTimeYearRule } = {},
): TargetSeries {
  if (!Array.isArray(cells?.quarters) || cells.quarters.length !== 4) {
    throw new DomainError(
      "TARGET_QUARTERS_INVALID",
      "Target triwulan harus tepat empat sel (TW I–IV)",
      "Quarterly targets must be exactly four cells (Q1–Q4)",
      { received: Array.isArray(cells?.quarters) ? cells.quarters.length : typeof cells?.quarters },
    );
  }
  const [q1 = "", q2 = "", q3 = "", q4 = ""] = cells.quarters;
  const annual = parseTarget(cells.annual, options);
  const read = (cell: string) => parseTarget(cell, options);
  const quarters: Quarterly<TargetValue> = [read(q1), read(q2), read(q3), read(q4)];
  const mode = options.mode ?? inferMode({ annual, quarters });
  checkMode(mode);
  return options.yearRule
    ? { annual, quarters, mode, yearRule: options.yearRule }
    : { annual, quarters, mode };
}

function checkMode(mode: string): void {
  if (!(TARGET_MODES as readonly string[]).includes(mode)) {
    throw new DomainError(
      "TARGET_MODE_INVALID",
      `Mode target "${mode}" tidak dikenal`,
      `Unknown target mode "${mode}"`,
      {
        mode,
      },
    );
  }
}

/**
 * Guesses the mode of imported cells, most specific first:
 * TW I–III "-" and TW IV = year → year_end_only; all quarters present, rising, TW IV = year and not
 * adding up to the year → cumulative; every quarter equal to the year → point_in_time; otherwise
 * incremental (the RAK default, including rows that miss the year by rounding).
 */
export function inferMode(series: Pick<TargetSeries, "annual" | "quarters">): TargetMode {
  const annual = targetAmount(series.annual);
  const amounts = series.quarters.map(targetAmount);
  const present = amounts.filter((a): a is string => a !== null);
  const [q1, q2, q3, q4] = amounts;
  if (annual === null || present.length === 0) return "incremental";
  const addsUp = compare(sum(present), annual) === 0;
  if (q1 === null && q2 === null && q3 === null && q4 != null && compare(q4, annual) === 0) {
    return "year_end_only";
  }
  const rising =
    present.length === 4 && present.every((a, i) => i === 0 || compare(present[i - 1] ?? a, a) <= 0);
  if (rising && q1 != null && q4 != null && compare(q4, annual) === 0 && compare(q1, q4) < 0 && !addsUp) {
    return "cumulative";
  }
  if (present.length > 1 && !addsUp && present.every((a) => compare(a, annual) === 0)) return "point_in_time";
  return "incremental";
}

export type ReconcileStatus = "reconciled" | "gap" | "not_comparable";

export interface Reconciliation {
  readonly mode: TargetMode;
  readonly annual: string | null;
  /** The annual figure the quarters imply under the mode (sum, last running total, last or average). */
  readonly fromQuarters: string | null;
  /** fromQuarters − annual, exact; null when either side has no target. */
  readonly difference: string | null;
  readonly status: ReconcileStatus;
}

/**
 * Compares the quarters with the year under the series' mode. A gap is shown and accepted, never
 * fixed: stunting 2.13 × 4 = 8.52 against 8.5 → +0.02.
 */
export function reconcile(series: TargetSeries): Reconciliation {
  checkMode(series.mode);
  const annual = targetAmount(series.annual);
  const fromQuarters = impliedAnnual(series);
  if (annual === null || fromQuarters === null) {
    return { mode: series.mode, annual, fromQuarters, difference: null, status: "not_comparable" };
  }
  const difference = sub(fromQuarters, annual);
  const status = compare(difference, "0") === 0 ? "reconciled" : "gap";
  return { mode: series.mode, annual, fromQuarters, difference, status };
}

function impliedAnnual(series: TargetSeries): string | null {
  const present = series.quarters.map(targetAmount).filter((a): a is string => a !== null);
  const last = present.at(-1) ?? null;
  switch (series.mode) {
    case "incremental":
      return present.length === 0 ? null : sum(present);
    case "cumulative":
      return last;
    case "point_in_time":
      if (series.yearRule !== "average" || present.length === 0) return last;
      return div(sum(present), `${present.length}`, AVERAGE_FRACTION_DIGITS);
    case "year_end_only":
      // A year-end target stands alone when TW IV is blank.
      return targetAmount(series.quarters[3]) ?? targetAmount(series.annual);
  }
}

/**
 * The target to compare realisasi-to-date with at the end of `quarter`; null = no target yet.
 * incremental: sum of quarters so far ("-" skipped); cumulative and point_in_time: that quarter's own
 * target; year_end_only: nothing before TW IV, then TW IV (or the year if TW IV is blank).
 */
export function targetToDate(series: TargetSeries, quarter: QuarterNumber): string | null {
  checkQuarter(quarter);
  checkMode(series.mode);
  const own = series.quarters.map(targetAmount)[quarter - 1] ?? null;
  switch (series.mode) {
    case "incremental": {
      const soFar = series.quarters
        .slice(0, quarter)
        .map(targetAmount)
        .filter((a): a is string => a !== null);
      return soFar.length === 0 ? null : sum(soFar);
    }
    case "cumulative":
    case "point_in_time":
      return own;
    case "year_end_only":
      return quarter < 4 ? null : (own ?? targetAmount(series.annual));
  }
}

export function checkQuarter(quarter: number): asserts quarter is QuarterNumber {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new DomainError(
      "QUARTER_INVALID",
      `Triwulan harus 1–4, bukan ${quarter}`,
      `Quarter must be 1–4, not ${quarter}`,
      {
        quarter,
      },
    );
  }
}

/**
 * Proposes quarterly targets for an annual target so that they reconcile exactly under `mode`.
 * Shares are cut at the year's own precision (or `fractionDigits` if finer), remainder to the last
 * quarters as the seed does (93 → 23 23 23 24).
 */
export function splitAnnual(
  annual: TargetValue | string,
  mode: TargetMode,
  options: { fractionDigits?: number; yearRule?: PointInTimeYearRule } = {},
): TargetSeries {
  checkMode(mode);
  const annualTarget = typeof annual === "string" ? parseTarget(annual) : annual;
  const total = targetAmount(annualTarget);
  const none: TargetValue = { kind: "none", text: "-" };
  const value = (amount: string): TargetValue => ({ kind: "decimal", text: amount, value: amount });
  let amounts: Quarterly<string | null> = [null, null, null, null];
  if (total !== null) {
    const shares = splitEvenly(total, 4, Math.max(scaleOf(total), options.fractionDigits ?? 0));
    const [s1 = "0", s2 = "0", s3 = "0", s4 = "0"] = shares;
    if (mode === "incremental") amounts = [s1, s2, s3, s4];
    if (mode === "cumulative") amounts = [s1, add(s1, s2), add(add(s1, s2), s3), total];
    if (mode === "point_in_time") amounts = [total, total, total, total];
    if (mode === "year_end_only") amounts = [null, null, null, total];
  }
  const quarter = (amount: string | null): TargetValue => (amount === null ? none : value(amount));
  const quarters: Quarterly<TargetValue> = [
    quarter(amounts[0]),
    quarter(amounts[1]),
    quarter(amounts[2]),
    quarter(amounts[3]),
  ];
  const series = { annual: annualTarget, quarters, mode };
  return options.yearRule ? { ...series, yearRule: options.yearRule } : series;
}
