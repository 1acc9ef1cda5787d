import { sql } from "drizzle-orm";
import type { Actor } from "../audit/record.js";
import type { Database, Tx } from "../db/client.js";
import { executeNamed } from "../db/named.js";
import { canonical, DomainError, isEditable, parseDecimal, previousPeriod } from "../domain/index.js";
import { AppError } from "../lib/errors.js";
import { pgArray } from "../lib/pg-array.js";
import type { FormContext, KnownForm } from "./form.js";
import { lockReport } from "./lock-report.js";
import type { SaveValues } from "./schemas.js";

export const locked = (status: string) =>
  new AppError(
    409,
    "REPORT_LOCKED",
    `Laporan berstatus ${status}: nilai tidak dapat diubah. Minta pengembalian atau pembukaan kembali dengan alasan.`,
    `The report is ${status}: values cannot change. Ask for it to be returned or reopened with a reason.`,
  );

/**
 * Saves typed values of one form in one transaction. Each value carries the revision it was typed
 * over; if any changed meanwhile, nothing is saved and the conflicts come back with the current values,
 * so concurrent writers never overwrite each other silently.
 */
export async function saveValues(
  db: Database,
  context: FormContext,
  input: SaveValues,
  actor: Actor,
): Promise<KnownForm> {
  const elements = new Map(context.elements.map((e) => [e.id, e]));
  const seen = new Set<string>();
  const parsed = input.values.map((v) => {
    const element = elements.get(v.dataElementId);
    if (!element) {
      throw new AppError(
        400,
        "ELEMENT_NOT_IN_FORM",
        "Data element bukan bagian formulir ini.",
        "Not in this form.",
      );
    }
    if (seen.has(element.id)) {
      throw new AppError(
        400,
        "VALUE_TWICE",
        `${element.name}: nilai dikirim dua kali dalam satu simpan.`,
        `${element.name}: sent twice in one save.`,
        { dataElementId: element.id },
      );
    }
    seen.add(element.id);
    const typed = v.value?.trim() ?? "";
    let value: string | null = null;
    try {
      value = typed === "" ? null : parseDecimal(typed);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new AppError(
        422,
        "VALUE_UNREADABLE",
        `${element.name}: "${typed}" bukan angka.`,
        `${element.name}: "${typed}" is not a number.`,
        { dataElementId: element.id },
      );
    }
    return { dataElementId: element.id, value, comment: v.comment, revision: v.revision ?? null };
  });
  return db.transaction(async (tx) => {
    const report = await lockReport(tx, context);
    if (!isEditable(report.status)) throw locked(report.status);
    const written = await writeValues(tx, context, parsed, actor);
    if (written.conflicts.length > 0) throw conflicted(written.conflicts, written.values);
    // Writing values leaves the report row as locked: what the answer needs, without reading it again.
    return { report, values: written.values, previous: written.previous };
  });
}

function conflicted(conflicts: string[], values: StoredValue[]) {
  const now = new Map(values.map((v) => [v.dataElementId, v]));
  return new AppError(
    409,
    "VALUE_CONFLICT",
    `${conflicts.length} nilai sudah diubah orang lain sejak Anda membukanya; periksa nilai terbaru lalu simpan lagi.`,
    `${conflicts.length} values were changed by someone else since you opened the form; check the latest and save again.`,
    {
      conflicts: conflicts.map((id) => {
        const stored = now.get(id);
        return {
          dataElementId: id,
          value: stored ? canonical(stored.value) : null,
          comment: stored?.comment ?? null,
          revision: stored?.revision ?? null,
        };
      }),
    },
  );
}

interface ValueToWrite {
  dataElementId: string;
  /** Canonical decimal, or null to delete. */
  value: string | null;
  /** undefined keeps the stored comment. */
  comment?: string | null;
  /** The revision the value was typed over; null for a value that did not exist. */
  revision: number | null;
}

interface StoredValue {
  dataElementId: string;
  value: string;
  comment: string | null;
  revision: number;
}

interface Row extends StoredValue {
  kind: "conflict" | "value";
  period: string;
}

