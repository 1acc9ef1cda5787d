import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import {
  type DatabaseHandle,
  type DatabaseOptions,
  openDatabase,
  pgliteHandle,
  pgliteStartParams,
} from "../db/client.js";
import { acquireDataDirLock } from "../db/data-dir-lock.js";
import { appliedMigrations, expectedMigrations, migrate } from "../db/migrate.js";
import { AppError } from "../lib/errors.js";
import { APP_VERSION } from "../lib/version.js";
import { decodeBackup, encodeBackup, type Manifest, type PayloadKind } from "./file-format.js";
import { logicalDump, logicalRestore, publicTables } from "./logical.js";
import { pgDump, pgRestore } from "./pg-tools.js";

export interface BackupOptions {
  /** Skip pg_dump / PGlite's folder dump and write the app's own JSON-lines dump. */
  logical?: boolean;
}

/** A complete backup file of an open database (the server's own handle or the CLI's). */
export async function createBackup(handle: DatabaseHandle, options: BackupOptions = {}): Promise<Buffer> {
  const migrations = await appliedMigrations(handle.db);
  let payload: Buffer | null = null;
  let kind: PayloadKind = "logical-jsonl";
  if (!options.logical && handle.dumpDataDir) {
    payload = Buffer.from(await (await handle.dumpDataDir()).arrayBuffer());
    kind = "pglite-datadir";
  } else if (!options.logical && handle.url) {
    payload = await pgDump(handle.url);
    kind = "pg-dump-custom";
  }
  if (payload === null) {
    payload = await logicalDump(handle.db);
    kind = "logical-jsonl";
  }
  return encodeBackup(
    {
      format: "capaian-backup",
      formatVersion: 1,
      appVersion: APP_VERSION,
      migrations,
      database: handle.kind,
      payload: kind,
      createdAt: new Date().toISOString(),
    },
    payload,
  );
}

/** Writes beside the target then renames, so a crash never leaves a half file under the real name. */
export function writeFileAtomic(path: string, bytes: Buffer): void {
  const part = `${path}.part`;
  writeFileSync(part, bytes);
  renameSync(part, path);
}

const notEmpty = (where: string) =>
  new AppError(
    409,
    "RESTORE_TARGET_NOT_EMPTY",
    `${where} sudah berisi data; pemulihan akan menimpanya. Ulangi dengan --force bila memang itu maksudnya.`,
    `${where} already holds data; a restore would replace it. Repeat with --force if that is what you mean.`,
  );

const wrongTarget = (manifest: Manifest, id: string, en: string) =>
  new AppError(
    400,
    "RESTORE_WRONG_TARGET",
    `Cadangan ini (${manifest.payload}) ${id}`,
    `This backup (${manifest.payload}) ${en}`,
  );

export interface RestoreResult {
  manifest: Manifest;
  migrations: number;
}

/** Restores a backup file into an empty database or folder (or over one with force). */
export async function restoreBackup(
  bytes: Buffer,
  target: DatabaseOptions,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const { manifest, payload } = decodeBackup(bytes);
  if (manifest.payload === "pglite-datadir") {
    if (target.url || !target.dataDir)
      throw wrongTarget(
        manifest,
        "hanya bisa dipulihkan ke DATA_DIR.",
        "can only be restored into a DATA_DIR.",
      );
    return { manifest, migrations: await restorePgliteFolder(target.dataDir, payload, options.force) };
  }
  if (manifest.payload === "pg-dump-custom" && !target.url)
    throw wrongTarget(
      manifest,
      "hanya bisa dipulihkan ke PostgreSQL (DATABASE_URL).",
      "can only be restored into PostgreSQL (DATABASE_URL).",
    );
  if (manifest.payload === "logical-jsonl" && manifest.migrations !== expectedMigrations())
    throw wrongTarget(
      manifest,
      `dibuat pada tingkat migrasi ${manifest.migrations}, versi ini ${expectedMigrations()}: pulihkan dengan versi capaian ${manifest.appVersion}, lalu perbarui.`,
      `was made at migration level ${manifest.migrations}, this version is at ${expectedMigrations()}: restore with capaian ${manifest.appVersion}, then upgrade.`,
    );
  const handle = await openDatabase(target);
  try {
    if (await holdsData(handle)) {
      if (!options.force) throw notEmpty(target.url ? "Basis data tujuan" : `Folder ${target.dataDir}`);
    }
    if (manifest.payload === "pg-dump-custom" && target.url) {
      await resetSchemas(handle);
      await pgRestore(target.url, payload);
      await migrate(handle);
    } else {
      await migrate(handle);
      await logicalRestore(handle.db, payload);
    }
    return { manifest, migrations: await checkedMigrations(handle) };
  } finally {
    await handle.close();
  }
}

/** Whether any table of the public schema has a row (a freshly migrated database has none). */
async function holdsData(handle: DatabaseHandle): Promise<boolean> {
  for (const table of await publicTables(handle.db)) {
    const result = await handle.db.execute(sql.raw(`select exists (select 1 from "${table}") as e`));
    if ((result as unknown as { rows: Array<{ e: boolean }> }).rows[0]?.e) return true;
  }
  return false;
}

async function resetSchemas(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(sql`drop schema if exists drizzle cascade`);
  await handle.db.execute(sql`drop schema if exists public cascade`);
  await handle.db.execute(sql`create schema public`);
}

async function checkedMigrations(handle: DatabaseHandle): Promise<number> {
  const applied = await appliedMigrations(handle.db);
  if (applied !== expectedMigrations())
    throw new AppError(
      500,
      "RESTORE_MIGRATIONS",
      `Setelah pemulihan ${applied} dari ${expectedMigrations()} migrasi terpasang.`,
      `After the restore ${applied} of ${expectedMigrations()} migrations are applied.`,
    );
  return applied;
}

/** Unpacks PGlite's folder dump into dataDir, holding the folder's lock the whole time. */
async function restorePgliteFolder(dataDir: string, payload: Buffer, force = false): Promise<number> {
  mkdirSync(dataDir, { recursive: true });
  const release = acquireDataDirLock(dataDir);
  let handle: DatabaseHandle | null = null;
  try {
    const present = readdirSync(dataDir).filter((name) => name !== "capaian.lock");
    if (present.length && !force) throw notEmpty(`Folder ${dataDir}`);
    for (const name of present) rmSync(join(dataDir, name), { recursive: true, force: true });
    const client = new PGlite(dataDir, {
      startParams: pgliteStartParams(),
      loadDataDir: new Blob([new Uint8Array(payload)], { type: "application/x-gzip" }),
    });
    await client.waitReady;
    handle = pgliteHandle(client, release);
    await migrate(handle);
    return await checkedMigrations(handle);
  } finally {
    if (handle) await handle.close();
    else release();
  }
}
