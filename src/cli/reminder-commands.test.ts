import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { packagePath } from "../lib/package-root.js";

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", packagePath("src", "cli", "capaian.ts"), ...args], {
    cwd: packagePath(),
    env: { ...process.env, SMTP_URL: "", SMTP_FROM: "" },
  });

describe("capaian reminders run", { timeout: 240_000 }, () => {
  it("sends the reminders due on the given day once; a second run sends none", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "capaian-cli-"));
    await cli("--data-dir", dataDir, "seed");
    const first = await cli("--data-dir", dataDir, "reminders", "run", "--today", "2025-04-13");
    expect(first.stdout).toMatch(/^Pengingat 2025-04-13: [1-9]\d* pemberitahuan, 0 e-mail/);
    const second = await cli("--data-dir", dataDir, "reminders", "run", "--today", "2025-04-13");
    expect(second.stdout).toMatch(/^Pengingat 2025-04-13: 0 pemberitahuan, 0 e-mail/);
    await expect(cli("--data-dir", dataDir, "reminders", "run", "--today", "13-04-2025")).rejects.toThrow(
      /--today YYYY-MM-DD/,
    );
  });
});
