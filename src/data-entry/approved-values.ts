import { and, eq, inArray, sql } from "drizzle-orm";
import { inSubtree } from "../auth/scope-sql.js";
import type { Database, Reader } from "../db/client.js";
import { approvedTotals, dataElements, orgUnits } from "../db/schema/index.js";

const list = (items: readonly string[]) =>
  sql.join(
    items.map((item) => sql`${item}`),
    sql`, `,
  );

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
    where ou.path = ${rootPath} and not t.own and t.period in (${list(months)}) and de.code in (${list(codes)})
    group by de.code, t.period`);
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
 * The approved values of a subtree as the SPM counts them, from the sums the database keeps: the
 * root's per month, and each area's (a unit under the root, summed with everything under it) over
 * each of `monthSets` with the elements read over it. Sums are grouped by the facility's owner type, so
 * the domain still decides which provider group that is; they come without trailing zeros
 * (`trim_scale`), so whole numbers take the decimal module's fast path.
 */
export async function approvedAreaSums(
  db: Pick<Database, "execute">,
  rootId: string,
  monthSets: ReadonlyArray<{ months: readonly string[]; codes: readonly string[] }>,
  areaIds: readonly string[],
): Promise<AreaSums> {
  const wanted = monthSets.flatMap((s, set) =>
    s.months.flatMap((period) => s.codes.map((code) => sql`(${set}::int, ${code}::text, ${period}::text)`)),
  );
  if (wanted.length === 0) return { monthly: [], areas: [] };
  // One array literal, not a bind parameter per area: a province has a thousand puskesmas. The root is
  // in it too, written out: from a sub-select (or an OR) the planner could not tell a kota's 40 units
  // from a province's 1.200 and read the whole table for a kota or searched the index per row for a
  // province (1 s and 3,8 s instead of 0,1 and 1,5).
  const units = `{${[rootId, ...areaIds].join(",")}}`;
  const areas = `{${areaIds.join(",")}}`;
  const result =
    await db.execute(sql`with wanted (set_no, code, period) as (values ${sql.join(wanted, sql`, `)}),
    kept as (select t.org_unit_id, de.code, t.period, nullif(t.owner_type, '') as owner_type, t.total
      from approved_totals t join data_elements de on de.id = t.data_element_id
      where not t.own and (de.code, t.period) in (select distinct code, period from wanted)
        and t.org_unit_id = any(${units}::uuid[]))
    select null::uuid as area_id, null::int as set_no, k.code, k.owner_type, k.period, trim_scale(sum(k.total))::text as total
    from kept k where k.org_unit_id = ${rootId}::uuid
    group by k.code, k.owner_type, k.period
    union all
    select k.org_unit_id, w.set_no, k.code, k.owner_type, null, trim_scale(sum(k.total))::text
    from kept k join wanted w on w.code = k.code and w.period = k.period
    where k.org_unit_id = any(${areas}::uuid[])
    group by k.org_unit_id, w.set_no, k.code, k.owner_type`);
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
