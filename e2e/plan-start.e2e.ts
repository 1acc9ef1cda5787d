import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appSuite,
  createTarget,
  type DatabaseTarget,
  launchBrowser,
  logIn,
  type RunningServer,
  root,
  screenshotDir,
  startServer,
  targetNames,
} from "./support.js";

const nextYear = new Date().getFullYear() + 1;
const PASSWORD = "Kota-Contoh-2027!";
const viewports = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };

/** Both window sizes, full page, and the page never wider than the window. */
async function shots(page: Page, file: string, name: string) {
  for (const [size, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(600);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    // When the page is too wide, name the elements reaching past the window's right edge.
    const culprits =
      overflow > 0
        ? await page.evaluate(() =>
            Array.from(document.querySelectorAll("body *"))
              .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
              .slice(0, 5)
              .map((e) => `${e.tagName}.${e.className}`)
              .join(", "),
          )
        : "";
    expect(overflow, `${file} at ${size} is wider than the window: ${culprits}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshotDir, `${file}-${size}-${name}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports.desktop);
}

/** Picks an option of a Mantine select by its label. */
async function choose(page: Page, select: ReturnType<Page["getByTestId"]>, option: string | RegExp) {
  await select.click();
  await page.getByRole("option", { name: option }).click();
}

describe.each(targetNames())("an admin of an empty install starts a plan and adopts the SPM (%s)", (name) => {
  let target: DatabaseTarget;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    target = await createTarget(name);
    // The first admin, as the README says: `npx capaian user create --admin …` before the first start.
    const cli = spawnSync(
      process.execPath,
      [
        join(root, "dist", "server", "cli", "capaian.js"),
        "user",
        "create",
        "--admin",
        "--username",
        "admin.contoh",
        "--full-name",
        "Admin Kota Contoh",
        "--org",
        "99.01",
        "--org-name",
        "Kota Contoh",
        "--password-stdin",
      ],
      { cwd: root, env: { ...process.env, ...target.env }, input: PASSWORD, encoding: "utf8" },
    );
    expect(cli.status, cli.stderr).toBe(0);
    server = await startServer({ ...target.env, DEMO: "false" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (server?.process.exitCode === null) await server.stop();
    await target?.dispose();
  });

  it("starts an empty RAK for next year and adds a sasaran with one indicator", async () => {
    const page = await browser.newPage({ viewport: viewports.desktop });
    await logIn(page, server.baseUrl, "admin.contoh", PASSWORD);
    await page.goto(`${server.baseUrl}/rencana`);
    await page.getByTestId("no-plan").waitFor();
    await choose(page, page.getByTestId("plan-year"), `${nextYear} — belum ada rencana`);
    await page.getByRole("button", { name: `Buat rencana ${nextYear}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Buat", exact: true }).waitFor();
    await shots(page, "plan-start-dialog", name);
    await dialog.getByRole("button", { name: "Buat", exact: true }).click();
    await page.waitForURL(/\/rencana\/[0-9a-f-]{36}$/);
    await page.getByTestId("empty-plan").waitFor();
    expect(await page.getByTestId("plan-status").textContent()).toBe("Draf");
    await shots(page, "plan-start-empty", name);

    await page.getByRole("button", { name: "Tambah sasaran" }).click();
    await page.getByRole("dialog").getByLabel("Nama").fill("Meningkatnya derajat kesehatan masyarakat");
    await page.getByRole("dialog").getByRole("button", { name: "Tambah" }).click();
    const table = page.getByTestId("rak-table");
    await expect.poll(() => table.innerText()).toContain("Meningkatnya derajat kesehatan masyarakat");

    await table.getByRole("button", { name: "Menu baris Meningkatnya derajat kesehatan masyarakat" }).click();
    await page.getByRole("menuitem", { name: "Tambah indikator" }).click();
    const add = page.getByRole("dialog");
    await add.getByLabel("Nama").fill("Angka Harapan Hidup");
    await add.getByLabel("Satuan").fill("angka");
    await add.getByLabel("Target").fill("72,5");
    await add.getByLabel("TW IV").fill("72,5");
    await add.getByRole("button", { name: "Tambah" }).click();
    const row = table.locator("tr", { hasText: "Angka Harapan Hidup" });
    await row.waitFor();
    expect(await row.innerText()).toContain("72,5");
    expect(await page.getByTestId("empty-plan").count()).toBe(0);
    await shots(page, "plan-start-filled", name);
    await page.close();
  });

  it("finds the SPM catalogue without the demo and adopts it for 2027 with a target per service", async () => {
    const page = await browser.newPage({ viewport: viewports.desktop });
    await logIn(page, server.baseUrl, "admin.contoh", PASSWORD);
    await page.goto(`${server.baseUrl}/spm?tahun=2027`);
    const missing = page.getByTestId("spm-not-adopted");
    await missing.waitFor();
    expect(await missing.innerText()).toContain("Kota Contoh belum menetapkan versi SPM untuk tahun 2027");
    await missing.getByRole("button", { name: "Tetapkan versi SPM" }).click();
    const dialog = page.getByRole("dialog");
    const targets = dialog.getByTestId("adopt-targets");
    await expect.poll(() => targets.locator("tbody tr").count()).toBe(12);
    const first = dialog.getByRole("textbox", { name: /Target tahun tanpa target peraturan.*Ibu hamil/i });
    expect(await first.inputValue()).toBe("100");
    await first.fill("97,5");
    await shots(page, "spm-adopt-dialog", name);
    await dialog.getByRole("button", { name: "Tetapkan" }).click();
    const adopted = page.getByTestId("spm-adopted");
    await adopted.waitFor();
    expect(await adopted.innerText()).toContain("Berlaku untuk Kota Contoh tahun 2027");
    expect(await adopted.innerText()).toContain("57 Tahun 2017");
    await shots(page, "spm-adopted", name);
    await page.close();
  });
});

describe.each(targetNames())("an admin of the demo copies the 2024 RAK into 2025 (%s)", (name) => {
  const app = appSuite(name);

  it("opens a draft 2025 RAK with the 2024 structure, targets and budgets", async () => {
    const page = await app.browser.newPage({ viewport: viewports.desktop });
    await logIn(page, app.server.baseUrl, "admin.metro");
    await page.goto(`${app.server.baseUrl}/rencana`);
    await page.getByTestId("rak-table").waitFor();
    await page.getByRole("button", { name: "Buat rencana", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await choose(page, dialog.getByLabel("Tahun", { exact: true }), "2025");
    await dialog.getByText("Salin dari tahun lain").click();
    expect(await dialog.getByLabel("Salin dari tahun", { exact: true }).inputValue()).toBe("2024");
    await shots(page, "plan-copy-dialog", name);
    await dialog.getByRole("button", { name: "Buat", exact: true }).click();
    await page.waitForURL(/\/rencana\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId("plan-year").inputValue()).toBe("2025");
    const table = page.getByTestId("rak-table");
    await expect.poll(() => table.innerText()).toContain("Rp 343.221.061.270");
    expect(await table.innerText()).toContain("11 dan 2");
    expect(await page.getByTestId("plan-status").textContent()).toBe("Draf");
    expect(await page.getByRole("heading", { name: "2025", exact: true }).count()).toBe(1);
    await shots(page, "plan-copied-2025", name);
    await page.close();
  });
});
