import { and, asc, eq, isNull, max, sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Tx } from "../db/client.js";
import {
  indicators,
  orgUnits,
  type PlanNodeLevel,
  planIndicators,
  planNodes,
  plans,
} from "../db/schema/index.js";
import { inferMode, parseTargetSeries, storedTarget } from "../domain/index.js";
import { AppError, notFound } from "../lib/errors.js";
import type { IndicatorCreate, IndicatorEdit, NodeCreate, NodeEdit, NodeMove } from "./edit-schemas.js";
import type { PlanContext } from "./queries.js";
import { catalogueIds } from "./rak-commands.js";
import type { RakIndicatorRow } from "./rak-document.js";

const signedPlan = () =>
  new AppError(
    409,
    "PLAN_SIGNED",
    "Rencana ini sudah ditandatangani dan dibekukan. Buat perubahan (versi baru) untuk mengubahnya.",
    "This plan is signed and frozen. Make a revision (a new version) to change it.",
  );

const conflict = (current: unknown) =>
  new AppError(
    409,
    "EDIT_CONFLICT",
    "Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang untuk melihat perubahan terbaru, lalu ulangi.",
    "Someone else changed this since you opened it. Reload to see the latest change, then try again.",
    { current },
  );

/** Runs an edit of a draft plan in one transaction; the plan row is locked so signing cannot interleave. */
async function inDraft<T>(db: Database, plan: PlanContext, edit: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: plans.status })
      .from(plans)
      .where(eq(plans.id, plan.id))
      .for("update");
    if (row?.status !== "draft") throw signedPlan();
    return edit(tx);
  });
}

/** A plan indicator of this plan at the revision the edit started from; 404 or 409 otherwise. */
async function indicatorAt(tx: Tx, plan: PlanContext, id: string, revision: number) {
  const [found] = await tx
    .select()
    .from(planIndicators)
    .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
    .where(and(eq(planIndicators.id, id), eq(planNodes.planId, plan.id)));
  if (!found) throw notFound("Indikator rencana", "Plan indicator");
  if (found.plan_indicators.revision !== revision) throw conflict(found.plan_indicators);
  return found.plan_indicators;
}

/**
 * The definition a plan indicator is linked to ("dari data"): it must exist, be fed by data elements and
 * belong to the plan's Dinas (or be national). Null unlinks it ("diisi langsung").
 */
async function linkable(tx: Tx, plan: PlanContext, definitionId: string | null) {
  if (definitionId === null) return null;
  const [found] = await tx
    .select({ numerator: indicators.numerator, ownerPath: orgUnits.path })
    .from(indicators)
    .leftJoin(orgUnits, eq(orgUnits.id, indicators.ownerOrgUnitId))
    .where(eq(indicators.id, definitionId));
  const owned =
    found &&
    (found.ownerPath === null ||
      plan.orgUnitPath.startsWith(found.ownerPath) ||
      found.ownerPath.startsWith(plan.orgUnitPath));
  if (!found?.numerator || !owned) {
    throw new AppError(
      400,
      "DEFINITION_NOT_LINKABLE",
      "Definisi indikator tidak ditemukan atau belum dihitung dari data element.",
      "The indicator definition does not exist or is not computed from data elements.",
    );
  }
  return definitionId;
}

const targetFields = ["targetYear", "targetQ1", "targetQ2", "targetQ3", "targetQ4"] as const;

export async function editIndicator(
  db: Database,
  plan: PlanContext,
  id: string,
  edit: IndicatorEdit,
  actor: Actor,
) {
  return inDraft(db, plan, async (tx) => {
    const old = await indicatorAt(tx, plan, id, edit.revision);
    const changes: Partial<typeof old> = {};
    for (const field of targetFields) {
      const typed = edit[field];
      if (typed !== undefined) changes[field] = storedTarget(typed);
    }
    if (edit.unit !== undefined) changes.unit = edit.unit;
    if (edit.definitionId !== undefined) changes.definitionId = await linkable(tx, plan, edit.definitionId);
    const next = { ...old, ...changes };
    const series = parseTargetSeries(
      { annual: next.targetYear, quarters: [next.targetQ1, next.targetQ2, next.targetQ3, next.targetQ4] },
      { decimalSeparator: ".", ...(edit.targetMode ? { mode: edit.targetMode } : {}) },
    );
    changes.targetMode =
      edit.targetMode ?? (edit.targetYear || edit.targetQ1 ? inferMode(series) : old.targetMode);
    const [after] = await tx
      .update(planIndicators)
      .set({ ...changes, revision: old.revision + 1 })
      .where(and(eq(planIndicators.id, id), eq(planIndicators.revision, edit.revision)))
      .returning();
    if (!after) throw conflict(old);
    await recordAudit(tx, actor, {
      action: "plan.indicator_update",
      entityType: "plan_indicator",
      entityId: id,
      orgUnitId: plan.orgUnitId,
      oldValue: old,
      newValue: after,
      reason: edit.reason,
    });
    return after;
  });
}

