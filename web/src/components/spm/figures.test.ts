import { spmTargetReached } from "@domain";
import { describe, expect, it } from "vitest";
import { bandOf, chartValue, count, percent } from "./figures";

describe("the colour band of a capaian", () => {
  it("grades a capaian against the usual 100 % target", () => {
    expect(bandOf("100.00", null)).toBe("reached");
    expect(bandOf("85.00", null)).toBe("near");
    expect(bandOf("50.00", null)).toBe("low");
    expect(bandOf("49.99", null)).toBe("veryLow");
    expect(bandOf(null, null)).toBe("none");
  });

  it("counts a region's lower target as reached, as the yearly report does", () => {
    expect(bandOf("90.00", "90")).toBe("reached");
    expect(bandOf("72.00", "90")).toBe("near");
  });

  it("says reached exactly when the domain's rule does", () => {
    for (const [capaian, target] of [
      ["99.99", "100"],
      ["100.00", "100"],
      ["95.50", "95,5"],
      ["95.49", "95.5"],
      ["0.00", null],
      ["120.00", "0"],
    ] as const) {
      expect(bandOf(capaian, target) === "reached", `${capaian} of ${target}`).toBe(
        spmTargetReached(capaian, target),
      );
    }
  });
});

describe("figures as the dashboard writes them", () => {
  it("writes capaian with two Indonesian decimals and counts with thousands dots", () => {
    expect(percent("96.5")).toBe("96,50");
    expect(count("433440", "—")).toBe("433.440");
    expect(count(null, "—")).toBe("—");
  });

  it("leaves a month without data as a gap in the chart, never a zero", () => {
    expect(chartValue(null)).toBeNull();
    expect(chartValue("87.25")).toBe(87.25);
  });
});
