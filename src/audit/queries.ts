import { and, desc, eq, gte, ilike, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { withinScope } from "../auth/scope-sql.js";
import type { Database } from "../db/client.js";
import { auditLog, orgUnits } from "../db/schema/index.js";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  BULK_VALUES_ACTION,
  bulkValueKey,
  codesMatching,
} from "../domain/index.js";
import { escapeLike } from "../lib/like-pattern.js";

export interface AuditFilter {
  /** ISO date (inclusive) */
  from?: string;
  /** ISO date (inclusive: the whole day) */
  to?: string;
  username?: string;
  action?: string;
  entityType?: string;
  /** A single value's `<orgUnitId>/<period>/<code>` also finds the bulk records holding it. */
  entityId?: string;
  /** One record, a bulk record with all its values. */
  id?: number;
  /** Words as the screen shows them: an action or entity in words, a user, a unit, an id, a reason. */
  q?: string;
  /** Subtree roots the reader may see; records filed under no org unit are visible to every auditor. */
  scope: readonly string[];
}

function conditions(filter: AuditFilter): SQL | undefined {
  const nextDay = (date: string) => sql`(${date}::date + 1)`;
  return and(
    or(isNull(auditLog.orgUnitId), withinScope(orgUnits.path, filter.scope)),
    filter.from ? gte(auditLog.at, sql`${filter.from}::date`) : undefined,
    filter.to ? lt(auditLog.at, nextDay(filter.to)) : undefined,
    filter.username ? eq(auditLog.username, filter.username.toLowerCase()) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? sameEntity(filter.entityId) : undefined,
    filter.id ? eq(auditLog.id, filter.id) : undefined,
    filter.q ? matchesWords(filter.q.trim()) : undefined,
  );
}

/** The records of one entity; for a single value also the bulk records of its unit that hold it. */
function sameEntity(entityId: string): SQL | undefined {
  const value = bulkValueKey(entityId);
  return or(
    eq(auditLog.entityId, entityId),
    value
      ? and(
          eq(auditLog.action, BULK_VALUES_ACTION),
          eq(auditLog.entityId, value.orgUnitId),
          sql`${auditLog.newValue}->'values' ? ${value.key}::text`,
        )
      : undefined,
  );
}

/**
 * What a record's old and new values are shown as: a bulk record asked for one value gives that value's
 * old and new; listed among others, its count only (its values are fetched by id); others as stored.
 */
function shownValues(filter: AuditFilter) {
  const bulk = sql`${auditLog.action} = ${BULK_VALUES_ACTION}`;
  const value = filter.entityId ? bulkValueKey(filter.entityId) : null;
  if (filter.id) return { oldValue: auditLog.oldValue, newValue: auditLog.newValue };
  if (value)
    return {
      oldValue: sql<unknown>`case when ${bulk} then ${auditLog.newValue}->'values'->${value.key}::text->'old' else ${auditLog.oldValue} end`,
      newValue: sql<unknown>`case when ${bulk} then ${auditLog.newValue}->'values'->${value.key}::text->'new' else ${auditLog.newValue} end`,
    };
  return {
    oldValue: auditLog.oldValue,
    newValue: sql<unknown>`case when ${bulk} then jsonb_build_object('count', ${auditLog.newValue}->'count') else ${auditLog.newValue} end`,
  };
}

function matchesWords(q: string): SQL | undefined {
  const actions = codesMatching(AUDIT_ACTION_LABELS, q);
  const entities = codesMatching(AUDIT_ENTITY_LABELS, q);
  const pattern = `%${escapeLike(q)}%`;
  return or(
    actions.length > 0 ? inArray(auditLog.action, actions) : undefined,
    entities.length > 0 ? inArray(auditLog.entityType, entities) : undefined,
    ilike(auditLog.username, pattern),
    ilike(auditLog.entityId, pattern),
    bulkValueKey(q) ? sameEntity(q) : undefined,
    ilike(auditLog.reason, pattern),
    ilike(orgUnits.name, pattern),
    ilike(orgUnits.officeName, pattern),
  );
}

/** Audit records newest first, with the total matching count for paging. */
export async function searchAudit(db: Database, filter: AuditFilter, limit: number, offset: number) {
  const where = conditions(filter);
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(auditLog)
    .leftJoin(orgUnits, eq(orgUnits.id, auditLog.orgUnitId))
    .where(where);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      username: auditLog.username,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      orgUnitName: sql<string | null>`coalesce(${orgUnits.officeName}, ${orgUnits.name})`,
      ...shownValues(filter),
      valueCount: sql<number | null>`case when ${auditLog.action} = ${BULK_VALUES_ACTION}
        then (${auditLog.newValue}->>'count')::int end`,
      reason: auditLog.reason,
      requestId: auditLog.requestId,
      clientAddress: auditLog.clientAddress,
    })
    .from(auditLog)
    .leftJoin(orgUnits, eq(orgUnits.id, auditLog.orgUnitId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return { total: counted?.total ?? 0, rows };
}

export type AuditRow = Awaited<ReturnType<typeof searchAudit>>["rows"][number];
