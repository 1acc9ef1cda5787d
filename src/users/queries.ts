import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { withinScope } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import { orgUnits, roleAssignments, users } from "../db/schema/index.js";
import { groupBy } from "../lib/group-by.js";
import type { ManagedUser } from "./schemas.js";

/** Users holding at least one role inside the scope, each with the roles that lie inside it. */
export async function listManagedUsers(db: Reader, scope: readonly string[], onlyUserId?: string) {
  const roles = await db
    .select({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      orgUnitId: roleAssignments.orgUnitId,
      orgUnitName: sql<string>`coalesce(${orgUnits.officeName}, ${orgUnits.name})`,
      indicatorIds: roleAssignments.indicatorIds,
    })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(
      and(withinScope(orgUnits.path, scope), onlyUserId ? eq(roleAssignments.userId, onlyUserId) : undefined),
    )
    .orderBy(asc(orgUnits.path));
  const byUser = groupBy(roles, (r) => r.userId);
  if (byUser.size === 0) return [];
  const rows = await db
    .select()
    .from(users)
    .where(inArray(users.id, [...byUser.keys()]))
    .orderBy(asc(users.username));
  return rows.map(
    (u): ManagedUser => ({
      id: u.id,
      username: u.username,
      fullName: u.fullName,
      email: u.email,
      language: u.language,
      nip: u.nip,
      isActive: u.isActive,
      isDemo: u.isDemo,
      mustChangePassword: u.mustChangePassword,
      lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      roles: (byUser.get(u.id) ?? []).map(({ userId: _, ...r }) => r),
    }),
  );
}

/** Paths of the given org units, to check they lie inside the manager's scope. */
export async function orgUnitPaths(db: Reader, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(inArray(orgUnits.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** The org unit a user's audit records are filed under: that of their first role. */
export async function primaryOrgUnitId(db: Reader, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ orgUnitId: roleAssignments.orgUnitId })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(orgUnits.path))
    .limit(1);
  return row?.orgUnitId ?? null;
}
