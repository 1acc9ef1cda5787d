import { inArray } from "drizzle-orm";
import type { homeScopes } from "../auth/permissions.js";
import type { Database } from "../db/client.js";
import { orgUnits } from "../db/schema/index.js";
import { overview } from "./overview-queries.js";
import { auditSummary, operatorTodo, referenceMonth, verification } from "./queries.js";
import type { Home } from "./schemas.js";

/**
 * The home page of a user: each section their roles call for, within their scope. The sections read
 * independently, so they run side by side.
 */
export async function home(
  db: Database,
  scopes: ReturnType<typeof homeScopes>,
  requestedYear: number | undefined,
  today: string,
): Promise<Home> {
  const { indicators: mine, ...roots } = scopes;
  const everywhere = [...new Set(Object.values(roots).flat())];
  // The month and the kota do not depend on each other: read side by side.
  const [month, units] = await Promise.all([
    referenceMonth(db, everywhere, requestedYear, today),
    everywhere.length
      ? db
          .select({
            id: orgUnits.id,
            name: orgUnits.name,
            code: orgUnits.code,
            type: orgUnits.type,
            path: orgUnits.path,
          })
          .from(orgUnits)
          .where(inArray(orgUnits.path, everywhere))
          .orderBy(orgUnits.path)
      : [],
  ]);
  const year = requestedYear ?? Number(month.slice(0, 4));
  // The overview speaks of one kota: the caller's widest root (a kepala dinas has one).
  const [root] = units
    .filter((r) => scopes.overview.includes(r.path))
    .sort((a, b) => a.path.length - b.path.length);
  const [overviewSection, verificationSection, operatorSection, auditSection] = await Promise.all([
    root ? overview(db, root, scopes, year, month, today) : null,
    scopes.verify.length ? verification(db, scopes.verify, mine) : null,
    scopes.enter.length ? operatorTodo(db, scopes.enter, today) : null,
    scopes.audit.length ? auditSummary(db, scopes.audit) : null,
  ]);
  return {
    year,
    period: month,
    units: units.map((r) => ({ id: r.id, name: r.name })),
    overview: overviewSection,
    verification: verificationSection,
    operator: operatorSection,
    audit: auditSection,
  };
}
