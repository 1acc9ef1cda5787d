import { describe, expect, it } from "vitest";
import {
  appSuite,
  checkBothSizes,
  choose,
  emptyInstallSuite,
  flowTargets,
  logIn,
  viewports,
} from "./support.js";

const nextYear = new Date().getFullYear() + 1;
const PASSWORD = "Kota-Contoh-2027!";

describe.each(flowTargets("pglite"))(
  "an admin of an empty install starts a plan and adopts the SPM (%s)",
  (name) => {
    const app = emptyInstallSuite(name, {
      username: "admin.contoh",
      fullName: "Admin Kota Contoh",
      password: PASSWORD,
      orgCode: "99.01",
      orgName: "Kota Contoh",
    });

    it("starts an empty RAK for next year and adds a sasaran with one indicator", async () => {
      const page = await app.browser.newPage({ viewport: viewports.desktop });
      await logIn(page, app.server.baseUrl, "admin.contoh", PASSWORD);
      await page.goto(`${app.server.baseUrl}/rencana`);
      await page.getByTestId("no-plan").waitFor();
      await choose(page, page.getByTestId("plan-year"), `${nextYear} — belum ada rencana`);
      await page.getByRole("button", { name: `Buat rencana ${nextYear}` }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: "Buat", exact: true }).waitFor();
      await checkBothSizes(page, "plan-start-dialog", name);
      await dialog.getByRole("button", { name: "Buat", exact: true }).click();
      await page.waitForURL(/\/rencana\/[0-9a-f-]{36}$/);
      await page.getByTestId("empty-plan").waitFor();
      expect(await page.getByTestId("plan-status").textContent()).toBe("Draf");
      await checkBothSizes(page, "plan-start-empty", name);

      await page.getByRole("button", { name: "Tambah sasaran" }).click();
      await page.getByRole("dialog").getByLabel("Nama").fill("Meningkatnya derajat kesehatan masyarakat");
      await page.getByRole("dialog").getByRole("button", { name: "Tambah" }).click();
      const table = page.getByTestId("rak-table");
      await expect.poll(() => table.innerText()).toContain("Meningkatnya derajat kesehatan masyarakat");

      await table
        .getByRole("button", { name: "Menu baris Meningkatnya derajat kesehatan masyarakat" })
        .click();
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
      await checkBothSizes(page, "plan-start-filled", name);
      await page.close();
    });

    it("finds the SPM catalogue without the demo and adopts it for 2027 with a target per service", async () => {
      const page = await app.browser.newPage({ viewport: viewports.desktop });
      await logIn(page, app.server.baseUrl, "admin.contoh", PASSWORD);
      await page.goto(`${app.server.baseUrl}/spm?tahun=2027`);
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
      await checkBothSizes(page, "spm-adopt-dialog", name);
      await dialog.getByRole("button", { name: "Tetapkan" }).click();
      const adopted = page.getByTestId("spm-adopted");
      await adopted.waitFor();
      expect(await adopted.innerText()).toContain("Berlaku untuk Kota Contoh tahun 2027");
      // The national catalogue comes first in the choice, beside Perwal Depok 57/2017.
      expect(await adopted.innerText()).toContain("Nomor 4 Tahun 2019");
      await checkBothSizes(page, "spm-adopted", name);
      await page.close();
    });
  },
);

describe.each(flowTargets("pglite"))("an admin of the demo copies the 2024 RAK into 2025 (%s)", (name) => {
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
    await checkBothSizes(page, "plan-copy-dialog", name);
    await dialog.getByRole("button", { name: "Buat", exact: true }).click();
    await page.waitForURL(/\/rencana\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId("plan-year").inputValue()).toBe("2025");
    const table = page.getByTestId("rak-table");
    await expect.poll(() => table.innerText()).toContain("Rp 343.221.061.270");
    expect(await table.innerText()).toContain("11 dan 2");
    expect(await page.getByTestId("plan-status").textContent()).toBe("Draf");
    expect(await page.getByRole("heading", { name: "2025", exact: true }).count()).toBe(1);
    await checkBothSizes(page, "plan-copied-2025", name);
    await page.close();
  });
});
