import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  canonical,
  compare,
  div,
  formatNumberId,
  formatRupiah,
  mul,
  parseDecimal,
  round,
  splitEvenly,
  sub,
  sum,
} from "./decimal.js";
import { DomainError } from "./errors.js";

describe("parsing numbers as people write them", () => {
  it.each([
    ["72.18", "72.18"],
    ["72,18", "72.18"],
    ["1,234.56", "1234.56"],
    ["1.234,56", "1234.56"],
    ["343,221,061,270", "343221061270"],
    ["343.221.061.270", "343221061270"],
    ["0.013", "0.013"],
    ["0,013", "0.013"],
    ["194.39", "194.39"],
    ["8.50", "8.5"],
    [" -12 ", "-12"],
    ["100", "100"],
  ])("reads %s as %s", (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it("reads a single separator followed by three digits as thousands (documented ambiguity rule)", () => {
    expect(parseDecimal("1.234")).toBe("1234");
    expect(parseDecimal("72,180")).toBe("72180");
    expect(parseDecimal("1234.567")).toBe("1234.567");
  });

  it("lets an import that knows its convention override the guess", () => {
    expect(parseDecimal("1.234", { decimalSeparator: "." })).toBe("1.234");
    expect(parseDecimal("1,234", { decimalSeparator: "," })).toBe("1.234");
    expect(parseDecimal("1,234.5", { decimalSeparator: "." })).toBe("1234.5");
  });

  it.each(["", "abc", "1..2", "1,23,4", "1.234,5.6", "12,34.5", ".5", "5.", "1e5", "--1", "Rp 10"])(
    "rejects %j with a DomainError",
    (text) => {
      expect(() => parseDecimal(text)).toThrow(DomainError);
    },
  );

  it("never throws anything but DomainError, whatever is pasted in", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-+]?[\d.,]{0,12}$/), fc.anything()), (input) => {
        try {
          parseDecimal(input as string);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
        }
      }),
    );
  });
});

describe("exact arithmetic on targets", () => {
  it("adds quarterly targets without float drift", () => {
    expect(sum(["2.13", "2.13", "2.13", "2.13"])).toBe("8.52");
    expect(sum(["0.003", "0.003", "0.003", "0.003"])).toBe("0.012");
    expect(add("0.1", "0.2")).toBe("0.3");
    expect(sub("8.52", "8.5")).toBe("0.02");
    expect(sub("0.012", "0.013")).toBe("-0.001");
  });

  it("multiplies and divides with a stated precision, rounding half away from zero", () => {
    expect(mul("48.59", "4")).toBe("194.36");
    expect(div("1", "3", 4)).toBe("0.3333");
    expect(div("2", "3", 2)).toBe("0.67");
    expect(div("-1", "8", 2)).toBe("-0.13");
    expect(round("90.005", 2)).toBe("90.01");
    expect(round("-0.0004", 3)).toBe("0");
  });

  it("refuses division by zero with a DomainError, not Infinity", () => {
    expect(() => div("1", "0", 2)).toThrowError(expect.objectContaining({ code: "DIVISION_BY_ZERO" }));
  });

  it("compares numbers written with different precision", () => {
    expect(compare("8.50", "8.5")).toBe(0);
    expect(compare("0.012", "0.013")).toBe(-1);
    expect(compare("-1", "-2")).toBe(1);
    expect(canonical("-0.000")).toBe("0");
  });

  it("splits an amount into parts that add back exactly, remainder to the last parts", () => {
    expect(splitEvenly("93", 4, 0)).toEqual(["23", "23", "23", "24"]);
    expect(splitEvenly("22", 4, 0)).toEqual(["5", "5", "6", "6"]);
    expect(splitEvenly("0.013", 4, 3)).toEqual(["0.003", "0.003", "0.003", "0.004"]);
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 1, max: 12 }),
        (n, parts) => {
          const value = div(`${n}`, "100", 2);
          expect(compare(sum(splitEvenly(value, parts, 2)), value)).toBe(0);
        },
      ),
    );
  });
});

describe("Indonesian display", () => {
  it("formats numbers with comma decimals and dot thousands", () => {
    expect(formatNumberId("72.18")).toBe("72,18");
    expect(formatNumberId("1234.56")).toBe("1.234,56");
    expect(formatNumberId("1234.5", 2)).toBe("1.234,50");
    expect(formatNumberId("8.525", 2)).toBe("8,53");
    expect(formatNumberId("12345678901234567890.12")).toBe("12.345.678.901.234.567.890,12");
  });

  it("formats Rupiah with a plain space after Rp", () => {
    expect(formatRupiah("343221061270")).toBe("Rp 343.221.061.270");
    expect(formatRupiah(70_000_000)).toBe("Rp 70.000.000");
    expect(formatRupiah(288199777013n)).toBe("Rp 288.199.777.013");
  });

  it("refuses fractional Rupiah", () => {
    expect(() => formatRupiah("10.5")).toThrow(DomainError);
    expect(() => formatRupiah(10.5)).toThrow(DomainError);
  });
});
