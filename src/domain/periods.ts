import { type BilingualText, DomainError, expectString } from "./errors.js";

/**
 * Reporting periods. Codes follow DHIS2 ISO period codes so data can be exchanged: `2024`, `2024S1`,
 * `2024Q1`, `202401`. DHIS2 has no school-year type; its nearest, FinancialJuly, is coded `2024July`.
 * The school year (tahun ajaran, July–June) is coded `2024/2025` as Indonesian documents write it;
 * `2024July` is accepted as an alias on input and produced by `dhis2Code` for exchange.
 */
export type PeriodType = "year" | "semester" | "quarter" | "month" | "school_year";

export interface Period {
  readonly type: PeriodType;
  readonly code: string;
  /** Calendar year; for a school year, the year it starts (July). */
  readonly year: number;
  /** Semester 1–2, quarter 1–4, month 1–12; 1 for years and school years. */
  readonly index: number;
}

export type Language = "id" | "en";

const MONTHS_ID = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** Month names as dates and period labels print them. */
export const MONTH_NAMES: Readonly<Record<Language, readonly string[]>> = { id: MONTHS_ID, en: MONTHS_EN };
const ROMAN = ["I", "II", "III", "IV"];

const INDEX_LIMIT: Record<PeriodType, number> = {
  year: 1,
  semester: 2,
  quarter: 4,
  month: 12,
  school_year: 1,
};
const LENGTH_IN_MONTHS: Record<PeriodType, number> = {
  year: 12,
  semester: 6,
  quarter: 3,
  month: 1,
  school_year: 12,
};
const INDEX_NAME: Record<PeriodType, BilingualText> = {
  year: { id: "tahun", en: "year" },
  semester: { id: "Semester", en: "Semester" },
  quarter: { id: "Triwulan", en: "Quarter" },
  month: { id: "Bulan", en: "Month" },
  school_year: { id: "tahun ajaran", en: "school year" },
};

function periodError(code: string, messageId: string, messageEn: string, text: string): DomainError {
  return new DomainError(code, messageId, messageEn, { text });
}

/** Builds a period from its parts; `index` is ignored for years and school years. */
export function makePeriod(type: PeriodType, year: number, index = 1): Period {
  if (!Object.hasOwn(INDEX_LIMIT, type)) {
    throw periodError(
      "PERIOD_TYPE_INVALID",
      `Jenis periode "${type}" tidak dikenal`,
      `Unknown period type "${type}"`,
      `${type}`,
    );
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw periodError(
      "PERIOD_YEAR_INVALID",
      `Tahun ${year} harus 4 digit`,
      `Year ${year} must have 4 digits`,
      `${year}`,
    );
  }
  const limit = INDEX_LIMIT[type];
  const i = limit === 1 ? 1 : index;
  if (!Number.isInteger(i) || i < 1 || i > limit) {
    const name = INDEX_NAME[type];
    throw periodError(
      "PERIOD_INVALID",
      `${name.id} harus 1–${limit}, bukan ${index}`,
      `${name.en} must be 1–${limit}, not ${index}`,
      `${index}`,
    );
  }
  return { type, year, index: i, code: codeOf(type, year, i) };
}

function codeOf(type: PeriodType, year: number, index: number): string {
  switch (type) {
    case "year":
      return `${year}`;
    case "semester":
      return `${year}S${index}`;
    case "quarter":
      return `${year}Q${index}`;
    case "month":
      return `${year}${String(index).padStart(2, "0")}`;
    case "school_year":
      return `${year}/${year + 1}`;
  }
}

const CODE_FORMS: ReadonlyArray<[RegExp, PeriodType]> = [
  [/^([1-9]\d{3})$/, "year"],
  [/^([1-9]\d{3})S(\d+)$/, "semester"],
  [/^([1-9]\d{3})Q(\d+)$/, "quarter"],
  [/^([1-9]\d{3})(\d{2})$/, "month"],
  [/^([1-9]\d{3})July$/, "school_year"],
];

/** Parses `2024`, `2024S1`, `2024Q1`, `202401`, `2024/2025` (or DHIS2's `2024July`). */
export function parsePeriod(code: string): Period {
  const text = expectString(code, "Kode periode / period code").trim();
  const school = /^([1-9]\d{3})\/(\d{4})$/.exec(text);
  if (school) {
    const start = Number(school[1]);
    if (Number(school[2]) !== start + 1) {
      throw periodError(
        "PERIOD_INVALID",
        `Tahun ajaran "${text}" harus dua tahun berurutan, mis. ${start}/${start + 1}`,
        `School year "${text}" must span two consecutive years, e.g. ${start}/${start + 1}`,
        text,
      );
    }
    return makePeriod("school_year", start);
  }
  for (const [pattern, type] of CODE_FORMS) {
    const match = pattern.exec(text);
    if (match) return makePeriod(type, Number(match[1]), Number(match[2] ?? 1));
  }
  throw periodError(
    "PERIOD_INVALID",
    `Kode periode "${text}" tidak dikenal; gunakan 2024, 2024S1, 2024Q1, 202401 atau 2024/2025`,
    `Unknown period code "${text}"; use 2024, 2024S1, 2024Q1, 202401 or 2024/2025`,
    text,
  );
}

/**
 * The years data and plans may be recorded for. Periods are not stored ahead of time (any valid period
 * can be used the moment it is needed), so this is what stops a typo such as `999912` early.
 */
export const RECORDABLE_YEARS = { first: 2000, last: 2100 } as const;

