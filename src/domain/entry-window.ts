import {
  type Language,
  MONTH_NAMES,
  makePeriod,
  type Period,
  type PeriodType,
  parsePeriod,
  periodLabel,
  periodOfDate,
  startDate,
} from "./periods.js";

/** A data set's rule for which periods are open for entry. */
export interface EntryWindowRule {
  readonly periodType: PeriodType;
  /** Entry is open from this period on (a code of `periodType`); null: no lower bound. */
  readonly openFrom: string | null;
  /** How many periods after the current one are already open; 0: a period opens on its first day. */
  readonly openFuturePeriods: number;
}

export type EntryWindow =
  | { readonly open: true }
  | {
      readonly open: false;
      readonly reason: "before_opening" | "not_yet_open";
      /** The first day entry for the period opens (not_yet_open) or the opening period's code. */
      readonly message: { readonly id: string; readonly en: string };
    };

/** The period `count` steps after `period` (202412 + 1 → 202501). */
export function shiftPeriod(period: Period, count: number): Period {
  if (period.type === "year" || period.type === "school_year")
    return makePeriod(period.type, period.year + count);
  const perYear = period.type === "month" ? 12 : period.type === "quarter" ? 4 : 2;
  const index = period.year * perYear + (period.index - 1) + count;
  return makePeriod(period.type, Math.floor(index / perYear), (index % perYear) + 1);
}

/**
 * Whether a period of a data set may be entered on `today` (an ISO date the caller passes in, in the
 * Dinas's time zone): not before the set's opening period, and not after the current period plus the
 * number of future periods the set opens. Reading is never restricted by this rule.
 */
export function entryWindow(rule: EntryWindowRule, period: Period, today: string): EntryWindow {
  const label = (p: Period, language: Language) => periodLabel(p, language);
  if (rule.openFrom !== null) {
    const opening = parsePeriod(rule.openFrom);
    if (startDate(period) < startDate(opening)) {
      return {
        open: false,
        reason: "before_opening",
        message: {
          id: `Periode ${label(period, "id")} tidak dibuka untuk pengisian: formulir ini diisi mulai ${label(opening, "id")}.`,
          en: `Period ${label(period, "en")} is not open for entry: this form is entered from ${label(opening, "en")} on.`,
        },
      };
    }
  }
  const last = shiftPeriod(periodOfDate(today, rule.periodType), rule.openFuturePeriods);
  if (startDate(period) > startDate(last)) {
    const opensOn = startDate(shiftPeriod(period, -rule.openFuturePeriods));
    return {
      open: false,
      reason: "not_yet_open",
      message: {
        id: `Periode ${label(period, "id")} belum dibuka untuk pengisian; dibuka mulai ${formatDate(opensOn, "id")}.`,
        en: `Period ${label(period, "en")} is not open for entry yet; it opens on ${formatDate(opensOn, "en")}.`,
      },
    };
  }
  return { open: true };
}

function formatDate(iso: string, language: Language): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[language][m - 1]} ${y}`;
}
