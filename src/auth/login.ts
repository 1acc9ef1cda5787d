import { eq, or } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { users } from "../db/schema/index.js";
import { AppError } from "../lib/errors.js";
import { primaryOrgUnitId } from "../users/queries.js";
import { decoyHash, verifyPassword } from "./passwords.js";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const invalidCredentials = () =>
  new AppError(
    401,
    "INVALID_CREDENTIALS",
    "Nama pengguna atau kata sandi salah.",
    "Wrong username or password.",
  );

const timeOfDay = (d: Date) =>
  new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Jakarta" }).format(
    d,
  );

/**
 * Checks a login attempt. After MAX_FAILED_LOGINS wrong passwords in a row the account is locked for
 * LOCK_MINUTES, during which even the right password is refused. Every attempt is audited.
 */
export async function checkCredentials(
  db: Database,
  identifier: string,
  password: string,
  requestActor: Actor,
) {
  const name = identifier.trim().toLowerCase();
  // Login records name the identity claimed, whether or not it exists.
  const actor: Actor = { ...requestActor, username: name };
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(users.username, name), eq(users.email, name)));
  if (!user?.isActive) {
    await verifyPassword(decoyHash, password);
    await recordAudit(db, actor, {
      action: "auth.login_failed",
      entityType: "user",
      entityId: user?.id ?? null,
      newValue: { identifier: name, reason: user ? "inactive" : "unknown" },
    });
    throw invalidCredentials();
  }
  const orgUnitId = await primaryOrgUnitId(db, user.id);
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(
      db,
      { ...actor, userId: user.id, username: user.username },
      {
        action: "auth.login_refused_locked",
        entityType: "user",
        entityId: user.id,
        orgUnitId,
      },
    );
    throw new AppError(
      423,
      "ACCOUNT_LOCKED",
      `Akun terkunci karena ${MAX_FAILED_LOGINS} kali salah kata sandi. Coba lagi setelah pukul ${timeOfDay(user.lockedUntil)} WIB atau minta admin mengatur ulang kata sandi.`,
      `The account is locked after ${MAX_FAILED_LOGINS} wrong passwords. Try again after ${user.lockedUntil.toISOString()} or ask an admin to reset the password.`,
    );
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedLogins: lock ? 0 : failed,
          lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await recordAudit(
        tx,
        { ...actor, userId: user.id, username: user.username },
        {
          action: lock ? "auth.locked" : "auth.login_failed",
          entityType: "user",
          entityId: user.id,
          orgUnitId,
          newValue: { failedLogins: failed },
        },
      );
    });
    throw invalidCredentials();
  }
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    await recordAudit(
      tx,
      { ...actor, userId: user.id, username: user.username },
      {
        action: "auth.login",
        entityType: "user",
        entityId: user.id,
        orgUnitId,
      },
    );
  });
  return user;
}
