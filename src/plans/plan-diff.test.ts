import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../demo/rak-metro-2024.js";
import { diffPlans, flatten, matchPlans, type PlanChange } from "./plan-diff.js";
import type { RakDocument, RakIndicatorRow } from "./rak-document.js";

const figure = fc.oneof(fc.constant("-"), fc.integer({ min: 0, max: 500 }).map(String));
const indicator: fc.Arbitrary<RakIndicatorRow> = fc.record({
  name: fc.stringMatching(/^[a-z]{1,8}$/),
  unit: fc.constantFrom("%", "kasus", "orang"),
  target: figure,
  quarters: fc.tuple(figure, figure, figure, figure),
});
// Rows of one node have different names, as the catalogue requires.
const rows = fc.uniqueArray(indicator, { maxLength: 3, selector: (r) => r.name });
const budget = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null });
const documents: fc.Arbitrary<RakDocument> = fc.record({
  title: fc.constant("RAK"),
  orgUnitName: fc.constant("Dinkes"),
  year: fc.constant(2024),
  signatory: fc.constant({ position: "Kepala", name: "A", nip: "1" }),
  sasaran: fc.array(
    fc.record({
      name: fc.string({ minLength: 1, maxLength: 6 }),
      budget,
      indicators: rows,
      programs: fc.array(
        fc.record({
          code: fc.string({ minLength: 1, maxLength: 4 }),
          name: fc.string({ minLength: 1, maxLength: 6 }),
          budget,
          indicators: rows,
          kegiatan: fc.array(
            fc.record({
              name: fc.string({ minLength: 1, maxLength: 6 }),
              budget,
              indicators: rows,
            }),
            { maxLength: 2 },
          ),
        }),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 2 },
  ),
});

/** The figures of a document: every budget and target, by row position. */
const figuresOf = (doc: RakDocument) =>
  flatten(doc).map((n) => ({
    budget: n.budget,
    rows: n.indicators.map((r) => ({ name: r.name, target: r.target })),
  }));

/** The same structure with new figures and some names changed (an edit of the workbook in place). */
const edited = (doc: RakDocument, seed: number): RakDocument => {
  let n = seed;
  const next = () => {
    n = (n * 1_103_515_245 + 12_345) % 2_147_483_648;
    return n;
  };
  const row = (r: RakIndicatorRow): RakIndicatorRow =>
    next() % 3 === 0
      ? { ...r, target: String(next() % 999), name: next() % 2 ? `${r.name} baru` : r.name }
      : r;
  const money = (b: number | null) => (next() % 3 === 0 ? next() % 9999 : b);
  return {
    ...doc,
    sasaran: doc.sasaran.map((s) => ({
      ...s,
      budget: money(s.budget),
      indicators: s.indicators.map(row),
      programs: s.programs.map((p) => ({
        ...p,
        budget: money(p.budget),
        indicators: p.indicators.map(row),
        kegiatan: p.kegiatan.map((k) => ({
          ...k,
          budget: money(k.budget),
          indicators: k.indicators.map(row),
        })),
      })),
    })),
  };
};

describe("the difference between two versions of a RAK", () => {
  it("is empty between a version and itself", () => {
    fc.assert(
      fc.property(documents, (doc) => {
        expect(diffPlans(doc, structuredClone(doc))).toEqual([]);
      }),
    );
  });

  it("gives back the new version's figures when applied to the old one", () => {
    fc.assert(
      fc.property(documents, fc.nat(), (doc, seed) => {
        const after = edited(doc, seed);
        const { nodes, indicators } = matchPlans(doc, after);
        const figures = figuresOf(doc);
        // Applying: each matched row takes the change listed for it, in the order the diff lists them.
        const changes = diffPlans(doc, after);
        const budgets = changes.filter((c) => c.kind === "budgetChanged");
        for (const [i, j] of nodes) {
          const change = budgets.find((c) => c.path.join("/") === flatten(after)[j]?.path.join("/"));
          if (change) (figures[i] as { budget: number | null }).budget = change.to;
        }
        for (const [[i, a], [j, b]] of indicators) {
          const row = figures[i]?.rows[a] as { name: string; target: string };
          const path = flatten(after)[j]?.path.join("/");
          const here = (c: PlanChange) => "path" in c && c.path.join("/") === path;
          const renamed = changes.find(
            (c) => here(c) && c.kind === "indicatorRenamed" && c.from === row.name,
          );
          if (renamed?.kind === "indicatorRenamed") row.name = renamed.to;
          const target = changes.find(
            (c) =>
              here(c) &&
              c.kind === "targetChanged" &&
              c.field === "target" &&
              c.name === row.name &&
              c.from === row.target,
          );
          if (target?.kind === "targetChanged") row.target = target.to;
          expect(b).toBe(a);
        }
        expect(figures).toEqual(figuresOf(after));
      }),
    );
  });

  it("lists exactly a changed target and a renamed indicator in the demo RAK", () => {
    const after = structuredClone(rakMetro2024);
    const sasaran = after.sasaran[0];
    if (!sasaran?.indicators[0] || !sasaran.indicators[1]) throw new Error("demo changed");
    sasaran.indicators[0].target = "73";
    sasaran.indicators[1].name = "Cakupan Peserta JKN";
    const { changes, indicators } = matchPlans(rakMetro2024, after);
    expect(changes).toEqual([
      {
        kind: "targetChanged",
        path: [sasaran.name],
        name: "Angka Harapan Hidup",
        field: "target",
        from: "72.18",
        to: "73",
      },
      {
        kind: "indicatorRenamed",
        path: [sasaran.name],
        from: "Persentase Peserta Jaminan Kesehatan Nasional (JKN)",
        to: "Cakupan Peserta JKN",
      },
    ]);
    expect(indicators).toHaveLength(flatten(after).reduce((n, node) => n + node.indicators.length, 0));
  });

  it("shows a removed program with its indicators and an added kegiatan", () => {
    const after = structuredClone(rakMetro2024);
    const sasaran = after.sasaran[0];
    if (!sasaran) throw new Error("demo changed");
    const [removed] = sasaran.programs.splice(1, 1);
    sasaran.programs[0]?.kegiatan.push({ name: "Kegiatan baru", budget: 1000, indicators: [] });
    const changes = diffPlans(rakMetro2024, after);
    const kinds = changes.map((c) => c.kind);
    expect(kinds.filter((k) => k === "nodeRemoved")).toHaveLength(1 + (removed?.kegiatan.length ?? 0));
    expect(changes).toContainEqual({
      kind: "nodeAdded",
      path: [sasaran.name, sasaran.programs[0]?.name, "Kegiatan baru"],
      level: "kegiatan",
      code: null,
      budget: 1000,
    });
  });

  it("treats a different unit in a renamed row as one removed and one added indicator", () => {
    const after = structuredClone(rakMetro2024);
    const row = after.sasaran[0]?.indicators[0];
    if (!row) throw new Error("demo changed");
    row.name = "Usia harapan hidup";
    row.unit = "tahun";
    const kinds = diffPlans(rakMetro2024, after).map((c) => c.kind);
    expect(kinds).toEqual(["indicatorRemoved", "indicatorAdded"]);
  });
});
