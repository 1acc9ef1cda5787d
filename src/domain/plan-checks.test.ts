import { describe, expect, it } from "vitest";
import { type BudgetNode, checkBudgets } from "./plan-checks.js";

const node = (
  id: string,
  level: BudgetNode["level"],
  budget: number | null,
  children: BudgetNode[] = [],
) => ({
  id,
  level,
  name: id,
  budget,
  children,
});

describe("budget reconciliation of a plan tree", () => {
  it("accepts a program whose kegiatan add up to its pagu exactly", () => {
    const tree = node("p", "program", 51_205_355_475, [
      node("k1", "kegiatan", 19_251_846_945),
      node("k2", "kegiatan", 31_401_368_330),
      node("k3", "kegiatan", 70_140_200),
      node("k4", "kegiatan", 482_000_000),
    ]);
    expect(checkBudgets([tree])).toEqual([]);
  });

  it("reports the sasaran total against the sum of its programs, as in seed 000", () => {
    const tree = node("s", "sasaran", 343_221_061_270, [
      node("p1", "program", 288_199_777_013),
      node("p2", "program", 51_205_355_475),
      node("p3", "program", 778_314_600),
      node("p4", "program", 107_180_000),
      node("p5", "program", 1_776_391_000),
    ]);
    const [finding] = checkBudgets([tree]);
    expect(finding).toMatchObject({
      code: "BUDGET_SUM_MISMATCH",
      childrenSum: 342_067_018_088,
      difference: -1_154_043_182,
    });
    expect(finding?.message.id).toBe(
      'Anggaran sasaran "s" Rp 343.221.061.270, jumlah rinciannya Rp 342.067.018.088.',
    );
  });

  it("reports a kegiatan without a budget and sums only the budgeted ones", () => {
    const tree = node("p", "program", 778_314_600, [
      node("k1", "kegiatan", 62_100_000),
      node("k2", "kegiatan", null),
    ]);
    expect(checkBudgets([tree]).map((f) => [f.code, f.nodeId])).toEqual([
      ["BUDGET_SUM_MISMATCH", "p"],
      ["BUDGET_MISSING", "k2"],
    ]);
  });

  it("stays exact beyond 2^53 Rupiah", () => {
    const tree = node("s", "sasaran", 9_007_199_254_740_000, [node("p", "program", 9_007_199_254_740_000)]);
    expect(checkBudgets([tree])).toEqual([]);
  });
});
