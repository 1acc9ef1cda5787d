import { describe, expect, it } from "vitest";
import { estimatePopulation } from "./spm-population.js";

describe("estimating an SPM denominator from population × prevalence", () => {
  it("estimates people with hypertension from the population ≥ 15 and its source", () => {
    const estimate = estimatePopulation("1500000", { percent: "25.8", source: "Riskesdas 2013", year: 2013 });
    expect(estimate.value).toBe("387000");
    expect(estimate.explanation.id).toBe("1500000 × 25,8% (Riskesdas 2013, 2013) = 387000");
  });

  it("rounds to whole persons, half up", () => {
    expect(estimatePopulation("1001", { percent: "2.5", source: "SKI 2023", year: 2023 }).value).toBe("25");
    expect(estimatePopulation("1002", { percent: "2.5", source: "SKI 2023", year: 2023 }).value).toBe("25");
    expect(estimatePopulation("1020", { percent: "2.5", source: "SKI 2023", year: 2023 }).value).toBe("26");
  });

  it("refuses a prevalence above 100%", () => {
    expect(() => estimatePopulation("100", { percent: "120", source: "x", year: 2020 })).toThrow(
      expect.objectContaining({ code: "POPULATION_INVALID" }),
    );
  });
});