/** Parses a period that data or plans may be recorded for: a valid code within {@link RECORDABLE_YEARS}. */
export function parseRecordablePeriod(code: string): Period {
  const period = parsePeriod(code);
  const { first, last } = RECORDABLE_YEARS;
  if (period.year < first || period.year > last) {
    throw periodError(
      "PERIOD_OUT_OF_RANGE",
      `Periode ${period.code} di luar rentang yang dapat dicatat (tahun ${first}–${last}).`,
      `Period ${period.code} is outside the years that can be recorded (${first}–${last}).`,
      period.code,
    );
  }
  return period;
}

/** The code to send to DHIS2: identical except the school year, which maps to FinancialJuly. */
export function dhis2Code(period: Period): string {
  return period.type === "school_year" ? `${period.year}July` : period.code;
}

export function periodLabel(period: Period, language: Language): string {
  const { type, year, index } = period;
  const indonesian = language === "id";
  switch (type) {
    case "year":
      return `${year}`;
    case "semester":
      return indonesian ? `Semester ${ROMAN[index - 1]} ${year}` : `Semester ${index} ${year}`;
    case "quarter":
      return indonesian ? `Triwulan ${ROMAN[index - 1]} ${year}` : `Quarter ${index} ${year}`;
    case "month":
      return `${(indonesian ? MONTHS_ID : MONTHS_EN)[index - 1]} ${year}`;
    case "school_year":
      return `${indonesian ? "Tahun Ajaran" : "School year"} ${year}/${year + 1}`;
  }
}

/** Months counted from year 0 so ranges of different period types compare as integers. */
function firstMonth(period: Period): number {
  const offset = period.type === "school_year" ? 6 : (period.index - 1) * LENGTH_IN_MONTHS[period.type];
  return period.year * 12 + offset;
}

function lastMonth(period: Period): number {
  return firstMonth(period) + LENGTH_IN_MONTHS[period.type] - 1;
}

function periodAt(type: PeriodType, absoluteMonth: number): Period {
  const year = Math.floor(absoluteMonth / 12);
  const month = (absoluteMonth % 12) + 1;
  if (type === "school_year") return makePeriod(type, month >= 7 ? year : year - 1);
  return makePeriod(type, year, Math.ceil(month / LENGTH_IN_MONTHS[type]));
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function startDate(period: Period): string {
  const m = firstMonth(period);
  return isoDate(Math.floor(m / 12), (m % 12) + 1, 1);
}

export function endDate(period: Period): string {
  const m = lastMonth(period);
  const year = Math.floor(m / 12);
  const month = (m % 12) + 1;
  return isoDate(year, month, daysInMonth(year, month));
}

/** True when `outer` covers all of `inner` (a period contains itself). */
export function contains(outer: Period, inner: Period): boolean {
  return firstMonth(outer) <= firstMonth(inner) && lastMonth(inner) <= lastMonth(outer);
}

/** Orders periods by end, then start, so "latest" means the one that closed last. */
export function comparePeriods(a: Period, b: Period): number {
  return lastMonth(a) - lastMonth(b) || firstMonth(a) - firstMonth(b);
}

export function monthsOf(period: Period): Period[] {
  return childPeriods(period, "month");
}

export function quarterOfMonth(month: Period): Period {
  if (month.type !== "month") {
    throw periodError(
      "PERIOD_TYPE_MISMATCH",
      `${month.code} bukan periode bulanan`,
      `${month.code} is not a monthly period`,
      month.code,
    );
  }
  return periodAt("quarter", firstMonth(month));
}

/** The period of `type` that contains `period` (month → quarter, quarter → year, Q3 → school year). */
export function parentPeriod(period: Period, type: PeriodType): Period {
  const parent = periodAt(type, firstMonth(period));
  if (!contains(parent, period)) {
    throw periodError(
      "PERIOD_NO_PARENT",
      `${period.code} tidak berada di dalam satu periode ${INDEX_NAME[type].id}`,
      `${period.code} does not lie within a single ${INDEX_NAME[type].en} period`,
      period.code,
    );
  }
  return parent;
}

/** The periods of `type` that lie entirely inside `period`, in order (year → 4 quarters). */
export function childPeriods(period: Period, type: PeriodType): Period[] {
  const children: Period[] = [];
  for (let m = firstMonth(period); m <= lastMonth(period); m += 1) {
    const child = periodAt(type, m);
    if (contains(period, child) && children.at(-1)?.code !== child.code) children.push(child);
  }
  return children;
}

/**
 * Periods of `type` that start in calendar `year`. For every type but the school year these are the
 * periods inside the year; the school year starting in July of `year` is the one that belongs to it.
 */
export function periodsInYear(year: number, type: PeriodType): Period[] {
  if (type === "school_year") return [makePeriod(type, year)];
  return childPeriods(makePeriod("year", year), type);
}

/** The period of `type` that contains an ISO date such as "2024-11-24" (callers pass "today" in). */
export function periodOfDate(date: string, type: PeriodType): Period {
  const text = expectString(date, "Tanggal / date");
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw periodError(
      "DATE_INVALID",
      `Tanggal "${text}" tidak sah; gunakan format TTTT-BB-HH`,
      `Invalid date "${text}"; use YYYY-MM-DD`,
      text,
    );
  }
  return periodAt(type, year * 12 + month - 1);
}

/** The period of the same type just before this one (202401 → 202312, 2024Q1 → 2023Q4). */
export function previousPeriod(period: Period): Period {
  const limit = INDEX_LIMIT[period.type];
  if (limit === 1) return makePeriod(period.type, period.year - 1);
  return period.index > 1
    ? makePeriod(period.type, period.year, period.index - 1)
    : makePeriod(period.type, period.year - 1, limit);
}
