import { describe, expect, it } from "vitest";
import { monthlySums } from "./monthly-sums.js";

const sums = monthlySums([
  { code: "BUMIL_K4", period: "202410", total: "30" },
  { code: "BUMIL_K4", period: "202411", total: "27.5" },
  { code: "BUMIL_SASARAN", period: "202410", total: "40" },
]);

describe("sums of approved monthly totals", () => {
  it("adds the months of a quarter exactly, per data element", () => {
    expect(sums(["BUMIL_K4", "BUMIL_SASARAN"], ["202410", "202411", "202412"])).toEqual({
      BUMIL_K4: "57.5",
      BUMIL_SASARAN: "40",
    });
  });

  it("leaves out an element with no approved month rather than counting it as 0", () => {
    expect(sums(["BUMIL_K4", "KEMATIAN_BAYI"], ["202411"])).toEqual({ BUMIL_K4: "27.5" });
    expect(sums(["KEMATIAN_BAYI"], ["202410", "202411"])).toBeNull();
    expect(sums(["BUMIL_K4"], ["202412"])).toBeNull();
  });
});
