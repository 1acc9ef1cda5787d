import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare } from "./decimal.js";
import { monthsThroughQuarter, penerimaCapaian, spmRegionIndex, spmServiceIndex } from "./spm-index.js";

describe("the SPM index", () => {
  it("matches a hand calculation", () => {
    // Ibu hamil: 9.215 served of 41.500 → 22,204819… → 22,20; mutu 80 → (22,20 × 50 + 80 × 50) / 100 = 51,10.
    const penerima = penerimaCapaian("9215", "41500");
    expect(penerima).toBe("22.2");
    expect(spmServiceIndex(penerima, "80")).toBe("51.1");
    // Above the population: capped at 100 before weighting. 105 % served, mutu 60 → 80,00.
    expect(penerimaCapaian("210", "200")).toBe("100");
    expect(spmServiceIndex("100", "60")).toBe("80");
    // Other weights: 80/20 of (50, 100) = 60.
    expect(spmServiceIndex("50", "100", { penerimaWeight: "80", mutuWeight: "20" })).toBe("60");
    // Region: (51,10 + 80) / 2 = 65,55, one service not scored.
    expect(spmRegionIndex(["51.1", "80", null])).toEqual({ value: "65.55", missing: 1 });
  });

  it("is not computable rather than 0 when a part is missing", () => {
    expect(penerimaCapaian(null, "100")).toBeNull();
    expect(penerimaCapaian("5", "0")).toBeNull();
    expect(spmServiceIndex(null, "100")).toBeNull();
    expect(spmServiceIndex("100", null)).toBeNull();
    expect(spmRegionIndex([null, null])).toEqual({ value: null, missing: 2 });
  });

  it("lies between its two parts and within 0–100", () => {
    const pct = fc.integer({ min: 0, max: 12000 }).map((n) => (n / 100).toFixed(2));
    fc.assert(
      fc.property(pct, pct, (a, b) => {
        const index = spmServiceIndex(a, b) as string;
        const capped = [a, b].map((x) => (compare(x, "100") > 0 ? "100" : x));
        const [lo, hi] = capped.sort((x, y) => compare(x, y));
        expect(compare(index, "0")).toBeGreaterThanOrEqual(0);
        expect(compare(index, "100")).toBeLessThanOrEqual(0);
        // Rounded to 2 decimals, so allow the last digit.
        expect(compare(index, String(Number(lo) - 0.01))).toBeGreaterThanOrEqual(0);
        expect(compare(index, String(Number(hi) + 0.01))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("never gives a penerima capaian above 100", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (served, must) => {
        const p = penerimaCapaian(String(served), String(must)) as string;
        expect(compare(p, "100")).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("counts a quarter's months, the school year's too", () => {
    const year = Array.from({ length: 12 }, (_, i) => `2020${String(i + 1).padStart(2, "0")}`);
    expect(monthsThroughQuarter(year, 2020, 1)).toEqual(["202001", "202002", "202003"]);
    expect(monthsThroughQuarter(year, 2020, 4)).toHaveLength(12);
    const school = ["201907", "201912", "202001", "202006"];
    expect(monthsThroughQuarter(school, 2020, 1)).toEqual(["201907", "201912", "202001"]);
    expect(monthsThroughQuarter(school, 2020, 3)).toEqual(school);
  });
});
