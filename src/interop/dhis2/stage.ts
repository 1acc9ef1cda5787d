import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Actor } from "../../audit/record.js";
import type { ValueWrite, ValueWriter } from "../../data-entry/index.js";
import type { DatabaseKind, Tx } from "../../db/client.js";
import { BULK_VALUES_ACTION } from "../../domain/index.js";

/** COPY's text format: tab between fields, \N for null, backslash escapes inside a field. */
const field = (text: string | null) =>
  text === null
    ? "\\N"
    : text.replaceAll("\\", "\\\\").replaceAll("\t", "\\t").replaceAll("\n", "\\n").replaceAll("\r", "\\r");

async function* lines(writes: readonly ValueWrite[]) {
  let buffer = "";
  for (const w of writes) {
    buffer += `${[w.orgUnitId, w.districtId, w.period, w.dataElementId, w.code, w.value, w.before?.value ?? null, w.before?.comment ?? null].map(field).join("\t")}\n`;
    if (buffer.length > 1 << 16) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/** The driver's own connection of a drizzle transaction, for the COPY drizzle does not offer. */
const driverOf = (tx: Tx) => (tx as unknown as { session: { client: unknown } }).session.client;

interface PgliteTransaction {
  query(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

/**
 * The values written set-based: staged into a temporary table with COPY (PostgreSQL: COPY FROM STDIN;
 * PGlite: COPY FROM its in-memory blob), then one statement records the audit (one record per org unit) and
 * one merges them into data_values, all in the caller's transaction.
 */
export function stagedWriter(kind: DatabaseKind): ValueWriter {
  return async (tx: Tx, writes: readonly ValueWrite[], actor: Actor) => {
    if (writes.length === 0) return;
    await tx.execute(sql`create temporary table if not exists dhis2_stage (
      org_unit_id uuid, district_id uuid, period text, data_element_id uuid, code text,
      value text, old_value text, old_comment text) on commit drop`);
    await tx.execute(sql`truncate dhis2_stage`);
    const copy = "copy dhis2_stage from";
    if (kind === "postgres") {
      const client = driverOf(tx) as pg.PoolClient;
      await pipeline(Readable.from(lines(writes)), client.query(copyFrom(`${copy} stdin`)));
    } else {
      const parts: string[] = [];
      for await (const part of lines(writes)) parts.push(part);
      await (driverOf(tx) as PgliteTransaction).query(`${copy} '/dev/blob'`, [], { blob: new Blob(parts) });
    }
    // One record per org unit, each value's old and new under "<period>/<code>" (as the xlsx upload).
    await tx.execute(sql`insert into audit_log
        (user_id, username, request_id, client_address, action, entity_type, entity_id, org_unit_id, old_value, new_value)
      select ${actor.userId}::uuid, ${actor.username}, ${actor.requestId}, ${actor.clientAddress ?? null},
        ${BULK_VALUES_ACTION}, 'data_values', s.org_unit_id::text, s.org_unit_id, null,
        jsonb_build_object('count', count(*), 'values', jsonb_object_agg(s.period || '/' || s.code,
          jsonb_build_object(
            'old', case when s.old_value is null then null
              else jsonb_build_object('value', s.old_value, 'comment', s.old_comment) end,
            'new', jsonb_build_object('value', s.value, 'comment', s.old_comment))))
      from dhis2_stage s
      group by s.org_unit_id`);
    await tx.execute(sql`insert into data_values
        (district_id, org_unit_id, period, data_element_id, value, comment, updated_by)
      select s.district_id, s.org_unit_id, s.period, s.data_element_id, s.value::numeric, s.old_comment,
        ${actor.userId}::uuid
      from dhis2_stage s
      on conflict (org_unit_id, period, data_element_id) do update
        set value = excluded.value, revision = data_values.revision + 1,
          updated_by = excluded.updated_by, updated_at = now()`);
  };
}
