import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { DatabaseHandle } from "../db/client.js";
import { createBackup, writeFileAtomic } from "./backup.js";

export interface BackupSchedule {
  dir: string;
  everyHours: number;
  keep: number;
}

const NAME = /^capaian-\d{8}-\d{6}-\d{3}\.backup$/;

/** 2026-12-02T00:10:05.123Z → 20261202-001005-123: names sort in time order. */
const stamp = (at: Date) =>
  at.toISOString().replace(/[-:]/g, "").replace("T", "-").replace(".", "-").slice(0, 19);

/**
 * Writes one backup from the running server's own handle (a second PGlite on the folder is what the
 * lock forbids) and deletes all but the newest `keep` scheduled backups; other files are left alone.
 */
export async function runScheduledBackup(
  handle: DatabaseHandle,
  schedule: Pick<BackupSchedule, "dir" | "keep">,
  at = new Date(),
): Promise<string> {
  mkdirSync(schedule.dir, { recursive: true });
  const path = join(schedule.dir, `capaian-${stamp(at)}.backup`);
  writeFileAtomic(path, await createBackup(handle));
  const ours = readdirSync(schedule.dir)
    .filter((name) => NAME.test(name))
    .sort();
  for (const old of ours.slice(0, Math.max(0, ours.length - schedule.keep))) rmSync(join(schedule.dir, old));
  return path;
}

/** What the backup job did so far, for /metrics (times in Unix seconds). */
export interface BackupStatus {
  running: boolean;
  successes: number;
  failures: number;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
}

export const newBackupStatus = (): BackupStatus => ({
  running: false,
  successes: 0,
  failures: 0,
  lastSuccessAt: null,
  lastFailureAt: null,
});

/** Backs up every `everyHours`; a failure is logged and the next round still runs. Returns stop. */
export function scheduleBackups(
  handle: DatabaseHandle,
  schedule: BackupSchedule,
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
  status: BackupStatus = newBackupStatus(),
): () => void {
  const timer = setInterval(async () => {
    if (status.running) return;
    status.running = true;
    try {
      const file = await runScheduledBackup(handle, schedule);
      status.successes++;
      status.lastSuccessAt = Date.now() / 1000;
      log.info({ file }, "cadangan terjadwal ditulis / scheduled backup written");
    } catch (error) {
      status.failures++;
      status.lastFailureAt = Date.now() / 1000;
      log.error({ err: error }, "cadangan terjadwal gagal / scheduled backup failed");
    } finally {
      status.running = false;
    }
  }, schedule.everyHours * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
