import {
  type Language,
  type PeriodType,
  parsePeriod,
  periodLabel,
  periodOfDate,
  periodsInYear,
  previousPeriod,
} from "@domain";

export const languageOf = (lng: string): Language => (lng === "en" ? "en" : "id");

const todayIso = () => new Date().toISOString().slice(0, 10);

/** Reports are entered after the period ends, so the form opens on the last finished one. */
export const defaultPeriod = (type: PeriodType) => previousPeriod(periodOfDate(todayIso(), type)).code;

/**
 * The period a form or the completeness page opens on: the one asked for in the URL; in a past year with
 * data (the demo's 2024), the last period reported; else the last one ended.
 */
export function openingPeriod(
  type: PeriodType,
  asked: string | null,
  latestReported: string | undefined,
  openingYear: number,
): string {
  const wanted = readPeriod(asked);
  if (wanted?.type === type) return wanted.code;
  const latest = readPeriod(latestReported ?? null);
  const pastYear = openingYear < new Date().getFullYear();
  return latest?.type === type && latest.year === openingYear && pastYear ? latest.code : defaultPeriod(type);
}

export const readPeriod = (code: string | null) => {
  if (!code) return null;
  try {
    return parsePeriod(code);
  } catch {
    return null;
  }
};

export const labelOf = (code: string, lng: string) => {
  const period = readPeriod(code);
  return period ? periodLabel(period, languageOf(lng)) : code;
};

/** Years someone may still report for: this one and four back, and the year of the period shown. */
export const yearChoices = (shown?: number) => {
  const year = new Date().getFullYear();
  const years = Array.from({ length: 5 }, (_, i) => year - i);
  if (shown !== undefined && !years.includes(shown)) years.unshift(shown);
  return years.map(String);
};

/**
 * The periods of a year, without the year in the label (it has its own select). Future ones are left
 * out, except the one shown: a data set may open a coming period ahead, reached by a link.
 */
export function periodChoices(year: number, type: PeriodType, lng: string, shown?: string) {
  const current = periodOfDate(todayIso(), type);
  return periodsInYear(year, type)
    .filter(
      (p) =>
        p.year < current.year || (p.year === current.year && p.index <= current.index) || p.code === shown,
    )
    .map((p) => ({ value: p.code, label: periodLabel(p, languageOf(lng)).replace(` ${year}`, "") }));
}

const dateFormat = (lng: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(lng === "en" ? "en-GB" : "id-ID", options);

/** A calendar date ("2024-02-10") as people read it: "10 Februari 2024". */
export const formatDay = (iso: string, lng: string) =>
  dateFormat(lng, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

/** A moment in the user's own time zone (WIB for most operators). */
export const formatMoment = (iso: string, lng: string) =>
  dateFormat(lng, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
