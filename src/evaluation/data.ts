import { and, eq, inArray, like, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import {
  dataElements,
  dataSetReports,
  dataValues,
  indicators,
  orgUnits,
  planIndicatorQuarters,
  planNodeBudgetQuarters,
} from "../db/schema/index.js";

type Reader = Pick<Database, "select">;

/**
 * Approved monthly totals of the given data elements over an org unit's subtree for one year, by code
 * and month: only data the Dinas approved counts in an evaluation.
 */
export async function approvedMonthlyTotals(db: Reader, orgUnitPath: string, year: number, codes: string[]) {
  if (codes.length === 0) return [];
  const approved = sql`exists (select 1 from ${dataSetReports} r where r.org_unit_id = ${dataValues.orgUnitId}
    and r.period = ${dataValues.period} and r.status = 'approved')`;
  return db
    .select({
      code: dataElements.code,
      period: dataValues.period,
      total: sql<string>`sum(${dataValues.value})::text`,
    })
    .from(dataValues)
    .innerJoin(dataElements, eq(dataElements.id, dataValues.dataElementId))
    .innerJoin(orgUnits, eq(orgUnits.id, dataValues.orgUnitId))
    .where(
      and(
        like(orgUnits.path, `${orgUnitPath}%`),
        like(dataValues.period, `${year}__`),
        inArray(dataElements.code, codes),
        approved,
      ),
    )
    .groupBy(dataElements.code, dataValues.period);
}

export async function indicatorDefinitions(db: Reader, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: indicators.id,
      kind: indicators.kind,
      factor: indicators.factor,
      numerator: indicators.numerator,
      denominator: indicators.denominator,
      polarity: indicators.polarity,
      lowerFormula: indicators.lowerFormula,
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
