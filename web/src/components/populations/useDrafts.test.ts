import { describe, expect, it } from "vitest";
import type { GridRow } from "./populationsApi";
import { cellKey, draftState } from "./useDrafts";

const row = {
  orgUnitId: "u1",
  code: "32.76.01.P1",
  name: "Puskesmas Beji",
  type: "puskesmas",
  depth: 2,
  cells: { bumil: { value: "38000" }, bayi: null },
} as unknown as GridRow;

describe("a population figure typed into the grid", () => {
  it("is unchanged when it reads as the saved figure, the Indonesian way or not", () => {
    expect(draftState("38.000", row, "bumil")).toBeUndefined();
    expect(draftState("38000", row, "bumil")).toBeUndefined();
    expect(draftState(undefined, row, "bumil")).toBeUndefined();
  });

  it("is a change when it differs, or when a figure is typed where none was saved", () => {
    expect(draftState("38.001", row, "bumil")).toBe("changed");
    expect(draftState("1.200", row, "bayi")).toBe("changed");
    expect(draftState("", row, "bumil")).toBe("changed");
  });

  it("is refused when it is not a whole number of people", () => {
    for (const text of ["dua ratus", "12,5", "-3"])
      expect(draftState(text, row, "bumil"), text).toBe("invalid");
  });

  it("is kept under its unit and category", () => {
    expect(cellKey("u1", "bumil")).toBe("u1|bumil");
  });
});
