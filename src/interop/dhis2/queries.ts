import { eq, inArray } from "drizzle-orm";
import type { UnitRef } from "../../data-entry/index.js";
import type { Reader } from "../../db/client.js";
import { dataElements, dataSetElements, dataSets, orgUnits } from "../../db/schema/index.js";
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
