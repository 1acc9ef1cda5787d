import { and, count, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { inSubtree, withinScope } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import {
  dataElements,
  dataSetReports,
  indicators,
  orgUnits,
  planIndicators,
  planNodes,
  plans,
} from "../db/schema/index.js";
import type { DefinitionList, DefinitionRow } from "./schemas.js";

export async function elementCodes(db: Reader) {
  return db
    .select({ code: dataElements.code, name: dataElements.name })
    .from(dataElements)
    .orderBy(dataElements.code);
}

/** What an expression may and may not name: data elements, and (refused) indicator codes. */
export async function checkContext(db: Reader, exceptId?: string) {
  const codes = await db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(isNotNull(indicators.code));
  return {
    elements: new Set((await elementCodes(db)).map((e) => e.code)),
    indicators: new Set(codes.filter((c) => c.id !== exceptId).map((c) => c.code as string)),
  };
}

/** Plan indicators standing for or linked to each definition, all and in signed plans. */
async function usage(db: Reader, ids: string[]) {
  const used = new Map<string, { usedBy: number; usedBySigned: number }>();
  if (ids.length === 0) return used;
  for (const column of [planIndicators.indicatorId, planIndicators.definitionId]) {
    const rows = await db
      .select({ id: column, status: plans.status, n: count() })
      .from(planIndicators)
      .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
      .innerJoin(plans, eq(plans.id, planNodes.planId))
      .where(inArray(column, ids))
      .groupBy(column, plans.status);
    for (const r of rows) {
      const u = used.get(r.id as string) ?? { usedBy: 0, usedBySigned: 0 };
      u.usedBy += r.n;
      if (r.status === "signed") u.usedBySigned += r.n;
      used.set(r.id as string, u);
    }
  }
  return used;
}

/** The catalogue indicators owned in the caller's scope (and national ones), with their usage. */
export async function listDefinitions(
  db: Reader,
  roots: string[],
  fedOnly: boolean,
): Promise<DefinitionList> {
  const rows = await db
    .select({ indicator: indicators })
    .from(indicators)
    .leftJoin(orgUnits, eq(orgUnits.id, indicators.ownerOrgUnitId))
    .where(
      and(
        or(isNull(indicators.ownerOrgUnitId), withinScope(orgUnits.path, roots)),
        fedOnly ? isNotNull(indicators.numerator) : undefined,
      ),
    )
    .orderBy(sql`${indicators.numerator} is null`, indicators.name);
  const used = await usage(
    db,
    rows.map((r) => r.indicator.id),
  );
  return {
    elements: await elementCodes(db),
    definitions: rows.map(({ indicator: i }) => ({
      ...rowOf(i),
      ...(used.get(i.id) ?? { usedBy: 0, usedBySigned: 0 }),
    })),
  };
}

export function rowOf(i: typeof indicators.$inferSelect): Omit<DefinitionRow, "usedBy" | "usedBySigned"> {
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    unit: i.unit,
    kind: i.kind,
    factor: i.factor,
    polarity: i.polarity,
    lowerFormula: i.lowerFormula,
    timeAggregation: i.timeAggregation,
    numerator: i.numerator,
    denominator: i.denominator,
    definition: i.definition,
    ownerOrgUnitId: i.ownerOrgUnitId,
    revision: i.revision,
  };
}

export async function definitionWithOwner(db: Reader, id: string) {
  const [row] = await db
    .select({ indicator: indicators, ownerPath: orgUnits.path })
    .from(indicators)
    .leftJoin(orgUnits, eq(orgUnits.id, indicators.ownerOrgUnitId))
    .where(eq(indicators.id, id));
  return row;
}

export async function signedUses(db: Reader, id: string) {
  return (await usage(db, [id])).get(id)?.usedBySigned ?? 0;
}

export async function orgUnit(db: Reader, id: string) {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return unit;
}

/** Months (YYYYMM) with approved reports in a subtree, newest first: where a preview looks for data. */
export async function approvedMonths(db: Reader, rootPath: string) {
  const rows = await db
    .select({ period: dataSetReports.period })
    .from(dataSetReports)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
    .where(and(inSubtree(rootPath), eq(dataSetReports.status, "approved")))
    .groupBy(dataSetReports.period)
    .orderBy(desc(dataSetReports.period))
    .limit(36);
  return rows.map((r) => r.period).filter((p) => /^\d{6}$/.test(p));
}

/** Names of the org units in a subtree, by id. */
export async function unitsUnder(db: Reader, rootPath: string) {
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(inSubtree(rootPath));
  return new Map(rows.map((r) => [r.id, r.name]));
}
