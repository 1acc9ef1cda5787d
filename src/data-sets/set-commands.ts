import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Tx } from "../db/client.js";
import { dataElements, dataSetElements, dataSetOrgUnits, dataSets, orgUnits } from "../db/schema/index.js";
import { checkRules, parsePeriod, periodOfDate, planMembership } from "../domain/index.js";
import { AppError } from "../lib/errors.js";
import { findDataSet, isReported, memberships } from "./queries.js";
import type { DataSetInput } from "./schemas.js";

export interface Editor {
  /** The Dinas a new data set belongs to. */
  ownerOrgUnitId: string;
  /** Where the editor holds metadata.manage: assignments are checked against it. */
  manageRoots: readonly string[];
  actor: Actor;
  /** ISO date in the Dinas's time zone: the default period a change of elements applies from. */
  today: string;
}

const invalid = (code: string, id: string, en: string, details?: unknown) =>
  new AppError(400, code, id, en, details);

function checkPeriodCode(
  code: string | null | undefined,
  periodType: string,
  what: { id: string; en: string },
) {
  if (code === null || code === undefined) return;
  if (parsePeriod(code).type !== periodType) {
    throw invalid(
      "PERIOD_TYPE_MISMATCH",
      `${what.id} ${code} bukan periode jenis formulir ini.`,
      `${what.en} ${code} is not a period of this form's type.`,
    );
  }
}

/**
 * Creates (existingId null) or changes a data set in the caller's transaction: its settings, rules,
 * elements (a change applies from a period on once the form was reported, so earlier forms keep
 * theirs) and which facilities in the editor's scope report it. One audit record holds before and after.
 */
export async function applyDataSet(
  tx: Tx,
  existingId: string | null,
  input: DataSetInput,
  editor: Editor,
  revision?: number,
) {
  const existing = existingId ? (await findDataSet(tx, existingId)).set : null;
  if (existing && revision !== undefined && existing.revision !== revision) {
    throw new AppError(
      409,
      "STALE_REVISION",
      "Formulir ini sudah diubah orang lain sejak Anda membukanya; muat ulang lalu ulangi.",
      "Someone else changed this form since you opened it; reload and try again.",
    );
  }
  const units = input.orgUnitIds.length
    ? await tx
        .select({ id: orgUnits.id, path: orgUnits.path })
        .from(orgUnits)
        .where(inArray(orgUnits.id, input.orgUnitIds))
    : [];
  const inScope = (path: string) => editor.manageRoots.some((root) => path.startsWith(root));
  if (units.length !== new Set(input.orgUnitIds).size || units.some((u) => !inScope(u.path))) {
    throw new AppError(
      403,
      "ORG_UNIT_OUT_OF_SCOPE",
      "Formulir hanya dapat ditugaskan ke unit di wilayah Anda.",
      "A form can only be assigned to org units in your scope.",
    );
  }
  const [clash] = await tx
    .select({ id: dataSets.id })
    .from(dataSets)
    .where(
      existing
        ? and(eq(dataSets.code, input.code), ne(dataSets.id, existing.id))
        : eq(dataSets.code, input.code),
    );
  if (clash) {
    throw new AppError(
      409,
      "DUPLICATE_CODE",
      `Kode formulir ${input.code} sudah dipakai.`,
      `Data set code ${input.code} is already in use.`,
    );
  }
  if (input.elements.length === 0) {
    throw invalid(
      "DATA_SET_EMPTY",
      "Formulir harus berisi paling sedikit satu data.",
      "A data set needs at least one data element.",
    );
  }
  const ids = input.elements.map((e) => e.dataElementId);
  if (new Set(ids).size !== ids.length) {
    throw invalid(
      "ELEMENT_TWICE",
      "Satu data tercantum dua kali dalam formulir.",
      "A data element is listed twice.",
    );
  }
  const found = await tx.select().from(dataElements).where(inArray(dataElements.id, ids));
  if (found.length !== ids.length) {
    throw invalid(
      "UNKNOWN_ELEMENT",
      "Ada data yang tidak dikenal dalam formulir.",
      "The form names an unknown data element.",
    );
  }
  const rows = existing ? await memberships(tx, existing.id) : [];
  const current = new Set(rows.filter((r) => r.validTo === null).map((r) => r.dataElementId));
  const archived = found.filter((e) => e.archivedAt !== null && !current.has(e.id));
  if (archived.length) {
    throw invalid(
      "ELEMENT_ARCHIVED",
      `Data yang diarsipkan tidak dapat ditambahkan: ${archived.map((e) => e.code).join(", ")}.`,
      `Archived data elements cannot be added: ${archived.map((e) => e.code).join(", ")}.`,
    );
  }
  checkPeriodCode(input.openFrom, input.periodType, { id: "Periode pembukaan", en: "The opening period" });
  checkPeriodCode(input.effectiveFrom, input.periodType, {
    id: "Periode berlaku",
    en: "The effective period",
  });
  const problems = checkRules(input.rules, new Set(found.map((e) => e.code)));
  if (problems.length) {
    throw invalid(
      "RULE_INVALID",
      problems.map((p) => p.message.id).join(" "),
      problems.map((p) => p.message.en).join(" "),
      { problems },
    );
  }
  const reported = existing ? await isReported(tx, existing.id) : false;
  if (existing && reported && existing.periodType !== input.periodType) {
    throw new AppError(
      409,
      "PERIOD_TYPE_LOCKED",
      "Jenis periode tidak dapat diubah karena formulir sudah dilaporkan; buat formulir baru.",
      "The period type cannot change once the form was reported; create a new data set.",
    );
  }
  const settings = {
    code: input.code,
    name: input.name,
    periodType: input.periodType,
    deadlineDays: input.deadlineDays,
    jumpPercent: input.jumpPercent,
    openFrom: input.openFrom,
    openFuturePeriods: input.openFuturePeriods,
    rules: input.rules,
  };
  const [saved] = existing
    ? await tx
        .update(dataSets)
        .set({ ...settings, revision: sql`${dataSets.revision} + 1` })
        .where(eq(dataSets.id, existing.id))
        .returning()
    : await tx
        .insert(dataSets)
        .values({ ...settings, ownerOrgUnitId: editor.ownerOrgUnitId })
        .returning();
  if (!saved) throw new Error("data set write returned nothing");
  const effectiveFrom = reported
    ? (input.effectiveFrom ?? periodOfDate(editor.today, input.periodType).code)
    : null;
  await applyMembership(
    tx,
    saved.id,
    rows,
    input.elements.map((e) => ({ ...e, section: e.section?.trim() || null })),
    effectiveFrom,
  );
  const before = existing
    ? await tx
        .select({ id: dataSetOrgUnits.orgUnitId, path: orgUnits.path })
        .from(dataSetOrgUnits)
        .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
        .where(eq(dataSetOrgUnits.dataSetId, saved.id))
    : [];
  const wanted = new Set(input.orgUnitIds);
  const dropped = before.filter((u) => inScope(u.path) && !wanted.has(u.id)).map((u) => u.id);
  if (dropped.length) {
    await tx
      .delete(dataSetOrgUnits)
      .where(and(eq(dataSetOrgUnits.dataSetId, saved.id), inArray(dataSetOrgUnits.orgUnitId, dropped)));
  }
  if (wanted.size) {
    await tx
      .insert(dataSetOrgUnits)
      .values([...wanted].map((orgUnitId) => ({ dataSetId: saved.id, orgUnitId })))
      .onConflictDoNothing();
  }
  const codeOf = new Map(found.map((e) => [e.id, e.code]));
  await recordAudit(tx, editor.actor, {
    action: existing ? "metadata.data_set_update" : "metadata.data_set_create",
    entityType: "data_set",
    entityId: saved.id,
    orgUnitId: saved.ownerOrgUnitId,
    oldValue: existing
      ? {
          ...pick(existing),
          elements: rows.filter((r) => r.validTo === null).map((r) => r.code),
          orgUnits: before.map((u) => u.id),
        }
      : null,
    newValue: {
      ...settings,
      elements: input.elements.map((e) => codeOf.get(e.dataElementId)),
      effectiveFrom,
      orgUnits: [...wanted],
    },
  });
  return saved;
}

