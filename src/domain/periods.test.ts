import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import {
  childPeriods,
  contains,
  dhis2Code,
  endDate,
  makePeriod,
  monthsOf,
  parentPeriod,
  parsePeriod,
  parseRecordablePeriod,
  periodLabel,
  periodOfDate,
  periodsInYear,
  previousPeriod,
  quarterOfMonth,
  startDate,
} from "./periods.js";

const codes = (periods: { code: string }[]) => periods.map((p) => p.code);

describe("period codes exchanged with DHIS2", () => {
  it.each([
    ["2024", "year", 2024, 1],
    ["2024S1", "semester", 2024, 1],
    ["2024Q1", "quarter", 2024, 1],
    ["202401", "month", 2024, 1],
    ["202412", "month", 2024, 12],
    ["2024/2025", "school_year", 2024, 1],
  ])("reads %s", (code, type, year, index) => {
    expect(parsePeriod(code)).toEqual({ code, type, year, index });
  });

  it("accepts DHIS2's FinancialJuly code as the school year and writes it back for exchange", () => {
    const schoolYear = parsePeriod("2024July");
    expect(schoolYear.code).toBe("2024/2025");
    expect(dhis2Code(schoolYear)).toBe("2024July");
    expect(dhis2Code(parsePeriod("2024Q3"))).toBe("2024Q3");
  });

  it.each([
    ["2024Q5", "Triwulan harus 1–4", "Quarter must be 1–4"],
    ["2024Q0", "Triwulan harus 1–4", "Quarter must be 1–4"],
    ["202413", "Bulan harus 1–12", "Month must be 1–12"],
    ["202400", "Bulan harus 1–12", "Month must be 1–12"],
    ["2024S3", "Semester harus 1–2", "Semester must be 1–2"],
    ["2024/2026", "dua tahun berurutan", "two consecutive years"],
    ["abc", "tidak dikenal", "Unknown period code"],
    ["", "tidak dikenal", "Unknown period code"],
  ])("rejects %j with a message in both languages", (code, id, en) => {
    try {
      parsePeriod(code);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).messageId).toContain(id);
      expect((error as DomainError).messageEn).toContain(en);
    }
  });

  it("never throws anything but DomainError on arbitrary input", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^\d{4}[QS/]?\d{0,4}$/), fc.anything()),
        (input) => {
          try {
            parsePeriod(input as string);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
        },
      ),
    );
  });
});

describe("period labels on screens and reports", () => {
  it.each([
    ["2024", "2024", "2024"],
    ["2024S1", "Semester I 2024", "Semester 1 2024"],
    ["2024S2", "Semester II 2024", "Semester 2 2024"],
    ["2024Q1", "Triwulan I 2024", "Quarter 1 2024"],
    ["2024Q4", "Triwulan IV 2024", "Quarter 4 2024"],
    ["202401", "Januari 2024", "January 2024"],
    ["202408", "Agustus 2024", "August 2024"],
    ["2024/2025", "Tahun Ajaran 2024/2025", "School year 2024/2025"],
  ])("labels %s", (code, id, en) => {
    const period = parsePeriod(code);
    expect(periodLabel(period, "id")).toBe(id);
    expect(periodLabel(period, "en")).toBe(en);
  });
});

