import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase, pgliteHandle, pgliteStartParams } from "../db/client.js";
import { initdbTemplate, templateKey } from "../db/initdb-template.js";
import { migrate } from "../db/migrate.js";

export interface TestDatabase {
  name: "pglite" | "postgres";
  /** Opens a fresh, migrated, empty database that nothing else uses. */
  open(): Promise<DatabaseHandle>;
  /**
   * Opens a fresh copy of a database `prepare` filled once per test run (named by `key`, letters, digits
   * and `_`): the demo is loaded once per kind of database, not once per test file.
   */
  openPrepared(key: string, prepare: (handle: DatabaseHandle) => Promise<void>): Promise<DatabaseHandle>;
}

type Prepare = (handle: DatabaseHandle) => Promise<void>;

/** This run's scratch place (src/test-support/global-setup.ts); absent under another config. */
const testRun = () => inject("testRun") as { dir: string; id: string } | undefined;

async function adminQuery(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

const databaseUrl = (baseUrl: string, name: string) => {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * A migrated, empty PostgreSQL database to copy (CREATE DATABASE … TEMPLATE), made once per set of
 * migrations under a scratch name and renamed when complete, so no worker copies half of one.
 */
let pgTemplate: Promise<string> | undefined;
function postgresTemplate(baseUrl: string): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `capaian_template_${templateKey().replace(/[^a-z0-9]/gi, "_")}`;
    const found = await adminQuery(baseUrl, `select 1 from pg_database where datname = '${name}'`);
    if (found.length) return name;
    const scratch = `${name}_${randomBytes(4).toString("hex")}`;
    await adminQuery(baseUrl, `create database ${scratch}`);
    const handle = await openDatabase({ url: databaseUrl(baseUrl, scratch) });
    await migrate(handle);
    await handle.close();
    try {
      await adminQuery(baseUrl, `alter database ${scratch} rename to ${name}`);
    } catch {
      // Another worker finished first: theirs is the same.
      await adminQuery(baseUrl, `drop database if exists ${scratch} with (force)`);
    }
    return name;
  })();
  return pgTemplate;
}

/**
 * A PostgreSQL database `prepare` filled, made once per run and key from the migrated template, under a
 * scratch name renamed when complete; global-setup drops it when the run ends.
 */
const preparedPostgres = new Map<string, Promise<string>>();
function postgresPrepared(baseUrl: string, key: string, prepare: Prepare): Promise<string> {
  const run = testRun();
  if (!run) throw new Error("no test run: the vitest config must have src/test-support/global-setup.ts");
  const name = `capaian_prepared_${run.id}_${key}`;
  let made = preparedPostgres.get(name);
  if (!made) {
    made = (async () => {
      const found = await adminQuery(baseUrl, `select 1 from pg_database where datname = '${name}'`);
      if (found.length) return name;
      const scratch = `${name}_${randomBytes(4).toString("hex")}`;
      await adminQuery(baseUrl, `create database ${scratch} template ${await postgresTemplate(baseUrl)}`);
      const handle = await openDatabase({ url: databaseUrl(baseUrl, scratch) });
      await prepare(handle).finally(() => handle.close());
      try {
        await adminQuery(baseUrl, `alter database ${scratch} rename to ${name}`);
      } catch {
        // Another worker finished first: theirs is the same.
        await adminQuery(baseUrl, `drop database if exists ${scratch} with (force)`);
      }
      return name;
    })();
    preparedPostgres.set(name, made);
  }
  return made;
}

/** A throwaway PostgreSQL database per call, dropped on close, so parallel runs never collide. */
async function openFreshPostgres(baseUrl: string, template?: Promise<string>): Promise<DatabaseHandle> {
  const name = `capaian_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(
    baseUrl,
    `create database ${name} template ${await (template ?? postgresTemplate(baseUrl))}`,
  );
  const handle = await openDatabase({ url: databaseUrl(baseUrl, name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * A migrated, empty PGlite data folder as a tar, made once per set of migrations and shared by every
 * test worker through a file: starting PGlite from it is ~10× faster than initdb and the migrations.
 */
let template: Promise<Blob> | undefined;
function migratedTemplate(): Promise<Blob> {
  template ??= (async () => {
    // The build's template when there is one (src/db/initdb-template.ts), else one made here.
    const built = initdbTemplate();
    if (built) return built;
    const file = join(tmpdir(), `capaian-pglite-template-${templateKey()}.tar`);
    if (!existsSync(file)) {
      const handle = await openDatabase({});
      await migrate(handle);
      const client = (handle.db as unknown as { $client: PGlite }).$client;
      const dump = await client.dumpDataDir("none");
      await handle.close();
      // Written aside and renamed, so a worker never reads half a file another one is writing.
      const part = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      writeFileSync(part, Buffer.from(await dump.arrayBuffer()));
      renameSync(part, file);
    }
    return new Blob([readFileSync(file)]);
  })();
  return template;
}

/** With the app's settings: PostgreSQL's 128 MB of shared buffers would be touched at every start. */
async function openMemoryPglite(loadDataDir?: Blob): Promise<DatabaseHandle> {
  const client = await PGlite.create({
    loadDataDir: loadDataDir ?? (await migratedTemplate()),
    startParams: pgliteStartParams(),
  });
  return pgliteHandle(client, () => {});
}

/** A PGlite data folder `prepare` filled, as a tar in this run's scratch place, made once per key. */
async function openPreparedPglite(key: string, prepare: Prepare): Promise<DatabaseHandle> {
  const run = testRun();
  if (!run) throw new Error("no test run: the vitest config must have src/test-support/global-setup.ts");
  const file = join(run.dir, `pglite-${key}.tar`);
  if (!existsSync(file)) {
    const handle = await openMemoryPglite();
    await prepare(handle);
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    await client.exec("checkpoint");
    const dump = await client.dumpDataDir("none");
    await handle.close();
    const part = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(part, Buffer.from(await dump.arrayBuffer()));
    renameSync(part, file);
  }
  return openMemoryPglite(new Blob([readFileSync(file)]));
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (as in CI). */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  const list: TestDatabase[] = [
    { name: "pglite", open: () => openMemoryPglite(), openPrepared: openPreparedPglite },
  ];
  if (url) {
    list.push({
      name: "postgres",
      open: () => openFreshPostgres(url),
      openPrepared: (key, prepare) => openFreshPostgres(url, postgresPrepared(url, key, prepare)),
    });
  }
  return list;
}
