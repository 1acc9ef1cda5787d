import { describe, expect, it } from "vitest";
import { isPlannableYear, spmTargetPercent, yearsBetween } from "./plan-years.js";

describe("years a plan or an SPM adoption may be made for", () => {
  const today = new Date("2026-12-01T00:00:00Z");

  it("accepts 2000 up to five years ahead and refuses what lies outside", () => {
    expect(isPlannableYear(2000, today)).toBe(true);
    expect(isPlannableYear(2031, today)).toBe(true);
    expect(isPlannableYear(1999, today)).toBe(false);
    expect(isPlannableYear(2032, today)).toBe(false);
    expect(isPlannableYear(2024.5, today)).toBe(false);
  });

  it("lists a range of years with both ends, and nothing for a reversed range", () => {
    expect(yearsBetween(2026, 2028)).toEqual([2026, 2027, 2028]);
    expect(yearsBetween(2027, 2027)).toEqual([2027]);
    expect(yearsBetween(2028, 2026)).toEqual([]);
  });
});

describe("an SPM target a region sets for a year", () => {
  it("reads percentages written either way", () => {
    expect(spmTargetPercent("100")).toBe("100");
    expect(spmTargetPercent("97,5")).toBe("97.5");
    expect(spmTargetPercent("97.5 %")).toBe("97.5");
  });

  it("refuses zero, more than 100 and text", () => {
    expect(spmTargetPercent("0")).toBeNull();
    expect(spmTargetPercent("100,5")).toBeNull();
    expect(spmTargetPercent("seratus")).toBeNull();
    expect(spmTargetPercent("")).toBeNull();
  });
});
