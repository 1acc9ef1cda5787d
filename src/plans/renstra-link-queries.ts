import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Reader } from "../db/client.js";
import { indicators, planIndicators, planIndicatorYears, planNodes, plans } from "../db/schema/index.js";
import { renstraVersionLabel } from "../domain/index.js";
import { activeAmong } from "../domain/plan-versions.js";
import type { RenstraOptions } from "./renstra-schemas.js";

/**
 * What a yearly (PK/RAK) plan's indicators may serve: the indicators of the Renstras of the same org unit
 * whose years cover the plan's year, each with the Renstra's target for that year. The version in force of
 * each Renstra comes first; older versions follow so a link made to one of them still has its name.
 */
export async function renstraOptions(
  db: Reader,
  yearly: { orgUnitId: string; year: number },
): Promise<RenstraOptions> {
  const { orgUnitId, year } = yearly;
  const renstras = await db
    .select({
      id: plans.id,
      title: plans.title,
      startYear: plans.year,
      endYear: plans.endYear,
      version: plans.version,
      status: plans.status,
    })
    .from(plans)
    .where(
      and(
        eq(plans.orgUnitId, orgUnitId),
        eq(plans.kind, "renstra"),
        lte(plans.year, year),
        gte(sql`coalesce(${plans.endYear}, ${plans.year} + 4)`, year),
      ),
    );
  if (renstras.length === 0) return { year, groups: [] };
  const inForce = activeAmong(renstras, (r) => String(r.startYear));
  const rows = await db
    .select({
      planId: planNodes.planId,
      planIndicatorId: planIndicators.id,
      name: indicators.name,
      unit: planIndicators.unit,
      level: planNodes.level,
      nodeName: planNodes.name,
      target: planIndicatorYears.target,
    })
    .from(planIndicators)
    .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .leftJoin(
      planIndicatorYears,
      and(eq(planIndicatorYears.planIndicatorId, planIndicators.id), eq(planIndicatorYears.year, year)),
    )
    .where(
      inArray(
        planNodes.planId,
        renstras.map((r) => r.id),
      ),
    )
    .orderBy(asc(planNodes.position), asc(planIndicators.position));
  const groups = renstras
    .map((r) => ({
      planId: r.id,
      title: r.title,
      startYear: r.startYear,
      endYear: r.endYear ?? r.startYear + 4,
      version: r.version,
      versionLabel: renstraVersionLabel(r.version).id,
      active: inForce.has(r),
      indicators: rows
        .filter((i) => i.planId === r.id)
        .map(({ planId: _plan, target, level, ...i }) => ({
          ...i,
          level: level as "tujuan" | "sasaran" | "program",
          target: target ?? "-",
        })),
    }))
    .sort(
      (a, b) => Number(b.active) - Number(a.active) || b.startYear - a.startYear || b.version - a.version,
    );
  return { year, groups };
}

/** A plan's kind and year: whether it is a yearly plan that may serve a Renstra, and which year. */
export async function planKindYear(db: Reader, planId: string) {
  const [row] = await db
    .select({ kind: plans.kind, year: plans.year })
    .from(plans)
    .where(eq(plans.id, planId));
  return row;
}
