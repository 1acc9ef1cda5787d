import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AggregatedValue, aggregate, type ReportKey } from "./aggregation.js";
import { div, mul, sum } from "./decimal.js";
import { DomainError } from "./errors.js";
import { defineIndicator } from "./indicators.js";

const k4 = defineIndicator({
  code: "K4",
  name: "Cakupan K4",
  unit: "%",
  kind: "ratio",
  factor: 100,
  numerator: "#{K4}",
  denominator: "#{BUMIL}",
});
const kematianIbu = defineIndicator({
  code: "AKI",
  name: "Jumlah kasus kematian ibu",
  unit: "kasus",
  kind: "count",
  polarity: "lower",
  value: "#{KEMATIAN_IBU}",
});
const ahh = defineIndicator({
  code: "AHH",
  name: "Angka Harapan Hidup",
  unit: "angka",
  kind: "direct",
  value: "#{AHH}",
});

const shown = (result: AggregatedValue) => (result.computable ? result.value : result.reason);
const pairs = (orgUnits: string[], periods: string[]): ReportKey[] =>
  orgUnits.flatMap((orgUnit) => periods.map((period) => ({ orgUnit, period })));

describe("aggregating a ratio over puskesmas and months", () => {
  it("sums numerators and denominators, then divides — never averages percentages", () => {
    // Puskesmas A: 9 of 10 (90%), puskesmas B: 10 of 100 (10%). The mean of percentages says 50%.
    const records = [
      { orgUnit: "A", period: "2024Q1", numerator: "9", denominator: "10" },
      { orgUnit: "B", period: "2024Q1", numerator: "10", denominator: "100" },
    ];
    const result = aggregate(k4, pairs(["A", "B"], ["2024Q1"]), records).result;
    expect(result).toEqual({
      computable: true,
      value: "17.2727",
      numerator: "19",
      denominator: "110",
      rule: "sum_ratio",
    });
    expect(shown(result)).not.toBe("50");
  });

  it("gives the sums divided, whether puskesmas sub-totals are taken first or not", () => {
    const count = fc.integer({ min: 0, max: 5000 }).map(String);
    const report = fc.record({
      orgUnit: fc.constantFrom("A", "B", "C"),
      period: fc.constantFrom("202401", "202402", "202403", "202404"),
      numerator: count,
      denominator: count,
    });
    const reports = fc.uniqueArray(report, {
      minLength: 1,
      maxLength: 12,
      selector: (r) => `${r.orgUnit}/${r.period}`,
    });
    fc.assert(
      fc.property(reports, (records) => {
        const all = aggregate(k4, records, records).result;
        const subtotals = ["A", "B", "C"]
          .map((orgUnit) => records.filter((r) => r.orgUnit === orgUnit))
          .filter((own) => own.length > 0)
          .map((own) => ({
            orgUnit: own[0]?.orgUnit ?? "",
            period: "2024",
            numerator: sum(own.map((r) => r.numerator)),
            denominator: sum(own.map((r) => r.denominator)),
          }));
        expect(aggregate(k4, subtotals, subtotals).result).toEqual(all);
        const numerator = sum(records.map((r) => r.numerator));
        const denominator = sum(records.map((r) => r.denominator));
        expect(shown(all)).toBe(
          denominator === "0" ? "denominator_zero" : div(mul(numerator, "100"), denominator, 4),
        );
      }),
    );
  });

  it("is not computable when every denominator is 0", () => {
    const records = [{ orgUnit: "A", period: "2024Q1", numerator: "0", denominator: "0" }];
    expect(aggregate(k4, records, records).result).toMatchObject({
      computable: false,
      reason: "denominator_zero",
    });
  });
});

