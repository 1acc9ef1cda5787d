import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../db/data-dir-lock.js";
import { packagePath } from "../lib/package-root.js";

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", packagePath("src", "cli", "capaian.ts"), ...args], {
    cwd: packagePath(),
  });

describe("capaian backup and restore", { timeout: 180_000 }, () => {
  it("backs a data folder up, restores it into an empty one, refuses a second restore without --force", async () => {
    const work = mkdtempSync(join(tmpdir(), "capaian-cli-backup-"));
    const [source, target, file] = [
      join(work, "data"),
      join(work, "restored"),
      join(work, "cadangan.backup"),
    ];
    await cli("--data-dir", source, "migrate");
    const made = await cli("--data-dir", source, "backup", "-o", file);
    expect(made.stdout).toContain("Cadangan pglite (pglite-datadir");
    const restored = await cli("--data-dir", target, "restore", file);
    expect(restored.stdout).toContain("dipulihkan");
    await expect(cli("--data-dir", target, "restore", file)).rejects.toMatchObject({
      stderr: expect.stringContaining("--force"),
    });
    const forced = await cli("--data-dir", target, "restore", file, "--force");
    expect(forced.stdout).toContain("dipulihkan");
  });

  it("refuses to back up a folder a running server holds, and says how to get backups anyway", async () => {
    const dir = mkdtempSync(join(tmpdir(), "capaian-cli-backup-"));
    const release = acquireDataDirLock(dir);
    try {
      await expect(cli("--data-dir", dir, "backup", "-o", join(dir, "x.backup"))).rejects.toMatchObject({
        stderr: expect.stringContaining("BACKUP_DIR"),
      });
    } finally {
      release();
    }
  });

  it("refuses a file that is not a capaian backup in Indonesian and English", async () => {
    const dir = mkdtempSync(join(tmpdir(), "capaian-cli-backup-"));
    writeFileSync(join(dir, "bukan.backup"), "hello");
    await expect(
      cli("--data-dir", join(dir, "db"), "restore", join(dir, "bukan.backup")),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/bukan berkas cadangan capaian[\s\S]*not a capaian backup/),
    });
  });
});
