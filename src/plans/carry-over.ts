import { and, inArray, isNotNull, or } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Tx } from "../db/client.js";
import { planIndicatorQuarters, planNodeBudgetQuarters } from "../db/schema/index.js";
import { chunks } from "../lib/chunks.js";
import type { PlanMatch } from "./plan-diff.js";
import { getPlan } from "./queries.js";

/**
 * The ids of a stored plan's nodes and indicators in the order `flatten` walks its document: sasaran,
 * then each one's children depth-first, each node's indicators by position (as readRak reads them).
 */
async function flatIds(tx: Tx, planId: string) {
  const plan = await getPlan(tx, planId);
  if (!plan) throw new Error("plan vanished");
  const out: Array<{ nodeId: string; indicatorIds: string[] }> = [];
  const visit = (node: (typeof plan.nodes)[number]) => {
    out.push({ nodeId: node.id, indicatorIds: node.indicators.map((i) => i.id) });
    for (const child of plan.nodes.filter((n) => n.parentId === node.id)) visit(child);
  };
  for (const s of plan.nodes.filter((n) => n.level === "sasaran")) visit(s);
  return out;
}

/**
 * Copies the work done on one version to the next, for the rows the match says are the same: entered
 * realisasi with the faktor pendorong / penghambat / tindak lanjut of every quarter, and the budget
 * realisasi of every node. Runs inside the caller's transaction; one audit record with the counts.
 */
export async function carryOver(
  tx: Tx,
  from: { id: string; version: number; orgUnitId: string },
  toPlanId: string,
  match: Pick<PlanMatch, "nodes" | "indicators">,
  actor: Actor,
) {
  const [before, after] = [await flatIds(tx, from.id), await flatIds(tx, toPlanId)];
  const indicatorTo = new Map<string, string>();
  for (const [[i, a], [j, b]] of match.indicators) {
    const old = before[i]?.indicatorIds[a];
    const now = after[j]?.indicatorIds[b];
    if (old && now) indicatorTo.set(old, now);
  }
  const nodeTo = new Map<string, string>();
  for (const [i, j] of match.nodes) {
    const [old, now] = [before[i]?.nodeId, after[j]?.nodeId];
    if (old && now) nodeTo.set(old, now);
  }
  const quarters = indicatorTo.size
    ? await tx
        .select()
        .from(planIndicatorQuarters)
        .where(
          and(
            inArray(planIndicatorQuarters.planIndicatorId, [...indicatorTo.keys()]),
            or(
              isNotNull(planIndicatorQuarters.realisasi),
              isNotNull(planIndicatorQuarters.faktorPendorong),
              isNotNull(planIndicatorQuarters.faktorPenghambat),
              isNotNull(planIndicatorQuarters.tindakLanjut),
            ),
          ),
        )
    : [];
  const budgets = nodeTo.size
    ? await tx
        .select()
        .from(planNodeBudgetQuarters)
        .where(inArray(planNodeBudgetQuarters.planNodeId, [...nodeTo.keys()]))
    : [];
  for (const part of chunks(quarters)) {
    await tx.insert(planIndicatorQuarters).values(
      part.map((q) => ({
        planIndicatorId: indicatorTo.get(q.planIndicatorId) as string,
        quarter: q.quarter,
        realisasi: q.realisasi,
        faktorPendorong: q.faktorPendorong,
        faktorPenghambat: q.faktorPenghambat,
        tindakLanjut: q.tindakLanjut,
      })),
    );
  }
  for (const part of chunks(budgets)) {
    await tx.insert(planNodeBudgetQuarters).values(
      part.map((b) => ({
        planNodeId: nodeTo.get(b.planNodeId) as string,
        quarter: b.quarter,
        amount: b.amount,
      })),
    );
  }
  const counts = { indicatorQuarters: quarters.length, budgetQuarters: budgets.length };
  if (counts.indicatorQuarters || counts.budgetQuarters) {
    await recordAudit(tx, actor, {
      action: "plan.carry_over",
      entityType: "plan",
      entityId: toPlanId,
      orgUnitId: from.orgUnitId,
      oldValue: { planId: from.id, version: from.version },
      newValue: { planId: toPlanId, ...counts },
    });
  }
  return counts;
}
