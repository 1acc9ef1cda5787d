import { describe, expect, it } from "vitest";
import { estimatedCount, estimatePopulation, parseHeadCount } from "./spm-population.js";

describe("estimating an SPM denominator from population × prevalence", () => {
  it("estimates people with hypertension from the population ≥ 15 and its source", () => {
    const estimate = estimatePopulation("1500000", { percent: "25.8", source: "Riskesdas 2013", year: 2013 });
    expect(estimate.value).toBe("387000");
    expect(estimate.explanation.id).toBe("1.500.000 × 25,8% (Riskesdas 2013, 2013) = 387.000");
  });

  it("rounds to whole persons, half up", () => {
    expect(estimatePopulation("1001", { percent: "2.5", source: "SKI 2023", year: 2023 }).value).toBe("25");
    expect(estimatePopulation("1002", { percent: "2.5", source: "SKI 2023", year: 2023 }).value).toBe("25");
    expect(estimatePopulation("1020", { percent: "2.5", source: "SKI 2023", year: 2023 }).value).toBe("26");
  });

  it("gives the same count without the explanation", () => {
    for (const [population, percent] of [
      ["1500000", "25.8"],
      ["1020", "2.5"],
      ["0", "10"],
      ["7", "33.333"],
    ]) {
      const prevalence = { percent: percent as string, source: "SKI 2023", year: 2023 };
      expect(estimatedCount(population as string, prevalence)).toBe(
        estimatePopulation(population as string, prevalence).value,
      );
    }
    expect(() => estimatedCount("100", { percent: "120", source: "x", year: 2020 })).toThrow(
      expect.objectContaining({ code: "POPULATION_INVALID" }),
    );
  });

  it("refuses a prevalence above 100%", () => {
    expect(() => estimatePopulation("100", { percent: "120", source: "x", year: 2020 })).toThrow(
      expect.objectContaining({ code: "POPULATION_INVALID" }),
    );
  });
});

describe("reading a head count as typed", () => {
  it("reads Indonesian and plain thousands separators alike", () => {
    expect(parseHeadCount("38.000")).toBe("38000");
    expect(parseHeadCount("38,000")).toBe("38000");
    expect(parseHeadCount(" 1.234.567 ")).toBe("1234567");
    expect(parseHeadCount("0")).toBe("0");
  });

  it("keeps an empty cell empty and refuses anything that is not a whole number ≥ 0", () => {
    expect(parseHeadCount("  ")).toBeNull();
    for (const text of ["-5", "12,5", "1.5", "dua ratus", "123456789012345"])
      expect(parseHeadCount(text), text).toBeUndefined();
  });
});

describe("the estimate's explanation", () => {
  it("is written with Indonesian grouping, and English grouping in English", () => {
    const estimate = estimatePopulation("1680000", { percent: "25.8", source: "Riskesdas", year: 2013 });
    expect(estimate.explanation).toEqual({
      id: "1.680.000 × 25,8% (Riskesdas, 2013) = 433.440",
      en: "1,680,000 × 25.8% (Riskesdas, 2013) = 433,440",
    });
  });
});
