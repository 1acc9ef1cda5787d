import { and, asc, count, desc, eq, inArray, like, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import {
  dataElements,
  dataSetElements,
  dataSetOrgUnits,
  dataSetReports,
  dataValues,
  indicators,
  orgUnits,
  spmAdoptions,
  spmServices,
  spmTargets,
  spmVersions,
} from "../db/schema/index.js";

type Reader = Pick<Database, "select" | "selectDistinct">;

/** The SPM version a unit follows in a year: its own adoption, else the nearest ancestor's. */
export async function adoptedVersion(db: Reader, orgUnitPath: string, year: number) {
  const ancestorCodes = orgUnitPath.split("/").filter(Boolean);
  const [found] = await db
    .select({ id: spmVersions.id, code: spmVersions.code, regulation: spmVersions.regulation })
    .from(spmAdoptions)
    .innerJoin(spmVersions, eq(spmVersions.id, spmAdoptions.versionId))
    .innerJoin(orgUnits, eq(orgUnits.id, spmAdoptions.orgUnitId))
    .where(and(eq(spmAdoptions.year, year), inArray(orgUnits.code, ancestorCodes)))
    .orderBy(desc(orgUnits.level))
    .limit(1);
  return found ?? null;
}

/** The services of a version with their formula and the target for the year. */
export async function servicesWithFormula(db: Reader, versionId: string, year: number) {
  return db
    .select({
      id: spmServices.id,
      number: spmServices.number,
      name: spmServices.name,
      indicator: indicators.name,
      numerator: indicators.numerator,
      denominator: indicators.denominator,
      periodType: spmServices.periodType,
      target: spmTargets.target,
    })
    .from(spmServices)
    .innerJoin(indicators, eq(indicators.id, spmServices.indicatorId))
    .leftJoin(spmTargets, and(eq(spmTargets.serviceId, spmServices.id), eq(spmTargets.year, year)))
    .where(eq(spmServices.versionId, versionId))
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
    .where(like(orgUnits.path, `${rootPath}%`))
    .orderBy(asc(orgUnits.path));
}

/**
 * Approved sums per reporting facility, data element and month. A value counts only when the report
 * of a data set holding that element, for that facility and month, was approved by the Dinas.
 *
 * Three plain reads joined here rather than one `exists (…)` statement: without planner statistics
 * (PGlite never runs autovacuum, so its tables are never analysed) the planner guesses one row
 * everywhere and runs that semi-join as nested loops re-scanning an index per row: about 35 s on
 * PGlite for 35 puskesmas × 12 months × 13 elements (bench/spm-report.ts). Each read below has one obvious index path whatever the
 * statistics. A value is unique per facility, period and element, so each row is one value.
 */
export async function approvedFacilitySums(db: Reader, rootPath: string, months: string[], codes: string[]) {
  if (codes.length === 0 || months.length === 0) return [];
  const [values, approved, holding] = await Promise.all([
    db
      .select({
        orgUnitId: dataValues.orgUnitId,
        elementId: dataValues.dataElementId,
        element: dataElements.code,
        period: dataValues.period,
        total: sql<string>`${dataValues.value}::text`,
      })
      .from(dataValues)
      .innerJoin(orgUnits, eq(orgUnits.id, dataValues.orgUnitId))
      .innerJoin(dataElements, eq(dataElements.id, dataValues.dataElementId))
      .where(
        and(
          like(orgUnits.path, `${rootPath}%`),
          inArray(dataValues.period, months),
          inArray(dataElements.code, codes),
        ),
      ),
    db
      .select({
        orgUnitId: dataSetReports.orgUnitId,
        period: dataSetReports.period,
        dataSetId: dataSetReports.dataSetId,
      })
      .from(dataSetReports)
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
      .where(
        and(
          like(orgUnits.path, `${rootPath}%`),
          inArray(dataSetReports.period, months),
          eq(dataSetReports.status, "approved"),
        ),
      ),
    db
      .select({ dataSetId: dataSetElements.dataSetId, elementId: dataSetElements.dataElementId })
      .from(dataSetElements)
      .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
      .where(inArray(dataElements.code, codes)),
  ]);
  const approvedReports = new Set(approved.map((r) => `${r.orgUnitId}|${r.period}|${r.dataSetId}`));
  const setsHolding = new Map<string, string[]>();
  for (const h of holding)
    setsHolding.set(h.elementId, [...(setsHolding.get(h.elementId) ?? []), h.dataSetId]);
  return values
    .filter((v) =>
      (setsHolding.get(v.elementId) ?? []).some((set) =>
        approvedReports.has(`${v.orgUnitId}|${v.period}|${set}`),
      ),
    )
    .map(({ orgUnitId, element, period, total }) => ({ orgUnitId, element, period, total }));
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
    db
      .select({ dataSetId: dataSetOrgUnits.dataSetId, units: count() })
      .from(dataSetOrgUnits)
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
      .where(like(orgUnits.path, `${rootPath}%`))
      .groupBy(dataSetOrgUnits.dataSetId),
    db
      .select({ dataSetId: dataSetReports.dataSetId, period: dataSetReports.period, reports: count() })
      .from(dataSetReports)
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
      .where(
        and(
          like(orgUnits.path, `${rootPath}%`),
          inArray(dataSetReports.period, months),
          eq(dataSetReports.status, "approved"),
        ),
      )
      .groupBy(dataSetReports.dataSetId, dataSetReports.period),
  ]);
  return { sets, assigned, approved };
}
