import { and, asc, eq, sql } from "drizzle-orm";
import { withinScope } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import {
  dataSetElements,
  dataSetOrgUnits,
  dataSetReports,
  dataValues,
  orgUnits,
} from "../db/schema/index.js";
import { div } from "../domain/index.js";

/**
 * Reports expected for a data set and period (its assigned org units inside the reader's scope), which
 * arrived (submitted or further, with values or declared nihil) and which arrived on time. A missing
 * report is never a zero.
 */
export async function completeness(db: Reader, dataSetId: string, period: string, scope: readonly string[]) {
  const rows = await db
    .select({
      orgUnitId: orgUnits.id,
      name: orgUnits.name,
      status: dataSetReports.status,
      submittedAt: dataSetReports.submittedAt,
      onTime: dataSetReports.onTime,
      nihil: dataSetReports.isNihil,
      // A report counts only with content: a value of one of its elements, or an explicit nihil.
      hasValues: sql<boolean>`exists (
        select 1 from ${dataValues}
        join ${dataSetElements} on ${dataSetElements.dataElementId} = ${dataValues.dataElementId}
        where ${dataSetElements.dataSetId} = ${dataSetOrgUnits.dataSetId}
          and ${dataValues.orgUnitId} = ${dataSetOrgUnits.orgUnitId}
          and ${dataValues.period} = ${period})`,
    })
    .from(dataSetOrgUnits)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
    .leftJoin(
      dataSetReports,
      and(
        eq(dataSetReports.dataSetId, dataSetOrgUnits.dataSetId),
        eq(dataSetReports.orgUnitId, dataSetOrgUnits.orgUnitId),
        eq(dataSetReports.period, period),
      ),
    )
    .where(and(eq(dataSetOrgUnits.dataSetId, dataSetId), withinScope(orgUnits.path, scope)))
    .orderBy(asc(orgUnits.path));
  const units = rows.map((r) => {
    const arrived = r.submittedAt !== null && (r.nihil === true || r.hasValues);
    return {
      orgUnitId: r.orgUnitId,
      name: r.name,
      status: r.status ?? "draft",
      submittedAt: arrived ? (r.submittedAt?.toISOString() ?? null) : null,
      onTime: arrived ? r.onTime : null,
      nihil: r.nihil ?? false,
    };
  });
  const received = units.filter((u) => u.submittedAt !== null).length;
  const onTime = units.filter((u) => u.onTime === true).length;
  // One decimal, rounded half up, through the domain's decimals rather than floats.
  const percent = (n: number) =>
    units.length ? Number(div(String(n * 100), String(units.length), 1)) : null;
  return {
    expected: units.length,
    received,
    onTime,
    completenessPercent: percent(received),
    timelinessPercent: percent(onTime),
    units,
  };
}
