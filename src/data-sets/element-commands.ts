import { and, eq, like, or, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Reader } from "../db/client.js";
import { dataElements, dataSetElements, dataValues, indicators } from "../db/schema/index.js";
import { AppError } from "../lib/errors.js";
import { findElement } from "./queries.js";
import type { ElementInput, ElementUpdate } from "./schemas.js";

export const duplicateCode = (code: string) =>
  new AppError(
    409,
    "DUPLICATE_CODE",
    `Kode ${code} sudah dipakai; kode harus unik karena dipakai dalam rumus #{${code}}.`,
    `Code ${code} is already in use; codes are unique because formulas name them as #{${code}}.`,
  );

const staleRevision = () =>
  new AppError(
    409,
    "STALE_REVISION",
    "Data ini sudah diubah orang lain sejak Anda membukanya; muat ulang lalu ulangi.",
    "Someone else changed this since you opened it; reload and try again.",
  );

async function codeTaken(db: Reader, code: string, exceptId?: string) {
  const [row] = await db
    .select({ id: dataElements.id })
    .from(dataElements)
    .where(eq(dataElements.code, code));
  return row !== undefined && row.id !== exceptId;
}

/** Where an element is used: forms holding it, values entered, indicator formulas naming it. */
export async function elementUsage(db: Reader, id: string, code: string) {
  const [inSet] = await db
    .select({ id: dataSetElements.dataSetId })
    .from(dataSetElements)
    .where(eq(dataSetElements.dataElementId, id))
    .limit(1);
  const [value] = await db
    .select({ id: dataValues.dataElementId })
    .from(dataValues)
    .where(eq(dataValues.dataElementId, id))
    .limit(1);
  // `_` in a code is a LIKE wildcard: it can only over-match, which refuses more, never less.
  const pattern = (side: PgColumn) => or(like(side, `%#{${code}}%`), like(side, `%#{${code}.%`));
  const [indicator] = await db
    .select({ name: indicators.name })
    .from(indicators)
    .where(or(pattern(indicators.numerator), pattern(indicators.denominator)))
    .limit(1);
  return {
    inDataSet: inSet !== undefined,
    hasValues: value !== undefined,
    indicator: indicator?.name ?? null,
  };
}

/** Creates an element owned by the caller's Dinas, with its audit record. */
export async function createElement(db: Database, input: ElementInput, ownerOrgUnitId: string, actor: Actor) {
  return db.transaction(async (tx) => {
    if (await codeTaken(tx, input.code)) throw duplicateCode(input.code);
    const [created] = await tx
      .insert(dataElements)
      .values({ ...input, description: input.description ?? null, ownerOrgUnitId })
      .returning();
    if (!created) throw new Error("insert returned nothing");
    await recordAudit(tx, actor, {
      action: "metadata.element_create",
      entityType: "data_element",
      entityId: created.id,
      orgUnitId: ownerOrgUnitId,
      newValue: input,
    });
    return created;
  });
}

/**
 * Renames, retypes or archives an element. Its code is what formulas and rules name, so the code
 * changes only while nothing uses the element yet.
 */
export async function updateElement(db: Database, id: string, input: ElementUpdate, actor: Actor) {
  return db.transaction(async (tx) => {
    const { element: before } = await findElement(tx, id);
    if (before.revision !== input.revision) throw staleRevision();
    if (input.code !== before.code) {
      const usage = await elementUsage(tx, id, before.code);
      if (usage.inDataSet || usage.hasValues || usage.indicator) {
        throw new AppError(
          409,
          "ELEMENT_CODE_IN_USE",
          `Kode ${before.code} sudah dipakai formulir, nilai atau rumus; kode tidak dapat diubah.`,
          `Code ${before.code} is used by a form, values or a formula; it cannot change.`,
        );
      }
      if (await codeTaken(tx, input.code, id)) throw duplicateCode(input.code);
    }
    const archivedAt =
      input.archived === undefined
        ? before.archivedAt
        : input.archived
          ? (before.archivedAt ?? new Date())
          : null;
    const [after] = await tx
      .update(dataElements)
      .set({
        code: input.code,
        name: input.name,
        valueType: input.valueType,
        description: input.description ?? null,
        archivedAt,
        revision: sql`${dataElements.revision} + 1`,
      })
      .where(and(eq(dataElements.id, id), eq(dataElements.revision, input.revision)))
      .returning();
    if (!after) throw staleRevision();
    await recordAudit(tx, actor, {
      action: "metadata.element_update",
      entityType: "data_element",
      entityId: id,
      orgUnitId: before.ownerOrgUnitId,
      oldValue: snapshot(before),
      newValue: snapshot(after),
    });
    return after;
  });
}

/** Deletes an element nobody used; one with values, a form or a formula is refused (archive it instead). */
export async function deleteElement(db: Database, id: string, actor: Actor) {
  await db.transaction(async (tx) => {
    const { element } = await findElement(tx, id);
    const usage = await elementUsage(tx, id, element.code);
    if (usage.hasValues || usage.inDataSet || usage.indicator) {
      const why = usage.hasValues
        ? { id: "sudah ada nilai yang diisi", en: "values were entered for it" }
        : usage.inDataSet
          ? { id: "dipakai dalam formulir", en: "a form holds it" }
          : {
              id: `dipakai rumus indikator "${usage.indicator}"`,
              en: `indicator "${usage.indicator}" uses it`,
            };
      throw new AppError(
        409,
        "ELEMENT_IN_USE",
        `${element.code} tidak dapat dihapus karena ${why.id}; arsipkan saja agar riwayatnya tetap ada.`,
        `${element.code} cannot be deleted because ${why.en}; archive it instead so its history stays.`,
      );
    }
    await tx.delete(dataElements).where(eq(dataElements.id, id));
    await recordAudit(tx, actor, {
      action: "metadata.element_delete",
      entityType: "data_element",
      entityId: id,
      orgUnitId: element.ownerOrgUnitId,
      oldValue: snapshot(element),
    });
  });
}

function snapshot(e: typeof dataElements.$inferSelect) {
  return {
    code: e.code,
    name: e.name,
    valueType: e.valueType,
    description: e.description,
    archived: e.archivedAt !== null,
  };
}
