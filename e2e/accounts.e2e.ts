import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appSuite, flowTargets, logIn, screenshotDir } from "./support.js";

describe.each(flowTargets("pglite"))("accounts and the audit trail in the browser (%s)", (name) => {
  const app = appSuite(name);

  it("refuses a wrong password with a message, then logs in and out", async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.baseUrl}/`);
    await page.locator('input[autocomplete="username"]').fill("kadis.metro");
    await page.locator('input[autocomplete="current-password"]').fill("salah-sekali");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByRole("alert").filter({ hasText: "Nama pengguna atau kata sandi salah." }).waitFor();
    await page.screenshot({ path: join(screenshotDir, `login-refused-${name}.png`) });
    await logIn(page, app.server.baseUrl, "kadis.metro");
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Keluar" }).click();
    await page.getByRole("button", { name: "Masuk" }).waitFor();
    expect(await page.getByTestId("user-menu").count()).toBe(0);
    await page.close();
  });

  it("lets the admin create an operator who must change the temporary password at first login", async () => {
    const admin = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await logIn(admin, app.server.baseUrl, "admin.metro");
    await admin.getByRole("link", { name: "Pengguna" }).click();
    await admin.getByRole("button", { name: "Tambah pengguna" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Nama pengguna").fill("operator.banjarsari");
    await dialog.getByLabel("Nama lengkap").fill("Dewi Lestari");
    await dialog.getByLabel("Unit organisasi").click();
    await admin.getByRole("option", { name: "Puskesmas Banjarsari" }).click();
    await dialog.getByRole("button", { name: "Buat pengguna" }).click();
    const temporary = (await admin.getByTestId("temporary-password").innerText()).trim();
    expect(temporary).toHaveLength(14);
    await admin.screenshot({ path: join(screenshotDir, `user-created-${name}.png`) });
    await admin.close();

    const operator = await app.browser.newPage();
    await operator.goto(`${app.server.baseUrl}/`);
    await operator.locator('input[autocomplete="username"]').fill("operator.banjarsari");
    await operator.locator('input[autocomplete="current-password"]').fill(temporary);
    await operator.getByRole("button", { name: "Masuk" }).click();
    await operator.getByText("Anda memakai kata sandi sementara").waitFor();
    await operator.locator('input[autocomplete="current-password"]').fill(temporary);
    await operator.getByLabel("Kata sandi baru", { exact: false }).first().fill("Banjarsari-Sehat-2024");
    await operator.getByLabel("Ulangi kata sandi baru").fill("Banjarsari-Sehat-2024");
    await operator.getByRole("button", { name: "Simpan" }).click();
    await operator.getByRole("heading", { name: "Selamat datang di capaian" }).waitFor();
    expect(await operator.getByRole("link", { name: "Rencana Aksi Kinerja" }).count()).toBe(0);
    await operator.close();
  });

  it("shows the auditor the trail of those changes and exports it as xlsx", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await logIn(page, app.server.baseUrl, "auditor.metro");
    await page.getByRole("link", { name: "Jejak Audit" }).click();
    const table = page.getByTestId("audit-table");
    await expect.poll(() => table.innerText()).toContain("Pengguna dibuat");
    expect(await table.innerText()).toContain("Kata sandi diganti");
    await page.screenshot({ path: join(screenshotDir, `audit-trail-${name}.png`), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Unduh xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^jejak-audit-.*\.xlsx$/);
    await page.close();
  });
});
