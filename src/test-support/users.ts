import { eq } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { orgUnits, type Role, roleAssignments, users } from "../db/schema/index.js";
import { demoPasswordHash } from "../demo/users.js";

/** Adds a user with the demo password holding one role in the org unit with this code. */
export async function createTestUser(db: Database, username: string, role: Role, orgUnitCode: string) {
  const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, orgUnitCode));
  if (!unit) throw new Error(`no org unit ${orgUnitCode}`);
  const [user] = await db
    .insert(users)
    .values({
      username,
      fullName: username,
      passwordHash: await demoPasswordHash(),
      mustChangePassword: false,
    })
    .returning({ id: users.id });
  if (!user) throw new Error("user insert returned nothing");
  await db.insert(roleAssignments).values({ userId: user.id, role, orgUnitId: unit.id });
  return user.id;
}
