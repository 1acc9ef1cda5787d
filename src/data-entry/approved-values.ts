import { and, eq, inArray, sql } from "drizzle-orm";
import { inSubtree } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import { dataElements, dataSetElements, dataSetReports, dataValues, orgUnits } from "../db/schema/index.js";

/**
 * The approved values of a subtree, per reporting facility, data element and month: what the
 * evaluation and the SPM count. A value counts only when the report of a data set holding that
 * element, for that facility and month, was approved by the Dinas.
 *
 * Three plain reads joined here rather than one `exists (…)` statement: without planner statistics
 * (PGlite never runs autovacuum, so its tables are never analysed) the planner guesses one row
 * everywhere and runs that semi-join as nested loops re-scanning an index per row: about 35 s on
 * PGlite for 35 puskesmas × 12 months × 13 elements (bench/spm-report.ts). Each read below has one obvious index path whatever the
 * statistics. A value is unique per facility, period and element, so each row is one value.
 */
export async function approvedValues(db: Reader, rootPath: string, months: string[], codes: string[]) {
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
      .where(and(inSubtree(rootPath), inArray(dataValues.period, months), inArray(dataElements.code, codes))),
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
          inSubtree(rootPath),
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
