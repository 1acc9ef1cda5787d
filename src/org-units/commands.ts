import { and, eq, ne, sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Tx } from "../db/client.js";
import { orgUnits } from "../db/schema/index.js";
import type { BilingualText } from "../domain/errors.js";
import {
  codeProblem,
  defaultOwner,
  kabKotaOf,
  kemenkesCodeProblem,
  ownershipProblem,
  parentProblem,
  wouldCycle,
} from "../domain/org-unit-tree.js";
import { AppError } from "../lib/errors.js";
import { orgUnitNotFound, type UnitRow, unitColumns } from "./queries.js";
import type { CreateOrgUnit, UpdateOrgUnit } from "./schemas.js";

/** Throws the 403 when the caller may not manage units at this path. */
export type AuthorizePath = (path: string) => void;

const invalid = (problem: BilingualText, code = "ORG_UNIT_INVALID") =>
  new AppError(422, code, problem.id, problem.en);
const conflict = (code: string, id: string, en: string) => new AppError(409, code, id, en);
const check = (problem: BilingualText | null, code?: string) => {
  if (problem) throw invalid(problem, code);
};

/** Reads and locks a unit, so two moves at once cannot both pass the cycle check. */
export async function lockUnit(tx: Tx, where: { id: string } | { code: string }) {
  const [row] = await tx
    .select(unitColumns)
    .from(orgUnits)
    .where("id" in where ? eq(orgUnits.id, where.id) : eq(orgUnits.code, where.code))
    .for("update");
  return row as UnitRow | undefined;
}

async function ensureFree(tx: Tx, field: "code" | "kemenkesCode", value: string, exceptId?: string) {
  const column = field === "code" ? orgUnits.code : orgUnits.kemenkesCode;
  const [taken] = await tx
    .select({ code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(column, value), exceptId ? ne(orgUnits.id, exceptId) : undefined));
  if (!taken) return;
  throw field === "code"
    ? conflict(
        "ORG_UNIT_CODE_TAKEN",
        `Kode ${value} sudah dipakai ${taken.name}.`,
        `Code ${value} is already used by ${taken.name}.`,
      )
    : conflict(
        "ORG_UNIT_KEMENKES_CODE_TAKEN",
        `Kode Kemenkes ${value} sudah dipakai ${taken.name} (${taken.code}).`,
        `Kemenkes code ${value} is already used by ${taken.name} (${taken.code}).`,
      );
}

/**
 * Moves or renames a subtree in one statement: every path under `oldPath` gets `newPath` as its prefix,
 * levels shift, and each unit's kab/kota becomes the nearest kab/kota above it (inside the subtree when
 * there is one, else the new parent's).
 */
export async function rewriteSubtree(
  tx: Tx,
  oldPath: string,
  newPath: string,
  levelDelta: number,
  district: string | null,
) {
  const n = oldPath.length;
  await tx.execute(sql`
    update org_units u set
      path = ${newPath}::text || substr(u.path, ${n + 1}::int),
      level = u.level + ${levelDelta}::int,
      district_id = coalesce(
        (select k.id from org_units k
          where k.type = 'kabupaten_kota' and left(k.path, ${n}::int) = ${oldPath}::text
            and left(u.path, length(k.path)) = k.path and k.path <> u.path
          order by length(k.path) desc limit 1),
        ${district}::uuid)
    where left(u.path, ${n}::int) = ${oldPath}::text`);
}

function checkOwnership(type: UnitRow["type"], ownerType: UnitRow["ownerType"], isBlud: boolean) {
  check(ownershipProblem(type, ownerType, isBlud));
}

export async function createOrgUnit(
  db: Database,
  input: CreateOrgUnit,
  authorize: AuthorizePath,
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const parent = await lockUnit(tx, { id: input.parentId });
    if (!parent) throw orgUnitNotFound();
    authorize(parent.path);
    check(codeProblem(input.code));
    check(parentProblem(input.type, parent.type), "ORG_UNIT_WRONG_PARENT");
    if (parent.closedOn)
      throw conflict(
        "ORG_UNIT_PARENT_CLOSED",
        `${parent.name} sudah ditutup; unit baru tidak bisa ditambahkan di bawahnya.`,
        `${parent.name} is closed; no unit can be added under it.`,
      );
    const ownerType = input.ownerType === undefined ? defaultOwner(input.type) : input.ownerType;
    const isBlud = input.isBlud ?? false;
    checkOwnership(input.type, ownerType, isBlud);
    if (input.kemenkesCode) check(kemenkesCodeProblem(input.kemenkesCode));
    await ensureFree(tx, "code", input.code);
    if (input.kemenkesCode) await ensureFree(tx, "kemenkesCode", input.kemenkesCode);
    const [row] = await tx
      .insert(orgUnits)
      .values({
        parentId: parent.id,
        districtId: kabKotaOf(parent),
        code: input.code,
        name: input.name,
        officeName: input.officeName ?? null,
        type: input.type,
        ownerType,
        isBlud,
        kemenkesCode: input.kemenkesCode ?? null,
        level: parent.level + 1,
        path: `${parent.path}${input.code}/`,
      })
      .returning(unitColumns);
    if (!row) throw new Error("org unit insert returned nothing");
    await recordAudit(tx, actor, {
      action: "orgunit.create",
      entityType: "org_unit",
      entityId: row.id,
      orgUnitId: row.id,
      newValue: row,
      reason: input.reason ?? null,
    });
    return row;
  });
}

