import { and, asc, eq, isNull } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Permission } from "../auth/permissions.js";
import { authorize } from "../auth/plugin.js";
import { inSubtree, withinScope } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import { type OrgUnitType, orgUnits } from "../db/schema/index.js";
import { notFound } from "../lib/errors.js";

export interface OrgUnitFilter {
  /** Only this unit and everything below it. */
  within?: string;
  type?: OrgUnitType;
  /** Closed units are hidden unless asked for. */
  includeClosed?: boolean;
  /** Subtree roots the reader may see. */
  scope: readonly string[];
}

export const unitColumns = {
  id: orgUnits.id,
  parentId: orgUnits.parentId,
  districtId: orgUnits.districtId,
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
export type UnitRow = Omit<typeof orgUnits.$inferSelect, "createdAt">;

export const orgUnitNotFound = () => notFound("Unit organisasi", "Org unit");

/** Org units in tree order (by materialised path), optionally one subtree or one type. */
export async function listOrgUnits(db: Reader, filter: OrgUnitFilter) {
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
    .select(unitColumns)
    .from(orgUnits)
    .where(and(...conditions))
    .orderBy(asc(orgUnits.path));
}

/** One unit by id or by code. */
export async function readUnit(db: Reader, where: { id: string } | { code: string }) {
  const [row] = await db
    .select(unitColumns)
    .from(orgUnits)
    .where("id" in where ? eq(orgUnits.id, where.id) : eq(orgUnits.code, where.code));
  return row as UnitRow | undefined;
}

export const findOrgUnit = (db: Reader, id: string) => readUnit(db, { id });

/** The unit a request names, once the caller is known to hold `permission` at it: else 404 or 403. */
export async function authorizedUnit(
  db: Reader,
  request: FastifyRequest,
  permission: Permission,
  id: string,
) {
  const unit = await findOrgUnit(db, id);
  if (!unit) throw orgUnitNotFound();
  authorize(request, permission, unit.path);
  return unit;
}
