import { describe, expect, it } from "vitest";
import { entryWindow, shiftPeriod } from "./entry-window.js";
import { parsePeriod } from "./periods.js";

const monthly = { periodType: "month" as const, openFrom: null, openFuturePeriods: 0 };
const open = (rule: Parameters<typeof entryWindow>[0], code: string, today: string) =>
  entryWindow(rule, parsePeriod(code), today).open;

describe("which periods a data set opens for entry", () => {
  it("opens a month on its first day and not before", () => {
    expect(open(monthly, "202701", "2027-01-01")).toBe(true);
    expect(open(monthly, "202701", "2026-12-31")).toBe(false);
    expect(open(monthly, "202612", "2026-12-31")).toBe(true);
  });

  it("keeps past periods open when there is no opening period", () => {
    expect(open(monthly, "201901", "2027-03-15")).toBe(true);
  });

  it("refuses a future month with a message naming it and the day it opens", () => {
    const w = entryWindow(monthly, parsePeriod("202702"), "2027-01-10");
    expect(w).toMatchObject({ open: false, reason: "not_yet_open" });
    if (w.open) return;
    expect(w.message.id).toBe(
      "Periode Februari 2027 belum dibuka untuk pengisian; dibuka mulai 1 Februari 2027.",
    );
    expect(w.message.en).toContain("February 2027");
  });

  it("opens as many future periods as the data set says", () => {
    const rule = { ...monthly, openFuturePeriods: 2 };
    expect(open(rule, "202703", "2027-01-31")).toBe(true);
    expect(open(rule, "202704", "2027-01-31")).toBe(false);
    const w = entryWindow(rule, parsePeriod("202704"), "2027-01-31");
    if (!w.open) expect(w.message.id).toContain("dibuka mulai 1 Februari 2027");
  });

  it("closes periods before the opening period", () => {
    const rule = { ...monthly, openFrom: "202607" };
    expect(open(rule, "202606", "2026-12-01")).toBe(false);
    expect(open(rule, "202607", "2026-12-01")).toBe(true);
    const w = entryWindow(rule, parsePeriod("202606"), "2026-12-01");
    expect(w).toMatchObject({ open: false, reason: "before_opening" });
  });

  it("works the same for quarters and years, the year turning over", () => {
    const quarterly = { periodType: "quarter" as const, openFrom: "2026Q3", openFuturePeriods: 0 };
    expect(open(quarterly, "2026Q4", "2026-10-01")).toBe(true);
    expect(open(quarterly, "2027Q1", "2026-12-31")).toBe(false);
    expect(open(quarterly, "2027Q1", "2027-01-01")).toBe(true);
    const yearly = { periodType: "year" as const, openFrom: null, openFuturePeriods: 1 };
    expect(open(yearly, "2027", "2026-06-01")).toBe(true);
    expect(open(yearly, "2028", "2026-06-01")).toBe(false);
  });

  it("steps periods across year ends", () => {
    expect(shiftPeriod(parsePeriod("202612"), 1).code).toBe("202701");
    expect(shiftPeriod(parsePeriod("202701"), -1).code).toBe("202612");
    expect(shiftPeriod(parsePeriod("2026Q4"), 2).code).toBe("2027Q2");
    expect(shiftPeriod(parsePeriod("2026"), 3).code).toBe("2029");
  });
});
