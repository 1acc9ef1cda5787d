import { and, asc, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { inSubtree, withinScope } from "../auth/scope-sql.js";
import type { Database, Reader } from "../db/client.js";
import { dataSets, indicators, orgUnits } from "../db/schema/index.js";

export type RowsMode = "children" | "puskesmas" | "self";

const list = (items: readonly string[]) =>
  sql.join(
    items.map((item) => sql`${item}`),
    sql`, `,
  );

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** One row of a scorecard as the kept sums see it: a unit's sums with or without those under it. */
export interface KeptRow {
  id: string;
  /** The unit's own values only (a facility in a league table), not those of the units under it. */
  own: boolean;
  /** The row's key; null for the parent's total. */
  rowPath: string | null;
}

/**
 * Which kept sums (approved_totals) make each row: each child of the parent with everything under it,
 * each facility's own values for a league table, or the parent for a trend; and the parent's sum as
 * the total (row_path null).
 */
export function keptRows(
  parent: { id: string; path: string },
  mode: RowsMode,
  units: readonly { id: string; path: string }[],
): KeptRow[] {
  const total = { id: parent.id, own: false, rowPath: null };
  if (mode === "self") return [total, { id: parent.id, own: false, rowPath: parent.path }];
  return [total, ...units.map((u) => ({ id: u.id, own: mode === "puskesmas", rowPath: u.path }))];
}

/**
 * Approved values summed per row, data element and month (or asked period), plus the parent's total
 * (row_path null), from the sums the database keeps by the evaluation's rule (approved_totals,
 * migration 0019): a value counts when the report of a data set holding its element was approved.
 */
export async function indicatorSums(
  db: Pick<Database, "execute">,
  rows: readonly KeptRow[],
  months: readonly string[],
  codes: readonly string[],
  buckets?: readonly { code: string; months: readonly string[] }[],
) {
  if (codes.length === 0 || months.length === 0) return [];
  // Summing straight into the asked periods when every column sums its months: fewer rows to carry.
  const pairs = buckets?.flatMap((b) => b.months.map((m) => sql`(${m}::text, ${b.code}::text)`)) ?? [];
  const bucketJoin = buckets
    ? sql`join (values ${sql.join(pairs, sql`, `)}) as b(month, bucket) on b.month = t.period`
    : sql``;
  const period = buckets ? sql.raw("b.bucket") : sql.raw("t.period");
  // The rows as a list, not a query: the planner then knows how many and hashes the sums in memory
  // (from a sub-select it guessed 2 rows and sorted ~44.000 on disk: 120 ms instead of 87).
  const rowList = sql.join(
    rows.map((r) => sql`(${r.id}::uuid, ${r.own}::boolean, ${r.rowPath}::text)`),
    sql`, `,
  );
  const result = await db.execute(sql`with row_unit(id, own, row_path) as (values ${rowList})
    select r.row_path, de.code as element, ${period} as period, trim_scale(sum(t.total))::text as total
    from row_unit r
    join approved_totals t on t.org_unit_id = r.id and t.own = r.own
    join data_elements de on de.id = t.data_element_id
    ${bucketJoin}
    where t.period in (${list(months)}) and de.code in (${list(codes)})
    group by r.row_path, de.code, ${period}`);
  return rowsOf<{ row_path: string | null; element: string; period: string; total: string }>(result);
}

/**
 * The row a unit's path adds up into: the parent's child it lies under (its path cut after the next
 * segment; paths end with "/"), the facility itself for a league table, or one row for a trend.
 */
function rowKey(mode: RowsMode, parentPath: string, path: SQL): SQL {
  if (mode === "puskesmas") return path;
  if (mode === "self") return sql`${parentPath}::text`;
  const after = parentPath.length;
  return sql`substr(${path}, 1, ${after} + strpos(substr(${path}, ${after + 1}), '/'))`;
}

/**
 * Reports expected, arrived and on time per row, data set and month, by the rule of
 * src/data-entry/completeness.ts: expected for every assigned facility; arrived when submitted with a
 * value of the set's elements or declared nihil; a missing report is never a zero.
 */
export async function completenessCounts(
  db: Pick<Database, "execute">,
  parentPath: string,
  mode: RowsMode,
  months: readonly string[],
  dataSetIds: readonly string[],
) {
  if (dataSetIds.length === 0 || months.length === 0) return [];
  const key = rowKey(mode, parentPath, sql.raw("ou.path"));
  const monthRows = sql.join(
    months.map((m) => sql`(${m}::text)`),
    sql`, `,
  );
  const result = await db.execute(sql`select k.row_path, k.data_set_id, k.period,
      count(*)::int as expected,
      count(*) filter (where k.arrived)::int as received,
      count(*) filter (where k.arrived and k.on_time)::int as on_time
    from (select ${key} as row_path, dsou.data_set_id, m.month as period, r.on_time,
        coalesce(r.submitted_at is not null and (r.is_nihil or exists (
          select 1 from data_values dv
          join data_set_elements dse on dse.data_element_id = dv.data_element_id
          where dse.data_set_id = dsou.data_set_id and dv.org_unit_id = dsou.org_unit_id
            and dv.period = m.month)), false) as arrived
      from data_set_org_units dsou
      join org_units ou on ou.id = dsou.org_unit_id
      cross join (values ${monthRows}) as m(month)
      left join data_set_reports r on r.data_set_id = dsou.data_set_id
        and r.org_unit_id = dsou.org_unit_id and r.period = m.month
      where dsou.data_set_id in (${list(dataSetIds)}) and ou.path like ${`${parentPath}%`}) k
    group by grouping sets ((k.row_path, k.data_set_id, k.period), (k.data_set_id, k.period))`);
  return rowsOf<{
    row_path: string | null;
    data_set_id: string;
    period: string;
    expected: number;
    received: number;
    on_time: number;
  }>(result);
}

const unitColumns = {
  id: orgUnits.id,
  name: orgUnits.name,
  type: orgUnits.type,
  path: orgUnits.path,
  parentId: orgUnits.parentId,
};

/** The rows of a scorecard: the open children of the parent, or every open puskesmas under it. */
export async function rowUnits(db: Reader, parent: { id: string; path: string }, mode: RowsMode) {
  const where =
    mode === "puskesmas"
      ? and(inSubtree(parent.path), eq(orgUnits.type, "puskesmas"))
      : eq(orgUnits.parentId, parent.id);
  const units = await db
    .select({
      ...unitColumns,
      // Qualified by hand: inside the sub-select drizzle's bare "id" would name the child's own column.
      hasChildren: sql<boolean>`exists (select 1 from org_units c where c.parent_id = "org_units"."id")`,
    })
    .from(orgUnits)
    .where(and(where, isNull(orgUnits.closedOn)))
    .orderBy(asc(orgUnits.name));
  return units.map((u) => ({ ...u, hasChildren: mode === "children" && u.hasChildren }));
}

/** The units from the top of the tree down to this one (the caller's scope filters them). */
export async function unitTrail(db: Reader, path: string) {
  return db
    .select(unitColumns)
    .from(orgUnits)
    .where(sql`${path} like ${orgUnits.path} || '%'`)
    .orderBy(asc(orgUnits.level));
}

/** Indicator definitions fed by data (ratio or count) the caller may read: national or owned in scope. */
export async function fedDefinitions(db: Reader, roots: readonly string[], ids?: readonly string[]) {
  if (ids && ids.length === 0) return [];
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      name: indicators.name,
      unit: indicators.unit,
      kind: indicators.kind,
      factor: indicators.factor,
      numerator: indicators.numerator,
      denominator: indicators.denominator,
      polarity: indicators.polarity,
      lowerFormula: indicators.lowerFormula,
      timeAggregation: indicators.timeAggregation,
      legendCuts: indicators.legendCuts,
    })
    .from(indicators)
    .leftJoin(orgUnits, eq(orgUnits.id, indicators.ownerOrgUnitId))
    .where(
      and(
        isNotNull(indicators.numerator),
        ne(indicators.kind, "direct"),
        or(isNull(indicators.ownerOrgUnitId), withinScope(orgUnits.path, roots)),
        ids ? inArray(indicators.id, [...ids]) : undefined,
      ),
    )
    .orderBy(asc(indicators.name));
}
export type FedDefinition = Awaited<ReturnType<typeof fedDefinitions>>[number];

/** Monthly data sets the caller may read: national or owned in scope. */
export async function monthlyDataSets(db: Reader, roots: readonly string[], ids?: readonly string[]) {
  if (ids && ids.length === 0) return [];
  return db
    .select({ id: dataSets.id, code: dataSets.code, name: dataSets.name })
    .from(dataSets)
    .leftJoin(orgUnits, eq(orgUnits.id, dataSets.ownerOrgUnitId))
    .where(
      and(
        eq(dataSets.periodType, "month"),
        or(isNull(dataSets.ownerOrgUnitId), withinScope(orgUnits.path, roots)),
        ids ? inArray(dataSets.id, [...ids]) : undefined,
      ),
    )
    .orderBy(asc(dataSets.name));
}
