import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";

export interface TestDatabase {
  name: "pglite" | "postgres";
  /** Opens a fresh, migrated, empty database that nothing else uses. */
  open(): Promise<DatabaseHandle>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A throwaway PostgreSQL database per call, dropped on close, so parallel runs never collide. */
async function openFreshPostgres(baseUrl: string): Promise<DatabaseHandle> {
  const name = `capaian_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await migrate(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function openMemoryPglite(): Promise<DatabaseHandle> {
  const handle = await openDatabase({});
  await migrate(handle);
  return handle;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (as in CI). */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  const list: TestDatabase[] = [{ name: "pglite", open: openMemoryPglite }];
  if (url) list.push({ name: "postgres", open: () => openFreshPostgres(url) });
  return list;
}