async function nodeOf(tx: Tx, plan: PlanContext, id: string) {
  const [node] = await tx
    .select()
    .from(planNodes)
    .where(and(eq(planNodes.id, id), eq(planNodes.planId, plan.id)));
  if (!node) throw notFound("Bagian rencana", "Plan node");
  return node;
}

export async function editNode(db: Database, plan: PlanContext, id: string, edit: NodeEdit, actor: Actor) {
  return inDraft(db, plan, async (tx) => {
    const old = await nodeOf(tx, plan, id);
    if (old.revision !== edit.revision) throw conflict(old);
    const { revision, reason, ...fields } = edit;
    const [after] = await tx
      .update(planNodes)
      .set({ ...fields, revision: revision + 1 })
      .where(and(eq(planNodes.id, id), eq(planNodes.revision, revision)))
      .returning();
    if (!after) throw conflict(old);
    await recordAudit(tx, actor, {
      action: "plan.node_update",
      entityType: "plan_node",
      entityId: id,
      orgUnitId: plan.orgUnitId,
      oldValue: old,
      newValue: after,
      reason,
    });
    return after;
  });
}

const childLevel: Record<PlanNodeLevel | "root", PlanNodeLevel[]> = {
  root: ["tujuan", "sasaran"],
  tujuan: ["sasaran"],
  sasaran: ["program"],
  program: ["kegiatan"],
  kegiatan: ["sub_kegiatan"],
  sub_kegiatan: [],
};

function checkLevel(parentLevel: PlanNodeLevel | "root", level: PlanNodeLevel) {
  if (!childLevel[parentLevel].includes(level)) {
    throw new AppError(
      400,
      "PLAN_LEVEL_INVALID",
      `${level.replace("_", " ")} tidak dapat diletakkan di bawah ${parentLevel === "root" ? "akar dokumen" : parentLevel.replace("_", " ")}.`,
      `A ${level} cannot be placed under ${parentLevel === "root" ? "the document root" : `a ${parentLevel}`}.`,
    );
  }
}

async function nextPosition(tx: Tx, planId: string) {
  const [row] = await tx
    .select({ top: max(planNodes.position) })
    .from(planNodes)
    .where(eq(planNodes.planId, planId));
  return (row?.top ?? -1) + 1;
}

export async function createNode(db: Database, plan: PlanContext, input: NodeCreate, actor: Actor) {
  return inDraft(db, plan, async (tx) => {
    const parent = input.parentId ? await nodeOf(tx, plan, input.parentId) : null;
    checkLevel(parent?.level ?? "root", input.level);
    const [node] = await tx
      .insert(planNodes)
      .values({
        planId: plan.id,
        districtId: plan.districtId,
        parentId: parent?.id ?? null,
        level: input.level,
        name: input.name,
        code: input.code ?? null,
        budget: input.budget ?? null,
        position: await nextPosition(tx, plan.id),
      })
      .returning();
    if (!node) throw new Error("plan node insert returned nothing");
    await recordAudit(tx, actor, {
      action: "plan.node_create",
      entityType: "plan_node",
      entityId: node.id,
      orgUnitId: plan.orgUnitId,
      newValue: node,
      reason: input.reason,
    });
    return node;
  });
}

