import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, type DatabaseOptions, openDatabase } from "../db/client.js";
import { loadDemo } from "../demo/load-demo.js";
import { buildApp } from "../server/app.js";
import { testDatabases } from "../test-support/databases.js";
import { createBackup, restoreBackup } from "./backup.js";
import { decodeBackup } from "./file-format.js";
import { publicTables } from "./logical.js";

/** One digest per table of the public schema: row count and an order-free sum of row hashes. */
async function digest(handle: DatabaseHandle): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await publicTables(handle.db)) {
    const result = await handle.db.execute(
      sql.raw(
        `select count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) as d from "${table}" t`,
      ),
    );
    out[table] = (result as unknown as { rows: Array<{ d: string }> }).rows[0]?.d ?? "";
  }
  return out;
}

async function answersReady(target: DatabaseOptions): Promise<number> {
  const handle = await openDatabase(target);
  const auth = { secret: "s", sessions: { idleMinutes: 60, maxHours: 8 }, secureCookies: false };
  const app = await buildApp({
    database: handle,
    webRoot: "/nonexistent",
    auth: { ...auth, loginAttemptsPerMinute: 10 },
  });
  try {
    return (await app.inject({ method: "GET", url: "/api/ready" })).statusCode;
  } finally {
    await app.close();
    await handle.close();
  }
}

describe.each(testDatabases())("backup and restore drill ($name)", { timeout: 120_000 }, (database) => {
  let source: DatabaseHandle;
  let expected: Record<string, string>;
  beforeAll(async () => {
    source = await database.open();
    await loadDemo(source.db);
    expected = await digest(source);
  }, 120_000);
  afterAll(() => source.close());

  /** A fresh empty target of the same kind; PostgreSQL's is a migrated throwaway database. */
  async function emptyTarget(): Promise<{ options: DatabaseOptions; done(): Promise<void> }> {
    if (database.name === "pglite")
      return { options: { dataDir: mkdtempSync(join(tmpdir(), "capaian-restore-")) }, done: async () => {} };
    const handle = await database.open();
    return { options: { url: handle.url }, done: () => handle.close() };
  }

  it.each([
    ["the native dump", false],
    ["the logical dump (no client tools)", true],
  ])("restores the demo from %s with every table equal, and the app is ready on it", async (_, logical) => {
    const file = await createBackup(source, { logical });
    const { manifest } = decodeBackup(file);
    expect(manifest.database).toBe(database.name);
    expect(manifest.payload).toBe(
      logical ? "logical-jsonl" : database.name === "pglite" ? "pglite-datadir" : "pg-dump-custom",
    );
    const target = await emptyTarget();
    try {
      await restoreBackup(file, target.options);
      const restored = await openDatabase(target.options);
      const got = await digest(restored).finally(() => restored.close());
      expect(got).toEqual(expected);
      expect(await answersReady(target.options)).toBe(200);
      // The target now holds data: a second restore is refused unless forced.
      await expect(restoreBackup(file, target.options)).rejects.toMatchObject({
        code: "RESTORE_TARGET_NOT_EMPTY",
        messageId: expect.stringContaining("--force"),
      });
      await restoreBackup(file, target.options, { force: true });
    } finally {
      await target.done();
    }
  });

  it("refuses a truncated, an altered and a foreign file before touching the target", async () => {
    const file = await createBackup(source, { logical: true });
    const target = await emptyTarget();
    try {
      await expect(restoreBackup(file.subarray(0, file.length - 10), target.options)).rejects.toMatchObject({
        code: "BACKUP_FILE_INVALID",
        messageId: expect.stringContaining("terpotong"),
      });
      const altered = Buffer.from(file);
      altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 1, altered.length - 1);
      await expect(restoreBackup(altered, target.options)).rejects.toMatchObject({
        messageEn: expect.stringContaining("checksum"),
      });
      await expect(restoreBackup(Buffer.from("PGDMP..."), target.options)).rejects.toMatchObject({
        messageEn: expect.stringContaining("not a capaian backup"),
      });
    } finally {
      await target.done();
    }
  });
});

describe("restoring into the wrong kind of database", () => {
  it("refuses a PGlite folder dump for PostgreSQL with a clear message", async () => {
    const [pglite] = testDatabases();
    if (!pglite) throw new Error("PGlite is always tested");
    const handle = await pglite.open();
    try {
      const file = await createBackup({ ...handle, dumpDataDir: async () => new Blob(["x"]) });
      await expect(restoreBackup(file, { url: "postgres://nowhere/x" })).rejects.toMatchObject({
        code: "RESTORE_WRONG_TARGET",
        messageId: expect.stringContaining("DATA_DIR"),
      });
    } finally {
      await handle.close();
    }
  });
});
