import type { Plan, PlanIndicator, PlanNode } from "../../../../src/plans/schemas";

export type Level = PlanNode["level"];

export const levelOrder: Level[] = ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"];

/** The level a new child of a node gets (null: nothing goes below a sub kegiatan). */
export const childLevelOf: Record<Level, Level | null> = {
  tujuan: "sasaran",
  sasaran: "program",
  program: "kegiatan",
  kegiatan: "sub_kegiatan",
  sub_kegiatan: null,
};

export interface Row {
  owner: PlanNode;
  indicator: PlanIndicator | null;
  /** The owner and its ancestors by level, for the merged name columns. */
  chain: Partial<Record<Level, PlanNode>>;
}

/** One row per indicator (or per node without one), in document order. */
export function buildRows(nodes: PlanNode[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rows: Row[] = [];
  const firstRow = new Map<string, number>();
  const rowCount = new Map<string, number>();
  for (const node of nodes) {
    const chain: Row["chain"] = {};
    for (let n: PlanNode | undefined = node; n; n = n.parentId ? byId.get(n.parentId) : undefined) {
      chain[n.level] = n;
    }
    const indicators = node.indicators.length ? node.indicators : [null];
    for (const indicator of indicators) {
      for (const ancestor of Object.values(chain)) {
        if (!firstRow.has(ancestor.id)) firstRow.set(ancestor.id, rows.length);
        rowCount.set(ancestor.id, (rowCount.get(ancestor.id) ?? 0) + 1);
      }
      rows.push({ owner: node, indicator, chain });
    }
  }
  return { rows, firstRow, rowCount };
}

export const indicatorFields = [
  "unit",
  "targetYear",
  "targetQ1",
  "targetQ2",
  "targetQ3",
  "targetQ4",
] as const;
export type IndicatorField = (typeof indicatorFields)[number];
export type NodeField = "name" | "budget";

/** Cells are addressed as "<entity id>:<field>"; the order is the spreadsheet's Tab order. */
export const cellKey = (id: string, field: IndicatorField | NodeField) => `${id}:${field}`;

export function cellOrder(plan: Plan): string[] {
  const keys: string[] = [];
  for (const node of plan.nodes) {
    keys.push(cellKey(node.id, "name"));
    for (const ind of node.indicators) for (const f of indicatorFields) keys.push(cellKey(ind.id, f));
    keys.push(cellKey(node.id, "budget"));
  }
  return keys;
}

/** Siblings of a node in document order, for moving it up or down. */
export function siblingsOf(plan: Plan, node: PlanNode) {
  return plan.nodes.filter((n) => n.parentId === node.parentId);
}