export async function moveNode(db: Database, plan: PlanContext, id: string, move: NodeMove, actor: Actor) {
  return inDraft(db, plan, async (tx) => {
    const old = await nodeOf(tx, plan, id);
    if (old.revision !== move.revision) throw conflict(old);
    const parent = move.parentId ? await nodeOf(tx, plan, move.parentId) : null;
    checkLevel(parent?.level ?? "root", old.level);
    const siblings = await tx
      .select({ id: planNodes.id })
      .from(planNodes)
      .where(
        and(
          eq(planNodes.planId, plan.id),
          parent ? eq(planNodes.parentId, parent.id) : isNull(planNodes.parentId),
          sql`${planNodes.id} <> ${id}`,
        ),
      )
      .orderBy(asc(planNodes.position));
    const order = siblings.map((s) => s.id);
    order.splice(Math.min(move.index, order.length), 0, id);
    const base = await nextPosition(tx, plan.id);
    for (const [i, nodeId] of order.entries()) {
      await tx
        .update(planNodes)
        .set({ position: base + i })
        .where(eq(planNodes.id, nodeId));
    }
    const [after] = await tx
      .update(planNodes)
      .set({ parentId: parent?.id ?? null, revision: old.revision + 1 })
      .where(eq(planNodes.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: "plan.node_move",
      entityType: "plan_node",
      entityId: id,
      orgUnitId: plan.orgUnitId,
      oldValue: { parentId: old.parentId, position: old.position },
      newValue: { parentId: after?.parentId, index: move.index },
      reason: move.reason,
    });
    return after;
  });
}

export async function deleteNode(
  db: Database,
  plan: PlanContext,
  id: string,
  revision: number,
  reason: string | undefined,
  actor: Actor,
) {
  return inDraft(db, plan, async (tx) => {
    const old = await nodeOf(tx, plan, id);
    if (old.revision !== revision) throw conflict(old);
    await tx.delete(planNodes).where(eq(planNodes.id, id));
    await recordAudit(tx, actor, {
      action: "plan.node_delete",
      entityType: "plan_node",
      entityId: id,
      orgUnitId: plan.orgUnitId,
      oldValue: old,
      reason,
    });
  });
}

export async function createIndicator(
  db: Database,
  plan: PlanContext,
  nodeId: string,
  input: IndicatorCreate,
  actor: Actor,
) {
  return inDraft(db, plan, async (tx) => {
    await nodeOf(tx, plan, nodeId);
    const [targetYear, q1, q2, q3, q4] = [input.targetYear, ...input.quarters].map((typed) =>
      storedTarget(typed),
    ) as [string, string, string, string, string];
    const series = parseTargetSeries(
      { annual: targetYear, quarters: [q1, q2, q3, q4] },
      { decimalSeparator: "." },
    );
    const [last] = await tx
      .select({ top: max(planIndicators.position) })
      .from(planIndicators)
      .where(eq(planIndicators.planNodeId, nodeId));
    const catalogueRow: RakIndicatorRow = {
      name: input.name,
      unit: input.unit,
      target: targetYear,
      quarters: [q1, q2, q3, q4],
      ...(input.polarity === "lower" ? { polarity: "lower" as const } : {}),
    };
    const indicatorId = (await catalogueIds(tx, [catalogueRow], plan.orgUnitId))(catalogueRow);
    const [row] = await tx
      .insert(planIndicators)
      .values({
        planNodeId: nodeId,
        indicatorId,
        definitionId: await linkable(tx, plan, input.definitionId ?? null),
        position: (last?.top ?? -1) + 1,
        unit: input.unit,
        targetMode: inferMode(series),
        targetYear,
        targetQ1: q1,
        targetQ2: q2,
        targetQ3: q3,
        targetQ4: q4,
      })
      .returning();
    if (!row) throw new Error("plan indicator insert returned nothing");
    await recordAudit(tx, actor, {
      action: "plan.indicator_create",
      entityType: "plan_indicator",
      entityId: row.id,
      orgUnitId: plan.orgUnitId,
      newValue: row,
      reason: input.reason,
    });
    return row;
  });
}

export async function deleteIndicator(
  db: Database,
  plan: PlanContext,
  id: string,
  revision: number,
  reason: string | undefined,
  actor: Actor,
) {
  return inDraft(db, plan, async (tx) => {
    const old = await indicatorAt(tx, plan, id, revision);
    await tx.delete(planIndicators).where(eq(planIndicators.id, id));
    await recordAudit(tx, actor, {
      action: "plan.indicator_delete",
      entityType: "plan_indicator",
      entityId: id,
      orgUnitId: plan.orgUnitId,
      oldValue: old,
      reason,
    });
  });
}
