import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../server/errors.js";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Refuses to open a PGlite data directory that another live capaian process holds. */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = join(dataDir, "capaian.lock");
  try {
    const holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new AppError(
        409,
        "DATA_DIR_IN_USE",
        `Folder data ${dataDir} sedang dipakai proses lain (pid ${holder}). Hentikan proses itu atau pakai DATABASE_URL.`,
        `Data folder ${dataDir} is in use by another process (pid ${holder}). Stop it or use DATABASE_URL.`,
      );
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}
