import { and, asc, count, desc, eq, like, sql } from "drizzle-orm";
import { subtreePattern } from "../auth/scope-sql.js";
import { approvedReportsOf } from "../data-entry/approved-values.js";
import type { Reader } from "../db/client.js";
import { preparedPerDatabase } from "../db/prepared.js";
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

/** The adoption a unit follows in a year: its own, else the nearest ancestor's (`ancestorCodes`). */
const adoptionSelect = (db: Reader) =>
  db
    .select({
      id: spmVersions.id,
      code: spmVersions.code,
      regulation: spmVersions.regulation,
      adoptedBy: spmAdoptions.orgUnitId,
    })
    .from(spmAdoptions)
    .innerJoin(spmVersions, eq(spmVersions.id, spmAdoptions.versionId))
    .innerJoin(orgUnits, eq(orgUnits.id, spmAdoptions.orgUnitId))
    .where(
      and(
        eq(spmAdoptions.year, sql.placeholder("year")),
        sql`${orgUnits.code} = any(${sql.placeholder("ancestorCodes")}::text[])`,
      ),
    )
    .orderBy(desc(orgUnits.level))
    .limit(1);

const versionQuery = preparedPerDatabase((db) => adoptionSelect(db).prepare("spm_adopted_version"));

const ancestorCodesOf = (orgUnitPath: string) => orgUnitPath.split("/").filter(Boolean);

/** The SPM version a unit follows in a year: its own adoption, else the nearest ancestor's. */
export async function adoptedVersion(db: Reader, orgUnitPath: string, year: number) {
  const [found] = await versionQuery(db).execute({ year, ancestorCodes: ancestorCodesOf(orgUnitPath) });
  return found ?? null;
}

/**
 * The adopted version with its services in one round trip: a row per service (one with no service for
 * a version that has none), each with its formula and the target for the year — the regulation's own,
 * else the one the adopting region set for a year the regulation does not reach.
 */
const versionServicesQuery = preparedPerDatabase((db) => {
  const adopted = adoptionSelect(db).as("adopted");
  return db
    .select({
      versionId: adopted.id,
      versionCode: adopted.code,
      regulation: adopted.regulation,
      adoptedBy: adopted.adoptedBy,
      id: spmServices.id,
      number: spmServices.number,
      name: spmServices.name,
      indicator: indicators.name,
      numerator: indicators.numerator,
      denominator: indicators.denominator,
      periodType: spmServices.periodType,
      target: sql<string | null>`coalesce(${spmTargets.target}, ${spmAdoptionTargets.target})`,
    })
    .from(adopted)
    .leftJoin(spmServices, eq(spmServices.versionId, adopted.id))
    .leftJoin(indicators, eq(indicators.id, spmServices.indicatorId))
    .leftJoin(
      spmTargets,
      and(eq(spmTargets.serviceId, spmServices.id), eq(spmTargets.year, sql.placeholder("year"))),
    )
    .leftJoin(
      spmAdoptionTargets,
      and(
        eq(spmAdoptionTargets.serviceId, spmServices.id),
        eq(spmAdoptionTargets.year, sql.placeholder("year")),
        eq(spmAdoptionTargets.orgUnitId, adopted.adoptedBy),
      ),
    )
    .orderBy(asc(spmServices.number))
    .prepare("spm_version_services");
});

/** The version a unit follows in a year and its services, or null when none is adopted. */
export async function versionAndServices(db: Reader, orgUnitPath: string, year: number) {
  const rows = await versionServicesQuery(db).execute({ year, ancestorCodes: ancestorCodesOf(orgUnitPath) });
  const [first] = rows;
  if (!first) return null;
  const version = {
    id: first.versionId,
    code: first.versionCode,
    regulation: first.regulation,
    adoptedBy: first.adoptedBy,
  };
  const services = rows.flatMap(({ id, number, name, indicator, periodType, ...r }) =>
    // A service always has its indicator: the left joins are for a version without services.
    id === null || number === null || name === null || indicator === null || periodType === null
      ? []
      : [
          {
            id,
            number,
            name,
            indicator,
            numerator: r.numerator,
            denominator: r.denominator,
            periodType,
            target: r.target,
          },
        ],
  );
  return { version, services };
}

const subtreeQuery = preparedPerDatabase((db) =>
  db
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
    .where(like(orgUnits.path, sql.placeholder("subtree")))
    .orderBy(asc(orgUnits.path))
    .prepare("spm_subtree_units"),
);

/** Every unit of the subtree, in tree order. */
export async function subtreeUnits(db: Reader, rootPath: string) {
  return subtreeQuery(db).execute({ subtree: subtreePattern(rootPath) });
}

const holdingQuery = preparedPerDatabase((db) =>
  db
    .selectDistinct({ dataSetId: dataSetElements.dataSetId, element: dataElements.code })
    .from(dataSetElements)
    .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
    .where(sql`${dataElements.code} = any(${sql.placeholder("codes")}::text[])`)
    .prepare("spm_sets_holding"),
);

const assignedQuery = preparedPerDatabase((db) =>
  db
    .select({ dataSetId: dataSetOrgUnits.dataSetId, units: count() })
    .from(dataSetOrgUnits)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
    .where(like(orgUnits.path, sql.placeholder("subtree")))
    .groupBy(dataSetOrgUnits.dataSetId)
    .prepare("spm_assigned_units"),
);

/**
 * For each data element: how many monthly reports of the data sets holding it the subtree owes per
 * month, and how many were approved in each month.
 */
export async function reportCounts(db: Reader, rootPath: string, months: string[], codes: string[]) {
  if (codes.length === 0) return { sets: [], assigned: [], approved: [] };
  const [sets, assigned, approved] = await Promise.all([
    holdingQuery(db).execute({ codes }),
    afterTurns(1, () => assignedQuery(db).execute({ subtree: subtreePattern(rootPath) })),
    afterTurns(2, () =>
      db
        .select({ dataSetId: dataSetReports.dataSetId, period: dataSetReports.period, reports: count() })
        .from(dataSetReports)
        .where(approvedReportsOf(rootPath, months))
        .groupBy(dataSetReports.dataSetId, dataSetReports.period),
    ),
  ]);
  return { sets, assigned, approved };
}
