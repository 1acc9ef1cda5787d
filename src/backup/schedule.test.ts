import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import { readConfig } from "../server/config.js";
import { testDatabases } from "../test-support/databases.js";
import { decodeBackup } from "./file-format.js";
import { runScheduledBackup, scheduleBackups } from "./schedule.js";

describe("scheduled backups of the embedded database", { timeout: 60_000 }, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    const [pglite] = testDatabases();
    if (!pglite) throw new Error("PGlite is always tested");
    handle = await pglite.open();
  }, 60_000);
  afterAll(() => handle.close());

  it("keeps only the newest K backups and leaves other files in the folder alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "capaian-backups-"));
    writeFileSync(join(dir, "catatan.txt"), "jangan dihapus");
    for (const hour of [1, 2, 3])
      await runScheduledBackup(handle, { dir, keep: 2 }, new Date(Date.UTC(2026, 11, 2, hour)));
    expect(readdirSync(dir).sort()).toEqual([
      "capaian-20261202-020000-000.backup",
      "capaian-20261202-030000-000.backup",
      "catatan.txt",
    ]);
    const { manifest } = decodeBackup(readFileSync(join(dir, "capaian-20261202-030000-000.backup")));
    expect(manifest).toMatchObject({ database: "pglite", payload: "pglite-datadir" });
  });

  it("writes a backup every interval from the server's own handle", async () => {
    const dir = mkdtempSync(join(tmpdir(), "capaian-backups-"));
    const errors: object[] = [];
    const log = { info: () => {}, error: (o: object) => errors.push(o) };
    const stop = scheduleBackups(handle, { dir, everyHours: 0.3 / 3600, keep: 1 }, log);
    try {
      await expect
        .poll(() => readdirSync(dir).filter((f) => f.endsWith(".backup")).length, { timeout: 20_000 })
        .toBe(1);
    } finally {
      stop();
    }
    expect(errors).toEqual([]);
  });

  it("reads BACKUP_DIR, BACKUP_EVERY_HOURS and BACKUP_KEEP, and is off without BACKUP_DIR", () => {
    expect(readConfig({}).backup).toBeUndefined();
    expect(readConfig({ BACKUP_DIR: "/srv/cadangan" }).backup).toEqual({
      dir: "/srv/cadangan",
      everyHours: 24,
      keep: 7,
    });
    expect(readConfig({ BACKUP_DIR: "/b", BACKUP_EVERY_HOURS: "6", BACKUP_KEEP: "28" }).backup).toMatchObject(
      {
        everyHours: 6,
        keep: 28,
      },
    );
    expect(() => readConfig({ BACKUP_DIR: "/b", BACKUP_KEEP: "0" })).toThrow("BACKUP_KEEP");
  });
});
