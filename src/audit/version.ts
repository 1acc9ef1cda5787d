import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { preparedPerDatabase } from "../db/prepared.js";

/**
 * A version of everything the Dinas changes: every change to plans, targets, data, metadata and
 * settings writes an audit record in its own transaction, so the newest audit id moves whenever any of
 * them commits. It is trusted only when no writing transaction is in flight (an in-flight one may hold
 * a lower id and commit later); then it is null and the caller computes afresh. One window stays open
 * (a writer between taking its audit id and its first write), so entries also expire after MAX_AGE_MS.
 */
// Read before every kept read. The identity sequence, not max(id): on PGlite the max over a dozen
// yearly partitions cost more than the kept read itself. A value taken by a transaction that then rolls
// back only makes the next read miss.
const versionQuery = preparedPerDatabase((db) =>
  // A writer's xid can lie past the snapshot's xmax, so the snapshot's in-progress list is not enough.
  // Only this database's writers count: a server shared with other databases would otherwise never settle.
  db
    .select({
      version: sql<string>`case when is_called then last_value else 0 end::text`,
      settled: sql<boolean>`not exists (select from pg_stat_activity where backend_xid is not null
        and pid <> pg_backend_pid() and datname = current_database())`,
    })
    .from(sql`audit_log_id_seq`)
    .prepare("audit_version"),
);

export async function auditVersion(db: Database): Promise<string | null> {
  const [row] = await versionQuery(db).execute();
  return row?.settled ? row.version : null;
}

/**
 * Results computed from audited data, kept per database while its audit version stays the same:
 * dashboards (home, scorecard) read the same quarter again and again between two changes. Official
 * outputs (the evaluation, the reports) never read from here. Small and least-recently-used. Every
 * caller gets the one kept value, frozen: copying a kota's scorecard cost ~14 ms a read, and a caller
 * that changed it would change it for the next.
 */
const MAX_AGE_MS = 5 * 60_000;

export class AuditVersionCache<T> {
  private readonly entries = new WeakMap<object, Map<string, { version: string; at: number; value: T }>>();

  constructor(private readonly size: number) {}

  async get(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
    // The version is read before the figures, so a change committed in between only makes it miss.
    const version = await auditVersion(db);
    if (version === null) return compute();
    let entries = this.entries.get(db);
    if (!entries) {
      entries = new Map();
      this.entries.set(db, entries);
    }
    const hit = entries.get(key);
    entries.delete(key);
    if (hit?.version === version && Date.now() - hit.at < MAX_AGE_MS) {
      entries.set(key, hit);
      return hit.value;
    }
    const value = deepFreeze(await compute());
    entries.set(key, { version, at: Date.now(), value });
    for (const oldest of entries.keys()) {
      if (entries.size <= this.size) break;
      entries.delete(oldest);
    }
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