/**
 * One statement, in the caller's transaction after the report row is locked (so its snapshot sees
 * every earlier writer): checks each value's revision against the stored one, and only when none
 * conflicts deletes the emptied values, upserts the rest and appends one audit record per value. It
 * answers with the conflicts and the values of the period and the one before as they now stand.
 */
async function writeValues(tx: Tx, context: FormContext, values: ValueToWrite[], actor: Actor) {
  const unit = context.unit.id;
  const period = context.period.code;
  const previous = previousPeriod(context.period).code;
  const rows = await executeNamed<Row>(
    tx,
    "save_values",
    sql`with input as (
      select * from unnest(${pgArray(values.map((v) => v.dataElementId))}::uuid[],
        ${pgArray(values.map((v) => v.value))}::text[], ${pgArray(values.map((v) => v.comment ?? null))}::text[],
        ${pgArray(values.map((v) => String(v.comment === undefined)))}::boolean[],
        ${pgArray(values.map((v) => (v.revision === null ? null : String(v.revision))))}::int[])
        as i(element_id, value, comment, keep_comment, revision)),
    stored as (
      select d.period, d.data_element_id, d.value, d.comment, d.revision from data_values d
      where d.org_unit_id = ${unit}::uuid and d.period in (${period}, ${previous})
        and d.data_element_id = any(${pgArray(context.elements.map((e) => e.id))}::uuid[])),
    conflicts as (
      select i.element_id from input i
        left join stored s on s.period = ${period} and s.data_element_id = i.element_id
      where s.revision is distinct from i.revision),
    changes as (
      select i.element_id, de.code, i.value,
        case when i.keep_comment then s.comment else i.comment end as comment,
        s.value as old, s.comment as old_comment
      from input i join data_elements de on de.id = i.element_id
        left join stored s on s.period = ${period} and s.data_element_id = i.element_id
      where not exists (select from conflicts) and (i.value is not null or s.value is not null)),
    gone as (
      delete from data_values d using changes c
      where c.value is null and d.org_unit_id = ${unit}::uuid and d.period = ${period}
        and d.data_element_id = c.element_id),
    up as (
      insert into data_values (district_id, org_unit_id, period, data_element_id, value, comment, updated_by)
      select ${context.unit.districtId}::uuid, ${unit}::uuid, ${period}, c.element_id, c.value::numeric,
        c.comment, ${actor.userId}::uuid
      from changes c where c.value is not null
      on conflict (org_unit_id, period, data_element_id) do update
        set value = excluded.value, comment = excluded.comment, revision = data_values.revision + 1,
          updated_by = excluded.updated_by, updated_at = now()
      returning data_element_id, value, comment, revision),
    logged as (
      insert into audit_log (user_id, username, request_id, client_address, action, entity_type,
        entity_id, org_unit_id, old_value, new_value)
      select ${actor.userId}::uuid, ${actor.username}, ${actor.requestId}, ${actor.clientAddress ?? null},
        'data.value_set', 'data_value', ${`${unit}/${period}/`} || c.code, ${unit}::uuid,
        case when c.old is not null
          then jsonb_build_object('value', trim_scale(c.old)::text, 'comment', c.old_comment) end,
        case when c.value is not null then jsonb_build_object('value', c.value, 'comment', c.comment) end
      from changes c)
    select 'conflict' as kind, element_id as "dataElementId", null as period, null as value,
      null as comment, null::int as revision
    from conflicts
    union all
    select 'value', s.data_element_id, s.period, trim_scale(s.value)::text, s.comment, s.revision
    from stored s
    where s.period <> ${period} or not exists (select from changes c where c.element_id = s.data_element_id)
    union all
    select 'value', u.data_element_id, ${period}, trim_scale(u.value)::text, u.comment, u.revision
    from up u`,
  );
  const valuesIn = (code: string) =>
    rows
      .filter((r) => r.kind === "value" && r.period === code)
      .map(({ dataElementId, value, comment, revision }) => ({ dataElementId, value, comment, revision }));
  return {
    conflicts: rows.filter((r) => r.kind === "conflict").map((r) => r.dataElementId),
    values: valuesIn(period),
    previous: valuesIn(previous),
  };
}
