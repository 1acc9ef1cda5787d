import { describe, expect, it } from "vitest";
import type { Plan, PlanIndicator, PlanNode } from "../../../../src/plans/schemas";
import { buildRows, cellKey, cellOrder, childLevelOf, siblingsOf } from "./rows";

const indicator = (id: string) => ({ id }) as PlanIndicator;
const node = (id: string, level: PlanNode["level"], parentId: string | null, indicators: string[] = []) =>
  ({ id, level, parentId, indicators: indicators.map(indicator) }) as unknown as PlanNode;

// A sasaran with two indicators, its program without one, and a kegiatan with one.
const nodes = [
  node("s", "sasaran", null, ["i1", "i2"]),
  node("p", "program", "s"),
  node("k", "kegiatan", "p", ["i3"]),
  node("p2", "program", "s"),
];
const plan = { nodes } as unknown as Plan;

describe("the RAK table's rows", () => {
  it("has one row per indicator and one for a node without any, in document order", () => {
    const { rows } = buildRows(nodes);
    expect(rows.map((r) => `${r.owner.id}/${r.indicator?.id ?? "-"}`)).toEqual([
      "s/i1",
      "s/i2",
      "p/-",
      "k/i3",
      "p2/-",
    ]);
    expect(rows[3]?.chain).toEqual({ sasaran: nodes[0], program: nodes[1], kegiatan: nodes[2] });
  });

  it("merges a name cell over all the rows of the node and its descendants", () => {
    const { firstRow, rowCount } = buildRows(nodes);
    expect([firstRow.get("s"), rowCount.get("s")]).toEqual([0, 5]);
    expect([firstRow.get("p"), rowCount.get("p")]).toEqual([2, 2]);
    expect([firstRow.get("p2"), rowCount.get("p2")]).toEqual([4, 1]);
  });
});

describe("moving through the table by keyboard", () => {
  it("goes name, each indicator's unit and targets, then budget, node after node", () => {
    const order = cellOrder(plan);
    expect(order.slice(0, 8)).toEqual([
      cellKey("s", "name"),
      "i1:unit",
      "i1:targetYear",
      "i1:targetQ1",
      "i1:targetQ2",
      "i1:targetQ3",
      "i1:targetQ4",
      "i2:unit",
    ]);
    expect(order.indexOf("s:budget")).toBe(13);
    expect(order.at(-1)).toBe("p2:budget");
  });
});

describe("the structure rules the menus use", () => {
  it("offers the next level down, and nothing below a sub kegiatan", () => {
    expect(childLevelOf.sasaran).toBe("program");
    expect(childLevelOf.sub_kegiatan).toBeNull();
  });

  it("moves a node only among its siblings", () => {
    expect(siblingsOf(plan, nodes[1] as PlanNode).map((n) => n.id)).toEqual(["p", "p2"]);
  });
});
