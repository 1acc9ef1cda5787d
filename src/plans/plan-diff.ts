import type { RakDocument, RakIndicatorRow, RakKegiatan } from "./rak-document.js";

/**
 * What changed between two versions of a RAK, and which rows of the old one are "the same" rows of
 * the new one (so their realisasi and analysis carry over). Pure: no I/O.
 *
 * Matching rule:
 * - A node is matched by its path: level plus its code when it has one, else its name (trimmed,
 *   spaces collapsed, case ignored), under a matched parent. A coded node whose name changed is
 *   renamed; an uncoded node whose name changed is removed and added (with everything under it).
 * - Within a matched node an indicator is matched first by name (normalised as above), which with
 *   its unit is what makes it the same catalogue indicator; the indicators left over on both sides
 *   are then paired in order when they have the same unit: that is a rename. The rest are added or
 *   removed.
 * - Order alone (a row moved within its node) is not a change.
 */

export type TargetField = "unit" | "polarity" | "target" | "q1" | "q2" | "q3" | "q4";
export type DocumentField = "title" | "signatoryPosition" | "signatoryName" | "signatoryNip";
type Level = "sasaran" | "program" | "kegiatan" | "sub_kegiatan";

export type PlanChange =
  | { kind: "documentChanged"; field: DocumentField; from: string; to: string }
  | { kind: "nodeAdded"; path: string[]; level: Level; code: string | null; budget: number | null }
  | { kind: "nodeRemoved"; path: string[]; level: Level; code: string | null; budget: number | null }
  | { kind: "nodeRenamed"; path: string[]; level: Level; code: string | null; from: string; to: string }
  | { kind: "budgetChanged"; path: string[]; from: number | null; to: number | null }
  | { kind: "indicatorAdded"; path: string[]; name: string; unit: string; target: string }
  | { kind: "indicatorRemoved"; path: string[]; name: string; unit: string; target: string }
  | { kind: "indicatorRenamed"; path: string[]; from: string; to: string }
  | { kind: "targetChanged"; path: string[]; name: string; field: TargetField; from: string; to: string };

export type PlanChangeKind = PlanChange["kind"];

/** A node in document order (depth-first, the order the store writes and reads them). */
export interface FlatNode {
  level: Level;
  code: string | null;
  name: string;
  budget: number | null;
  parent: number | null;
  indicators: RakIndicatorRow[];
  /** Node names from the sasaran down to this node, for showing where a change is. */
  path: string[];
}

export interface PlanMatch {
  /** Pairs of node indexes (old, new) in document order. */
  nodes: Array<[number, number]>;
  /** Pairs of [node index, indicator index] (old, new). */
  indicators: Array<[[number, number], [number, number]]>;
  changes: PlanChange[];
}

const normal = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

export function flatten(doc: RakDocument): FlatNode[] {
  const out: FlatNode[] = [];
  const add = (
    level: Level,
    node: { code?: string; name: string; budget: number | null; indicators: RakIndicatorRow[] },
    parent: number | null,
  ) => {
    const path = [...(parent === null ? [] : (out[parent]?.path ?? [])), node.name];
    out.push({
      level,
      code: node.code ?? null,
      name: node.name,
      budget: node.budget,
      parent,
      path,
      indicators: node.indicators,
    });
    return out.length - 1;
  };
  const kegiatan = (k: RakKegiatan, level: "kegiatan" | "sub_kegiatan", parent: number) => {
    const id = add(level, k, parent);
    for (const sub of k.subKegiatan ?? []) kegiatan(sub, "sub_kegiatan", id);
  };
  for (const s of doc.sasaran) {
    const sid = add("sasaran", s, null);
    for (const p of s.programs) {
      const pid = add("program", p, sid);
      for (const k of p.kegiatan) kegiatan(k, "kegiatan", pid);
    }
  }
  return out;
}

/** Each node's identity under its parent; a repeated sibling key gets its occurrence number. */
function nodeKeys(nodes: FlatNode[]): string[] {
  const keys: string[] = [];
  const seen = new Map<string, number>();
  for (const n of nodes) {
    const own = `${n.parent === null ? "" : keys[n.parent]}/${n.level}:${n.code ? `#${n.code}` : normal(n.name)}`;
    const count = seen.get(own) ?? 0;
    seen.set(own, count + 1);
    keys.push(count ? `${own}~${count}` : own);
  }
  return keys;
}

const figures = (r: RakIndicatorRow): Record<TargetField, string> => ({
  unit: r.unit,
  polarity: r.polarity ?? "higher",
  target: r.target,
  q1: r.quarters[0],
  q2: r.quarters[1],
  q3: r.quarters[2],
  q4: r.quarters[3],
});
const TARGET_FIELDS: TargetField[] = ["unit", "polarity", "target", "q1", "q2", "q3", "q4"];

