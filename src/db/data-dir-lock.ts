import { closeSync, existsSync, openSync, readFileSync, realpathSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { AppError } from "../lib/errors.js";

/** Who holds a data folder: enough to tell a live owner from a dead one, a reused pid or another folder. */
interface Holder {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux /proc), so a reused pid is not the owner. */
  startTicks: string | null;
  bootId: string | null;
  host: string;
  /** The folder the lock was written for; a copy of the folder (a backup) carries a lock for another. */
  dir: string;
}

const readOr = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : null);

/** Field 22 of /proc/<pid>/stat, and whether the process is a zombie (state Z); null off Linux. */
function procStat(pid: number): { startTicks: string; zombie: boolean } | null | "gone" {
  if (!existsSync("/proc/self/stat")) return null;
  const stat = readOr(`/proc/${pid}/stat`);
  if (stat === null) return "gone";
  // The command name may hold spaces and parentheses: the fields start after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { startTicks: fields[19] ?? "", zombie: fields[0] === "Z" };
}

function currentHolder(dir: string): Holder {
  const stat = procStat(process.pid);
  return {
    pid: process.pid,
    startTicks: stat && stat !== "gone" ? stat.startTicks : null,
    bootId: readOr("/proc/sys/kernel/random/boot_id")?.trim() ?? null,
    host: hostname(),
    dir,
  };
}

function parseHolder(text: string): Holder | null {
  try {
    const holder = JSON.parse(text) as Holder;
    return Number.isInteger(holder.pid) ? holder : null;
  } catch {
    // A lock from an older version held the bare pid.
    const pid = Number.parseInt(text, 10);
    return pid > 0 ? { pid, startTicks: null, bootId: null, host: hostname(), dir: "" } : null;
  }
}

/** Whether the recorded holder is still running this folder: same host, boot, process and folder. */
export function holdsFolder(holder: Holder, me: Holder): boolean {
  if (holder.host !== me.host || (holder.dir && holder.dir !== me.dir)) return false;
  if (holder.bootId && me.bootId && holder.bootId !== me.bootId) return false;
  if (holder.pid === me.pid) return false;
  const stat = procStat(holder.pid);
  if (stat === "gone") return false;
  if (stat !== null)
    return !stat.zombie && (holder.startTicks === null || stat.startTicks === holder.startTicks);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses to open a PGlite data folder that another live capaian process holds; takes over a lock left
 * by a crash (a dead or zombie owner, a reused pid, a previous boot) or copied along with the folder.
 * The lock file is created atomically, so two processes starting together cannot both win.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = join(dataDir, "capaian.lock");
  const me = currentHolder(realpathSync(dataDir));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = parseHolder(readOr(lockFile) ?? "");
    if (holder && holdsFolder(holder, me)) {
      throw new AppError(
        409,
        "DATA_DIR_IN_USE",
        `Folder data ${dataDir} sedang dipakai proses lain (pid ${holder.pid}). Hentikan proses itu atau pakai DATABASE_URL.`,
        `Data folder ${dataDir} is in use by another process (pid ${holder.pid}). Stop it or use DATABASE_URL.`,
      );
    }
    rmSync(lockFile, { force: true });
  }
  throw new AppError(
    409,
    "DATA_DIR_IN_USE",
    `Folder data ${dataDir} baru saja diambil proses lain. Coba lagi.`,
    `Data folder ${dataDir} was just taken by another process. Try again.`,
  );
}
