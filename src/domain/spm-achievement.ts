import { add, compare, div, isZero, mul, round, sub, sum } from "./decimal.js";
import { DomainError } from "./errors.js";
import { dataElementsOf, type Expression, evaluate, parseExpression } from "./expression.js";
import type { UnitOwner } from "./org-unit-tree.js";
import { makePeriod, monthsOf, type Period } from "./periods.js";
import { parseTarget, targetAmount } from "./target-parse.js";

/**
 * SPM achievement (docs/DOMAIN-RULES.md §5): per service, numerator / denominator × 100 over the months the
 * service is measured in. Numerators are counts the facilities reported; denominators are target
 * populations for the year. Pure: the server hands in the sums, this decides what they mean.
 */

/** Who runs a facility, as org_units.owner_type records it (Perwal Depok 57/2017 Pasal 6a). */
export type OwnerType = UnitOwner;

/**
 * The provider group a formula can name after a data element (`#{BUMIL_K4.SWASTA}`). A BUMD is owned
 * by the region, so it counts with the government; partner organisations are not government. A unit
 * without an owner is the Dinas's own (a kota, a kecamatan) and counts as government.
 */
export const PROVIDER_GROUPS = ["PEMERINTAH", "SWASTA"] as const;
export type ProviderGroup = (typeof PROVIDER_GROUPS)[number];

export function providerGroup(owner: OwnerType | null): ProviderGroup {
  return owner === "swasta" || owner === "organisasi_mitra" ? "SWASTA" : "PEMERINTAH";
}

/** The months a service is measured in for a report year: the calendar year, or the tahun ajaran
 * (July of the year before to June) that ends in it, so the school year is complete at report time. */
export function spmMonths(year: number, periodType: "year" | "school_year"): Period[] {
  return monthsOf(periodType === "year" ? makePeriod("year", year) : makePeriod("school_year", year - 1));
}

export interface SpmFormula {
  readonly numerator: Expression;
  readonly denominator: Expression;
}

export function parseSpmFormula(numerator: string, denominator: string): SpmFormula {
  return { numerator: parseExpression(numerator), denominator: parseExpression(denominator) };
}

/** The data element codes a numerator reads, without the provider group ("BUMIL_K4"). */
export function numeratorElements(formula: SpmFormula): string[] {
  return [...new Set(dataElementsOf(formula.numerator).map((key) => key.split(".")[0] as string))];
}

/** A reported sum of one data element by facilities of one provider group. */
export interface ReportedSum {
  readonly element: string;
  readonly group: ProviderGroup;
  readonly value: string;
}

/**
 * The values a numerator reads: each reported element in total and per provider group. A group that
 * reported nothing for an element somebody reported is 0, not missing: a kota without private
 * clinics still has a K4 count. An element nobody reported stays missing.
 */
export function numeratorValues(sums: readonly ReportedSum[]): Record<string, string> {
  // Added up per element first and named once: a province calls this for two thousand areas.
  const totals = new Map<string, { all: string } & Record<ProviderGroup, string>>();
  for (const s of sums) {
    let t = totals.get(s.element);
    if (!t) {
      t = { all: "0", PEMERINTAH: "0", SWASTA: "0" };
      totals.set(s.element, t);
    }
    t.all = add(t.all, s.value);
    t[s.group] = add(t[s.group], s.value);
  }
  const values: Record<string, string> = {};
  for (const [element, t] of totals) {
    values[element] = t.all;
    for (const g of PROVIDER_GROUPS) values[`${element}.${g}`] = t[g];
  }
  return values;
}

/** The same values seen from one provider group only, to split a numerator by who served. */
function onlyGroup(values: Record<string, string>, group: ProviderGroup): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const [element, g] = key.split(".");
    if (g === undefined) seen[key] = values[`${element}.${group}`] ?? value;
    else seen[key] = g === group ? value : "0";
  }
  return seen;
}

export interface SpmFigures {
  readonly numerator: string | null;
  readonly denominator: string | null;
  /** Percent, 2 decimals. */
  readonly capaian: string | null;
  readonly reason: "missing_data" | "denominator_zero" | null;
  readonly missing: readonly string[];
}