/**
 * The shape of every change to one existing unit: lock it, check the caller manages it, change it, and
 * audit the fields that changed, in one transaction.
 */
async function changeUnit(
  db: Database,
  id: string,
  authorize: AuthorizePath,
  actor: Actor,
  audit: { action: string; reason: string | null },
  change: (tx: Tx, unit: UnitRow) => Promise<void>,
) {
  return db.transaction(async (tx) => {
    const unit = await lockUnit(tx, { id });
    if (!unit) throw orgUnitNotFound();
    authorize(unit.path);
    await change(tx, unit);
    const after = (await lockUnit(tx, { id })) as UnitRow;
    await auditChange(tx, actor, audit.action, unit, after, audit.reason);
    return after;
  });
}

/** A command on one existing unit: `change` runs inside `changeUnit`, the reason comes from the input. */
const unitCommand =
  <Input extends { reason?: string | null }>(
    action: string,
    change: (tx: Tx, unit: UnitRow, input: Input, authorize: AuthorizePath) => Promise<void>,
  ) =>
  (db: Database, id: string, input: Input, authorize: AuthorizePath, actor: Actor) =>
    changeUnit(db, id, authorize, actor, { action, reason: input.reason ?? null }, (tx, unit) =>
      change(tx, unit, input, authorize),
    );

/** Edits a unit's own fields; a new code rewrites the paths of its subtree, a new type is checked both ways. */
export const updateOrgUnit = unitCommand<UpdateOrgUnit>("orgunit.update", async (tx, unit, input) => {
  const next = {
    code: input.code ?? unit.code,
    name: input.name ?? unit.name,
    officeName: input.officeName === undefined ? unit.officeName : input.officeName,
    type: input.type ?? unit.type,
    ownerType: input.ownerType === undefined ? unit.ownerType : input.ownerType,
    isBlud: input.isBlud ?? unit.isBlud,
    kemenkesCode: input.kemenkesCode === undefined ? unit.kemenkesCode : input.kemenkesCode,
  };
  if (next.code !== unit.code) {
    check(codeProblem(next.code));
    await ensureFree(tx, "code", next.code, unit.id);
  }
  if (next.type !== unit.type) await checkTypeChange(tx, unit, next.type);
  checkOwnership(next.type, next.ownerType, next.isBlud);
  if (next.kemenkesCode && next.kemenkesCode !== unit.kemenkesCode) {
    check(kemenkesCodeProblem(next.kemenkesCode));
    await ensureFree(tx, "kemenkesCode", next.kemenkesCode, unit.id);
  }
  const { code: _code, ...own } = next;
  await tx.update(orgUnits).set(own).where(eq(orgUnits.id, unit.id));
  if (next.code !== unit.code) {
    const newPath = `${unit.path.slice(0, -unit.code.length - 1)}${next.code}/`;
    await tx.update(orgUnits).set({ code: next.code }).where(eq(orgUnits.id, unit.id));
    await rewriteSubtree(tx, unit.path, newPath, 0, unit.districtId);
  }
});

async function checkTypeChange(tx: Tx, unit: UnitRow, type: UnitRow["type"]) {
  const parent = unit.parentId ? await lockUnit(tx, { id: unit.parentId }) : undefined;
  check(parentProblem(type, parent?.type ?? null), "ORG_UNIT_WRONG_PARENT");
  const children = await tx
    .select({ type: orgUnits.type, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.parentId, unit.id));
  for (const child of children) {
    const problem = parentProblem(child.type, type);
    if (problem)
      throw invalid(
        { id: `${child.name}: ${problem.id}`, en: `${child.name}: ${problem.en}` },
        "ORG_UNIT_WRONG_PARENT",
      );
  }
}

