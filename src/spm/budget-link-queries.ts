import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Reader } from "../db/client.js";
import { planNodes, plans, spmBudgetLinks } from "../db/schema/index.js";
import { activeAmong } from "../domain/plan-versions.js";
import { groupBy } from "../lib/group-by.js";
import type { SpmBudgetLinks } from "./budget-link-schemas.js";

/** The yearly documents whose kegiatan carry a budget: the Renstra's are indicative, not the year's pagu. */
export const BUDGET_PLAN_KINDS = ["rak", "pk", "renja"] as const;
export const BUDGET_NODE_LEVELS = ["kegiatan", "sub_kegiatan"] as const;

/** The kegiatan a region may count for its SPM services in a year, and which it counts for each now. */
export async function spmBudgetLinkChoices(
  db: Reader,
  regionId: string,
  year: number,
): Promise<SpmBudgetLinks> {
  const [yearly, links] = await Promise.all([
    db
      .select({ id: plans.id, kind: plans.kind, version: plans.version, status: plans.status })
      .from(plans)
      .where(
        and(eq(plans.orgUnitId, regionId), eq(plans.year, year), inArray(plans.kind, [...BUDGET_PLAN_KINDS])),
      ),
    db
      .select({ serviceId: spmBudgetLinks.serviceId, planNodeId: spmBudgetLinks.planNodeId })
      .from(spmBudgetLinks)
      .where(and(eq(spmBudgetLinks.orgUnitId, regionId), eq(spmBudgetLinks.year, year))),
  ]);
  const inForce = [...activeAmong(yearly, (p) => p.kind)].map((p) => p.id);
  const linked = links.map((l) => l.planNodeId);
  const wanted = [
    ...(inForce.length > 0
      ? [and(inArray(planNodes.planId, inForce), inArray(planNodes.level, [...BUDGET_NODE_LEVELS]))]
      : []),
    ...(linked.length > 0 ? [inArray(planNodes.id, linked)] : []),
  ];
  const kegiatan =
    wanted.length === 0
      ? []
      : await db
          .select({
            planNodeId: planNodes.id,
            planId: planNodes.planId,
            planTitle: plans.title,
            level: planNodes.level,
            code: planNodes.code,
            name: planNodes.name,
            budget: planNodes.budget,
          })
          .from(planNodes)
          .innerJoin(plans, eq(plans.id, planNodes.planId))
          .where(or(...wanted))
          .orderBy(asc(plans.kind), asc(plans.version), asc(planNodes.position));
  return {
    kegiatan: kegiatan.map((k) => ({ ...k, level: k.level as "kegiatan" | "sub_kegiatan" })),
    links: [...groupBy(links, (l) => l.serviceId)].map(([serviceId, rows]) => ({
      serviceId,
      planNodeIds: rows.map((r) => r.planNodeId),
    })),
  };
}