describe("missing reports are not zeros", () => {
  const expected = pairs(["A", "B", "C", "D"], ["2024Q1"]);

  it("reports expected, received and completeness, and computes from what arrived", () => {
    const records = [
      { orgUnit: "A", period: "2024Q1", numerator: "45", denominator: "50" },
      { orgUnit: "C", period: "2024Q1", numerator: "30", denominator: "50" },
      { orgUnit: "Z", period: "2024Q1", numerator: "1", denominator: "1" },
    ];
    const result = aggregate(k4, expected, records);
    expect(result).toMatchObject({ expected: 4, received: 2, completeness: "50" });
    expect(result.missing).toEqual([
      { orgUnit: "B", period: "2024Q1" },
      { orgUnit: "D", period: "2024Q1" },
    ]);
    expect(result.unexpected).toEqual([{ orgUnit: "Z", period: "2024Q1" }]);
    expect(shown(result.result)).toBe("75");
  });

  it("says no report has arrived instead of showing 0", () => {
    const result = aggregate(kematianIbu, expected, []);
    expect(result).toMatchObject({
      received: 0,
      completeness: "0",
      result: { computable: false, reason: "no_data" },
    });
  });

  it("has no completeness when nothing was expected", () => {
    expect(aggregate(k4, [], []).completeness).toBeNull();
  });

  it("refuses two reports for the same puskesmas and period", () => {
    const record = { orgUnit: "A", period: "2024Q1", value: "1" };
    expect(() => aggregate(kematianIbu, expected, [record, record])).toThrowError(
      expect.objectContaining({ code: "RECORD_DUPLICATE" }),
    );
  });

  it("refuses a ratio report without a denominator", () => {
    const records = [{ orgUnit: "A", period: "2024Q1", numerator: "3" }];
    expect(() => aggregate(k4, expected, records)).toThrow(DomainError);
  });
});

describe("counts and direct values", () => {
  it("adds counts across puskesmas and quarters", () => {
    const records = [
      { orgUnit: "A", period: "2024Q1", value: "1" },
      { orgUnit: "B", period: "2024Q2", value: "0" },
      { orgUnit: "B", period: "2024Q3", value: "2" },
    ];
    const result = aggregate(kematianIbu, pairs(["A", "B"], ["2024Q1", "2024Q2", "2024Q3"]), records);
    expect(result.result).toEqual({ computable: true, value: "3", rule: "sum" });
    expect(result.completeness).toBe("50");
  });

  it("does not add up a direct value across org units", () => {
    const records = [
      { orgUnit: "A", period: "2024", value: "72.1" },
      { orgUnit: "B", period: "2024", value: "72.3" },
    ];
    expect(aggregate(ahh, pairs(["A", "B"], ["2024"]), records).result).toMatchObject({
      reason: "not_aggregatable",
    });
  });

  it("takes the latest period of a direct value by default", () => {
    const records = [
      { orgUnit: "KOTA", period: "2024Q4", value: "72.18" },
      { orgUnit: "KOTA", period: "2024Q2", value: "72.05" },
    ];
    const expected = pairs(["KOTA"], ["2024Q2", "2024Q4"]);
    expect(aggregate(ahh, expected, records).result).toEqual({
      computable: true,
      value: "72.18",
      rule: "latest",
    });
  });

  it("can average a direct value when the indicator says so", () => {
    const iks = defineIndicator({
      code: "IKS",
      name: "Indeks Keluarga Sehat",
      unit: "angka",
      kind: "direct",
      value: "#{IKS}",
      orgUnitAggregation: "average",
      timeAggregation: "none",
    });
    const records = [
      { orgUnit: "A", period: "2024", value: "0.3" },
      { orgUnit: "B", period: "2024", value: "0.4" },
    ];
    expect(aggregate(iks, pairs(["A", "B"], ["2024"]), records).result).toMatchObject({
      value: "0.35",
      rule: "average",
    });
    expect(aggregate(iks, pairs(["A"], ["2024Q1", "2024Q2"]), [])).toMatchObject({
      result: { reason: "no_data" },
    });
    const twoQuarters = [{ orgUnit: "A", period: "2024Q1", value: "0.3" }];
    expect(aggregate(iks, pairs(["A"], ["2024Q1", "2024Q2"]), twoQuarters).result).toMatchObject({
      reason: "not_aggregatable",
    });
  });
});
