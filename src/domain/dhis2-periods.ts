import { DomainError } from "./errors.js";
import { makePeriod, type Period, type PeriodType, parsePeriod, startDate } from "./periods.js";

/**
 * DHIS2 period codes (DOMAIN.md §5c) and ADX periods (`2024-01-01/P1M`) read into our periods. The types
 * we record (year, semester, quarter, month, the school year as `2024July`) parse; the DHIS2 types we do
 * not record (days, weeks, bi-months, other financial years) are named in the refusal rather than
 * called unknown, so the sender knows to aggregate them first.
 */
const UNSUPPORTED: ReadonlyArray<[RegExp, string, string]> = [
  [/^\d{8}$/, "harian", "daily"],
  [/^\d{4}(Wed|Thu|Sat|Sun)?W\d{1,2}$/, "mingguan", "weekly"],
  [/^\d{4}BiW\d{1,2}$/, "dua mingguan", "bi-weekly"],
  [/^\d{6}B$/, "dua bulanan", "bi-monthly"],
  [/^\d{4}(April|Oct|Nov)$/, "tahun anggaran lain", "other financial year"],
  [/^\d{4}(April|Nov)S\d$/, "semester tahun anggaran lain", "financial-year semester"],
];

const ADX_DURATIONS: Readonly<Record<string, Exclude<PeriodType, "school_year">>> = {
  P1M: "month",
  P3M: "quarter",
  P6M: "semester",
  P1Y: "year",
};

function unknownPeriod(text: string, id: string, en: string): DomainError {
  return new DomainError("PERIOD_INVALID", id, en, { text });
}

/** A DHIS2 period code or an ADX period as one of our periods; a DomainError when we do not record it. */
export function parseDhis2Period(text: string): Period {
  const code = text.trim();
  for (const [pattern, id, en] of UNSUPPORTED) {
    if (pattern.test(code))
      throw unknownPeriod(
        code,
        `Periode ${code} berjenis ${id}; capaian mencatat bulan, triwulan, semester, tahun dan tahun ajaran.`,
        `Period ${code} is ${en}; capaian records months, quarters, semesters, years and school years.`,
      );
  }
  const adx = /^(\d{4})-(\d{2})-(\d{2})\/(P\w+)$/.exec(code);
  if (adx) return adxPeriod(code, Number(adx[1]), Number(adx[2]), Number(adx[3]), adx[4] as string);
  if (code.includes("/")) throw notOurs(code);
  try {
    return parsePeriod(code);
  } catch {
    throw notOurs(code);
  }
}

const notOurs = (code: string) =>
  unknownPeriod(
    code,
    `Kode periode DHIS2 "${code}" tidak dikenal; gunakan mis. 202401, 2024Q1, 2024S1, 2024 atau 2024July.`,
    `Unknown DHIS2 period code "${code}"; use e.g. 202401, 2024Q1, 2024S1, 2024 or 2024July.`,
  );

function adxPeriod(code: string, year: number, month: number, day: number, duration: string): Period {
  const type = ADX_DURATIONS[duration];
  const perYear = { month: 12, quarter: 4, semester: 2, year: 1 } as const;
  if (type && day === 1 && month >= 1 && month <= 12) {
    const step = 12 / perYear[type];
    if ((month - 1) % step === 0) return makePeriod(type, year, (month - 1) / step + 1);
  }
  if (duration === "P1Y" && month === 7 && day === 1) return makePeriod("school_year", year);
  throw unknownPeriod(
    code,
    `Periode ADX "${code}" tidak sesuai awal bulan, triwulan, semester atau tahun.`,
    `ADX period "${code}" does not start a month, quarter, semester or year.`,
  );
}

/** The ADX form of a period: its first day and its length. */
export function toAdxPeriod(period: Period): string {
  const duration = { month: "P1M", quarter: "P3M", semester: "P6M", year: "P1Y", school_year: "P1Y" };
  return `${startDate(period)}/${duration[period.type]}`;
}
