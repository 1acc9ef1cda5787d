import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { acquireDataDirLock } from "./data-dir-lock.js";
import { initdbTemplate } from "./initdb-template.js";
import * as schema from "./schema/index.js";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** PostgreSQL: the URL it was opened with (pg_dump needs it). */
  url?: string;
  /** PGlite: a gzipped tar of the data folder, taken between queries (for backups). */
  dumpDataDir?: () => Promise<Blob>;
  /** Connections and waiting queries (for /metrics): the pool's on PostgreSQL, the one queue on PGlite. */
  stats(): DatabaseStats;
  /** PGlite: this new folder was unpacked from the build's cluster that holds the demo. */
  startedWithDemo?: boolean;
}

export interface DatabaseStats {
  /** PostgreSQL: connections open / idle / queries waiting for one. */
  pool?: { total: number; idle: number; waiting: number };
  /** PGlite: queries and transactions queued or running on its single connection. */
  pending?: number;
}

export interface DatabaseOptions {
  /** postgres://… — when set, PostgreSQL is used and dataDir is ignored. */
  url?: string;
  /** Folder of the embedded PGlite database; omitted means in memory (tests). */
  dataDir?: string;
  /** A new PGlite folder starts from the build's cluster with the demo loaded, when the build made one. */
  newFolderWithDemo?: boolean;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir, options.newFolderWithDemo === true);
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (restart, failover) must not crash the process; the pool
  // replaces it on the next query.
  pool.on("error", (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  const stats = () => ({
    pool: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
  });
  return { db, kind: "postgres", url, stats, close: () => pool.end() };
}

async function openPglite(dataDir: string | undefined, withDemo: boolean): Promise<DatabaseHandle> {
  let releaseLock = () => {};
  if (dataDir) {
    if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
    // PGlite is single-process: a second instance on the same files would corrupt them.
    releaseLock = acquireDataDirLock(dataDir);
  }
  // A new folder starts from one of the build's clusters rather than initdb (when there is one).
  const isNew = dataDir !== undefined && !existsSync(join(dataDir, "PG_VERSION"));
  const demoTemplate = isNew && withDemo ? initdbTemplate("demo") : undefined;
  const template = demoTemplate ?? (isNew ? initdbTemplate("empty") : undefined);
  const client = new PGlite({ dataDir, startParams: pgliteStartParams(), loadDataDir: template });
  await client.waitReady;
  return { ...pgliteHandle(client, releaseLock), startedWithDemo: demoTemplate !== undefined };
}

/**
 * PGlite's settings for an office laptop. PostgreSQL's defaults are sized for a server: in WebAssembly
 * the 128 MB of shared buffers are all touched at start (and WebAssembly memory never shrinks), while
 * here the operating system's file cache already holds the data files.
 */
export function pgliteStartParams(): string[] {
  const settings = {
    shared_buffers: "16MB",
    maintenance_work_mem: "16MB",
  };
  return [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
}

/** Wraps an opened PGlite (and the release of its folder lock) as a handle. */
export function pgliteHandle(client: PGlite, releaseLock: () => void): DatabaseHandle {
  const pending = countPending(client);
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    stats: () => ({ pending: pending.count }),
    // After a checkpoint (little WAL to replay) and between transactions, so the copy holds no
    // half-done transaction: a plain query waits for the transaction lock too, so it cannot run inside.
    dumpDataDir: async () => {
      await client.exec("checkpoint");
      return client._runExclusiveTransaction(() => client.dumpDataDir("gzip"));
    },
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite runs one query at a time and queues the rest without telling how many: count the calls Drizzle
 * makes (a transaction counts once; the queries inside it go to its own handle).
 */
function countPending(client: PGlite): { count: number } {
  const pending = { count: 0 };
  const counted =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      pending.count++;
      try {
        return await fn(...args);
      } finally {
        pending.count--;
      }
    };
  client.query = counted(client.query.bind(client)) as typeof client.query;
  client.transaction = counted(client.transaction.bind(client)) as typeof client.transaction;
  return pending;
}
/** The handle a write runs on: the one transaction a command opens (use only it inside). */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** What a read needs: the global handle or a transaction. */
export type Reader = Pick<Database, "select" | "selectDistinct">;
