import { and, eq } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Reader, Tx } from "../db/client.js";
import { indicators } from "../db/schema/index.js";
import { checkDefinition } from "../domain/index.js";
import { AppError, notFound } from "../lib/errors.js";
import { checkContext, rowOf, signedUses } from "./queries.js";
import type { DefinitionCreate, DefinitionDraftInput, DefinitionEdit } from "./schemas.js";

/** Refuses a definition with any issue, naming the first one (with its position) and listing all. */
export async function assertValid(db: Reader, draft: DefinitionDraftInput, id?: string) {
  const issues = checkDefinition(draft, await checkContext(db, id));
  const [first] = issues;
  if (first) {
    throw new AppError(400, "DEFINITION_INVALID", first.message.id, first.message.en, { issues });
  }
}

const codeTaken = (code: string) =>
  new AppError(
    409,
    "DEFINITION_CODE_TAKEN",
    `Kode indikator ${code} sudah dipakai indikator lain.`,
    `The indicator code ${code} is already used by another indicator.`,
  );

async function assertCodeFree(tx: Tx, code: string, id?: string) {
  const [other] = await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.code, code));
  if (other && other.id !== id) throw codeTaken(code);
}

function columnsOf(draft: DefinitionDraftInput) {
  const ratio = draft.kind === "ratio";
  return {
    code: draft.code,
    name: draft.name,
    unit: draft.unit,
    kind: draft.kind,
    factor: ratio ? (draft.factor ?? null) : null,
    polarity: draft.polarity,
    lowerFormula: draft.lowerFormula,
    timeAggregation: draft.timeAggregation,
    numerator: draft.numerator.trim(),
    denominator: ratio ? (draft.denominator?.trim() ?? null) : null,
    definition: draft.definition ?? null,
  };
}

export async function createDefinition(db: Database, input: DefinitionCreate, actor: Actor) {
  await assertValid(db, input);
  return db.transaction(async (tx) => {
    await assertCodeFree(tx, input.code);
    const [row] = await tx
      .insert(indicators)
      .values({ ...columnsOf(input), ownerOrgUnitId: input.orgUnitId })
      .returning();
    if (!row) throw new Error("indicator insert returned nothing");
    await recordAudit(tx, actor, {
      action: "indicator.define",
      entityType: "indicator",
      entityId: row.id,
      orgUnitId: input.orgUnitId,
      newValue: row,
    });
    return rowOf(row);
  });
}

/**
 * Edits a definition. Once a signed plan uses it the edit needs a reason (audited with old and new),
 * and its kind may no longer change: a signed plan's ratio must not silently become a count.
 */
export async function editDefinition(db: Database, id: string, edit: DefinitionEdit, actor: Actor) {
  const { revision, reason, ...draft } = edit;
  await assertValid(db, draft, id);
  return db.transaction(async (tx) => {
    const [old] = await tx.select().from(indicators).where(eq(indicators.id, id)).for("update");
    if (!old) throw notFound("Indikator", "Indicator");
    if (old.revision !== revision) {
      throw new AppError(
        409,
        "EDIT_CONFLICT",
        "Definisi ini sudah diubah orang lain sejak Anda membukanya. Muat ulang, lalu ulangi.",
        "Someone else changed this definition since you opened it. Reload, then try again.",
        { current: rowOf(old) },
      );
    }
    await assertCodeFree(tx, draft.code, id);
    const signed = await signedUses(tx, id);
    if (signed > 0 && draft.kind !== old.kind) {
      throw new AppError(
        409,
        "DEFINITION_KIND_FROZEN",
        `Jenis indikator tidak dapat diubah: ${signed} indikator dalam rencana yang sudah ditandatangani memakainya. Buat definisi baru.`,
        `The indicator's type cannot change: ${signed} indicators of signed plans use it. Make a new definition.`,
      );
    }
    if (signed > 0 && !reason) {
      throw new AppError(
        400,
        "REASON_REQUIRED",
        `Definisi ini dipakai ${signed} indikator dalam rencana yang sudah ditandatangani: tuliskan alasan perubahannya.`,
        `${signed} indicators of signed plans use this definition: give the reason for the change.`,
      );
    }
    const [after] = await tx
      .update(indicators)
      .set({ ...columnsOf(draft), revision: revision + 1 })
      .where(and(eq(indicators.id, id), eq(indicators.revision, revision)))
      .returning();
    if (!after) throw notFound("Indikator", "Indicator");
    await recordAudit(tx, actor, {
      action: "indicator.redefine",
      entityType: "indicator",
      entityId: id,
      orgUnitId: old.ownerOrgUnitId,
      oldValue: old,
      newValue: after,
      reason,
    });
    return rowOf(after);
  });
}
