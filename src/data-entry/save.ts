import { sql } from "drizzle-orm";
import type { Actor } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { executeNamed } from "../db/named.js";
import { canonical, DomainError, EDITABLE_STATUSES, parseDecimal, previousPeriod } from "../domain/index.js";
import { factDistrictOf } from "../domain/org-unit-tree.js";
import { AppError } from "../lib/errors.js";
import { pgArray } from "../lib/pg-array.js";
import type { FormContext, KnownForm } from "./form.js";
import { lockReport, reportOf, type StoredReport } from "./lock-report.js";
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
  let rows = await writeValues(db, context, parsed, actor);
  if (rows[0]?.kind === "missing") {
    // The form's first save: its report row (and period) first, then the save again.
    await db.transaction((tx) => lockReport(tx, context));
    rows = await writeValues(db, context, parsed, actor);
  }
  const [first] = rows;
  if (first?.kind === "locked" && first.report) throw locked(first.report.status);
  const conflicts = rows.filter((r) => r.kind === "conflict").map((r) => r.dataElementId);
  const valuesIn = (code: string) =>
    rows
      .filter((r) => r.kind === "value" && r.period === code)
      .map(({ dataElementId, value, comment, revision }) => ({ dataElementId, value, comment, revision }));
  const values = valuesIn(context.period.code);
  if (conflicts.length > 0) throw conflicted(conflicts, values);
  const report = rows.find((r) => r.kind === "report")?.report;
  if (!report) throw new Error("save_form_values answered without the report");
  // The report row as locked by the save: what the answer needs, without reading it again.
  return { report: reportOf(report), values, previous: valuesIn(previousPeriod(context.period).code) };
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
  kind: "missing" | "locked" | "conflict" | "value" | "report";
  period: string;
  report: StoredReport | null;
}

/**
 * One call of save_form_values (drizzle/0024_save_form_values.sql), outside any transaction: the
 * function locks the report row, checks the revisions and writes everything or nothing, audited.
 */
function writeValues(db: Database, context: FormContext, values: ValueToWrite[], actor: Actor) {
  return executeNamed<Row>(
    db,
    "save_form_values",
    sql`select kind, data_element_id as "dataElementId", period, value, comment, revision, report
    from save_form_values(${context.dataSet.id}::uuid, ${context.unit.id}::uuid,
      ${factDistrictOf(context.unit)}::uuid, ${context.period.code}, ${previousPeriod(context.period).code},
      ${pgArray(context.elements.map((e) => e.id))}::uuid[], ${pgArray(EDITABLE_STATUSES)}::text[],
      ${pgArray(values.map((v) => v.dataElementId))}::uuid[], ${pgArray(values.map((v) => v.value))}::text[],
      ${pgArray(values.map((v) => v.comment ?? null))}::text[],
      ${pgArray(values.map((v) => String(v.comment === undefined)))}::boolean[],
      ${pgArray(values.map((v) => (v.revision === null ? null : String(v.revision))))}::int[],
      ${actor.userId}::uuid, ${actor.username}, ${actor.requestId}, ${actor.clientAddress ?? null})`,
  );
}
