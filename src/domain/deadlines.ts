import { shiftPeriod } from "./entry-window.js";
import {
  endDate,
  type Language,
  makePeriod,
  type Period,
  parsePeriod,
  periodLabel,
  periodOfDate,
} from "./periods.js";
import { deadlineOf } from "./workflow.js";

/**
 * The deadlines a kab/kota keeps each year besides its forms' entry deadlines: the quarterly
 * evaluation, the e-SPM quarterly report (Permendagri 59/2021 Pasal 24) and the annual SPM report.
 */
export const REGION_DEADLINE_KINDS = ["evaluation_quarter", "spm_quarter", "spm_annual"] as const;
export type RegionDeadlineKind = (typeof REGION_DEADLINE_KINDS)[number];
/** A form not submitted by its data set's deadline is the fourth kind. */
export type DeadlineKind = RegionDeadlineKind | "data_set";
export type ReminderKind = "before" | "overdue";

export interface RegionDeadline {
  readonly kind: RegionDeadlineKind;
  /** The period the deadline is for: a quarter (2024Q1) or the year (2024). */
  readonly period: string;
  /** ISO date, the last day (WIB). */
  readonly dueDate: string;
}

/** Reminders start this many days before a deadline unless the region says otherwise. */
export const DEFAULT_REMINDER_DAYS_BEFORE = 3;
/** A missed deadline is reminded from the day after; a job that was down catches up for this long. */
export const OVERDUE_CATCH_UP_DAYS = 7;

const addDays = (iso: string, days: number) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
const dayOfMonthAfter = (period: Period, day: number) => addDays(endDate(period), day);

/**
 * A year's deadlines before the admin changes them: the evaluation of a quarter by the 15th of the month
 * after it, the e-SPM report by the 20th (DOMAIN.md §5b: "about the 20th", the exact dates are announced
 * yearly), the annual SPM report by the end of January of the next year.
 */
export function defaultRegionDeadlines(year: number): RegionDeadline[] {
  const quarters = [1, 2, 3, 4].map((q) => makePeriod("quarter", year, q));
  return [
    ...quarters.map((q) => ({
      kind: "evaluation_quarter" as const,
      period: q.code,
      dueDate: dayOfMonthAfter(q, 15),
    })),
    ...quarters.map((q) => ({
      kind: "spm_quarter" as const,
      period: q.code,
      dueDate: dayOfMonthAfter(q, 20),
    })),
    { kind: "spm_annual", period: String(year), dueDate: `${year + 1}-01-31` },
  ];
}

/** The periods a kind of deadline is kept for in a year, in order. */
export function regionDeadlinePeriods(kind: RegionDeadlineKind, year: number): string[] {
  return kind === "spm_annual" ? [String(year)] : [1, 2, 3, 4].map((q) => `${year}Q${q}`);
}

/** The year's deadlines: the stored dates where the admin set one, the default elsewhere. */
export function regionDeadlines(
  year: number,
  stored: readonly RegionDeadline[],
): Array<RegionDeadline & { isDefault: boolean }> {
  return defaultRegionDeadlines(year).map((d) => {
    const own = stored.find((s) => s.kind === d.kind && s.period === d.period);
    return own ? { ...own, isDefault: false } : { ...d, isDefault: true };
  });
}

/**
 * Which reminder is due on `today` for a deadline: "before" from `daysBefore` days ahead up to the day
 * itself, "overdue" from the day after for a week (so a job that missed its day still sends once; the
 * send log keeps it to once). Null otherwise.
 */
export function reminderDue(dueDate: string, today: string, daysBefore: number): ReminderKind | null {
  if (today > dueDate) return today <= addDays(dueDate, OVERDUE_CATCH_UP_DAYS) ? "overdue" : null;
  return today >= addDays(dueDate, -daysBefore) ? "before" : null;
}

/**
 * The periods of a data set whose entry deadline (end of period + `deadlineDays`) is near enough
 * `today` for a reminder, with the deadline and which reminder.
 */
export function dataSetPeriodsDue(
  rule: { periodType: "month" | "quarter" | "year"; deadlineDays: number },
  today: string,
  daysBefore: number,
): Array<{ period: string; dueDate: string; reminder: ReminderKind }> {
  const current = periodOfDate(today, rule.periodType);
  const due: Array<{ period: string; dueDate: string; reminder: ReminderKind }> = [];
  // A deadline lies at most 366 days after its period: 13 months back reaches every one.
  const lookBack = rule.periodType === "month" ? 14 : rule.periodType === "quarter" ? 6 : 3;
  for (let k = lookBack; k >= 0; k--) {
    const period = shiftPeriod(current, -k);
    const dueDate = deadlineOf(endDate(period), rule.deadlineDays);
    const reminder = reminderDue(dueDate, today, daysBefore);
    if (reminder) due.push({ period: period.code, dueDate, reminder });
  }
  return due;
}

const KIND_NAMES: Record<DeadlineKind, Record<Language, string>> = {
  data_set: { id: "Laporan", en: "Report" },
  evaluation_quarter: { id: "Evaluasi", en: "Evaluation" },
  spm_quarter: { id: "Laporan e-SPM", en: "e-SPM report" },
  spm_annual: { id: "Laporan tahunan SPM", en: "Annual SPM report" },
};

const formatDay = (iso: string, language: Language) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language === "id" ? "id-ID" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
};

export interface ReminderText {
  readonly title: string;
  readonly body: string;
}

/** What a reminder says, in one language: the deadline, its period, the subject (a form, a unit), the date. */
export function reminderText(
  input: { kind: DeadlineKind; reminder: ReminderKind; period: string; dueDate: string; subject: string },
  language: Language,
): ReminderText {
  const what = KIND_NAMES[input.kind][language];
  const period = periodLabel(parsePeriod(input.period), language);
  const day = formatDay(input.dueDate, language);
  const id = language === "id";
  if (input.reminder === "before") {
    return {
      title: id ? `Tenggat ${what}: ${day}` : `${what} due: ${day}`,
      body: id
        ? `${what} ${period} untuk ${input.subject} harus selesai paling lambat ${day}.`
        : `${what} ${period} for ${input.subject} is due by ${day}.`,
    };
  }
  return {
    title: id ? `Tenggat ${what} terlewat` : `${what} overdue`,
    body: id
      ? `${what} ${period} untuk ${input.subject} belum selesai; tenggatnya ${day}.`
      : `${what} ${period} for ${input.subject} is not done; it was due on ${day}.`,
  };
}
