import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock } from "./data-dir-lock.js";

const freshDir = () => mkdtempSync(join(tmpdir(), "capaian-lock-"));

describe("the embedded database folder lock", () => {
  it("refuses a folder that another running process holds, with a message in Indonesian", () => {
    const dir = freshDir();
    writeFileSync(join(dir, "capaian.lock"), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(expect.objectContaining({ code: "DATA_DIR_IN_USE" }));
    try {
      acquireDataDirLock(dir);
    } catch (error) {
      expect((error as { messageId: string }).messageId).toContain("sedang dipakai proses lain");
    }
  });

  it("takes over a lock left by a process that is gone, and releases it", () => {
    const dir = freshDir();
    writeFileSync(join(dir, "capaian.lock"), "999999999");
    const release = acquireDataDirLock(dir);
    expect(existsSync(join(dir, "capaian.lock"))).toBe(true);
    release();
    expect(existsSync(join(dir, "capaian.lock"))).toBe(false);
  });
});
