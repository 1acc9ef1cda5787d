import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { packagePath } from "../server/package-root.js";
import type { DatabaseHandle } from "./client.js";

const migrationsFolder = packagePath("drizzle");

/** Applies the committed drizzle-kit migrations; the same SQL files serve PGlite and PostgreSQL. */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: both migrators take their own driver's database type
  const db = handle.db as any;
  if (handle.kind === "pglite") await migratePglite(db, { migrationsFolder });
  else await migratePg(db, { migrationsFolder });
}
