import { and, eq, inArray, sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Tx } from "../db/client.js";

import { dataValues } from "../db/schema/index.js";
import { canonical, DomainError, isEditable, parseDecimal } from "../domain/index.js";
import { AppError } from "../lib/errors.js";
import { type FormContext, formElements, formValues, type KnownForm } from "./form.js";
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
  const elements = new Map(
    (await formElements(db, context.dataSet.id, context.period)).map((e) => [e.id, e]),
  );
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
    return { ...v, value, element };
  });
  return db.transaction(async (tx) => {
    const report = await lockReport(tx, context);
    if (!isEditable(report.status)) throw locked(report.status);
    const current = new Map(
      (await formValues(tx, context.unit.id, context.period.code, [...elements.keys()])).map((v) => [
        v.dataElementId,
        v,
      ]),
    );
    const conflicts = parsed.filter(
      (v) => (current.get(v.dataElementId)?.revision ?? null) !== (v.revision ?? null),
    );
    if (conflicts.length > 0) {
      throw new AppError(
        409,
        "VALUE_CONFLICT",
        `${conflicts.length} nilai sudah diubah orang lain sejak Anda membukanya; periksa nilai terbaru lalu simpan lagi.`,
        `${conflicts.length} values were changed by someone else since you opened the form; check the latest and save again.`,
        {
          conflicts: conflicts.map((c) => {
            const now = current.get(c.dataElementId);
            return {
              dataElementId: c.dataElementId,
              value: now ? canonical(now.value) : null,
              comment: now?.comment ?? null,
              revision: now?.revision ?? null,
            };
          }),
        },
      );
    }
    await writeValues(tx, context, parsed, current, actor);
    // Writing values leaves the report row as locked: what the answer needs, without reading it again.
    return { elements: [...elements.values()], report };
  });
}

export interface ValueToWrite {
  dataElementId: string;
  /** Canonical decimal, or null to delete. */
  value: string | null;
  /** undefined keeps the stored comment. */
  comment?: string | null;
  element: { code: string };
}

type Current = Map<string, { value: string; comment: string | null; revision: number }>;

/** Upserts or deletes values of one form and appends one audit record per value, in the caller's transaction. */
export async function writeValues(
  tx: Tx,
  context: FormContext,
  values: ValueToWrite[],
  current: Current,
  actor: Actor,
) {
  const rows = values.map((v) => {
    const before = current.get(v.dataElementId);
    return { ...v, before, comment: v.comment === undefined ? (before?.comment ?? null) : v.comment };
  });
  const deleted = rows.filter((r) => r.value === null && r.before).map((r) => r.dataElementId);
  if (deleted.length) {
    await tx
      .delete(dataValues)
      .where(
        and(
          eq(dataValues.orgUnitId, context.unit.id),
          eq(dataValues.period, context.period.code),
          inArray(dataValues.dataElementId, deleted),
        ),
      );
  }
  const upserts = rows.filter((r) => r.value !== null);
  if (upserts.length) {
    // One statement for the whole form: `excluded` carries each row's own new value and comment.
    await tx
      .insert(dataValues)
      .values(
        upserts.map((r) => ({
          districtId: context.unit.districtId,
          orgUnitId: context.unit.id,
          period: context.period.code,
          dataElementId: r.dataElementId,
          value: r.value as string,
          comment: r.comment,
          updatedBy: actor.userId,
        })),
      )
      .onConflictDoUpdate({
        target: [dataValues.orgUnitId, dataValues.period, dataValues.dataElementId],
        set: {
          value: sql`excluded.value`,
          comment: sql`excluded.comment`,
          revision: sql`${dataValues.revision} + 1`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`now()`,
        },
      });
  }
  const audits = rows
    .filter((r) => r.value !== null || r.before)
    .map((r) => ({
      action: "data.value_set",
      entityType: "data_value",
      entityId: `${context.unit.id}/${context.period.code}/${r.element.code}`,
      orgUnitId: context.unit.id,
      oldValue: r.before ? { value: canonical(r.before.value), comment: r.before.comment } : null,
      newValue: r.value === null ? null : { value: r.value, comment: r.comment },
    }));
  await recordAudit(tx, actor, ...audits);
}
