import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, canonical, compare, div, isZero, mul, round, sub, sum } from "./decimal.js";

/**
 * The fast paths: whole numbers against exact BigInt arithmetic, at and across its bounds (15 digits
 * for add, sub and compare, 7 for mul), with leading zeros, signs and "-0", and mixed with decimals
 * that take the exact path; decimals of up to 15 digits compared as numbers, and canonical text kept.
 */
const digits = (max: number) =>
  fc
    .tuple(fc.constantFrom("", "-"), fc.stringMatching(new RegExp(`^\\d{1,${max}}$`)))
    .map(([sign, d]) => `${sign}${d}`);
const wholeText = fc.oneof(
  digits(7),
  digits(15),
  digits(16),
  digits(20),
  fc.constantFrom("0", "-0", "007", "999999999999999"),
);
const exact = (value: string) => BigInt(value).toString();
const runs = { numRuns: 2000 };

describe("decimal fast path", () => {
  it("adds, subtracts and multiplies whole numbers exactly", () => {
    fc.assert(
      fc.property(wholeText, wholeText, (a, b) => {
        expect(add(a, b)).toBe((BigInt(a) + BigInt(b)).toString());
        expect(sub(a, b)).toBe((BigInt(a) - BigInt(b)).toString());
        expect(mul(a, b)).toBe((BigInt(a) * BigInt(b)).toString());
      }),
      runs,
    );
  });

  it("compares, tests zero and writes whole numbers canonically", () => {
    fc.assert(
      fc.property(wholeText, wholeText, (a, b) => {
        const [x, y] = [BigInt(a), BigInt(b)];
        expect(compare(a, b)).toBe(x === y ? 0 : x < y ? -1 : 1);
        expect(isZero(a)).toBe(x === 0n);
        expect(canonical(a)).toBe(exact(a));
      }),
      runs,
    );
  });

  it("gives the same sum whether the values are whole or written with a fraction of zeros", () => {
    fc.assert(
      fc.property(fc.array(digits(12), { maxLength: 50 }), (values) => {
        const withFraction = values.map((v) => `${v}.00`);
        const expected = values.reduce((n, v) => n + BigInt(v), 0n).toString();
        expect(sum(values)).toBe(expected);
        expect(sum(withFraction)).toBe(expected);
        expect(sum([...values, "0.5"])).toBe(add(expected, "0.5"));
      }),
      runs,
    );
  });

  it("compares decimals of up to 15 digits and beyond exactly, and writes them canonically", () => {
    const decimalText = fc
      .tuple(fc.constantFrom("", "-"), fc.stringMatching(/^\d{1,9}$/), fc.stringMatching(/^\d{0,9}$/))
      .map(([sign, i, f]) => (f ? `${sign}${i}.${f}` : `${sign}${i}`));
    /** a / 10^scale as an exact fraction, compared by cross-multiplying. */
    const exactOf = (value: string) => {
      const [i = "", f = ""] = value.replace("-", "").split(".");
      const units = BigInt(i + f) * (value.startsWith("-") ? -1n : 1n);
      return { units, scale: f.length };
    };
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const x = exactOf(a);
        const y = exactOf(b);
        const l = x.units * 10n ** BigInt(y.scale);
        const r = y.units * 10n ** BigInt(x.scale);
        expect(compare(a, b)).toBe(l === r ? 0 : l < r ? -1 : 1);
        const c = canonical(a);
        expect(compare(c, a)).toBe(0);
        expect(c).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
        expect(c).not.toBe("-0");
      }),
      runs,
    );
    expect(compare("0.1000000000000001", "0.1")).toBe(1);
    expect(compare("90.90909090909091", "90.90909090909090")).toBe(1);
  });

  it("adds and subtracts decimals exactly, within the double fast path's 15 digits and past them", () => {
    const decimalText = fc
      .tuple(fc.constantFrom("", "-"), fc.stringMatching(/^\d{1,12}$/), fc.stringMatching(/^\d{0,8}$/))
      .map(([sign, i, f]) => (f ? `${sign}${i}.${f}` : `${sign}${i}`));
    /** value × 10^8 in BigInt, then back to canonical text: the exact answer. */
    const units = (value: string) => {
      const [i = "", f = ""] = value.replace("-", "").split(".");
      return BigInt(i + f.padEnd(8, "0")) * (value.startsWith("-") ? -1n : 1n);
    };
    const text = (u: bigint) => {
      const digitsText = (u < 0n ? -u : u).toString().padStart(9, "0");
      const fraction = digitsText.slice(-8).replace(/0+$/, "");
      const body = `${digitsText.slice(0, -8)}${fraction ? `.${fraction}` : ""}`;
      return u < 0n && body !== "0" ? `-${body}` : body;
    };
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        expect(add(a, b)).toBe(text(units(a) + units(b)));
        expect(sub(a, b)).toBe(text(units(a) - units(b)));
      }),
      runs,
    );
    expect(add("93.45", "100")).toBe("193.45");
    expect(add("0.1", "0.2")).toBe("0.3");
    expect(sub("-0.50", "-0.5")).toBe("0");
  });

  /** n / d rounded half away from zero to a whole number, in BigInt. */
  const rounded = (n: bigint, d: bigint) => {
    const negative = n < 0n !== d < 0n;
    const [x, y] = [n < 0n ? -n : n, d < 0n ? -d : d];
    const q = (2n * x + y) / (2n * y);
    return negative ? -q : q;
  };
  /** units / 10^scale as canonical text. */
  const unitsText = (units: bigint, scale: number) => {
    const digitsText = (units < 0n ? -units : units).toString().padStart(scale + 1, "0");
    const intPart = digitsText.slice(0, digitsText.length - scale);
    const fraction = digitsText.slice(digitsText.length - scale).replace(/0+$/, "");
    const body = fraction ? `${intPart}.${fraction}` : intPart;
    return units < 0n && body !== "0" ? `-${body}` : body;
  };

  it("divides whole numbers exactly, rounding half away from zero, at and past the fast path's bounds", () => {
    const operand = fc.oneof(digits(4), digits(9), digits(15), digits(18));
    fc.assert(
      fc.property(operand, operand, fc.integer({ min: 0, max: 8 }), (a, b, places) => {
        fc.pre(BigInt(b) !== 0n);
        const expected = unitsText(rounded(BigInt(a) * 10n ** BigInt(places), BigInt(b)), places);
        expect(div(a, b, places)).toBe(expected);
      }),
      runs,
    );
    expect(div("2", "3", 4)).toBe("0.6667");
    expect(div("-1", "8", 2)).toBe("-0.13");
    expect(div("1", "-3", 0)).toBe("0");
  });

  it("rounds decimals of up to 15 digits and beyond half away from zero", () => {
    const decimalText = fc
      .tuple(fc.constantFrom("", "-"), fc.stringMatching(/^\d{1,10}$/), fc.stringMatching(/^\d{0,10}$/))
      .map(([sign, i, f]) => (f ? `${sign}${i}.${f}` : `${sign}${i}`));
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 6 }), (value, places) => {
        const [i = "", f = ""] = value.replace("-", "").split(".");
        const units = BigInt(i + f) * (value.startsWith("-") ? -1n : 1n);
        const expected =
          f.length <= places
            ? unitsText(units, f.length)
            : unitsText(rounded(units, 10n ** BigInt(f.length - places)), places);
        expect(round(value, places)).toBe(expected);
      }),
      runs,
    );
    expect(round("90.905", 2)).toBe("90.91");
    expect(round("-0.004", 2)).toBe("0");
    expect(round("99.995", 2)).toBe("100");
  });
});
