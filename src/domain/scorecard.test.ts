import { describe, expect, it } from "vitest";
import { bandOf, legendOf, rankValues, trendOf } from "./scorecard.js";

const permendagri = legendOf({ cuts: null, polarity: "higher", percent: true });

describe("scorecard legend", () => {
  it("uses the Permendagri bands at their exact boundaries by default", () => {
    if (!permendagri) throw new Error("no legend");
    expect(
      ["50", "50.01", "65", "65.001", "75", "90", "90.004", "90.005"].map((v) => bandOf(v, permendagri)),
    ).toEqual(["sangat_rendah", "rendah", "rendah", "rendah", "sedang", "tinggi", "tinggi", "sangat_tinggi"]);
  });

  it("reads a lower-is-better legend the other way, and has none by default for it", () => {
    expect(legendOf({ cuts: null, polarity: "lower", percent: true })).toBeNull();
    const lower = legendOf({ cuts: ["5", "10", "15", "20"], polarity: "lower", percent: true });
    if (!lower) throw new Error("no legend");
    expect(["5", "7", "20", "20.5"].map((v) => bandOf(v, lower))).toEqual([
      "sangat_tinggi",
      "tinggi",
      "rendah",
      "sangat_rendah",
    ]);
  });

  it("ranks ties together and leaves missing values unranked", () => {
    expect(rankValues(["80", null, "95", "80"], "higher")).toEqual([2, null, 1, 2]);
    expect(rankValues(["3", "1"], "lower")).toEqual([2, 1]);
  });

  it("says whether a value moved the right way", () => {
    expect(trendOf("80", "70", "higher")).toBe("better");
    expect(trendOf("80", "70", "lower")).toBe("worse");
    expect(trendOf("80", null, "higher")).toBeNull();
  });
});
