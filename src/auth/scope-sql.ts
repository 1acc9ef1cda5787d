import { like, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { orgUnits } from "../db/schema/index.js";

/**
 * SQL true for rows whose org-unit path lies at or under `rootPath` (the root itself included).
 * Paths are built from codes that hold no LIKE wildcard, so the prefix match is exact.
 */
export function inSubtree(rootPath: string, pathColumn: PgColumn = orgUnits.path): SQL {
  return like(pathColumn, subtreePattern(rootPath));
}

/** The LIKE pattern of a subtree, for a prepared statement's placeholder (see inSubtree). */
export const subtreePattern = (rootPath: string) => `${rootPath}%`;

/** SQL true for rows whose org-unit path lies in one of the scope roots; false when there are none. */
export function withinScope(pathColumn: PgColumn, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((root) => inSubtree(root, pathColumn))) ?? sql`false`;
}
