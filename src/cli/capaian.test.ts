import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { packagePath } from "../server/package-root.js";

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", packagePath("src", "cli", "capaian.ts"), ...args], {
    cwd: packagePath(),
  });

describe("capaian CLI", () => {
  it("migrates, seeds once, and says so in Indonesian and English", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "capaian-cli-"));
    const migrated = await cli("--data-dir", dataDir, "migrate");
    expect(migrated.stdout).toContain("Migrasi selesai");
    const first = await cli("--data-dir", dataDir, "seed");
    expect(first.stdout).toContain("Data demo dimuat");
    const second = await cli("--data-dir", dataDir, "seed");
    expect(second.stdout).toContain("sudah ada");
  });

  it("refuses an unknown command with a non-zero exit", async () => {
    await expect(cli("terbang")).rejects.toMatchObject({ code: 1 });
  });
});
