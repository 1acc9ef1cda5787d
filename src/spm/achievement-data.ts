import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { inSubtree } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import {
  dataElements,
  dataSetElements,
  dataSetOrgUnits,
  dataSetReports,
  indicators,
  orgUnits,
  spmAdoptions,
  spmAdoptionTargets,
  spmServices,
  spmTargets,
  spmVersions,
} from "../db/schema/index.js";
import { nextTurn } from "../lib/slices.js";

/**
 * `read` after `turns` turns of the event loop. PGlite runs statements on this thread, back to back
 * when they are sent together: sent a turn apart, a request waiting in between (a /api/health) is
 * answered between them. On PostgreSQL they still run side by side.
 */
export async function afterTurns<T>(turns: number, read: () => PromiseLike<T>): Promise<T> {
  for (let i = 0; i < turns; i++) await nextTurn();
  return read();
}

/** The SPM version a unit follows in a year: its own adoption, else the nearest ancestor's. */
export async function adoptedVersion(db: Reader, orgUnitPath: string, year: number) {
  const ancestorCodes = orgUnitPath.split("/").filter(Boolean);
  const [found] = await db
    .select({
      id: spmVersions.id,
      code: spmVersions.code,
      regulation: spmVersions.regulation,
      adoptedBy: spmAdoptions.orgUnitId,
    })
    .from(spmAdoptions)
    .innerJoin(spmVersions, eq(spmVersions.id, spmAdoptions.versionId))
    .innerJoin(orgUnits, eq(orgUnits.id, spmAdoptions.orgUnitId))
    .where(and(eq(spmAdoptions.year, year), inArray(orgUnits.code, ancestorCodes)))
    .orderBy(desc(orgUnits.level))
    .limit(1);
  return found ?? null;
}

/**
 * The services of a version with their formula and the target for the year: the regulation's own, else
 * the one the adopting region set for a year the regulation does not reach.
 */
export async function servicesWithFormula(
  db: Reader,
  version: { id: string; adoptedBy: string },
  year: number,
) {
  return db
    .select({
      id: spmServices.id,
      number: spmServices.number,
      name: spmServices.name,
      indicator: indicators.name,
      numerator: indicators.numerator,
      denominator: indicators.denominator,
      periodType: spmServices.periodType,
      target: sql<string | null>`coalesce(${spmTargets.target}, ${spmAdoptionTargets.target})`,
    })
    .from(spmServices)
    .innerJoin(indicators, eq(indicators.id, spmServices.indicatorId))
    .leftJoin(spmTargets, and(eq(spmTargets.serviceId, spmServices.id), eq(spmTargets.year, year)))
    .leftJoin(
      spmAdoptionTargets,
      and(
        eq(spmAdoptionTargets.serviceId, spmServices.id),
        eq(spmAdoptionTargets.year, year),
        eq(spmAdoptionTargets.orgUnitId, version.adoptedBy),
      ),
    )
    .where(eq(spmServices.versionId, version.id))
    .orderBy(asc(spmServices.number));
}

/** Every unit of the subtree, in tree order. */
export async function subtreeUnits(db: Reader, rootPath: string) {
  return db
    .select({
      id: orgUnits.id,
      parentId: orgUnits.parentId,
      code: orgUnits.code,
      name: orgUnits.name,
      type: orgUnits.type,
      ownerType: orgUnits.ownerType,
      path: orgUnits.path,
    })
    .from(orgUnits)
    .where(inSubtree(rootPath))
    .orderBy(asc(orgUnits.path));
}

/**
 * For each data element: how many monthly reports of the data sets holding it the subtree owes per
 * month, and how many were approved in each month.
 */
export async function reportCounts(db: Reader, rootPath: string, months: string[], codes: string[]) {
  if (codes.length === 0) return { sets: [], assigned: [], approved: [] };
  const holding = db
    .selectDistinct({ dataSetId: dataSetElements.dataSetId, element: dataElements.code })
    .from(dataSetElements)
    .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
    .where(inArray(dataElements.code, codes));
  const [sets, assigned, approved] = await Promise.all([
    holding,
    afterTurns(1, () =>
      db
        .select({ dataSetId: dataSetOrgUnits.dataSetId, units: count() })
        .from(dataSetOrgUnits)
        .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
        .where(inSubtree(rootPath))
        .groupBy(dataSetOrgUnits.dataSetId),
    ),
    afterTurns(2, () =>
      db
        .select({ dataSetId: dataSetReports.dataSetId, period: dataSetReports.period, reports: count() })
        .from(dataSetReports)
        .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
        .where(
          and(
            inSubtree(rootPath),
            inArray(dataSetReports.period, months),
            eq(dataSetReports.status, "approved"),
          ),
        )
        .groupBy(dataSetReports.dataSetId, dataSetReports.period),
    ),
  ]);
  return { sets, assigned, approved };
}
