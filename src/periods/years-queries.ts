import { and, eq, max, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { withinScope } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import {
  dataSetReports,
  orgUnits,
  plans,
  skmSurveys,
  spmAdoptions,
  targetPopulations,
} from "../db/schema/index.js";
import type { YearsWithData } from "./schemas.js";

/** The scope roots of each permission the screens read with (empty: that screen shows the user nothing). */
export interface YearScopes {
  plans: string[];
  data: string[];
  spm: string[];
}

const asYears = (rows: Array<{ year: unknown }>) =>
  [...new Set(rows.map((r) => Number(r.year)).filter(Number.isInteger))].sort((a, b) => a - b);

/** Distinct years of a table's rows whose org unit lies in the scope. */
async function yearsOf(
  db: Reader,
  year: SQL<number> | PgColumn,
  unit: PgColumn,
  roots: string[],
  table: PgTable,
  only?: SQL,
) {
  if (roots.length === 0) return [];
  return asYears(
    await db
      .selectDistinct({ year })
      .from(table)
      .innerJoin(orgUnits, eq(orgUnits.id, unit))
      .where(and(withinScope(orgUnits.path, roots), only)),
  );
}

const reportYear = sql<number>`cast(substr(${dataSetReports.period}, 1, 4) as integer)`;
const surveyYear = sql<number>`cast(substr(${skmSurveys.period}, 1, 4) as integer)`;

/**
 * The years each screen has something to show in, within the user's scope, and per data set the latest
 * period reported: the screens open on the latest of these (src/domain/default-year.ts).
 */
export async function yearsWithData(db: Reader, scopes: YearScopes): Promise<YearsWithData> {
  const [planYears, dataYears, adoptionYears, populationYears, skmYears] = await Promise.all([
    // The RAK screens open on a RAK's year: a Renstra's first year or a PK kept apart does not count.
    yearsOf(db, plans.year, plans.orgUnitId, scopes.plans, plans, eq(plans.kind, "rak")),
    yearsOf(db, reportYear, dataSetReports.orgUnitId, scopes.data, dataSetReports),
    yearsOf(db, spmAdoptions.year, spmAdoptions.orgUnitId, scopes.spm, spmAdoptions),
    yearsOf(db, targetPopulations.year, targetPopulations.orgUnitId, scopes.spm, targetPopulations),
    yearsOf(db, surveyYear, skmSurveys.orgUnitId, scopes.spm, skmSurveys),
  ]);
  const latest =
    scopes.data.length === 0
      ? []
      : await db
          .select({ dataSetId: dataSetReports.dataSetId, period: max(dataSetReports.period) })
          .from(dataSetReports)
          .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
          .where(withinScope(orgUnits.path, scopes.data))
          .groupBy(dataSetReports.dataSetId);
  const any = asYears(
    [...planYears, ...dataYears, ...adoptionYears, ...populationYears, ...skmYears].map((year) => ({ year })),
  );
  return {
    plans: planYears,
    data: dataYears,
    spm: asYears([...adoptionYears, ...populationYears].map((year) => ({ year }))),
    populations: populationYears,
    skm: skmYears,
    any,
    latestPeriods: latest.flatMap((l) => (l.period ? [{ dataSetId: l.dataSetId, period: l.period }] : [])),
  };
}
