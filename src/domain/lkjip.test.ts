import { describe, expect, it } from "vitest";
import { computeCapaian } from "./achievement.js";
import {
  againstNational,
  changeFromLastYear,
  programRole,
  sasaranCapaian,
  shareOfEndTarget,
} from "./lkjip.js";

const capaian = (target: string, realisasi: string) =>
  computeCapaian({ target, realisasi, polarity: "higher" });

describe("LKjIP comparisons", () => {
  it("reads the change from last year by polarity", () => {
    expect(changeFromLastYear("98.2", "97.6", "higher")).toEqual({ change: "0.6", standing: "better" });
    expect(changeFromLastYear("9", "11", "lower")).toEqual({ change: "-2", standing: "better" });
    expect(changeFromLastYear("9", null, "lower")).toBeNull();
  });

  it("gives the share of the Renstra end target by the capaian formula", () => {
    expect(shareOfEndTarget("98.2", "100", "higher")).toMatchObject({ value: "98.2" });
    // (2 × 7 − 8,1) / 7 × 100 = 84,285… → 84,29
    expect(shareOfEndTarget("8.1", "7", "lower")).toMatchObject({ value: "84.29" });
    expect(shareOfEndTarget("8.1", null, "lower")).toMatchObject({ computable: false, reason: "no_target" });
  });

  it("compares with the national figure, better by polarity", () => {
    expect(againstNational("8.1", "19.8", "lower")).toEqual({ difference: "-11.7", standing: "better" });
    expect(againstNational("72.33", "72.39", "higher")?.standing).toBe("worse");
    expect(againstNational("72.33", null, "higher")).toBeNull();
  });

  it("takes a sasaran's capaian as the mean of the IKU that can be computed", () => {
    const none = computeCapaian({ target: null, realisasi: "1", polarity: "higher" });
    expect(sasaranCapaian([capaian("100", "90"), capaian("100", "100"), none])).toBe("95");
    expect(sasaranCapaian([none])).toBeNull();
  });

  it("calls a program supporting only when each of its indicators reached its target", () => {
    expect(programRole([capaian("95", "95.6"), capaian("9", "9")])).toBe("supporting");
    expect(programRole([capaian("96", "95.6")])).toBe("hindering");
    expect(programRole([computeCapaian({ target: null, realisasi: null, polarity: "higher" })])).toBe(
      "not_assessed",
    );
  });
});
