import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appSuite, flowTargets, logIn, screenshotDir } from "./support.js";

describe.each(flowTargets("pglite"))("a planner opens the RAK of Kota Metro (%s)", (name) => {
  const app = appSuite(name);

  it("sees the RAK table with Indonesian numbers and Rupiah", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await logIn(page, app.server.baseUrl, "admin.metro");
    await page.getByRole("link", { name: "Rencana Aksi Kinerja" }).click();
    const table = page.getByTestId("rak-table");
    await table.waitFor();
    await expect.poll(() => table.innerText()).toContain("Rp 343.221.061.270");
    const text = await table.innerText();
    expect(text).toContain("Angka Harapan Hidup");
    expect(text).toContain("72,18");
    expect(text).toContain("0,013");
    expect(text).toContain("11 dan 2");
    expect(text).toContain("Rp 288.199.777.013");
    expect(await page.getByTestId("gap-badge").allInnerTexts()).toEqual([
      "+0,02",
      "-0,03",
      "-0,01",
      "-0,001",
    ]);
    expect(await page.getByTestId("signatory").innerText()).toContain("NIP. 19720310 199703 1 006");
    await page.screenshot({ path: join(screenshotDir, `rak-metro-2024-${name}.png`), fullPage: true });
    await page.close();
  });

  it("switches the interface to English and back", async () => {
    const page = await app.browser.newPage();
    await logIn(page, app.server.baseUrl, "admin.depok");
    await page.goto(`${app.server.baseUrl}/unit-organisasi`);
    await page.getByRole("heading", { name: "Unit Organisasi" }).waitFor();
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { name: "Org units" }).waitFor();
    expect(await page.getByText("Dinas Kesehatan Kota Depok").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotDir, `org-units-en-${name}.png`), fullPage: true });
    await page.getByText("ID", { exact: true }).click();
    await page.getByRole("heading", { name: "Unit Organisasi" }).waitFor();
    await page.close();
  });

  it("shows the 12 SPM services of Kota Depok with their 2017–2021 targets", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await logIn(page, app.server.baseUrl, "admin.depok");
    // The catalogue shows the version of the year shown: 2017–2021 but 2020 (Permenkes 4/2019) are Perwal 57/2017.
    await page.goto(`${app.server.baseUrl}/spm?tab=katalog&tahun=2019`);
    await page.getByText("Peraturan Wali Kota Depok Nomor 57 Tahun 2017").waitFor();
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(12);
    expect(await rows.nth(7).innerText()).toContain("Hipertensi");
    await page.screenshot({ path: join(screenshotDir, `spm-depok-${name}.png`), fullPage: true });
    await page.close();
  });

  it("stops cleanly on SIGTERM and starts again on the same data without loading the demo twice", async () => {
    expect(await app.restart()).toBe(0);
    const demo = (await (await fetch(`${app.server.baseUrl}/api/auth/demo-accounts`)).json()) as {
      accounts: unknown[];
    };
    expect(demo.accounts).toHaveLength(7);
    const page = await app.browser.newPage();
    await logIn(page, app.server.baseUrl, "kadis.metro");
    await page.goto(`${app.server.baseUrl}/rencana`);
    await page.getByTestId("rak-table").waitFor();
    await page.close();
  });
});
