import { and, eq } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import { forbidden } from "../auth/plugin.js";
import type { Database } from "../db/client.js";
import {
  planIndicatorQuarters,
  planIndicators,
  planNodeBudgetQuarters,
  planNodes,
} from "../db/schema/index.js";
import { storedTarget } from "../domain/index.js";
import { AppError, notFound } from "../lib/errors.js";
import type { PlanContext } from "../plans/queries.js";

const conflict = () =>
  new AppError(
    409,
    "EDIT_CONFLICT",
    "Isian ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi.",
    "Someone else changed this since you opened it. Reload and try again.",
  );

export interface IndicatorQuarterInput {
  indicatorId: string;
  quarter: number;
  /** The revision the entry started from; null when nothing was entered yet. */
  revision: number | null;
  fields: {
    realisasi?: string | null;
    faktorPendorong?: string | null;
    faktorPenghambat?: string | null;
    tindakLanjut?: string | null;
  };
}

/** Direct realisasi and the quarter's analysis of one plan indicator, audited; `mayAnalyse` is the caller's limit. */
export async function saveIndicatorQuarter(
  db: Database,
  plan: PlanContext,
  input: IndicatorQuarterInput,
  mayAnalyse: (catalogueId: string) => boolean,
  actor: Actor,
) {
  const { indicatorId, quarter: q, revision, fields } = input;
  return db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ catalogueId: planIndicators.indicatorId })
      .from(planIndicators)
      .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
      .where(and(eq(planIndicators.id, indicatorId), eq(planNodes.planId, plan.id)));
    if (!owned) throw notFound("Indikator rencana", "Plan indicator");
    if (!mayAnalyse(owned.catalogueId)) throw forbidden();
    const changes = {
      ...fields,
      ...(fields.realisasi ? { realisasi: storedTarget(fields.realisasi) } : {}),
    };
    const key = and(
      eq(planIndicatorQuarters.planIndicatorId, indicatorId),
      eq(planIndicatorQuarters.quarter, q),
    );
    const [before] = await tx.select().from(planIndicatorQuarters).where(key).for("update");
    if ((before?.revision ?? null) !== revision) throw conflict();
    const [after] = before
      ? await tx
          .update(planIndicatorQuarters)
          .set({ ...changes, revision: before.revision + 1 })
          .where(key)
          .returning()
      : await tx
          .insert(planIndicatorQuarters)
          .values({ planIndicatorId: indicatorId, quarter: q, ...changes })
          .returning();
    await recordAudit(tx, actor, {
      action: "evaluation.indicator_quarter",
      entityType: "plan_indicator_quarter",
      entityId: `${indicatorId}/${q}`,
      orgUnitId: plan.orgUnitId,
      oldValue: before ?? null,
      newValue: after,
    });
    return after as { revision: number };
  });
}

export interface BudgetRealisasiInput {
  nodeId: string;
  quarter: number;
  revision: number | null;
  /** Rupiah; null clears it. */
  amount: number | null;
}

/** The budget a plan node spent in a quarter, audited. */
export async function saveBudgetRealisasi(
  db: Database,
  plan: PlanContext,
  input: BudgetRealisasiInput,
  actor: Actor,
) {
  const { nodeId, quarter: q } = input;
  return db.transaction(async (tx) => {
    const [node] = await tx
      .select()
      .from(planNodes)
      .where(and(eq(planNodes.id, nodeId), eq(planNodes.planId, plan.id)));
    if (!node) throw notFound("Bagian rencana", "Plan node");
    const key = and(eq(planNodeBudgetQuarters.planNodeId, nodeId), eq(planNodeBudgetQuarters.quarter, q));
    const [before] = await tx.select().from(planNodeBudgetQuarters).where(key).for("update");
    if ((before?.revision ?? null) !== input.revision) throw conflict();
    const amount = input.amount;
    let after: typeof before;
    if (amount === null) {
      [after] = await tx.delete(planNodeBudgetQuarters).where(key).returning();
    } else if (before) {
      [after] = await tx
        .update(planNodeBudgetQuarters)
        .set({ amount, revision: before.revision + 1 })
        .where(key)
        .returning();
    } else {
      [after] = await tx
        .insert(planNodeBudgetQuarters)
        .values({ planNodeId: nodeId, quarter: q, amount })
        .returning();
    }
    await recordAudit(tx, actor, {
      action: "evaluation.budget_realisasi",
      entityType: "plan_node_budget_quarter",
      entityId: `${nodeId}/${q}`,
      orgUnitId: plan.orgUnitId,
      oldValue: before ?? null,
      newValue: amount === null ? null : after,
    });
    return amount === null
      ? { revision: (before?.revision ?? 0) + 1, amount: null }
      : (after as { revision: number; amount: number });
  });
}
