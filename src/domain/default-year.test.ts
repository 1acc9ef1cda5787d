import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultYear } from "./default-year.js";

const today = new Date("2026-12-02T09:00:00+07:00");

describe("the year a screen opens on", () => {
  it("is the latest year with data when this year has none (the demo's 2024 in 2026)", () => {
    expect(defaultYear([2024], today)).toBe(2024);
    expect(defaultYear([2019, 2024, 2021], today)).toBe(2024);
  });

  it("is this year once it has data", () => {
    expect(defaultYear([2024, 2026], today)).toBe(2026);
  });

  it("does not jump to a year ahead while a year that has begun has data", () => {
    expect(defaultYear([2025, 2027], today)).toBe(2025);
  });

  it("is the nearest coming year when only coming years have data, and this year without any", () => {
    expect(defaultYear([2028, 2027], today)).toBe(2027);
    expect(defaultYear([], today)).toBe(2026);
  });

  it("is always one of the years with data when there are any", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2000, max: 2040 }), { minLength: 1 }), (years) => {
        expect(years).toContain(defaultYear(years, today));
      }),
    );
  });
});
