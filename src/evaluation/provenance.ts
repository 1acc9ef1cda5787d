import { eq, inArray, sql } from "drizzle-orm";
import { inSubtree } from "../auth/scope-sql.js";
import { approvedReportsOf } from "../data-entry/approved-values.js";
import type { Database, Reader } from "../db/client.js";
import {
  dataElements,
  dataSetElements,
  dataSetOrgUnits,
  dataSetReports,
  orgUnits,
} from "../db/schema/index.js";
import { canonical, evaluate, type IndicatorDefinition, indicatorDataElements } from "../domain/index.js";
import { pgArray } from "../lib/pg-array.js";
import type { Provenance } from "./types.js";

/** At most this many missing reports are named; the counts stay exact. */
const MISSING_SHOWN = 60;

interface SetCoverage {
  dataSetId: string;
  expected: number;
  approved: number;
  missingUnits: string[] | null;
  missingPeriods: string[] | null;
}

/**
 * Which reports an evaluation expects for a set of data elements: every facility of the subtree
 * assigned to a data set holding one of them, for every month to date; and which of those the Dinas
 * approved. Counted by the database per data set, with the first missing ones in tree order (a
 * province expects 13 000 reports: handed over one by one and matched here, they held the server's
 * thread for a tenth of a second), then asked per definition.
 */
export async function loadCoverage(
  db: Reader & Pick<Database, "execute">,
  rootPath: string,
  months: string[],
  codes: string[],
) {
  if (codes.length === 0 || months.length === 0) return () => ({ expected: 0, approved: 0, missing: [] });
  const [holding, counted] = await Promise.all([
    db
      .select({ code: dataElements.code, dataSetId: dataSetElements.dataSetId })
      .from(dataSetElements)
      .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
      .where(inArray(dataElements.code, codes)),
    db.execute(sql`select a.data_set_id as "dataSetId", count(*)::int as expected,
        count(r.period)::int as approved,
        (array_agg(${orgUnits.name} order by ${orgUnits.path}, m.period) filter (where r.period is null))[1:${sql.raw(String(MISSING_SHOWN))}] as "missingUnits",
        (array_agg(m.period order by ${orgUnits.path}, m.period) filter (where r.period is null))[1:${sql.raw(String(MISSING_SHOWN))}] as "missingPeriods"
      from ${dataSetOrgUnits} a
      join ${orgUnits} on ${orgUnits.id} = a.org_unit_id
      cross join unnest(${pgArray(months)}::text[]) m(period)
      left join (select data_set_id, org_unit_id, period from ${dataSetReports}
        where ${approvedReportsOf(rootPath, months)}) r
        on r.data_set_id = a.data_set_id and r.org_unit_id = a.org_unit_id and r.period = m.period
      where ${inSubtree(rootPath)} and a.data_set_id in (select dse.data_set_id
        from ${dataSetElements} dse join ${dataElements} de on de.id = dse.data_element_id
        where de.code = any(${pgArray(codes)}::text[]))
      group by a.data_set_id`),
  ]);
  const bySet = new Map(
    (counted as unknown as { rows: SetCoverage[] }).rows.map((c) => [c.dataSetId, c] as const),
  );
  return (elements: string[]) => {
    const sets = [...new Set(holding.filter((h) => elements.includes(h.code)).map((h) => h.dataSetId))];
    const found = sets.flatMap((id) => bySet.get(id) ?? []);
    return {
      expected: found.reduce((n, c) => n + c.expected, 0),
      approved: found.reduce((n, c) => n + c.approved, 0),
      missing: found
        .flatMap((c) =>
          (c.missingUnits ?? []).map((orgUnitName, i) => ({
            orgUnitName,
            period: c.missingPeriods?.[i] ?? "",
          })),
        )
        .slice(0, MISSING_SHOWN),
    };
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
): Provenance {
  const elements = indicatorDataElements(definition).map((k) => k.split(".")[0] as string);
  const part = (tree: Parameters<typeof evaluate>[0]) => {
    if (!values) return null;
    const result = evaluate(tree, values);
    return result.computable ? canonical(result.value) : null;
  };
  const reports = coverage([...new Set(elements)]);
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
