import { inArray } from "drizzle-orm";
import { approvedSums } from "../data-entry/approved-values.js";
import type { Database, Reader } from "../db/client.js";
import { indicators, planIndicatorQuarters, planNodeBudgetQuarters } from "../db/schema/index.js";
import { canonical, makePeriod, monthsOf } from "../domain/index.js";

/**
 * Approved monthly totals of the given data elements over an org unit's subtree for one year, by code
 * and month (canonical decimals), summed by the database: only data the Dinas approved counts in an
 * evaluation (the same rule as the SPM's).
 */
export async function approvedMonthlyTotals(
  db: Pick<Database, "execute">,
  orgUnitPath: string,
  year: number,
  codes: string[],
) {
  const months = monthsOf(makePeriod("year", year)).map((p) => p.code);
  return (await approvedSums(db, orgUnitPath, months, codes)).map((s) => ({
    code: s.element,
    period: s.period,
    total: canonical(s.total),
  }));
}

export async function indicatorDefinitions(db: Reader, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      name: indicators.name,
      kind: indicators.kind,
      factor: indicators.factor,
      numerator: indicators.numerator,
      denominator: indicators.denominator,
      polarity: indicators.polarity,
      lowerFormula: indicators.lowerFormula,
      timeAggregation: indicators.timeAggregation,
    })
    .from(indicators)
    .where(inArray(indicators.id, ids));
}

export async function quarterNotes(db: Reader, planIndicatorIds: string[]) {
  if (planIndicatorIds.length === 0) return [];
  return db
    .select()
    .from(planIndicatorQuarters)
    .where(inArray(planIndicatorQuarters.planIndicatorId, planIndicatorIds));
}

export async function budgetRealisasi(db: Reader, nodeIds: string[]) {
  if (nodeIds.length === 0) return [];
  return db.select().from(planNodeBudgetQuarters).where(inArray(planNodeBudgetQuarters.planNodeId, nodeIds));
}
