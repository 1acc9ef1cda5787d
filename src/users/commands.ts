import { and, eq, inArray, or } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import { generateTemporaryPassword, hashPassword } from "../auth/passwords.js";
import { deleteUserSessions } from "../auth/sessions.js";
import type { Database, Tx } from "../db/client.js";
import { roleAssignments, users } from "../db/schema/index.js";
import { AppError, notFound } from "../lib/errors.js";
import { listManagedUsers, orgUnitPaths } from "./queries.js";
import type { CreateUser, ManagedUser, RoleInput } from "./schemas.js";

const outsideScope = () =>
  new AppError(
    403,
    "ORG_UNIT_OUT_OF_SCOPE",
    "Peran hanya dapat diberikan pada unit organisasi di wilayah kewenangan Anda.",
    "Roles can only be given in org units within your own scope.",
  );

async function checkRolesInScope(tx: Tx, roles: readonly RoleInput[], scope: readonly string[]) {
  const paths = await orgUnitPaths(tx, [...new Set(roles.map((r) => r.orgUnitId))]);
  for (const r of roles) {
    const path = paths.get(r.orgUnitId);
    if (!path) throw notFound("Unit organisasi", "Org unit");
    if (!scope.some((root) => path.startsWith(root))) throw outsideScope();
  }
}

async function managedUser(tx: Tx, id: string, scope: readonly string[]): Promise<ManagedUser> {
  const [user] = await listManagedUsers(tx, scope, id);
  if (!user) throw notFound("Pengguna", "User");
  return user;
}

const toRows = (userId: string, roles: readonly RoleInput[]) =>
  roles.map((r) => ({ userId, role: r.role, orgUnitId: r.orgUnitId, indicatorIds: r.indicatorIds ?? null }));

export async function createUser(db: Database, input: CreateUser, scope: readonly string[], actor: Actor) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db.transaction(async (tx) => {
    await checkRolesInScope(tx, input.roles, scope);
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        input.email
          ? inArray(users.username, [input.username, input.email])
          : eq(users.username, input.username),
      );
    const [emailTaken] = input.email
      ? await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email))
      : [];
    if (taken || emailTaken) {
      throw new AppError(
        409,
        "USER_EXISTS",
        "Nama pengguna atau email itu sudah dipakai.",
        "That username or email is already taken.",
      );
    }
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        language: input.language ?? null,
        nip: input.nip ?? null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    if (!row) throw new Error("user insert returned nothing");
    await tx.insert(roleAssignments).values(toRows(row.id, input.roles));
    const user = await managedUser(tx, row.id, scope);
    await recordAudit(tx, actor, {
      action: "user.create",
      entityType: "user",
      entityId: row.id,
      orgUnitId: input.roles[0]?.orgUnitId,
      newValue: user,
    });
    return { user, temporaryPassword };
  });
}

export async function updateUser(
  db: Database,
  id: string,
  changes: {
    fullName?: string;
    email?: string | null;
    language?: "id" | "en" | null;
    nip?: string | null;
    isActive?: boolean;
    reason?: string;
  },
  scope: readonly string[],
  actor: Actor,
) {
  if (changes.isActive === false && id === actor.userId) {
    throw new AppError(
      400,
      "CANNOT_DEACTIVATE_SELF",
      "Anda tidak dapat menonaktifkan akun sendiri.",
      "You cannot deactivate your own account.",
    );
  }
  return db.transaction(async (tx) => {
    const before = await managedUser(tx, id, scope);
    const { reason, ...fields } = changes;
    if (changes.email) {
      // Login accepts the e-mail too: it must name one account only.
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(or(eq(users.email, changes.email), eq(users.username, changes.email)));
      if (taken && taken.id !== id) {
        throw new AppError(
          409,
          "USER_EMAIL_TAKEN",
          "Email itu sudah dipakai akun lain.",
          "That email is already used by another account.",
        );
      }
    }
    await tx.update(users).set(fields).where(eq(users.id, id));
    if (changes.isActive === false) await deleteUserSessions(tx, id);
    const after = await managedUser(tx, id, scope);
    await recordAudit(tx, actor, {
      action: "user.update",
      entityType: "user",
      entityId: id,
      orgUnitId: before.roles[0]?.orgUnitId,
      oldValue: before,
      newValue: after,
      reason,
    });
    return after;
  });
}

/** Replaces the roles the manager can see (those inside their scope); roles elsewhere stay. */
export async function replaceRoles(
  db: Database,
  id: string,
  roles: readonly RoleInput[],
  reason: string | undefined,
  scope: readonly string[],
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const before = await managedUser(tx, id, scope);
    await checkRolesInScope(tx, roles, scope);
    const visible = before.roles.map((r) => r.orgUnitId);
    await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.userId, id), inArray(roleAssignments.orgUnitId, visible)));
    const unique = [...new Map(roles.map((r) => [`${r.role}/${r.orgUnitId}`, r])).values()];
    if (unique.length) await tx.insert(roleAssignments).values(toRows(id, unique));
    await deleteUserSessions(tx, id);
    const [after] = await listManagedUsers(tx, scope, id);
    await recordAudit(tx, actor, {
      action: "user.roles_replace",
      entityType: "user",
      entityId: id,
      orgUnitId: before.roles[0]?.orgUnitId ?? roles[0]?.orgUnitId,
      oldValue: before.roles,
      newValue: after?.roles ?? [],
      reason,
    });
    return after ?? { ...before, roles: [] };
  });
}

export async function resetPassword(db: Database, id: string, scope: readonly string[], actor: Actor) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db.transaction(async (tx) => {
    const before = await managedUser(tx, id, scope);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, isDemo: false })
      .where(eq(users.id, id));
    await deleteUserSessions(tx, id);
    await recordAudit(tx, actor, {
      action: "user.password_reset",
      entityType: "user",
      entityId: id,
      orgUnitId: before.roles[0]?.orgUnitId,
      oldValue: { mustChangePassword: before.mustChangePassword, lockedUntil: before.lockedUntil },
      newValue: { mustChangePassword: true, lockedUntil: null },
    });
    return { user: await managedUser(tx, id, scope), temporaryPassword };
  });
}
