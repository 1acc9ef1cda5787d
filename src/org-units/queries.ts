import { and, asc, eq, isNull } from "drizzle-orm";
import { inSubtree, withinScope } from "../auth/scope-sql.js";
import type { Database } from "../db/client.js";
import { type OrgUnitType, orgUnits } from "../db/schema/index.js";

export interface OrgUnitFilter {
  /** Only this unit and everything below it. */
  within?: string;
  type?: OrgUnitType;
  /** Closed units are hidden unless asked for. */
  includeClosed?: boolean;
  /** Subtree roots the reader may see. */
  scope: readonly string[];
}

const columns = {
  id: orgUnits.id,
  parentId: orgUnits.parentId,
  code: orgUnits.code,
  name: orgUnits.name,
  officeName: orgUnits.officeName,
  type: orgUnits.type,
  ownerType: orgUnits.ownerType,
  isBlud: orgUnits.isBlud,
  level: orgUnits.level,
  path: orgUnits.path,
  kemenkesCode: orgUnits.kemenkesCode,
  closedOn: orgUnits.closedOn,
  closedReason: orgUnits.closedReason,
};

export type OrgUnitRow = Awaited<ReturnType<typeof findOrgUnit>> & {};

/** Org units in tree order (by materialised path), optionally one subtree or one type. */
export async function listOrgUnits(db: Database, filter: OrgUnitFilter) {
  const conditions = [withinScope(orgUnits.path, filter.scope)];
  if (filter.within) {
    const root = await findOrgUnit(db, filter.within);
    if (!root) return null;
    if (!filter.scope.some((s) => root.path.startsWith(s))) return "forbidden" as const;
    conditions.push(inSubtree(root.path));
  }
  if (filter.type) conditions.push(eq(orgUnits.type, filter.type));
  if (!filter.includeClosed) conditions.push(isNull(orgUnits.closedOn));
  return db
    .select(columns)
    .from(orgUnits)
    .where(and(...conditions))
    .orderBy(asc(orgUnits.path));
}

export async function findOrgUnit(db: Database, id: string) {
  const [row] = await db.select(columns).from(orgUnits).where(eq(orgUnits.id, id));
  return row;
}
