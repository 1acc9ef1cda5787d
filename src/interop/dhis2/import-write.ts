import { sql } from "drizzle-orm";
import type { Actor } from "../../audit/record.js";
import type { Tx } from "../../db/client.js";
import { BULK_VALUES_ACTION, isEditable, type Period, type ReportStatus } from "../../domain/index.js";
import { AppError } from "../../lib/errors.js";
import { ensurePeriods } from "../../periods/commands.js";
import type { ImportOptions } from "./import.js";
import type { Staging } from "./stage.js";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Inside the writing transaction, from what the checks left (`v`, `rw`, `fe`): `w`, the values to write
 * with the value and comment they replace (a value equal to the stored one is left alone; CREATE keeps
 * new values only, UPDATE stored ones only), and `rm`, the values to delete.
 */
export async function planWrites(s: Staging, tx: Tx, strategy: ImportOptions["strategy"]) {
  const keep =
    strategy === "CREATE"
      ? sql`and d.value is null`
      : strategy === "UPDATE"
        ? sql`and d.value is not null`
        : sql``;
  await s.create(
    "w",
    {
      as: sql`select r.unit_id, r.district_id, v.period_code, v.element_id, v.element_code, v.num,
        trim_scale(d.value)::text as old, d.comment as old_comment
      from ${s.name("v")} v join ${s.name("rw")} r using (org_unit, period_code)
        join ${s.name("fe")} f on f.period_code = v.period_code and f.code = v.element_code
        left join data_values d on d.org_unit_id = r.unit_id and d.period = v.period_code
          and d.data_element_id = v.element_id
      where v.problem is null and r.kind is null and not v.remove and v.num is not null
        and (d.value is null or d.value <> v.num::numeric) ${keep}`,
    },
    tx,
  );
  await s.create(
    "rm",
    {
      as: sql`select r.unit_id, r.district_id, v.period_code, v.element_id, v.element_code
      from ${s.name("v")} v join ${s.name("rw")} r using (org_unit, period_code)
      where v.problem is null and r.kind is null and v.remove`,
    },
    tx,
  );
  const [counts] = rowsOf<{ imported: number; updated: number; deleting: number }>(
    await tx.execute(sql`select count(*) filter (where old is null)::int as imported,
        count(*) filter (where old is not null)::int as updated,
        (select count(*) from ${s.name("rm")})::int as deleting
      from ${s.name("w")}`),
  );
  return counts ?? { imported: 0, updated: 0, deleting: 0 };
}

/**
 * Writes `w`: the periods, the report rows (then every report written to or deleted from locked and
 * checked still editable), one audit record per org unit (each value's old and new, as the xlsx
 * upload), and the values merged into data_values.
 */
export async function writeStaged(
  s: Staging,
  tx: Tx,
  dataSetId: string,
  periods: readonly Period[],
  actor: Actor,
) {
  await ensurePeriods(tx, periods);
  // The reports written to, found once in the million values: the two statements below use them.
  await s.create(
    "wr",
    { as: sql`select unit_id, district_id, period_code from ${s.name("w")} group by 1, 2, 3` },
    tx,
  );
  await tx.execute(sql`insert into data_set_reports (data_set_id, org_unit_id, district_id, period)
    select ${dataSetId}::uuid, unit_id, district_id, period_code from ${s.name("wr")}
    on conflict do nothing`);
  const statuses = rowsOf<{ status: ReportStatus }>(
    await tx.execute(sql`with touched as (
        select r.status from data_set_reports r
          join (select unit_id, period_code from ${s.name("wr")}
            union select unit_id, period_code from ${s.name("rm")}) t
          on r.org_unit_id = t.unit_id and r.period = t.period_code
        where r.data_set_id = ${dataSetId}::uuid
        for update of r)
      select distinct status from touched`),
  );
  if (statuses.some((r) => !isEditable(r.status)))
    throw new AppError(409, "REPORT_LOCKED", "Laporan sudah terkunci.", "A report became locked.");
  await tx.execute(sql`insert into audit_log
      (user_id, username, request_id, client_address, action, entity_type, entity_id, org_unit_id, old_value, new_value)
    select ${actor.userId}::uuid, ${actor.username}, ${actor.requestId}, ${actor.clientAddress ?? null},
      ${BULK_VALUES_ACTION}, 'data_values', w.unit_id::text, w.unit_id, null,
      -- Built as json text and read as jsonb once: half the time of jsonb built value by value.
      json_build_object('count', count(*), 'values', json_object_agg(w.period_code || '/' || w.element_code,
        json_build_object(
          'old', case when w.old is null then null
            else json_build_object('value', w.old, 'comment', w.old_comment) end,
          'new', json_build_object('value', w.num, 'comment', w.old_comment))))::jsonb
    from ${s.name("w")} w
    group by w.unit_id`);
  await tx.execute(sql`insert into data_values
      (district_id, org_unit_id, period, data_element_id, value, comment, updated_by)
    select w.district_id, w.unit_id, w.period_code, w.element_id, w.num::numeric, w.old_comment,
      ${actor.userId}::uuid
    from ${s.name("w")} w
    on conflict (org_unit_id, period, data_element_id, district_id) do update
      set value = excluded.value, revision = data_values.revision + 1,
        updated_by = excluded.updated_by, updated_at = now()`);
}

/** Deletes `rm`'s values that exist, with one audit record each (as a form save that empties a cell). */
export async function deleteStaged(s: Staging, tx: Tx, actor: Actor): Promise<number> {
  const [done] = rowsOf<{ deleted: number }>(
    await tx.execute(sql`with gone as (
        delete from data_values d using ${s.name("rm")} m
        where d.org_unit_id = m.unit_id and d.period = m.period_code and d.data_element_id = m.element_id
        returning d.org_unit_id, d.period, d.value, d.comment, m.element_code),
      logged as (
        insert into audit_log (user_id, username, request_id, client_address, action, entity_type,
          entity_id, org_unit_id, old_value, new_value)
        select ${actor.userId}::uuid, ${actor.username}, ${actor.requestId}, ${actor.clientAddress ?? null},
          'data.value_set', 'data_value', g.org_unit_id || '/' || g.period || '/' || g.element_code,
          g.org_unit_id, jsonb_build_object('value', trim_scale(g.value)::text, 'comment', g.comment), null
        from gone g
        returning 1)
      select count(*)::int as deleted from logged`),
  );
  return done?.deleted ?? 0;
}
