import { like, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
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

/**
 * SQL true for rows whose org-unit id (`idColumn`) is a unit of the subtree whose LIKE pattern is
 * `pattern` (subtreePattern, or a placeholder for it). The units are listed first, as an array the
 * statement makes before it reads, so a kota's rows are found through an index on the unit instead
 * of a scan of the province's rows joined to their units.
 */
export function unitInSubtree(idColumn: PgColumn, pattern: string | SQLWrapper): SQL {
  return sql`${idColumn} = any(array(select ${orgUnits.id} from ${orgUnits} where ${like(orgUnits.path, pattern)}))`;
}

/** SQL true for rows whose org-unit path lies in one of the scope roots; false when there are none. */
export function withinScope(pathColumn: PgColumn, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((root) => inSubtree(root, pathColumn))) ?? sql`false`;
}
