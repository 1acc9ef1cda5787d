import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { inSubtree, subtreePattern, unitInSubtree } from "../auth/scope-sql.js";
import type { Database, Reader } from "../db/client.js";
import { approvedTotals, dataElements, dataSetReports, orgUnits } from "../db/schema/index.js";
import { chunks } from "../lib/chunks.js";
import { pgArray } from "../lib/pg-array.js";

/**
 * The reports of a subtree's units over some months that the Dinas approved, as a condition on
 * data_set_reports: what the SPM's report tally and the evaluation's coverage both count (a kota's
 * found through the (unit, period) index, see unitInSubtree).
 */
export function approvedReportsOf(rootPath: string, months: readonly string[]): SQL {
  return and(
    eq(dataSetReports.status, "approved"),
    inArray(dataSetReports.period, [...months]),
    unitInSubtree(dataSetReports.orgUnitId, subtreePattern(rootPath)),
  ) as SQL;
}

/**
 * The approved values of a subtree, per reporting facility, data element and month: what the
 * indicator preview shows. A value counts only when the report of a data set holding that element,
 * for that facility and month, was approved by the Dinas. That rule is applied once, by the database
 * as it keeps approved_totals (migration 0019): its `own` rows are the counted values.
 */
export async function approvedValues(db: Reader, rootPath: string, months: string[], codes: string[]) {
  if (codes.length === 0 || months.length === 0) return [];
  return db
    .select({
      orgUnitId: approvedTotals.orgUnitId,
      element: dataElements.code,
      period: approvedTotals.period,
      total: sql<string>`trim_scale(${approvedTotals.total})::text`,
    })
    .from(approvedTotals)
    .innerJoin(orgUnits, eq(orgUnits.id, approvedTotals.orgUnitId))
    .innerJoin(dataElements, eq(dataElements.id, approvedTotals.dataElementId))
    .where(
      and(
        eq(approvedTotals.own, true),
        inSubtree(rootPath),
        inArray(approvedTotals.period, months),
        inArray(dataElements.code, codes),
      ),
    );
}

/**
 * The approved values of a subtree summed over its facilities, per data element and month: what the
 * evaluation reads, from the sums the database keeps (approved_totals, migration 0019), so its rows
 * and time do not grow with the number of facilities. Same rule as `approvedValues`.
 */
export async function approvedSums(
  db: Pick<Database, "execute">,
  rootPath: string,
  months: string[],
  codes: string[],
) {
  if (codes.length === 0 || months.length === 0) return [];
  const result =
    await db.execute(sql`select de.code as element, t.period, trim_scale(sum(t.total))::text as total
    from approved_totals t
    join org_units ou on ou.id = t.org_unit_id
    join data_elements de on de.id = t.data_element_id
    where ou.path = ${rootPath} and not t.own and t.period = any(${pgArray(months)}::text[])
      and de.code = any(${pgArray(codes)}::text[])
    group by de.code, t.period`);
  return (result as unknown as { rows: Array<{ element: string; period: string; total: string }> }).rows;
}

/** The months and elements the SPM sums over: one set per period type (calendar year, tahun ajaran). */
export type MonthSets = ReadonlyArray<{ months: readonly string[]; codes: readonly string[] }>;

/** An area's approved sum of one element by one owner type over the month set `set` (an index of `MonthSets`). */
export interface AreaSum {
  areaId: string;
  set: number;
  element: string;
  ownerType: string | null;
  total: string;
}

/**
 * The SPM's root sums, from the sums the database keeps: per element, facility owner type and month,
 * for the (element, month) pairs some set reads. Grouped by owner type so the domain still decides
 * which provider group that is; without trailing zeros (`trim_scale`), so whole numbers take the
 * decimal module's fast path. One range of the primary key.
 */
export async function approvedRootSums(db: Pick<Database, "execute">, rootId: string, monthSets: MonthSets) {
  const pairs = [
    ...new Set(monthSets.flatMap((s) => s.months.flatMap((m) => s.codes.map((c) => `${c}|${m}`)))),
  ];
  if (pairs.length === 0) return [];
  const wanted = pairs.map((pair) => pair.split("|") as [string, string]);
  const result = await db.execute(sql`with wanted (code, period) as (
      select * from unnest(${pgArray(wanted.map((w) => w[0]))}::text[], ${pgArray(wanted.map((w) => w[1]))}::text[]))
    select de.code, nullif(t.owner_type, '') as owner_type, t.period, trim_scale(sum(t.total))::text as total
    from approved_totals t join data_elements de on de.id = t.data_element_id
    where t.org_unit_id = ${rootId}::uuid and not t.own and (de.code, t.period) in (select code, period from wanted)
    group by de.code, t.owner_type, t.period`);
  type Row = { code: string; owner_type: string | null; period: string; total: string };
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    element: r.code,
    ownerType: r.owner_type,
    period: r.period,
    total: r.total,
  }));
}

