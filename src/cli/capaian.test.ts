import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { rakMetro2024 } from "../demo/rak-metro-2024.js";
import { packagePath } from "../lib/package-root.js";
import { rakXlsx } from "../reports/rak/index.js";

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", packagePath("src", "cli", "capaian.ts"), ...args], {
    cwd: packagePath(),
  });

// Each test starts the CLI as a process (tsx compiles it, PGlite creates a database): slower than the
// default limit on a busy machine.
describe("capaian CLI", { timeout: 120_000 }, () => {
  // One folder migrated and seeded through the CLI; the tests that need the demo work on copies of it.
  let seeded: string;
  let migrated: { stdout: string };
  let firstSeed: { stdout: string };
  beforeAll(async () => {
    seeded = mkdtempSync(join(tmpdir(), "capaian-cli-"));
    migrated = await cli("--data-dir", seeded, "migrate");
    firstSeed = await cli("--data-dir", seeded, "seed");
  }, 180_000);
  const seededCopy = () => {
    const dataDir = mkdtempSync(join(tmpdir(), "capaian-cli-"));
    cpSync(seeded, dataDir, { recursive: true });
    return dataDir;
  };

  it("migrates, seeds once, and says so in Indonesian and English", async () => {
    expect(migrated.stdout).toContain("Migrasi selesai");
    expect(firstSeed.stdout).toContain("Data demo dimuat");
    const second = await cli("--data-dir", seededCopy(), "seed");
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

  it("imports the seed RAK dry-run as JSON, then for real, and exports it as pdf", async () => {
    const dataDir = seededCopy();
    const file = join(dataDir, "rak-metro-2024.xlsx");
    // The seed holds this RAK as version 1: a changed target makes the import a new version.
    writeFileSync(file, await rakXlsx(changedTarget()));
    const org = "Dinas Kesehatan Kota Metro";
    const dry = await cli(
      "--data-dir",
      dataDir,
      "import",
      "rak",
      file,
      "--org",
      org,
      "--year",
      "2024",
      "--dry-run",
      "--json",
    );
    const summary = JSON.parse(dry.stdout);
    expect(summary).toMatchObject({
      sasaran: 1,
      program: 5,
      kegiatan: 20,
      indicators: 43,
      budgetTotal: 343221061270,
    });
    expect(summary.warnings.map((w: { code: string }) => w.code)).toContain("QUARTERS_NOT_RECONCILED");
    expect(summary.warnings[0]).toEqual({
      code: expect.any(String),
      message: expect.any(String),
      row: expect.any(Number),
    });
    const saved = await cli("--data-dir", dataDir, "import", "rak", file, "--org", "18.72", "--year", "2024");
    expect(saved.stdout).toContain("Disimpan sebagai versi 2");
    const pdf = join(dataDir, "rak.pdf");
    const exported = await cli(
      "--data-dir",
      dataDir,
      "export",
      "rak",
      "--org",
      org,
      "--year",
      "2024",
      "--format",
      "pdf",
      "-o",
      pdf,
    );
    expect(exported.stdout).toContain("RAK versi 2");
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("writes the annual SPM report of Kota Depok and the LKjIP 2025 of Kota Metro as json", async () => {
    const dataDir = seededCopy();
    const output = join(dataDir, "spm.json");
    const res = await cli(
      "--data-dir",
      dataDir,
      "report",
      "spm",
      "--org",
      "32.76",
      "--year",
      "2019",
      "--format",
      "json",
      "-o",
      output,
    );
    expect(res.stdout).toContain("Laporan SPM 2019: 12 dari 12 jenis pelayanan terhitung");
    const report = JSON.parse(readFileSync(output, "utf8"));
    expect(report.services[7].denominatorNote).toBe("1.680.000 × 25,8% (Riskesdas, 2013) = 433.440");
    await expect(
      cli("--data-dir", dataDir, "report", "spm", "--org", "32.76", "--year", "2030", "-o", output),
    ).rejects.toMatchObject({ stderr: expect.stringContaining("belum menetapkan versi SPM") });
    const lkjip = join(dataDir, "lkjip.json");
    const written = await cli(
      "--data-dir",
      dataDir,
      "report",
      "lkjip",
      "--org",
      "18.72",
      "--year",
      "2025",
      "--format",
      "json",
      "-o",
      lkjip,
    );
    expect(written.stdout).toContain("LKjIP 2025: 2 sasaran strategis, 6 IKU");
    expect(JSON.parse(readFileSync(lkjip, "utf8")).budget.serapan).toBe("95.61");
  });

  it("refuses an unknown command with a non-zero exit", async () => {
    await expect(cli("terbang")).rejects.toMatchObject({ code: 1 });
  });
});

/** The demo RAK with one target changed, so that importing it makes a new version. */
function changedTarget() {
  const doc = structuredClone(rakMetro2024);
  const ahh = doc.sasaran[0]?.indicators[0];
  if (ahh) ahh.target = "73";
  return doc;
}
