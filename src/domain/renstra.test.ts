import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkYearColumns, readRenstraTarget, renstraVersionLabel, targetDeparture } from "./renstra.js";

describe("readRenstraTarget", () => {
  it("keeps a labelled target as written and reads its number", () => {
    const t = readRenstraTarget("R4 : 11 Unit");
    expect(t).toMatchObject({ text: "R4 : 11 Unit", value: "11", prefix: "R4 :", suffix: "Unit" });
    expect(t.notes).toEqual(["qualified"]);
  });

  it("reads a bound with an Indonesian decimal comma", () => {
    expect(readRenstraTarget("≤ 8,5")).toMatchObject({ value: "8.5", comparator: "<=", notes: ["bound"] });
    expect(readRenstraTarget(">= 95").comparator).toBe(">=");
    expect(readRenstraTarget("< 10")).toMatchObject({ value: "10", comparator: "<" });
  });

  it("reads plain numbers and percentages without a note", () => {
    expect(readRenstraTarget("72,18")).toMatchObject({ value: "72.18", notes: [] });
    expect(readRenstraTarget("100%")).toMatchObject({ value: "100", notes: [] });
  });

  it("keeps no target apart from an unreadable one", () => {
    expect(readRenstraTarget(" - ")).toMatchObject({ value: null, notes: [] });
    expect(readRenstraTarget("")).toMatchObject({ value: null, notes: [] });
    expect(readRenstraTarget("meningkat")).toMatchObject({ value: null, notes: ["unreadable"] });
  });

  it("never throws and always keeps the text as written", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const t = readRenstraTarget(text);
        expect(t.text).toBe(text);
        if (t.value !== null) expect(t.value).toMatch(/^-?\d+(\.\d+)?$/);
      }),
    );
  });

  it("reads back any number written the Indonesian way, with or without a bound", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom("", "≤ ", "≥ ", "< "),
        (whole, cents, bound) => {
          const fraction = cents === 0 ? "" : `,${String(cents).padStart(2, "0")}`;
          const t = readRenstraTarget(`${bound}${whole}${fraction}`, { decimalSeparator: "," });
          expect(Number(t.value)).toBeCloseTo(whole + cents / 100, 6);
          expect(t.notes.includes("bound")).toBe(bound !== "");
        },
      ),
    );
  });
});

describe("checkYearColumns", () => {
  it("reports order, repeats and gaps", () => {
    expect(checkYearColumns([2025, 2026, 2027, 2028, 2029])).toEqual({
      years: [2025, 2026, 2027, 2028, 2029],
      outOfOrder: false,
      duplicates: [],
      missing: [],
    });
    const bad = checkYearColumns([2025, 2027, 2026, 2029, 2029]);
    expect(bad).toMatchObject({ outOfOrder: true, duplicates: [2029], missing: [2028] });
  });

  it("sees any permutation of a period as the same years, out of order unless sorted", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([2025, 2026, 2027, 2028, 2029], { minLength: 5 }), (years) => {
        const check = checkYearColumns(years);
        expect(check.years).toEqual([2025, 2026, 2027, 2028, 2029]);
        expect(check.outOfOrder).toBe(years.join() !== "2025,2026,2027,2028,2029");
      }),
    );
  });
});

describe("targetDeparture", () => {
  const t = (text: string) => readRenstraTarget(text);
  it("judges by polarity", () => {
    expect(targetDeparture(t("80"), t("80,0"), "higher")).toBe("same");
    expect(targetDeparture(t("80"), t("75"), "higher")).toBe("weaker");
    expect(targetDeparture(t("80"), t("85"), "higher")).toBe("stronger");
    expect(targetDeparture(t("≤ 8,5"), t("9"), "lower")).toBe("weaker");
    expect(targetDeparture(t("≤ 8,5"), t("8"), "lower")).toBe("stronger");
    expect(targetDeparture(t("R4 : 11 Unit"), t("11"), "higher")).toBe("same");
    expect(targetDeparture(t("-"), t("11"), "higher")).toBe("not_comparable");
  });

  it("is antisymmetric: swapping the two targets swaps weaker and stronger", () => {
    const swapped = {
      weaker: "stronger",
      stronger: "weaker",
      same: "same",
      not_comparable: "not_comparable",
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom("higher" as const, "lower" as const),
        (a, b, polarity) => {
          const there = targetDeparture(t(String(a)), t(String(b)), polarity);
          expect(targetDeparture(t(String(b)), t(String(a)), polarity)).toBe(swapped[there]);
        },
      ),
    );
  });
});

it("names versions murni, perubahan I, II", () => {
  expect([1, 2, 3].map((v) => renstraVersionLabel(v).id)).toEqual(["Murni", "Perubahan I", "Perubahan II"]);
});