/**
 * Each area's approved sums (an area is a unit summed with everything under it) per element and
 * facility owner type over each month set, `areasPerStatement` areas at a time: PGlite runs a
 * statement on the server's own thread, and a province's thousand puskesmas in one held every other
 * request for a second. The next slice's statement is already sent while the caller reads one (on
 * PostgreSQL the two overlap); a turn of the event loop comes between slices.
 */
export async function* approvedAreaSums(
  db: Pick<Database, "execute">,
  monthSets: MonthSets,
  areaIds: readonly string[],
  areasPerStatement = AREAS_PER_STATEMENT,
): AsyncGenerator<{ areaIds: readonly string[]; sums: AreaSum[] }> {
  const slices = chunks(areaIds, areasPerStatement);
  if (monthSets.every((s) => s.codes.length === 0)) {
    // Nothing to read: every slice of areas, with no sums.
    for (const slice of slices) yield { areaIds: slice, sums: [] };
    return;
  }
  let next: Promise<unknown> | undefined = slices[0] && db.execute(areaStatement(monthSets, slices[0]));
  try {
    for (const [i, slice] of slices.entries()) {
      const result = (await next) as { rows: AreaRow[] };
      next = i + 1 < slices.length ? db.execute(areaStatement(monthSets, slices[i + 1] ?? [])) : undefined;
      const sums: AreaSum[] = [];
      for (const r of result.rows) {
        r.totals.forEach((total, set) => {
          if (total !== null)
            sums.push({ areaId: r.area_id, set, element: r.code, ownerType: r.owner_type, total });
        });
      }
      yield { areaIds: slice, sums };
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    // A caller that stops early leaves the statement sent ahead: its failure is nobody's to report.
    next?.catch(() => {});
  }
}

/**
 * A hundred areas: sorted in PostgreSQL's default work_mem (a thousand spilled to disk), ~40 ms on
 * PostgreSQL; see the province bench for PGlite.
 */
const AREAS_PER_STATEMENT = 60;

type AreaRow = {
  area_id: string;
  code: string;
  owner_type: string | null;
  totals: Array<string | null>;
};

/**
 * One row per area, element and owner type with each month set's sum beside (null where the set does
 * not read the element): filtered in the aggregate, not joined to a list of (element, month) pairs,
 * which the planner took for a 250-fold narrower join and sorted on disk. The elements are found by
 * code once per statement (each list an array the statement makes before it reads, not a round trip of
 * its own) and are a filter, not part of the index search (`coalesce`): searched by area, month and
 * element, PostgreSQL 15 made one index descent per row (170 ms for 75 areas against 40). Areas,
 * months and codes go as array literals, not a bind parameter each.
 */
function areaStatement(sets: MonthSets, areaIds: readonly string[]) {
  const elementIds = (codes: readonly string[]) =>
    sql`array(select id from elements where code = any(${pgArray(codes)}::text[]))`;
  const perSet = sets.map(
    (s) =>
      sql`trim_scale(sum(total) filter (where period = any(${pgArray(s.months)}::text[])
        and data_element_id = any(${elementIds(s.codes)})))::text`,
  );
  const periods = pgArray([...new Set(sets.flatMap((s) => s.months))]);
  const codes = pgArray([...new Set(sets.flatMap((s) => s.codes))]);
  return sql`with elements as (select id, code from data_elements where code = any(${codes}::text[]))
    select a.area_id, e.code, a.owner_type, a.totals from (
      select org_unit_id as area_id, data_element_id as element_id,
        nullif(owner_type, '') as owner_type, array[${sql.join(perSet, sql`, `)}] as totals
      from approved_totals
      where org_unit_id = any(${pgArray(areaIds)}::uuid[]) and not own and period = any(${periods}::text[])
        and coalesce(data_element_id = any(array(select id from elements)), false)
      group by org_unit_id, data_element_id, owner_type) a
    join elements e on e.id = a.element_id`;
}
