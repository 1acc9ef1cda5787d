import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock } from "./data-dir-lock.js";

const freshDir = () => mkdtempSync(join(tmpdir(), "capaian-lock-"));

/** A lock as a running process of ours would write it, taken from a real lock of this process. */
function lockOf(dir: string, change: Record<string, unknown>) {
  const probe = freshDir();
  const release = acquireDataDirLock(probe);
  const mine = JSON.parse(readFileSync(join(probe, "capaian.lock"), "utf8"));
  release();
  writeFileSync(join(dir, "capaian.lock"), JSON.stringify({ ...mine, dir, ...change }));
}

describe("the embedded database folder lock", () => {
  it("refuses a folder that another running process holds, with a message in Indonesian", async () => {
    const dir = freshDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    await new Promise((r) => setTimeout(r, 200));
    const stat = readFileSync(`/proc/${other.pid}/stat`, "utf8");
    const startTicks = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    lockOf(dir, { pid: other.pid, startTicks });
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(expect.objectContaining({ code: "DATA_DIR_IN_USE" }));
      try {
        acquireDataDirLock(dir);
      } catch (error) {
        expect((error as { messageId: string }).messageId).toContain("sedang dipakai proses lain");
      }
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that is gone, and releases it", () => {
    const dir = freshDir();
    lockOf(dir, { pid: 999_999_999 });
    const release = acquireDataDirLock(dir);
    expect(existsSync(join(dir, "capaian.lock"))).toBe(true);
    release();
    expect(existsSync(join(dir, "capaian.lock"))).toBe(false);
  });

  it("takes over a lock whose pid now belongs to another program (the pid was reused after a crash)", () => {
    const dir = freshDir();
    lockOf(dir, { pid: process.ppid, startTicks: "1" });
    acquireDataDirLock(dir)();
  });

  it("takes over a lock left by a process killed with -9", async () => {
    const dir = freshDir();
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    await new Promise((r) => setTimeout(r, 200));
    lockOf(dir, { pid: child.pid, startTicks: null });
    process.kill(child.pid as number, "SIGKILL");
    await new Promise((r) => setTimeout(r, 200));
    acquireDataDirLock(dir)();
  });

  it("opens a copy of a live folder: the lock it carries is for the original folder", () => {
    const original = freshDir();
    const release = acquireDataDirLock(original);
    const copy = freshDir();
    cpSync(original, copy, { recursive: true });
    expect(existsSync(join(copy, "capaian.lock"))).toBe(true);
    acquireDataDirLock(copy)();
    release();
  });

  it("reads the bare pid an older version wrote", () => {
    const dir = freshDir();
    writeFileSync(join(dir, "capaian.lock"), "999999999");
    acquireDataDirLock(dir)();
  });
});
