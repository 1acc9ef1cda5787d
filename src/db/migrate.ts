import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { packagePath } from "../lib/package-root.js";
import type { Database, DatabaseHandle } from "./client.js";

const migrationsFolder = packagePath("drizzle");

/** Applies the committed drizzle-kit migrations; the same SQL files serve PGlite and PostgreSQL. */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: both migrators take their own driver's database type
  const db = handle.db as any;
  if (handle.kind === "pglite") await migratePglite(db, { migrationsFolder });
  else await migratePg(db, { migrationsFolder });
}

/** How many migrations this build ships (drizzle-kit's journal). */
export function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8"));
  return (journal.entries as unknown[]).length;
}

/** How many migrations the database has applied, from drizzle's own bookkeeping table. */
export async function appliedMigrations(db: Database): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return (result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0;
}