describe("period dates and relations", () => {
  it.each([
    ["2024", "2024-01-01", "2024-12-31"],
    ["2024S2", "2024-07-01", "2024-12-31"],
    ["2024Q1", "2024-01-01", "2024-03-31"],
    ["202402", "2024-02-01", "2024-02-29"],
    ["202302", "2023-02-01", "2023-02-28"],
    ["2024/2025", "2024-07-01", "2025-06-30"],
  ])("%s runs from %s to %s", (code, start, end) => {
    const period = parsePeriod(code);
    expect(startDate(period)).toBe(start);
    expect(endDate(period)).toBe(end);
  });

  it("lists the months of a quarter, semester, year and school year", () => {
    expect(codes(monthsOf(parsePeriod("2024Q2")))).toEqual(["202404", "202405", "202406"]);
    expect(monthsOf(parsePeriod("2024S2"))).toHaveLength(6);
    expect(monthsOf(parsePeriod("2024"))).toHaveLength(12);
    expect(codes(monthsOf(parsePeriod("2024/2025"))).slice(0, 1)).toEqual(["202407"]);
    expect(codes(monthsOf(parsePeriod("2024/2025"))).at(-1)).toBe("202506");
  });

  it("finds the quarter of a month and the parents of a period", () => {
    expect(quarterOfMonth(parsePeriod("202405")).code).toBe("2024Q2");
    expect(parentPeriod(parsePeriod("202411"), "semester").code).toBe("2024S2");
    expect(parentPeriod(parsePeriod("2024Q3"), "school_year").code).toBe("2024/2025");
    expect(parentPeriod(parsePeriod("2025Q1"), "school_year").code).toBe("2024/2025");
    expect(parentPeriod(parsePeriod("2024Q3"), "year").code).toBe("2024");
  });

  it("refuses a parent that does not contain the whole period", () => {
    expect(() => parentPeriod(parsePeriod("2024"), "school_year")).toThrow(DomainError);
    expect(() => parentPeriod(parsePeriod("2024"), "quarter")).toThrow(DomainError);
    expect(() => quarterOfMonth(parsePeriod("2024Q1"))).toThrow(DomainError);
  });

  it("lists children and periods within a year", () => {
    expect(codes(childPeriods(parsePeriod("2024"), "quarter"))).toEqual([
      "2024Q1",
      "2024Q2",
      "2024Q3",
      "2024Q4",
    ]);
    expect(codes(childPeriods(parsePeriod("2024/2025"), "semester"))).toEqual(["2024S2", "2025S1"]);
    expect(codes(periodsInYear(2024, "semester"))).toEqual(["2024S1", "2024S2"]);
    expect(periodsInYear(2024, "month")).toHaveLength(12);
    expect(codes(periodsInYear(2024, "school_year"))).toEqual(["2024/2025"]);
  });

  it("knows which periods contain which", () => {
    expect(contains(parsePeriod("2024"), parsePeriod("2024Q2"))).toBe(true);
    expect(contains(parsePeriod("2024Q2"), parsePeriod("202406"))).toBe(true);
    expect(contains(parsePeriod("2024Q2"), parsePeriod("202407"))).toBe(false);
    expect(contains(parsePeriod("2024/2025"), parsePeriod("2024"))).toBe(false);
    expect(contains(parsePeriod("2024/2025"), parsePeriod("2025S1"))).toBe(true);
  });

  it("every month lies in exactly one quarter of its year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const m = makePeriod("month", year, month);
        const quarters = periodsInYear(year, "quarter").filter((q) => contains(q, m));
        expect(codes(quarters)).toEqual([quarterOfMonth(m).code]);
      }),
    );
  });

  it("finds the current period from a date passed in", () => {
    expect(periodOfDate("2026-11-24", "quarter").code).toBe("2026Q4");
    expect(periodOfDate("2026-03-01", "school_year").code).toBe("2025/2026");
    expect(() => periodOfDate("2026-02-30", "month")).toThrow(DomainError);
  });
});

describe("the period before", () => {
  it.each([
    ["202401", "202312"],
    ["202407", "202406"],
    ["2024Q1", "2023Q4"],
    ["2024S2", "2024S1"],
    ["2024", "2023"],
    ["2024/2025", "2023/2024"],
  ])("%s comes after %s", (code, before) => {
    expect(previousPeriod(parsePeriod(code)).code).toBe(before);
  });
});

describe("periods that data can be recorded for", () => {
  it("accepts any month from 2000 to 2100 without it being stored first", () => {
    expect(parseRecordablePeriod("202701").code).toBe("202701");
    expect(parseRecordablePeriod("203012").code).toBe("203012");
    expect(parseRecordablePeriod("2000Q1").year).toBe(2000);
    expect(parseRecordablePeriod("2100/2101").type).toBe("school_year");
  });

  it("refuses a typo such as 999912 or 1899 with the years it allows, in both languages", () => {
    for (const code of ["999912", "1899", "2101Q1", "199912"]) {
      try {
        parseRecordablePeriod(code);
        expect.unreachable(code);
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe("PERIOD_OUT_OF_RANGE");
        expect((error as DomainError).messageId).toContain("2000–2100");
        expect((error as DomainError).messageEn).toContain("2000–2100");
      }
    }
  });

  it("still refuses what is not a period at all", () => {
    expect(() => parseRecordablePeriod("202713")).toThrow(DomainError);
  });
});
