import { and, eq, inArray } from "drizzle-orm";
import { inSubtree } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import {
  dataElements,
  dataSetElements,
  dataSetOrgUnits,
  dataSetReports,
  orgUnits,
} from "../db/schema/index.js";
import { canonical, evaluate, type IndicatorDefinition, indicatorDataElements } from "../domain/index.js";
import type { Provenance } from "./types.js";

/** At most this many missing reports are named; the counts stay exact. */
const MISSING_SHOWN = 60;

/**
 * Which reports an evaluation expects for a set of data elements: every facility of the subtree
 * assigned to a data set holding one of them, for every month to date; and which of those the Dinas
 * approved. Read once per evaluation, then asked per definition.
 */
export async function loadCoverage(db: Reader, rootPath: string, months: string[], codes: string[]) {
  if (codes.length === 0 || months.length === 0) return () => ({ expected: 0, approved: 0, missing: [] });
  const [holding, assigned, approved] = await Promise.all([
    db
      .select({ code: dataElements.code, dataSetId: dataSetElements.dataSetId })
      .from(dataSetElements)
      .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
      .where(inArray(dataElements.code, codes)),
    db
      .select({ dataSetId: dataSetOrgUnits.dataSetId, orgUnitId: orgUnits.id, name: orgUnits.name })
      .from(dataSetOrgUnits)
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
      .where(inSubtree(rootPath)),
    db
      .select({
        dataSetId: dataSetReports.dataSetId,
        orgUnitId: dataSetReports.orgUnitId,
        period: dataSetReports.period,
      })
      .from(dataSetReports)
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
      .where(
        and(
          inSubtree(rootPath),
          inArray(dataSetReports.period, months),
          eq(dataSetReports.status, "approved"),
        ),
      ),
  ]);
  const done = new Set(approved.map((r) => `${r.dataSetId}|${r.orgUnitId}|${r.period}`));
  // Indicators fed by the same data sets expect the same reports: counted once per set of data sets.
  const counted = new Map<string, ReturnType<typeof count>>();
  const count = (sets: Set<string>, upTo: string[]) => {
    const expected = assigned
      .filter((a) => sets.has(a.dataSetId))
      .flatMap((a) => upTo.map((period) => ({ ...a, period })));
    const missing = expected.filter((e) => !done.has(`${e.dataSetId}|${e.orgUnitId}|${e.period}`));
    return {
      expected: expected.length,
      approved: expected.length - missing.length,
      missing: missing.slice(0, MISSING_SHOWN).map((m) => ({ orgUnitName: m.name, period: m.period })),
    };
  };
  return (elements: string[], upTo: string[]) => {
    const sets = new Set(holding.filter((h) => elements.includes(h.code)).map((h) => h.dataSetId));
    const key = `${[...sets].sort().join(",")}|${upTo.join(",")}`;
    const known = counted.get(key) ?? count(sets, upTo);
    counted.set(key, known);
    return known;
  };
}

export type Coverage = Awaited<ReturnType<typeof loadCoverage>>;

interface Source {
  id: string;
  code: string | null;
  name: string;
  kind: "ratio" | "count" | "direct";
  factor: number | null;
  numerator: string | null;
  denominator: string | null;
}

/** The provenance of a realisasi to date computed from a definition and the summed approved values. */
export function provenanceOf(
  source: Source,
  definition: IndicatorDefinition,
  values: Record<string, string> | null,
  coverage: Coverage,
  months: string[],
): Provenance {
  const elements = indicatorDataElements(definition).map((k) => k.split(".")[0] as string);
  const part = (tree: Parameters<typeof evaluate>[0]) => {
    if (!values) return null;
    const result = evaluate(tree, values);
    return result.computable ? canonical(result.value) : null;
  };
  const reports = coverage([...new Set(elements)], months);
  return {
    definitionId: source.id,
    definitionCode: source.code,
    definitionName: source.name,
    kind: source.kind,
    factor: source.factor,
    numerator: source.numerator ?? "",
    denominator: source.kind === "ratio" ? source.denominator : null,
    elements: [...new Set(elements)],
    numeratorSum: part(definition.kind === "ratio" ? definition.numerator.tree : definition.value.tree),
    denominatorSum: definition.kind === "ratio" ? part(definition.denominator.tree) : null,
    expectedReports: reports.expected,
    approvedReports: reports.approved,
    missing: reports.missing,
  };
}
