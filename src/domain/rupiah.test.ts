import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRupiah } from "./decimal.js";
import { parseRupiah, rupiahAmount, wholeRupiah } from "./rupiah.js";

describe("reading a budget typed in the app", () => {
  it("reads Indonesian thousands, with or without Rp", () => {
    expect(parseRupiah("Rp 1.250.000")).toBe(1_250_000);
    expect(parseRupiah("Rp. 1.250.000")).toBe(1_250_000);
    expect(parseRupiah("rp1.250.000")).toBe(1_250_000);
    expect(parseRupiah("1250000")).toBe(1_250_000);
    expect(parseRupiah(" 1 250 000 ")).toBe(1_250_000);
    expect(parseRupiah("0")).toBe(0);
  });

  it("keeps a blank field as no budget", () => {
    for (const text of ["", "  ", "Rp", "Rp. "]) expect(parseRupiah(text), text).toBeNull();
  });

  it("refuses words, sen, negative amounts and amounts too large to hold exactly", () => {
    for (const text of ["seratus", "1.250,50", "-5000", "1,5", "12.34", "Rp 99.999.999.999.999.999"])
      expect(parseRupiah(text), text).toBeUndefined();
  });

  it("reads back every amount the app shows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        expect(parseRupiah(formatRupiah(amount))).toBe(amount);
      }),
    );
  });
});

describe("the amount of a Rupiah cell in an imported file", () => {
  it("reads either convention when the file's is given", () => {
    expect(rupiahAmount("Rp 19,251,846,945", { decimalSeparator: "." })).toBe("19251846945");
    expect(rupiahAmount("Rp 343.221.061.270", { decimalSeparator: "," })).toBe("343221061270");
    expect(rupiahAmount("1.500", { decimalSeparator: "." })).toBe("1.5");
  });

  it("takes only whole, non-negative amounts as Rupiah", () => {
    expect(wholeRupiah("343221061270")).toBe(343_221_061_270);
    for (const amount of ["1.5", "-3", "99999999999999999"])
      expect(wholeRupiah(amount), amount).toBeUndefined();
  });
});
