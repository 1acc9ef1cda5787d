import { eq } from "drizzle-orm";
import { recordAudit, systemActor } from "../audit/record.js";
import { checkPasswordPolicy, generateTemporaryPassword, hashPassword } from "../auth/passwords.js";
import type { Database } from "../db/client.js";
import {
  ORG_UNIT_TYPES,
  type OrgUnitType,
  orgUnits,
  ROLES,
  type Role,
  roleAssignments,
  users,
} from "../db/schema/index.js";
import { codeProblem } from "../domain/org-unit-tree.js";
import { AppError } from "../lib/errors.js";

export interface UserCreateOptions {
  username: string;
  fullName: string;
  role: Role;
  orgCode?: string;
  /** Creates the org unit as a root of the tree when it does not exist yet (first admin of a new installation). */
  orgName?: string;
  orgType: OrgUnitType;
  /** A chosen password; when absent a temporary one is generated and must be changed at first login. */
  password?: string;
}

const fail = (id: string, en: string) => new AppError(400, "CLI_INVALID", id, en);

/** Creates a user from the command line; the only way to make the first admin outside demo mode. */
export async function createUserFromCli(db: Database, o: UserCreateOptions) {
  if (!ROLES.includes(o.role)) throw fail(`Peran tidak dikenal: ${o.role}`, `Unknown role: ${o.role}`);
  if (!ORG_UNIT_TYPES.includes(o.orgType))
    throw fail(`Jenis unit tidak dikenal: ${o.orgType}`, `Unknown type`);
  const username = o.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,50}$/.test(username)) {
    throw fail("Nama pengguna: 3–50 huruf kecil, angka, titik, _ atau -.", "Username: 3–50 of a-z 0-9 . _ -");
  }
  if (o.password) checkPasswordPolicy(o.password, username);
  const password = o.password ?? generateTemporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw fail(`Nama pengguna ${username} sudah dipakai.`, `Username ${username} is taken.`);
    const orgUnitId = await findOrCreateOrgUnit(tx, o);
    const [user] = await tx
      .insert(users)
      .values({ username, fullName: o.fullName, passwordHash, mustChangePassword: !o.password })
      .returning({ id: users.id });
    if (!user) throw new Error("user insert returned nothing");
    await tx.insert(roleAssignments).values({ userId: user.id, role: o.role, orgUnitId });
    await recordAudit(
      tx,
      { ...systemActor, username: "cli" },
      {
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        orgUnitId,
        newValue: { username, fullName: o.fullName, role: o.role, orgUnitId },
      },
    );
    return { username, temporaryPassword: o.password ? null : password };
  });
}

async function findOrCreateOrgUnit(
  tx: Pick<Database, "select" | "insert">,
  o: UserCreateOptions,
): Promise<string> {
  if (o.orgCode) {
    const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, o.orgCode));
    if (unit) return unit.id;
    if (!o.orgName) {
      throw fail(
        `Unit organisasi ${o.orgCode} tidak ada; beri --org-name untuk membuatnya.`,
        `Org unit ${o.orgCode} does not exist; pass --org-name to create it.`,
      );
    }
    // The code becomes the root of every path below it, so it obeys the tree's code rule.
    const problem = codeProblem(o.orgCode);
    if (problem) throw fail(problem.id, problem.en);
    const [created] = await tx
      .insert(orgUnits)
      .values({ code: o.orgCode, name: o.orgName, type: o.orgType, level: 0, path: `/${o.orgCode}/` })
      .returning({ id: orgUnits.id });
    if (!created) throw new Error("org unit insert returned nothing");
    return created.id;
  }
  const [root] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.level, 0)).limit(1);
  if (!root) {
    throw fail(
      "Belum ada unit organisasi: beri --org-code dan --org-name untuk membuat unit pertama.",
      "There are no org units yet: pass --org-code and --org-name to create the first one.",
    );
  }
  return root.id;
}
