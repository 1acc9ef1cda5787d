import { and, eq, inArray, sql } from "drizzle-orm";
import { inSubtree } from "../auth/scope-sql.js";
import type { Database, Reader } from "../db/client.js";
import { dataElements, dataSetElements, dataSetReports, dataValues, orgUnits } from "../db/schema/index.js";

/**
 * The approved values of a subtree, per reporting facility, data element and month: what the
 * evaluation and the SPM count. A value counts only when the report of a data set holding that
 * element, for that facility and month, was approved by the Dinas.
 *
 * Three plain reads joined here rather than one `exists (…)` statement: without planner statistics
 * (PGlite never runs autovacuum, so its tables are never analysed) the planner guesses one row
 * everywhere and runs that semi-join as nested loops re-scanning an index per row: about 35 s on
 * PGlite for 35 puskesmas × 12 months × 13 elements (bench/spm-report.ts). Each read below has one obvious index path whatever the
 * statistics. A value is unique per facility, period and element, so each row is one value.
 */
export async function approvedValues(db: Reader, rootPath: string, months: string[], codes: string[]) {
  if (codes.length === 0 || months.length === 0) return [];
  const [values, approved, holding] = await Promise.all([
    db
      .select({
        orgUnitId: dataValues.orgUnitId,
        elementId: dataValues.dataElementId,
        element: dataElements.code,
        period: dataValues.period,
        total: sql<string>`${dataValues.value}::text`,
      })
      .from(dataValues)
      .innerJoin(orgUnits, eq(orgUnits.id, dataValues.orgUnitId))
      .innerJoin(dataElements, eq(dataElements.id, dataValues.dataElementId))
      .where(and(inSubtree(rootPath), inArray(dataValues.period, months), inArray(dataElements.code, codes))),
    db
      .select({
        orgUnitId: dataSetReports.orgUnitId,
        period: dataSetReports.period,
        dataSetId: dataSetReports.dataSetId,
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
    db
      .select({ dataSetId: dataSetElements.dataSetId, elementId: dataSetElements.dataElementId })
      .from(dataSetElements)
      .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
      .where(inArray(dataElements.code, codes)),
  ]);
  const approvedReports = new Set(approved.map((r) => `${r.orgUnitId}|${r.period}|${r.dataSetId}`));
  const setsHolding = new Map<string, string[]>();
  for (const h of holding)
    setsHolding.set(h.elementId, [...(setsHolding.get(h.elementId) ?? []), h.dataSetId]);
  return values
    .filter((v) =>
      (setsHolding.get(v.elementId) ?? []).some((set) =>
        approvedReports.has(`${v.orgUnitId}|${v.period}|${set}`),
      ),
    )
    .map(({ orgUnitId, element, period, total }) => ({ orgUnitId, element, period, total }));
}

/**
 * The approved values of a subtree summed over its facilities, per data element and month, in one
 * statement: what the evaluation reads, so its memory and its rows do not grow with the number of
 * facilities. Same rule as `approvedValues`. The approved (facility, month, element) triples are
 * collected first, then each value is looked up by the unique key of data_values: a plan that stays
 * the same with or without planner statistics.
 */
export async function approvedSums(
  db: Pick<Database, "execute">,
  rootPath: string,
  months: string[],
  codes: string[],
) {
  if (codes.length === 0 || months.length === 0) return [];
  const list = (items: string[]) =>
    sql.join(
      items.map((item) => sql`${item}`),
      sql`, `,
    );
  const result = await db.execute(sql`with approved as materialized (
      select distinct r.org_unit_id, r.period, dse.data_element_id, de.code
      from data_set_reports r
      join org_units ou on ou.id = r.org_unit_id
      join data_set_elements dse on dse.data_set_id = r.data_set_id
      join data_elements de on de.id = dse.data_element_id
      where ou.path like ${`${rootPath}%`} and r.status = 'approved'
        and r.period in (${list(months)}) and de.code in (${list(codes)})
      -- In key order, so the lookups below walk the index and the table instead of jumping about;
      -- a lateral lookup each, because with statistics the planner would hash the whole table.
      order by 1, 2, 3)
    select a.code as element, a.period, sum(dv.value)::text as total
    from approved a
    cross join lateral (select value from data_values v where v.org_unit_id = a.org_unit_id
      and v.period = a.period and v.data_element_id = a.data_element_id limit 1) dv
    group by a.code, a.period`);
  return (result as unknown as { rows: Array<{ element: string; period: string; total: string }> }).rows;
}

/** Approved sums the SPM achievement reads, see `approvedAreaSums`. */
export interface AreaSums {
  /** The root's sums per element, owner type and month (the monthly cumulative figures read these). */
  monthly: Array<{ element: string; ownerType: string | null; period: string; total: string }>;
  /** Each area's sums per element and owner type over each month set (`set` indexes `monthSets`). */
  areas: Array<{ areaId: string; set: number; element: string; ownerType: string | null; total: string }>;
}

/**
 * The approved values of a subtree summed by PostgreSQL, in one statement: the root's per month, and
 * each area's over each of `monthSets` (with the elements read over it), where `areasOf` says which
 * areas each facility counts in (its puskesmas, the child of the root it lies in). Same rule as
 * `approvedValues`; rows grow with the areas, not with the values. Sums are grouped by the facility's
 * owner type, so the domain still decides which provider group that is. Sums come without trailing
 * zeros (`trim_scale`), so whole numbers take the decimal module's fast path.
 */
export async function approvedAreaSums(
  db: Pick<Database, "execute">,
  rootPath: string,
  monthSets: ReadonlyArray<{ months: readonly string[]; codes: readonly string[] }>,
  areasOf: ReadonlyMap<string, readonly string[]>,
): Promise<AreaSums> {
  const wanted = monthSets.flatMap((s, set) =>
    s.months.flatMap((period) => s.codes.map((code) => sql`(${set}::int, ${code}::text, ${period}::text)`)),
  );
  if (wanted.length === 0) return { monthly: [], areas: [] };
  const pairs = [...areasOf].flatMap(([facility, areas]) => areas.map((area) => [facility, area] as const));
  // Two array literals, not a bind parameter per pair: a province has a thousand facilities.
  const uuids = (list: readonly string[]) => `{${list.join(",")}}`;
  const result =
    await db.execute(sql`with wanted (set_no, code, period) as (values ${sql.join(wanted, sql`, `)}),
    facility as materialized (select id, owner_type from org_units where path like ${`${rootPath}%`}),
    area_of as (select * from unnest(${uuids(pairs.map((p) => p[0]))}::uuid[], ${uuids(pairs.map((p) => p[1]))}::uuid[])
      as pair (facility_id, area_id)),
    approved as materialized (
      select distinct r.org_unit_id, r.period, dse.data_element_id, de.code
      from data_set_reports r
      join facility f on f.id = r.org_unit_id
      join data_set_elements dse on dse.data_set_id = r.data_set_id
      join data_elements de on de.id = dse.data_element_id
      where r.status = 'approved' and (de.code, r.period) in (select distinct code, period from wanted)
      -- In key order, so the lookups below walk the index and the table instead of jumping about.
      order by 1, 2, 3),
    approved_value as materialized (
      select a.org_unit_id, a.code, a.period, dv.value
      from approved a cross join lateral (select value from data_values v where v.org_unit_id = a.org_unit_id
        and v.period = a.period and v.data_element_id = a.data_element_id limit 1) dv)
    select null::uuid as area_id, null::int as set_no, v.code, f.owner_type, v.period, trim_scale(sum(v.value))::text as total
    from approved_value v join facility f on f.id = v.org_unit_id
    group by v.code, f.owner_type, v.period
    union all
    select pair.area_id, w.set_no, v.code, f.owner_type, null, trim_scale(sum(v.value))::text
    from approved_value v join facility f on f.id = v.org_unit_id
    join wanted w on w.code = v.code and w.period = v.period
    join area_of pair on pair.facility_id = v.org_unit_id
    group by pair.area_id, w.set_no, v.code, f.owner_type`);
  type Row = {
    area_id: string | null;
    set_no: number | null;
    code: string;
    owner_type: string | null;
    period: string | null;
    total: string;
  };
  const out: AreaSums = { monthly: [], areas: [] };
  for (const r of (result as unknown as { rows: Row[] }).rows) {
    if (r.area_id === null) {
      out.monthly.push({ element: r.code, ownerType: r.owner_type, period: r.period ?? "", total: r.total });
    } else {
      out.areas.push({
        areaId: r.area_id,
        set: Number(r.set_no),
        element: r.code,
        ownerType: r.owner_type,
        total: r.total,
      });
    }
  }
  return out;
}
