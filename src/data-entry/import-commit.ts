import { sql } from "drizzle-orm";
import type { Actor } from "../audit/record.js";
import type { Database, Tx } from "../db/client.js";
import { auditLog, dataSetReports, dataValues } from "../db/schema/index.js";
import { BULK_VALUES_ACTION, canonical, isEditable, type Period } from "../domain/index.js";
import { factDistrictOf } from "../domain/org-unit-tree.js";
import { chunks } from "../lib/chunks.js";
import { AppError } from "../lib/errors.js";
import { pgArray } from "../lib/pg-array.js";
import { nextTurn } from "../lib/slices.js";
import { ensurePeriods } from "../periods/commands.js";
import { formKey, readFormsState, valueKey } from "./forms-state.js";
import type { ImportRow } from "./import.js";
import type { CheckedUpload } from "./import-check.js";

/** Rows the preview lists in full; the rest are counted. Errors come first so none is hidden. */
export const PREVIEW_ROWS = 200;

/**
 * Values per set-based statement: 100 000 values take 20 slices (not 100), and on PGlite, which holds
 * the event loop for a whole statement, one slice stays a fraction of a second.
 */
const SET_ROWS = 5_000;

export function previewPage(rows: readonly ImportRow[]) {
  const withErrors = rows.filter((r) => r.errors.length);
  const rest = rows.filter((r) => !r.errors.length && r.changes.length);
  return {
    rows: [...withErrors, ...rest].slice(0, PREVIEW_ROWS),
    counts: {
      rows: rows.length,
      withErrors: withErrors.length,
      forms: rest.length,
      values: rows.reduce((n, r) => n + r.changes.length, 0),
      unchanged: rows.reduce((n, r) => n + r.unchanged, 0),
    },
  };
}

/**
 * Writes a checked file in one transaction with a fixed number of statements per 5 000 values:
 * the periods, the report rows (locked, then checked still editable), the values, the audit.
 * Any row with an error refuses the whole file.
 */
export async function commitImport(db: Database, dataSetId: string, checked: CheckedUpload, actor: Actor) {
  const failing = checked.rows.filter((r) => r.errors.length);
  if (failing.length) {
    throw new AppError(
      422,
      "IMPORT_HAS_ERRORS",
      `${failing.length} baris bermasalah; tidak ada yang disimpan. Perbaiki lalu unggah lagi.`,
      `${failing.length} rows have errors; nothing was saved. Fix them and upload again.`,
      {
        count: failing.length,
        rows: failing.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, errors: r.errors })),
      },
    );
  }
  return db.transaction((tx) => writeChecked(tx, dataSetId, checked, actor));
}

/**
 * Writes the changes of checked rows in the caller's transaction: the periods, the report rows (locked,
 * then checked still editable), the values and one audit record per org unit. Rows with errors must be
 * left out by the caller. `write` writes the values and their audit (a staged writer for big files).
 */
export async function writeChecked(
  tx: Tx,
  dataSetId: string,
  checked: CheckedUpload,
  actor: Actor,
  write: ValueWriter = upsertSetBased,
) {
  const changed = checked.rows
    .filter((r) => r.changes.length)
    .map((r) => {
      const unit = checked.units.get(r.orgUnitCode);
      const period = checked.periods.get(r.period);
      if (!unit || !period) throw new Error(`checked row ${r.row} lost its unit or period`);
      return { ...r, unit, period };
    });
  const periods = [...new Map(changed.map((r) => [r.period.code, r.period])).values()];
  const periodCodes = periods.map((p) => p.code);
  const unitIds = [...new Set(changed.map((r) => r.unit.id))];
  const elementIds = [...checked.elementIds.values()];
  await ensurePeriods(tx, periods as Period[]);
  for (const part of chunks(changed)) {
    await tx
      .insert(dataSetReports)
      .values(
        part.map((r) => ({
          dataSetId,
          orgUnitId: r.unit.id,
          districtId: factDistrictOf(r.unit),
          period: r.period.code,
        })),
      )
      .onConflictDoNothing();
  }
  const { statuses, values: current } = await readFormsState(tx, {
    dataSetId,
    unitIds,
    periods: periodCodes,
    elementIds,
    lock: true,
  });
  const locked = changed.find((r) => {
    const now = statuses.get(formKey(r.unit.id, r.period.code));
    return !now || !isEditable(now);
  });
  if (locked)
    throw new AppError(
      409,
      "REPORT_LOCKED",
      `Laporan ${locked.orgUnitCode} ${locked.period.code} sudah terkunci.`,
      `The report ${locked.orgUnitCode} ${locked.period.code} became locked.`,
    );
  const writes = changed.flatMap((r) =>
    r.changes.map((c): ValueWrite => {
      const dataElementId = checked.elementIds.get(c.code) as string;
      const before = current.get(valueKey(r.unit.id, r.period.code, dataElementId));
      return {
        orgUnitId: r.unit.id,
        districtId: factDistrictOf(r.unit),
        period: r.period.code,
        dataElementId,
        code: c.code,
        value: c.new,
        before: before ? { value: canonical(before.value), comment: before.comment } : null,
      };
    }),
  );
  await write(tx, writes, actor);
  return { forms: changed.length, values: writes.length };
}