/** Pairs a node's old and new indicators by the matching rule; returns [old index, new index] pairs. */
function pairIndicators(before: RakIndicatorRow[], after: RakIndicatorRow[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const usedAfter = new Set<number>();
  const leftBefore: number[] = [];
  for (const [i, r] of before.entries()) {
    const j = after.findIndex((a, k) => !usedAfter.has(k) && normal(a.name) === normal(r.name));
    if (j < 0) leftBefore.push(i);
    else {
      usedAfter.add(j);
      pairs.push([i, j]);
    }
  }
  for (const i of leftBefore) {
    const unit = normal(before[i]?.unit ?? "");
    const j = after.findIndex((a, k) => !usedAfter.has(k) && normal(a.unit) === unit);
    if (j >= 0) {
      usedAfter.add(j);
      pairs.push([i, j]);
    }
  }
  return pairs;
}

/** Matches the rows of two versions and lists what changed from `before` to `after`. */
export function matchPlans(before: RakDocument, after: RakDocument): PlanMatch {
  const changes: PlanChange[] = [];
  const documentFields: Array<[DocumentField, string, string]> = [
    ["title", before.title, after.title],
    ["signatoryPosition", before.signatory.position, after.signatory.position],
    ["signatoryName", before.signatory.name, after.signatory.name],
    ["signatoryNip", before.signatory.nip, after.signatory.nip],
  ];
  for (const [field, from, to] of documentFields) {
    if (from.trim() !== to.trim()) changes.push({ kind: "documentChanged", field, from, to });
  }
  const oldNodes = flatten(before);
  const newNodes = flatten(after);
  const oldKeys = nodeKeys(oldNodes);
  const newIndex = new Map(nodeKeys(newNodes).map((k, i) => [k, i]));
  const nodes: Array<[number, number]> = [];
  const indicators: PlanMatch["indicators"] = [];
  const matchedNew = new Set<number>();
  for (const [i, old] of oldNodes.entries()) {
    const j = newIndex.get(oldKeys[i] as string);
    const now = j === undefined ? undefined : newNodes[j];
    if (j === undefined || !now) {
      changes.push({
        kind: "nodeRemoved",
        path: old.path,
        level: old.level,
        code: old.code,
        budget: old.budget,
      });
      for (const r of old.indicators) {
        changes.push({
          kind: "indicatorRemoved",
          path: old.path,
          name: r.name,
          unit: r.unit,
          target: r.target,
        });
      }
      continue;
    }
    nodes.push([i, j]);
    matchedNew.add(j);
    if (old.name.trim() !== now.name.trim()) {
      changes.push({
        kind: "nodeRenamed",
        path: now.path,
        level: now.level,
        code: now.code,
        from: old.name,
        to: now.name,
      });
    }
    if (old.budget !== now.budget) {
      changes.push({ kind: "budgetChanged", path: now.path, from: old.budget, to: now.budget });
    }
    const pairs = pairIndicators(old.indicators, now.indicators);
    const pairedOld = new Set(pairs.map(([a]) => a));
    const pairedNew = new Set(pairs.map(([, b]) => b));
    for (const [a, b] of pairs) {
      indicators.push([
        [i, a],
        [j, b],
      ]);
      const was = old.indicators[a] as RakIndicatorRow;
      const is = now.indicators[b] as RakIndicatorRow;
      if (was.name.trim() !== is.name.trim()) {
        changes.push({ kind: "indicatorRenamed", path: now.path, from: was.name, to: is.name });
      }
      const [f0, f1] = [figures(was), figures(is)];
      for (const field of TARGET_FIELDS) {
        if (f0[field] !== f1[field]) {
          changes.push({
            kind: "targetChanged",
            path: now.path,
            name: is.name,
            field,
            from: f0[field],
            to: f1[field],
          });
        }
      }
    }
    for (const [a, r] of old.indicators.entries()) {
      if (!pairedOld.has(a)) {
        changes.push({
          kind: "indicatorRemoved",
          path: now.path,
          name: r.name,
          unit: r.unit,
          target: r.target,
        });
      }
    }
    for (const [b, r] of now.indicators.entries()) {
      if (!pairedNew.has(b)) {
        changes.push({
          kind: "indicatorAdded",
          path: now.path,
          name: r.name,
          unit: r.unit,
          target: r.target,
        });
      }
    }
  }
  for (const [j, n] of newNodes.entries()) {
    if (matchedNew.has(j)) continue;
    changes.push({ kind: "nodeAdded", path: n.path, level: n.level, code: n.code, budget: n.budget });
    for (const r of n.indicators) {
      changes.push({ kind: "indicatorAdded", path: n.path, name: r.name, unit: r.unit, target: r.target });
    }
  }
  return { nodes, indicators, changes };
}

/** What changed from `before` to `after`; empty when the content is the same. */
export const diffPlans = (before: RakDocument, after: RakDocument) => matchPlans(before, after).changes;
