import { randomUUID } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Tx } from "../db/client.js";
import { orgUnits, planIndicators, planNodes, plans } from "../db/schema/index.js";
import { kabKotaOf } from "../domain/org-unit-tree.js";
import { FIRST_PLAN_YEAR, isPlannableYear, YEARS_AHEAD } from "../domain/plan-years.js";
import { AppError } from "../lib/errors.js";
import type { PlanStart } from "./start-schemas.js";
import { activeVersion } from "./versions.js";

export interface StartUnit {
  id: string;
  name: string;
  officeName: string | null;
}

function checkYears(input: PlanStart) {
  for (const year of [input.year, input.copyFromYear]) {
    if (year !== undefined && !isPlannableYear(year)) {
      const last = new Date().getFullYear() + YEARS_AHEAD;
      throw new AppError(
        400,
        "PLAN_YEAR_OUT_OF_RANGE",
        `Tahun ${year} di luar rentang yang dapat direncanakan (${FIRST_PLAN_YEAR}–${last}).`,
        `${year} is outside the years that can be planned (${FIRST_PLAN_YEAR}–${last}).`,
      );
    }
  }
  if (input.copyFromYear === input.year) {
    throw new AppError(
      400,
      "PLAN_COPY_SAME_YEAR",
      "Rencana tidak dapat disalin dari tahun yang sama. Untuk mengubah rencana tahun ini, buat perubahan (versi baru).",
      "A plan cannot be copied from its own year. To change this year's plan, start a revision (a new version).",
    );
  }
}

/**
 * Copies a plan's tree into another: the same nodes (names, codes, budgets), the same catalogue indicators
 * (so data-fed indicators stay fed) with their units, modes and targets. Realisasi, budget realisasi and
 * the quarterly analysis hang on the source's rows and stay there.
 */
async function copyTree(tx: Tx, sourceId: string, planId: string, districtId: string | null) {
  const nodes = await tx
    .select()
    .from(planNodes)
    .where(eq(planNodes.planId, sourceId))
    .orderBy(asc(planNodes.position));
  if (nodes.length === 0) return { nodes: 0, indicators: 0 };
  const newId = new Map(nodes.map((n) => [n.id, randomUUID()]));
  await tx.insert(planNodes).values(
    nodes.map((n) => ({
      id: newId.get(n.id) as string,
      planId,
      districtId,
      parentId: n.parentId ? (newId.get(n.parentId) as string) : null,
      level: n.level,
      code: n.code,
      name: n.name,
      position: n.position,
      budget: n.budget,
    })),
  );
  const rows = await tx
    .select()
    .from(planIndicators)
    .where(
      inArray(
        planIndicators.planNodeId,
        nodes.map((n) => n.id),
      ),
    );
  if (rows.length > 0) {
    await tx.insert(planIndicators).values(
      rows.map((r) => ({
        planNodeId: newId.get(r.planNodeId) as string,
        indicatorId: r.indicatorId,
        position: r.position,
        unit: r.unit,
        targetMode: r.targetMode,
        targetYear: r.targetYear,
        targetQ1: r.targetQ1,
        targetQ2: r.targetQ2,
        targetQ3: r.targetQ3,
        targetQ4: r.targetQ4,
        definitionId: r.definitionId,
      })),
    );
  }
  return { nodes: nodes.length, indicators: rows.length };
}

/**
 * Starts the RAK of an org unit for a year that has none: empty, or a copy of another year's plan in
 * force as a starting point (unsigned, without realisasi or analysis). One transaction, one audit record.
 */
export async function startPlan(db: Database, unit: StartUnit, input: PlanStart, actor: Actor) {
  checkYears(input);
  const office = unit.officeName ?? unit.name;
  return db.transaction(async (tx) => {
    // Two admins starting the same year at once: the second waits here and then sees the first's plan.
    const [row] = await tx
      .select({ type: orgUnits.type, districtId: orgUnits.districtId })
      .from(orgUnits)
      .where(eq(orgUnits.id, unit.id))
      .for("update");
    const existing = await activeVersion(tx, unit.id, input.year);
    if (existing) {
      throw new AppError(
        409,
        "PLAN_EXISTS",
        `${office} sudah mempunyai rencana tahun ${input.year}. Buka rencana itu dan buat perubahan (versi baru) bila perlu diubah.`,
        `${office} already has a plan for ${input.year}. Open it and start a revision (a new version) to change it.`,
        { planId: existing.id },
      );
    }
    const source = input.copyFromYear ? await activeVersion(tx, unit.id, input.copyFromYear) : undefined;
    if (input.copyFromYear && !source) {
      throw new AppError(
        404,
        "PLAN_SOURCE_NOT_FOUND",
        `${office} tidak mempunyai rencana tahun ${input.copyFromYear} untuk disalin.`,
        `${office} has no plan for ${input.copyFromYear} to copy.`,
      );
    }
    const [plan] = await tx
      .insert(plans)
      .values({
        orgUnitId: unit.id,
        year: input.year,
        kind: "rak",
        version: 1,
        title: source
          ? source.title.replaceAll(String(source.year), String(input.year))
          : `Rencana Aksi Kinerja ${office} Tahun ${input.year}`,
        signatoryPosition: source?.signatoryPosition ?? null,
        signatoryName: source?.signatoryName ?? null,
        signatoryNip: source?.signatoryNip ?? null,
      })
      .returning();
    if (!plan) throw new Error("plan insert returned nothing");
    const districtId = row ? kabKotaOf({ id: unit.id, type: row.type, districtId: row.districtId }) : null;
    const counts = source ? await copyTree(tx, source.id, plan.id, districtId) : { nodes: 0, indicators: 0 };
    const copiedFrom = source ? { planId: source.id, year: source.year, version: source.version } : null;
    await recordAudit(tx, actor, {
      action: "plan.start",
      entityType: "plan",
      entityId: plan.id,
      orgUnitId: unit.id,
      newValue: { year: plan.year, version: plan.version, title: plan.title, copiedFrom, ...counts },
      reason: input.reason,
    });
    return { id: plan.id, orgUnitId: unit.id, year: plan.year, version: plan.version, copiedFrom, ...counts };
  });
}
