import { describe, expect, it } from "vitest";
import { type CascadeRow, formatRealisasi, headingsBefore } from "./cascade";

it("shows a computed realisasi to two digits and an entered one as entered", () => {
  expect(formatRealisasi("9.488235294")).toBe("9,49");
  expect(formatRealisasi("72.2")).toBe("72,2");
  expect(formatRealisasi("100")).toBe("100");
});

const row = (tujuan: string, sasaran: string | null, program: string | null) =>
  ({ tujuan, sasaran, program }) as CascadeRow;

describe("headingsBefore", () => {
  it("heads a row with each level that changed, and the levels under it", () => {
    const rows = [
      row("T", null, null),
      row("T", "S1", null),
      row("T", "S1", "P1"),
      row("T", "S1", "P1"),
      row("T", "S2", "P1"),
    ];
    expect(headingsBefore(rows, 0)).toEqual([{ level: "tujuan", name: "T" }]);
    expect(headingsBefore(rows, 1)).toEqual([{ level: "sasaran", name: "S1" }]);
    expect(headingsBefore(rows, 2)).toEqual([{ level: "program", name: "P1" }]);
    expect(headingsBefore(rows, 3)).toEqual([]);
    // A program of the same name under another sasaran is headed again.
    expect(headingsBefore(rows, 4)).toEqual([
      { level: "sasaran", name: "S2" },
      { level: "program", name: "P1" },
    ]);
  });
});
