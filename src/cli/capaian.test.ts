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

  it("makes the first admin of an empty installation, with its Dinas, and no default password", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "capaian-cli-"));
    const created = await cli(
      "--data-dir",
      dataDir,
      "user",
      "create",
      "--admin",
      "--username",
      "admin",
      "--full-name",
      "Admin Dinkes",
      "--org",
      "33.01",
      "--org-name",
      "Kabupaten Cilacap",
    );
    expect(created.stdout).toContain("Pengguna admin dibuat");
    expect(created.stdout).toMatch(/Kata sandi sementara \/ temporary password: \S{14}/);
    await expect(
      cli("--data-dir", dataDir, "user", "create", "--admin", "--username", "admin", "--full-name", "Lagi"),
    ).rejects.toMatchObject({ stderr: expect.stringContaining("sudah dipakai") });
  });

  it("refuses an unknown command with a non-zero exit", async () => {
    await expect(cli("terbang")).rejects.toMatchObject({ code: 1 });
  });
});
