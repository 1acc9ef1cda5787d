import { describe, expect, it } from "vitest";
import type { Scorecard } from "../../../../src/scorecard/schemas";
import { periodsOf, visibleRows } from "./table";

const cell = (value: string | null, rank: number | null) => ({
  value,
  numerator: null,
  denominator: null,
  band: null,
  previous: null,
  trend: null,
  rank,
});
const row = (name: string, value: string | null, rank: number | null) => ({
  id: name,
  name,
  type: "puskesmas",
  hasChildren: false,
  cells: [cell(value, rank)],
});
const card = {
  rows: [
    row("Banjarsari", "80", 2),
    row("Yosomulyo", "95.5", 1),
    row("Iringmulyo", null, null),
    row("Ganjar", "60", 3),
  ],
  total: { cells: [cell("78", null)] },
} as unknown as Scorecard;

describe("the rows a scorecard shows", () => {
  it("sorts by a column with missing values last either way", () => {
    const view = { sort: 0, descending: true, show: "all", average: "all" } as const;
    expect(visibleRows(card, view).map((r) => r.name)).toEqual([
      "Yosomulyo",
      "Banjarsari",
      "Ganjar",
      "Iringmulyo",
    ]);
    expect(visibleRows(card, { ...view, descending: false }).map((r) => r.name)).toEqual([
      "Ganjar",
      "Banjarsari",
      "Yosomulyo",
      "Iringmulyo",
    ]);
  });

  it("keeps the best or worst N by rank, and those above or below the parent's figure", () => {
    const view = { sort: 0, descending: true, show: "top5", average: "all" } as const;
    expect(visibleRows(card, { ...view, show: "bottom5" }).map((r) => r.name)).toHaveLength(3);
    expect(visibleRows(card, { ...view, show: "all", average: "above" }).map((r) => r.name)).toEqual([
      "Yosomulyo",
      "Banjarsari",
    ]);
    expect(visibleRows(card, { ...view, show: "all", average: "below" }).map((r) => r.name)).toEqual([
      "Ganjar",
    ]);
  });

  it("lists the periods of a year", () => {
    expect(periodsOf(2024, "quarter")).toEqual(["2024Q1", "2024Q2", "2024Q3", "2024Q4"]);
    expect(periodsOf(2024, "month")).toHaveLength(12);
  });
});
