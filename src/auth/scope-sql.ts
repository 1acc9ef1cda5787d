import { like, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** SQL true for rows whose org-unit path lies in one of the scope roots; false when there are none. */
export function withinScope(pathColumn: PgColumn, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((root) => like(pathColumn, `${root}%`))) ?? sql`false`;
}