/** One value to write, with what it replaces (canonical), for the value and its audit record. */
export interface ValueWrite {
  orgUnitId: string;
  districtId: string;
  period: string;
  dataElementId: string;
  code: string;
  value: string;
  before: { value: string; comment: string | null } | null;
}

export type ValueWriter = (tx: Tx, writes: readonly ValueWrite[], actor: Actor) => Promise<void>;

/**
 * Set-based: first one statement for the audit of the whole write (before the values, so "before" is
 * still the stored value): one record per org unit holding each value's old and new, grouped in SQL, so
 * a unit's values never split over slices. Then per slice one statement for the values, each row's
 * fields travelling as one array per column.
 */
async function upsertSetBased(tx: Tx, writes: readonly ValueWrite[], actor: Actor) {
  const column = (part: readonly ValueWrite[], pick: (w: ValueWrite) => string | null) =>
    pgArray(part.map(pick));
  await tx.execute(sql`
    insert into ${auditLog} (user_id, username, request_id, client_address, action, entity_type,
      entity_id, org_unit_id, old_value, new_value)
    select ${actor.userId}::uuid, ${actor.username}, ${actor.requestId}, ${actor.clientAddress ?? null},
      ${BULK_VALUES_ACTION}, 'data_values', org_unit_id::text, org_unit_id, null,
      jsonb_build_object('count', count(*),
        'values', jsonb_object_agg(key, jsonb_build_object('old', old_value, 'new', new_value)))
    from unnest(
      ${column(writes, (w) => `${w.period}/${w.code}`)}::text[],
      ${column(writes, (w) => w.orgUnitId)}::uuid[],
      ${column(writes, (w) => (w.before ? JSON.stringify(w.before) : null))}::jsonb[],
      ${column(writes, (w) => JSON.stringify({ value: w.value, comment: w.before?.comment ?? null }))}::jsonb[]
    ) as t(key, org_unit_id, old_value, new_value)
    group by org_unit_id`);
  await nextTurn();
  for (const part of chunks(writes, SET_ROWS)) {
    await tx.execute(sql`
      insert into ${dataValues} (district_id, org_unit_id, period, data_element_id, value, comment, updated_by)
      select district_id, org_unit_id, period, data_element_id, value, comment, ${actor.userId}::uuid
      from unnest(
        ${column(part, (w) => w.districtId)}::uuid[],
        ${column(part, (w) => w.orgUnitId)}::uuid[],
        ${column(part, (w) => w.period)}::text[],
        ${column(part, (w) => w.dataElementId)}::uuid[],
        ${column(part, (w) => w.value)}::numeric[],
        ${column(part, (w) => w.before?.comment ?? null)}::text[]
      ) as t(district_id, org_unit_id, period, data_element_id, value, comment)
      on conflict (org_unit_id, period, data_element_id, district_id) do update
        set value = excluded.value, revision = ${dataValues}.revision + 1,
          updated_by = excluded.updated_by, updated_at = now()`);
    // PGlite answers in microtasks only: without a turn of the loop here, the whole commit holds it.
    await nextTurn();
  }
}
