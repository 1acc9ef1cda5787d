import { compare, parseDecimal } from "./decimal.js";

/** The first year a plan or an SPM adoption may be made for. */
export const FIRST_PLAN_YEAR = 2000;
/** How far ahead a plan or an adoption may be made: a Renstra looks five years ahead, no further. */
export const YEARS_AHEAD = 5;

/** Whether a year is one a Dinas can plan for today: not before 2000, not beyond five years from now. */
export function isPlannableYear(year: number, today: Date = new Date()): boolean {
  return Number.isInteger(year) && year >= FIRST_PLAN_YEAR && year <= today.getFullYear() + YEARS_AHEAD;
}

/** The years from `from` to `to`, both included; empty when `to` comes before `from`. */
export function yearsBetween(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/**
 * An SPM target typed the Indonesian or the English way ("100", "97,5", "97.5"), in canonical form, or
 * null when it is not a percentage above 0 and at most 100. The SPM's target is 100 % by regulation;
 * a region may set less for a year, never more or nothing.
 */
export function spmTargetPercent(typed: string): string | null {
  let value: string;
  try {
    value = parseDecimal(typed.replace(/\s*%\s*$/, ""));
  } catch {
    return null;
  }
  return compare(value, "0") > 0 && compare(value, "100") <= 0 ? value : null;
}
