import { describe, expect, it } from "vitest";
import { parseDhis2Period, toAdxPeriod } from "./dhis2-periods.js";
import { DomainError } from "./errors.js";

describe("DHIS2 and ADX periods", () => {
  it.each([
    ["202401", "202401"],
    ["2024Q1", "2024Q1"],
    ["2024S2", "2024S2"],
    ["2024", "2024"],
    ["2024July", "2024/2025"],
    ["2024-01-01/P1M", "202401"],
    ["2024-04-01/P3M", "2024Q2"],
    ["2024-07-01/P6M", "2024S2"],
    ["2024-01-01/P1Y", "2024"],
    ["2024-07-01/P1Y", "2024/2025"],
  ])("reads %s as %s", (text, code) => {
    expect(parseDhis2Period(text).code).toBe(code);
  });

  it.each(["20240115", "2024W3", "2024BiW2", "202401B", "2024April", "2024Oct", "2024AprilS1"])(
    "names the DHIS2 type we do not record: %s",
    (text) => {
      expect(() => parseDhis2Period(text)).toThrow(/capaian records/);
    },
  );

  it.each(["2024-13", "202413", "2024Q5", "abc", "2024-02-01/P3M", "2024-01-15/P1M", "2024/2026"])(
    "refuses %s",
    (text) => {
      expect(() => parseDhis2Period(text)).toThrow(DomainError);
    },
  );

  it("writes the ADX form that it reads back", () => {
    for (const code of ["202411", "2024Q3", "2024S1", "2024", "2024July"]) {
      const period = parseDhis2Period(code);
      expect(parseDhis2Period(toAdxPeriod(period))).toEqual(period);
    }
    expect(toAdxPeriod(parseDhis2Period("202402"))).toBe("2024-02-01/P1M");
  });
});
