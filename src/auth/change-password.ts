import { eq } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { users } from "../db/schema/index.js";
import { AppError } from "../lib/errors.js";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "./passwords.js";
import { deleteUserSessions } from "./sessions.js";

/**
 * Replaces the caller's password once the current one is proven, ends its other sessions (the one
 * in `keepSession` stays) and records the change, in one transaction.
 */
export async function changePassword(
  db: Database,
  me: { id: string; username: string },
  input: { currentPassword: string; newPassword: string },
  keepSession: string | undefined,
  actor: Actor,
) {
  const [row] = await db.select().from(users).where(eq(users.id, me.id));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError(400, "WRONG_PASSWORD", "Kata sandi saat ini salah.", "The current password is wrong.");
  }
  const { newPassword } = input;
  checkPasswordPolicy(newPassword, me.username);
  if (newPassword === input.currentPassword) {
    throw new AppError(
      400,
      "PASSWORD_UNCHANGED",
      "Kata sandi baru harus berbeda dari yang lama.",
      "The new password must differ from the old one.",
    );
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(users.id, me.id));
    await deleteUserSessions(tx, me.id, keepSession);
    await recordAudit(tx, actor, {
      action: "user.password_changed",
      entityType: "user",
      entityId: me.id,
      oldValue: { mustChangePassword: row.mustChangePassword },
      newValue: { mustChangePassword: false },
    });
  });
}