/** Only the fields that changed, old and new, so the audit trail reads like the edit. */
export async function auditChange(
  tx: Tx,
  actor: Actor,
  action: string,
  before: UnitRow,
  after: UnitRow,
  reason: string | null,
) {
  const keys = (Object.keys(after) as Array<keyof UnitRow>).filter((k) => before[k] !== after[k]);
  await recordAudit(tx, actor, {
    action,
    entityType: "org_unit",
    entityId: after.id,
    orgUnitId: after.id,
    oldValue: Object.fromEntries(keys.map((k) => [k, before[k]])),
    newValue: Object.fromEntries(keys.map((k) => [k, after[k]])),
    reason,
  });
}

/** Puts a unit (and its whole subtree) under a new parent; inside a caller's transaction for the import. */
export async function moveWithin(tx: Tx, unit: UnitRow, parent: UnitRow) {
  if (wouldCycle(unit.path, parent.path))
    throw invalid(
      {
        id: `${unit.name} tidak bisa dipindahkan ke bawah dirinya sendiri atau unit di bawahnya.`,
        en: `${unit.name} cannot be moved under itself or one of its descendants.`,
      },
      "ORG_UNIT_CYCLE",
    );
  check(parentProblem(unit.type, parent.type), "ORG_UNIT_WRONG_PARENT");
  if (parent.closedOn && !unit.closedOn)
    throw conflict(
      "ORG_UNIT_PARENT_CLOSED",
      `${parent.name} sudah ditutup; pilih induk yang masih aktif.`,
      `${parent.name} is closed; choose an open parent.`,
    );
  const district = kabKotaOf(parent);
  // Fact rows carry the kab/kota as their shard key, so a facility does not change kab/kota.
  if (unit.type !== "kabupaten_kota" && district !== unit.districtId)
    throw conflict(
      "ORG_UNIT_OTHER_DISTRICT",
      "Unit tidak bisa dipindahkan ke kabupaten/kota lain; datanya tercatat per kabupaten/kota.",
      "A unit cannot move to another kab/kota; its data is kept per kab/kota.",
    );
  await tx.update(orgUnits).set({ parentId: parent.id }).where(eq(orgUnits.id, unit.id));
  await rewriteSubtree(tx, unit.path, `${parent.path}${unit.code}/`, parent.level + 1 - unit.level, district);
}

export const moveOrgUnit = unitCommand<{ parentId: string; reason: string }>(
  "orgunit.move",
  async (tx, unit, input, authorize) => {
    const parent = await lockUnit(tx, { id: input.parentId });
    if (!parent) throw orgUnitNotFound();
    authorize(parent.path);
    if (unit.parentId !== parent.id) await moveWithin(tx, unit, parent);
  },
);

export const closeOrgUnit = unitCommand<{ closedOn: string; reason: string }>(
  "orgunit.close",
  async (tx, unit, input) => {
    if (unit.closedOn)
      throw conflict(
        "ORG_UNIT_CLOSED",
        `${unit.name} sudah ditutup sejak ${unit.closedOn}.`,
        `${unit.name} is already closed since ${unit.closedOn}.`,
      );
    const [open] = await tx
      .select({ name: orgUnits.name })
      .from(orgUnits)
      .where(sql`${orgUnits.parentId} = ${unit.id} and ${orgUnits.closedOn} is null`)
      .limit(1);
    // Open children would vanish from the lists with their parent; the Dinas moves or closes them first.
    if (open)
      throw conflict(
        "ORG_UNIT_HAS_OPEN_CHILDREN",
        `${unit.name} masih punya unit aktif di bawahnya (${open.name}); pindahkan atau tutup dulu.`,
        `${unit.name} still has open units under it (${open.name}); move or close them first.`,
      );
    await tx
      .update(orgUnits)
      .set({ closedOn: input.closedOn, closedReason: input.reason })
      .where(eq(orgUnits.id, unit.id));
  },
);

export const reopenOrgUnit = unitCommand<{ reason: string }>("orgunit.reopen", async (tx, unit) => {
  if (!unit.closedOn)
    throw conflict("ORG_UNIT_OPEN", `${unit.name} tidak sedang ditutup.`, `${unit.name} is not closed.`);
  const parent = unit.parentId ? await lockUnit(tx, { id: unit.parentId }) : undefined;
  if (parent?.closedOn)
    throw conflict(
      "ORG_UNIT_PARENT_CLOSED",
      `${parent.name} juga ditutup; buka atau pindahkan dulu.`,
      `${parent.name} is closed too; reopen it or move this unit first.`,
    );
  await tx.update(orgUnits).set({ closedOn: null, closedReason: null }).where(eq(orgUnits.id, unit.id));
});
