import { and, desc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { withinScope } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import {
  dataElements,
  dataSets,
  indicators,
  orgUnits,
  planIndicators,
  planNodes,
  plans,
  roleAssignments,
  users,
} from "../db/schema/index.js";
import { escapeLike } from "../lib/like-pattern.js";
import type { SearchHit } from "./schemas.js";

// Accents folded and apostrophes dropped on both sides, so "Ma'ruf" finds "Maruf" and "Sidorejo" "Sidoréjo".
const ACCENTED = "ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÑñÇç'’";
const PLAIN = "AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuNnCc";

/** The words of a query, folded like the columns and with LIKE's wildcards escaped. */
export function searchWords(q: string): string[] {
  return q
    .normalize("NFD")
    .replace(/[\u0300-\u036f'’]/g, "")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map(escapeLike);
}

const folded = (column: PgColumn | SQL) => sql`lower(translate(${column}, ${ACCENTED}, ${PLAIN}))`;

/** Every word in one of the columns (a word may match the name, another the code). */
function matches(words: readonly string[], ...columns: Array<PgColumn | SQL>): SQL {
  const text = sql.join(
    columns.map((c) => sql`coalesce(${c}, '')`),
    sql` || ' ' || `,
  );
  return and(...words.map((w) => sql`${folded(text)} like ${`%${w}%`}`)) ?? sql`true`;
}

export interface SearchScopes {
  orgUnits: readonly string[];
  plans: readonly string[];
  metadata: readonly string[];
  users: readonly string[];
}

/** The hits of each kind the caller may see, `limit` per kind, in a fixed order of kinds. */
export async function search(
  db: Reader,
  q: string,
  scopes: SearchScopes,
  limit: number,
): Promise<SearchHit[]> {
  const words = searchWords(q);
  if (words.length === 0) return [];
  const groups = await Promise.all([
    findOrgUnits(db, words, scopes.orgUnits, limit),
    findPlans(db, words, scopes.plans, limit),
    findPlanIndicators(db, words, scopes.plans, limit),
    findIndicators(db, words, scopes.plans, limit),
    findDataSets(db, words, scopes.metadata, limit),
    findDataElements(db, words, scopes.metadata, limit),
    findUsers(db, words, scopes.users, limit),
  ]);
  return groups.flat();
}

async function findOrgUnits(db: Reader, words: string[], roots: readonly string[], limit: number) {
  if (roots.length === 0) return [];
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code, office: orgUnits.officeName })
    .from(orgUnits)
    .where(
      and(
        withinScope(orgUnits.path, roots),
        matches(words, orgUnits.name, orgUnits.code, orgUnits.officeName),
      ),
    )
    .orderBy(orgUnits.path)
    .limit(limit);
  return rows.map(
    (r): SearchHit => ({
      kind: "orgUnit",
      id: r.id,
      title: r.name,
      subtitle: r.office ? `${r.code} · ${r.office}` : r.code,
      path: `/unit-organisasi?unit=${r.id}`,
    }),
  );
}

async function findPlans(db: Reader, words: string[], roots: readonly string[], limit: number) {
  if (roots.length === 0) return [];
  const rows = await db
    .select({
      id: plans.id,
      title: plans.title,
      year: plans.year,
      version: plans.version,
      kind: plans.kind,
      unit: orgUnits.name,
    })
    .from(plans)
    .innerJoin(orgUnits, eq(orgUnits.id, plans.orgUnitId))
    .where(and(withinScope(orgUnits.path, roots), matches(words, plans.title, plans.kind)))
    .orderBy(desc(plans.year), desc(plans.version))
    .limit(limit);
  return rows.map(
    (r): SearchHit => ({
      kind: "plan",
      id: r.id,
      title: r.title,
      subtitle: `${r.unit} · ${r.year} · v${r.version}`,
      path: r.kind === "renstra" ? `/renstra/${r.id}` : `/rencana/${r.id}`,
    }),
  );
}

async function findPlanIndicators(db: Reader, words: string[], roots: readonly string[], limit: number) {
  if (roots.length === 0) return [];
  const rows = await db
    .select({ id: planIndicators.id, name: indicators.name, planId: plans.id, plan: plans.title })
    .from(planIndicators)
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .innerJoin(orgUnits, eq(orgUnits.id, plans.orgUnitId))
    .where(and(withinScope(orgUnits.path, roots), matches(words, indicators.name, indicators.code)))
    .orderBy(desc(plans.year), desc(plans.version), planIndicators.position)
    .limit(limit);
  return rows.map(
    (r): SearchHit => ({
      kind: "planIndicator",
      id: r.id,
      title: r.name,
      subtitle: r.plan,
      path: `/rencana/${r.planId}?indikator=${r.id}`,
    }),
  );
}

async function findIndicators(db: Reader, words: string[], roots: readonly string[], limit: number) {
  if (roots.length === 0) return [];
  const rows = await db
    .select({ id: indicators.id, name: indicators.name, code: indicators.code, unit: indicators.unit })
    .from(indicators)
    .leftJoin(orgUnits, eq(orgUnits.id, indicators.ownerOrgUnitId))
    .where(
      and(
        or(isNull(indicators.ownerOrgUnitId), withinScope(orgUnits.path, roots)),
        matches(words, indicators.name, indicators.code),
      ),
    )
    .orderBy(indicators.name)
    .limit(limit);
  return rows.map(
    (r): SearchHit => ({
      kind: "indicator",
      id: r.id,
      title: r.name,
      subtitle: [r.code, r.unit].filter(Boolean).join(" · "),
      path: `/indikator?id=${r.id}`,
    }),
  );
}

async function findDataSets(db: Reader, words: string[], roots: readonly string[], limit: number) {
  if (roots.length === 0) return [];
  const rows = await db
    .select({ id: dataSets.id, name: dataSets.name, code: dataSets.code })
    .from(dataSets)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSets.ownerOrgUnitId))
    .where(and(withinScope(orgUnits.path, roots), matches(words, dataSets.name, dataSets.code)))
    .orderBy(dataSets.code)
    .limit(limit);
  return rows.map(
    (r): SearchHit => ({
      kind: "dataSet",
      id: r.id,
      title: r.name,
      subtitle: r.code,
      path: `/formulir-data/${r.id}`,
    }),
  );
}

/** Element codes are global (expressions name them), so the catalogue is searched whole, as it is listed. */
async function findDataElements(db: Reader, words: string[], roots: readonly string[], limit: number) {
  if (roots.length === 0) return [];
  const rows = await db
    .select({ id: dataElements.id, name: dataElements.name, code: dataElements.code })
    .from(dataElements)
    .where(matches(words, dataElements.name, dataElements.code))
    .orderBy(dataElements.code)
    .limit(limit);
  return rows.map(
    (r): SearchHit => ({
      kind: "dataElement",
      id: r.id,
      title: r.name,
      subtitle: r.code,
      path: `/elemen-data?q=${encodeURIComponent(r.code)}`,
    }),
  );
}

/** Users holding a role inside the manager's scope, as the users page lists them. */
async function findUsers(db: Reader, words: string[], roots: readonly string[], limit: number) {
  if (roots.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: users.id, fullName: users.fullName, username: users.username })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(
      and(
        withinScope(orgUnits.path, roots),
        matches(words, users.fullName, users.username, users.nip, users.email),
      ),
    )
    .orderBy(users.username)
    .limit(limit);
  return rows.map(
    (r): SearchHit => ({
      kind: "user",
      id: r.id,
      title: r.fullName,
      subtitle: r.username,
      path: `/pengguna?id=${r.id}`,
    }),
  );
}
