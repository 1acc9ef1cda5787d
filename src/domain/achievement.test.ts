import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CATEGORY_LABEL,
  type Capaian,
  categorize,
  computeCapaian,
  type LowerFormula,
  progressToDate,
} from "./achievement.js";
import { compare, div } from "./decimal.js";
import { DomainError } from "./errors.js";
import { parseTargetSeries } from "./targets.js";

const shown = (capaian: Capaian) => (capaian.computable ? capaian.value : capaian.reason);

describe("capaian when higher is better", () => {
  it("is realisasi / target × 100", () => {
    const result = computeCapaian({ target: "98", realisasi: "94.5", polarity: "higher" });
    expect(result).toEqual({
      computable: true,
      value: "96.43",
      formula: "realisasi_over_target",
      category: "sangat_tinggi",
    });
  });

  it("can exceed 100%", () => {
    expect(shown(computeCapaian({ target: "10", realisasi: "12", polarity: "higher" }))).toBe("120");
  });
});

describe("capaian when lower is better (kematian, stunting, insiden)", () => {
  it("defaults to (2 × target − realisasi) / target × 100 and says so", () => {
    const result = computeCapaian({ target: "8.5", realisasi: "9.2", polarity: "lower" });
    expect(result).toMatchObject({ computable: true, value: "91.76", formula: "two_target_minus" });
  });

  it("floors the default formula at 0 when realisasi is more than twice the target", () => {
    expect(shown(computeCapaian({ target: "2", realisasi: "5", polarity: "lower" }))).toBe("0");
  });

  it("can use target / realisasi × 100 when the indicator says so", () => {
    const result = computeCapaian({
      target: "8.5",
      realisasi: "9.2",
      polarity: "lower",
      lowerFormula: "target_over_realisasi",
    });
    expect(result).toMatchObject({ computable: true, value: "92.39", formula: "target_over_realisasi" });
  });

  it("accepts realisasi 0 (no maternal deaths) as a valid, very good result", () => {
    expect(shown(computeCapaian({ target: "2", realisasi: "0", polarity: "lower" }))).toBe("200");
  });

  it("cannot divide by a realisasi of 0 under target / realisasi", () => {
    const result = computeCapaian({
      target: "2",
      realisasi: "0",
      polarity: "lower",
      lowerFormula: "target_over_realisasi",
    });
    expect(result).toMatchObject({
      computable: false,
      reason: "realisasi_zero",
      formula: "target_over_realisasi",
    });
  });

  it.each<LowerFormula>(["two_target_minus", "target_over_realisasi"])(
    "never rises when realisasi rises (%s)",
    (lowerFormula) => {
      const amount = fc.bigInt({ min: 1n, max: 10n ** 9n }).map((n) => div(`${n}`, "1000", 3));
      fc.assert(
        fc.property(amount, amount, amount, (target, a, b) => {
          const [low, high] = compare(a, b) <= 0 ? [a, b] : [b, a];
          const at = (realisasi: string) =>
            computeCapaian({ target, realisasi, polarity: "lower", lowerFormula });
          const [first, second] = [at(low), at(high)];
          if (!first.computable || !second.computable) throw new Error("expected computable capaian");
          expect(compare(second.value, first.value)).toBeLessThanOrEqual(0);
        }),
      );
    },
  );
});

describe("capaian that cannot be computed", () => {
  it.each([
    ["no target", null, "no_target"],
    ["a target of 0", "0", "target_zero"],
  ])("with %s is 'tidak dapat dihitung', never 0%%", (_, target, reason) => {
    for (const polarity of ["higher", "lower"] as const) {
      const result = computeCapaian({ target, realisasi: "5", polarity });
      expect(result).toMatchObject({ computable: false, reason });
      if (!result.computable) expect(result.message.id).toMatch(/^Tidak dapat dihitung/);
    }
  });

  it("waits for realisasi instead of showing 0%", () => {
    expect(computeCapaian({ target: "10", realisasi: null, polarity: "higher" })).toMatchObject({
      reason: "no_realisasi",
    });
  });

  it("rejects unknown polarity or numbers with a DomainError", () => {
    expect(() => computeCapaian({ target: "10", realisasi: "5", polarity: "up" as "higher" })).toThrow(
      DomainError,
    );
    expect(() => computeCapaian({ target: "10", realisasi: "lima", polarity: "higher" })).toThrow(
      DomainError,
    );
  });
});

describe("Permendagri 86/2017 performance categories", () => {
  it.each([
    ["100", "sangat_tinggi"],
    ["90.01", "sangat_tinggi"],
    ["90", "tinggi"],
    ["75.01", "tinggi"],
    ["75", "sedang"],
    ["65.01", "sedang"],
    ["65", "rendah"],
    ["50.01", "rendah"],
    ["50", "sangat_rendah"],
    ["0", "sangat_rendah"],
  ])("%s%% is %s", (capaian, category) => {
    expect(categorize(capaian)).toBe(category);
  });

  it("categorises the value as printed, so 90,004 shown as 90,00 is tinggi", () => {
    expect(categorize("90.004")).toBe("tinggi");
    expect(categorize("90.005")).toBe("sangat_tinggi");
  });

  it("has Indonesian and English labels", () => {
    expect(CATEGORY_LABEL.sangat_tinggi).toEqual({ id: "Sangat Tinggi", en: "Very high" });
  });
});

describe("cumulative progress within the year", () => {
  const kematianBayi = parseTargetSeries({ annual: "10", quarters: ["2", "3", "2", "3"] });

  it("compares realisasi so far with the incremental target so far", () => {
    const progress = progressToDate({
      series: kematianBayi,
      quarter: 2,
      realisasi: ["1", "2", null, null],
      polarity: "lower",
    });
    expect(progress).toMatchObject({ targetToDate: "5", realisasiToDate: "3", capaian: { value: "140" } });
  });

  it("treats an unreported quarter as missing, not zero", () => {
    const progress = progressToDate({
      series: kematianBayi,
      quarter: 3,
      realisasi: ["1", null, "2", null],
      polarity: "lower",
    });
    expect(progress.realisasiToDate).toBeNull();
    expect(progress.capaian).toMatchObject({ computable: false, reason: "no_realisasi", missing: ["TW 2"] });
  });

  it("uses the current quarter's running total for cumulative targets", () => {
    const series = parseTargetSeries({ annual: "100", quarters: ["25", "50", "75", "100"] });
    const progress = progressToDate({
      series,
      quarter: 3,
      realisasi: ["20", "45", "72", null],
      polarity: "higher",
    });
    expect(progress).toMatchObject({ targetToDate: "75", realisasiToDate: "72", capaian: { value: "96" } });
  });

  it("has no target before TW IV for a year-end-only value", () => {
    const ahh = parseTargetSeries({ annual: "72.18", quarters: ["-", "-", "-", "72.18"] });
    const q2 = progressToDate({
      series: ahh,
      quarter: 2,
      realisasi: [null, "72", null, null],
      polarity: "higher",
    });
    expect(q2.capaian).toMatchObject({ computable: false, reason: "no_target" });
    const q4 = progressToDate({
      series: ahh,
      quarter: 4,
      realisasi: [null, null, null, "72.3"],
      polarity: "higher",
    });
    expect(q4.capaian).toMatchObject({ computable: true, value: "100.17" });
  });
});
