import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { appMeta } from "../db/schema/index.js";

const KEY = "csrf_hmac_key";

/** The installation's own secret, made on first start so `npm start` needs no configuration. */
export async function installationSecret(db: Database): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(appMeta).where(eq(appMeta.key, KEY));
    if (row) return row.value;
    const value = randomBytes(32).toString("base64url");
    await tx.insert(appMeta).values({ key: KEY, value }).onConflictDoNothing();
    const [stored] = await tx.select().from(appMeta).where(eq(appMeta.key, KEY));
    return stored?.value ?? value;
  });
}