function pick(set: typeof dataSets.$inferSelect) {
  const { code, name, periodType, deadlineDays, jumpPercent, openFrom, openFuturePeriods, rules } = set;
  return { code, name, periodType, deadlineDays, jumpPercent, openFrom, openFuturePeriods, rules };
}

async function applyMembership(
  tx: Tx,
  dataSetId: string,
  rows: Awaited<ReturnType<typeof memberships>>,
  wanted: DataSetInput["elements"],
  effectiveFrom: string | null,
) {
  const plan = planMembership(rows, wanted, effectiveFrom);
  const row = (m: { dataElementId: string; validFrom: string | null }) =>
    and(
      eq(dataSetElements.dataSetId, dataSetId),
      eq(dataSetElements.dataElementId, m.dataElementId),
      m.validFrom === null ? isNull(dataSetElements.validFrom) : eq(dataSetElements.validFrom, m.validFrom),
    );
  for (const m of plan.remove) await tx.delete(dataSetElements).where(row(m));
  for (const m of plan.close) await tx.update(dataSetElements).set({ validTo: m.validTo }).where(row(m));
  for (const m of plan.keep) {
    await tx.update(dataSetElements).set({ position: m.position, section: m.section }).where(row(m));
  }
  for (const m of plan.add) {
    // A former membership starting at the same period is reopened rather than duplicated.
    await tx
      .insert(dataSetElements)
      .values({ dataSetId, ...m })
      .onConflictDoUpdate({
        target: [dataSetElements.dataSetId, dataSetElements.dataElementId, dataSetElements.validFrom],
        set: { validTo: null, position: m.position, section: m.section },
      });
  }
}

/** Creates or changes a data set in one transaction. */
export async function saveDataSet(
  db: Database,
  existingId: string | null,
  input: DataSetInput,
  editor: Editor,
  revision?: number,
) {
  return db.transaction((tx) => applyDataSet(tx, existingId, input, editor, revision));
}
