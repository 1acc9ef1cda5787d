import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { preparedPerDatabase } from "../db/prepared.js";
import { orgUnits, roleAssignments, sessions, users } from "../db/schema/index.js";
import type { ScopedRole } from "./permissions.js";

export const SESSION_COOKIE = "capaian_session";

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after login whatever happens. */
  maxHours: number;
}

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  mustChangePassword: boolean;
  isDemo: boolean;
  roles: Array<ScopedRole & { orgUnitName: string; indicatorIds: string[] | null }>;
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(
  db: Database,
  userId: string,
  policy: SessionPolicy,
  client: { ip: string; userAgent: string | undefined },
): Promise<{ token: string; tokenHash: string }> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  await db.insert(sessions).values({
    tokenHash,
    userId,
    // Both times from the app's clock, which the idle and age checks read too.
    expiresAt: new Date(Date.now() + policy.maxHours * 3_600_000),
    lastSeenAt: new Date(),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, tokenHash };
}

export async function loadRoles(db: Database, userId: string): Promise<SessionUser["roles"]> {
  return db
    .select({
      role: roleAssignments.role,
      orgUnitId: roleAssignments.orgUnitId,
      orgUnitPath: orgUnits.path,
      orgUnitName: sql<string>`coalesce(${orgUnits.officeName}, ${orgUnits.name})`,
      indicatorIds: roleAssignments.indicatorIds,
    })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(orgUnits.path, roleAssignments.role);
}

/**
 * The session, its user and the user's roles (as one JSON array) in one round trip, prepared once per
 * database: built by Drizzle on every request it cost more CPU than the answer of a kept plan.
 */
const sessionQuery = preparedPerDatabase((db) =>
  db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      email: users.email,
      mustChangePassword: users.mustChangePassword,
      isDemo: users.isDemo,
      isActive: users.isActive,
      roles: sql<SessionUser["roles"]>`coalesce((
        select json_agg(json_build_object(
          'role', ra.role, 'orgUnitId', ra.org_unit_id, 'orgUnitPath', ou.path,
          'orgUnitName', coalesce(ou.office_name, ou.name), 'indicatorIds', ra.indicator_ids
        ) order by ou.path, ra.role)
        from ${roleAssignments} ra join ${orgUnits} ou on ou.id = ra.org_unit_id
        where ra.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder("tokenHash")))
    .prepare("session_by_token"),
);

/**
 * The user behind a session token, or null when the token is unknown, expired by age or idleness, or the
 * account is disabled. Touches last_seen_at at most once a minute to keep reads cheap.
 */
export async function resolveSession(
  db: Database,
  token: string,
  policy: SessionPolicy,
): Promise<{ tokenHash: string; user: SessionUser } | null> {
  const tokenHash = hashToken(token);
  const [row] = await sessionQuery(db).execute({ tokenHash });
  if (!row) return null;
  const now = Date.now();
  const { lastSeenAt, expiresAt, isActive, ...user } = row;
  const idleLimit = lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (!isActive || expiresAt.getTime() <= now || idleLimit <= now) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now - lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return { tokenHash, user };
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user, optionally but one (the one that changed the password). */
export async function deleteUserSessions(db: Pick<Database, "delete">, userId: string, keep?: string) {
  const others = keep
    ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${keep}`)
    : eq(sessions.userId, userId);
  await db.delete(sessions).where(others);
}

export async function purgeExpiredSessions(db: Database): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

/** Demo accounts that still have the demo password's flag (only a demo installation has any). */
export async function listDemoAccounts(db: Database) {
  return db
    .select({ username: users.username, fullName: users.fullName, role: roleAssignments.role })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(users.isDemo, true), eq(users.isActive, true)))
    .orderBy(users.username);
}
