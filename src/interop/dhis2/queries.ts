import { and, asc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { inSubtree } from "../../auth/scope-sql.js";
import type { UnitRef } from "../../data-entry/index.js";
import type { Reader } from "../../db/client.js";
import {
  dataElements,
  dataSetElements,
  dataSets,
  dataValues,
  orgUnits,
  periods,
} from "../../db/schema/index.js";
import { chunks } from "../../lib/chunks.js";
import type { IdScheme } from "./schemas.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only well-formed ids reach a uuid column: anything else simply matches nothing. */
const idsOnly = (scheme: IdScheme, keys: readonly string[]) =>
  scheme === "UID" ? keys.filter((k) => UUID.test(k)) : [...keys];

/** The data set a file or a request names, in the given scheme. */
export async function findDataSet(db: Reader, scheme: IdScheme, key: string) {
  if (idsOnly(scheme, [key]).length === 0) return undefined;
  const column = scheme === "UID" ? dataSets.id : scheme === "CODE" ? dataSets.code : dataSets.name;
  const [row] = await db.select().from(dataSets).where(eq(column, key));
  return row;
}

/** The data sets holding any of these elements, for a file that names none. */
export async function dataSetsOfElements(db: Reader, scheme: IdScheme, keys: readonly string[]) {
  const column =
    scheme === "UID" ? dataElements.id : scheme === "CODE" ? dataElements.code : dataElements.name;
  const wanted = idsOnly(scheme, keys).slice(0, 1_000);
  if (wanted.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: dataSetElements.dataSetId })
    .from(dataSetElements)
    .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
    .where(inArray(column, wanted));
  return rows.map((r) => r.id);
}

/** The org units the file names, keyed by the identifier it used. */
export async function unitsBy(db: Reader, scheme: IdScheme, keys: readonly string[]) {
  const column = scheme === "UID" ? orgUnits.id : scheme === "CODE" ? orgUnits.code : orgUnits.name;
  const units = new Map<string, UnitRef>();
  for (const part of chunks(idsOnly(scheme, [...new Set(keys)]), 5_000)) {
    const found = await db
      .select({
        id: orgUnits.id,
        code: orgUnits.code,
        name: orgUnits.name,
        path: orgUnits.path,
        districtId: orgUnits.districtId,
      })
      .from(orgUnits)
      .where(inArray(column, part));
    for (const u of found) units.set(scheme === "UID" ? u.id : scheme === "CODE" ? u.code : u.name, u);
  }
  return units;
}

export interface ExportFilter {
  dataSetId: string;
  /** The unit's path; with `children`, its whole subtree. */
  unitPath: string;
  children: boolean;
  periodCodes?: string[];
  startDate?: string;
  endDate?: string;
}

export interface ExportRow {
  orgUnitId: string;
  orgUnitCode: string;
  orgUnitName: string;
  period: string;
  dataElementId: string;
  dataElementCode: string;
  dataElementName: string;
  value: string;
  comment: string | null;
  updatedAt: Date;
}

/**
 * The values of one data set under a unit, a page at a time in key order, so an export of millions of
 * values streams in constant memory and each page is an index range scan.
 */
export async function* exportRows(db: Reader, filter: ExportFilter, pageSize = 5_000) {
  const where: SQL[] = [
    eq(dataSetElements.dataSetId, filter.dataSetId),
    filter.children ? inSubtree(filter.unitPath) : eq(orgUnits.path, filter.unitPath),
  ];
  if (filter.periodCodes) where.push(inArray(dataValues.period, filter.periodCodes));
  if (filter.startDate) where.push(gte(periods.startDate, filter.startDate));
  if (filter.endDate) where.push(lte(periods.endDate, filter.endDate));
  let after: ExportRow | undefined;
  for (;;) {
    const page: ExportRow[] = await db
      .select({
        orgUnitId: dataValues.orgUnitId,
        orgUnitCode: orgUnits.code,
        orgUnitName: orgUnits.name,
        period: dataValues.period,
        dataElementId: dataValues.dataElementId,
        dataElementCode: dataElements.code,
        dataElementName: dataElements.name,
        value: dataValues.value,
        comment: dataValues.comment,
        updatedAt: dataValues.updatedAt,
      })
      .from(dataValues)
      .innerJoin(dataSetElements, eq(dataSetElements.dataElementId, dataValues.dataElementId))
      .innerJoin(dataElements, eq(dataElements.id, dataValues.dataElementId))
      .innerJoin(orgUnits, eq(orgUnits.id, dataValues.orgUnitId))
      .innerJoin(periods, eq(periods.code, dataValues.period))
      .where(
        and(
          ...where,
          after
            ? sql`(${dataValues.orgUnitId}, ${dataValues.period}, ${dataValues.dataElementId}) > (${after.orgUnitId}::uuid, ${after.period}, ${after.dataElementId}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(dataValues.orgUnitId), asc(dataValues.period), asc(dataValues.dataElementId))
      .limit(pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page.at(-1);
  }
}