export const CAPAIAN_DIGITS = 2;

/** numerator / denominator × 100; a missing figure or an empty population is said, never shown as 0 %. */
export function spmFigures(
  formula: SpmFormula,
  numerator: Record<string, string>,
  denominator: Record<string, string>,
): SpmFigures {
  const n = evaluate(formula.numerator, numerator);
  const d = evaluate(formula.denominator, denominator);
  const num = n.computable ? n.value : null;
  const den = d.computable ? d.value : null;
  const missing = [...(n.computable ? [] : (n.missing ?? [])), ...(d.computable ? [] : (d.missing ?? []))];
  if (num === null || den === null) {
    const reason = missing.length > 0 ? "missing_data" : "denominator_zero";
    return { numerator: num, denominator: den, capaian: null, reason, missing };
  }
  if (isZero(den)) {
    return { numerator: num, denominator: den, capaian: null, reason: "denominator_zero", missing: [] };
  }
  return { numerator: num, denominator: den, capaian: percentOf(num, den), reason: null, missing: [] };
}

/** numerator / denominator × 100 to the SPM's two decimals (the denominator is not zero). */
export function percentOf(numerator: string, denominator: string): string {
  return round(div(mul(numerator, "100"), denominator, CAPAIAN_DIGITS + 4), CAPAIAN_DIGITS);
}

/** The mean of the figures that could be computed, to two decimals; null when none could. */
export function meanOf(values: ReadonlyArray<string | null>): string | null {
  const known = values.filter((v): v is string => v !== null);
  if (known.length === 0) return null;
  return round(div(sum(known), String(known.length), CAPAIAN_DIGITS + 4), CAPAIAN_DIGITS);
}

/** The distance to the SPM's 100 % (negative when above), 2 decimals. */
export function gapTo100(capaian: string | null): string | null {
  return capaian === null ? null : round(sub("100", capaian), CAPAIAN_DIGITS);
}

/** The numerator split by provider group; groups that served nobody are left out. */
export function byProvider(formula: SpmFormula, values: Record<string, string>) {
  return PROVIDER_GROUPS.flatMap((group) => {
    const n = evaluate(formula.numerator, onlyGroup(values, group));
    return n.computable && !isZero(n.value) ? [{ provider: group, numerator: n.value }] : [];
  });
}

/** Month by month, the numerator counted so far against the year's population. */
export function cumulativeFigures(
  formula: SpmFormula,
  months: readonly string[],
  sumsByMonth: ReadonlyMap<string, readonly ReportedSum[]>,
  denominator: Record<string, string>,
): Array<SpmFigures & { period: string }> {
  const soFar: ReportedSum[] = [];
  return months.map((period) => {
    soFar.push(...(sumsByMonth.get(period) ?? []));
    return { period, ...spmFigures(formula, numeratorValues(soFar), denominator) };
  });
}

/** Mean of the capaian that could be computed, for ranking puskesmas; null when none could. */
export function meanCapaian(figures: readonly SpmFigures[]): string | null {
  return meanOf(figures.map((f) => f.capaian));
}

/**
 * The SPM target as a number. Every SPM service aims at everyone it must serve, so a missing, dash or
 * unreadable target means 100 %.
 */
export function spmTargetValue(target: string | null): string {
  if (target === null) return "100";
  try {
    const amount = targetAmount(parseTarget(target, { decimalSeparator: "." }));
    return amount === null || isZero(amount) ? "100" : amount;
  } catch (error) {
    if (error instanceof DomainError) return "100";
    throw error;
  }
}

/** The capaian as a share of the year's target (100 = the target met); null without a capaian. */
export function spmShareOfTarget(capaian: string | null, target: string | null): string | null {
  return capaian === null ? null : div(mul(capaian, "100"), spmTargetValue(target), 2);
}

/** Whether a service met its target (not merely 100 %: a region may set a lower target for a year). */
export function spmTargetReached(capaian: string | null, target: string | null): boolean | null {
  const share = spmShareOfTarget(capaian, target);
  return share === null ? null : compare(share, "100") >= 0;
}
