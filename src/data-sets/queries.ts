import { and, asc, countDistinct, eq, inArray } from "drizzle-orm";
import { withinScope } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import {
  dataElements,
  dataSetElements,
  dataSetOrgUnits,
  dataSetReports,
  dataSets,
  orgUnits,
} from "../db/schema/index.js";
import { notFound } from "../lib/errors.js";
import type { DataElementRow, DataSetDetail, DataSetSummary } from "./schemas.js";

const within = (path: string | null, roots: readonly string[]) =>
  path !== null && roots.some((root) => path.startsWith(root));

/** The whole element catalogue (codes are global, as in expressions), marking what the caller may edit. */
export async function listElements(db: Reader, manageRoots: readonly string[]): Promise<DataElementRow[]> {
  const rows = await db
    .select({
      element: dataElements,
      ownerPath: orgUnits.path,
      dataSets: countDistinct(dataSetElements.dataSetId),
    })
    .from(dataElements)
    .leftJoin(orgUnits, eq(orgUnits.id, dataElements.ownerOrgUnitId))
    .leftJoin(dataSetElements, eq(dataSetElements.dataElementId, dataElements.id))
    .groupBy(dataElements.id, orgUnits.path)
    .orderBy(asc(dataElements.code));
  return rows.map(({ element: e, ownerPath, dataSets: count }) => ({
    id: e.id,
    code: e.code,
    name: e.name,
    valueType: e.valueType,
    description: e.description,
    archived: e.archivedAt !== null,
    revision: e.revision,
    editable: within(ownerPath, manageRoots),
    dataSets: Number(count),
  }));
}

/** An element with its owner's path, for the scope check of a change. */
export async function findElement(db: Reader, id: string) {
  const [row] = await db
    .select({ element: dataElements, ownerPath: orgUnits.path })
    .from(dataElements)
    .leftJoin(orgUnits, eq(orgUnits.id, dataElements.ownerOrgUnitId))
    .where(eq(dataElements.id, id));
  if (!row) throw notFound("Data element", "Data element");
  return row;
}

/** Data sets owned by a Dinas in the reader's scope. */
export async function listDataSets(
  db: Reader,
  readRoots: readonly string[],
  manageRoots: readonly string[],
): Promise<DataSetSummary[]> {
  const rows = await db
    .select({
      set: dataSets,
      ownerPath: orgUnits.path,
      elements: countDistinct(dataSetElements.dataElementId),
    })
    .from(dataSets)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSets.ownerOrgUnitId))
    .leftJoin(dataSetElements, eq(dataSetElements.dataSetId, dataSets.id))
    .where(withinScope(orgUnits.path, readRoots))
    .groupBy(dataSets.id, orgUnits.path)
    .orderBy(asc(dataSets.code));
  const ids = rows.map((r) => r.set.id);
  const assigned = ids.length
    ? await db
        .select({ dataSetId: dataSetOrgUnits.dataSetId, units: countDistinct(dataSetOrgUnits.orgUnitId) })
        .from(dataSetOrgUnits)
        .where(inArray(dataSetOrgUnits.dataSetId, ids))
        .groupBy(dataSetOrgUnits.dataSetId)
    : [];
  const unitsOf = new Map(assigned.map((a) => [a.dataSetId, Number(a.units)]));
  return rows.map(({ set, ownerPath, elements }) => ({
    id: set.id,
    code: set.code,
    name: set.name,
    periodType: set.periodType,
    elements: Number(elements),
    orgUnits: unitsOf.get(set.id) ?? 0,
    editable: within(ownerPath, manageRoots),
  }));
}

/** A data set with its owner's path (for authorization), or 404. */
export async function findDataSet(db: Reader, id: string) {
  const [row] = await db
    .select({ set: dataSets, ownerPath: orgUnits.path })
    .from(dataSets)
    .leftJoin(orgUnits, eq(orgUnits.id, dataSets.ownerOrgUnitId))
    .where(eq(dataSets.id, id));
  if (!row) throw notFound("Formulir data", "Data set");
  return row;
}

/** Every membership row of a data set, current and former, in form order. */
export async function memberships(db: Reader, dataSetId: string) {
  return db
    .select({
      dataElementId: dataSetElements.dataElementId,
      position: dataSetElements.position,
      section: dataSetElements.section,
      validFrom: dataSetElements.validFrom,
      validTo: dataSetElements.validTo,
      code: dataElements.code,
      name: dataElements.name,
      valueType: dataElements.valueType,
    })
    .from(dataSetElements)
    .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
    .where(eq(dataSetElements.dataSetId, dataSetId))
    .orderBy(asc(dataSetElements.position));
}

export async function isReported(db: Reader, dataSetId: string) {
  const [row] = await db
    .select({ id: dataSetReports.dataSetId })
    .from(dataSetReports)
    .where(eq(dataSetReports.dataSetId, dataSetId))
    .limit(1);
  return row !== undefined;
}

export async function dataSetDetail(
  db: Reader,
  id: string,
  readRoots: readonly string[],
  manageRoots: readonly string[],
): Promise<DataSetDetail> {
  const { set, ownerPath } = await findDataSet(db, id);
  const rows = await memberships(db, id);
  const units = await db
    .select({ id: orgUnits.id })
    .from(dataSetOrgUnits)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
    .where(and(eq(dataSetOrgUnits.dataSetId, id), withinScope(orgUnits.path, readRoots)))
    .orderBy(asc(orgUnits.path));
  const member = ({ position: _, ...m }: (typeof rows)[number]) => m;
  return {
    id: set.id,
    code: set.code,
    name: set.name,
    periodType: set.periodType,
    deadlineDays: set.deadlineDays,
    jumpPercent: set.jumpPercent,
    openFrom: set.openFrom,
    openFuturePeriods: set.openFuturePeriods,
    rules: set.rules,
    revision: set.revision,
    editable: within(ownerPath, manageRoots),
    reported: await isReported(db, id),
    elements: rows.filter((r) => r.validTo === null).map(member),
    former: rows.filter((r) => r.validTo !== null).map(member),
    orgUnitIds: units.map((u) => u.id),
  };
}
