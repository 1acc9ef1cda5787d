import { statSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSuite, checkBothSizes, choose, flowTargets, logIn, screenshotDir, viewports } from "./support.js";

const IBU_HAMIL = "Pelayanan Kesehatan Ibu Hamil";
const MASALAH = "Sebagian ibu hamil memeriksakan diri di bidan praktik mandiri yang belum melapor.";

describe.each(flowTargets("pglite"))("the SPM screens of Kota Depok (%s)", (name) => {
  const app = appSuite(name);
  // From the top: a full-page shot of a scrolled page repeats the fixed header halfway down.
  const shot = async (page: Page, what: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshotDir, `spm-${what}-${name}.png`), fullPage: true });
  };

  it("shows the 2019 dashboard: 12 services, the estimated hipertensi denominator, the ranking", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, app.server.baseUrl, "admin.depok");
    await page.getByRole("link", { name: "SPM Kesehatan" }).click();
    const title = page.getByTestId("dashboard-title");
    // The screen opens on the latest year with sasaran, 2020 (Permenkes 4/2019); 2019 is Perwal 57/2017's.
    await expect.poll(() => title.innerText(), { timeout: 30_000 }).toBe("Capaian SPM Kota Depok tahun 2020");
    await choose(page, page.getByRole("combobox", { name: "Tahun", exact: true }), "2019");
    // The year's figures are computed on request: give the first load time.
    await expect.poll(() => title.innerText(), { timeout: 30_000 }).toBe("Capaian SPM Kota Depok tahun 2019");
    const cards = page.getByTestId("spm-card");
    expect(await cards.count()).toBe(12);

    const hipertensi = page.locator('[data-testid="spm-card"][data-service="8"]');
    expect(await hipertensi.innerText()).toContain("Hipertensi");
    expect(await hipertensi.getByTestId("denominator-note").innerText()).toContain("Riskesdas");
    // A card shows either a capaian with 2 decimals or why there is none; never a bare 0.
    for (const card of await cards.all()) {
      const text = await card.innerText();
      expect(text).toMatch(/\d+,\d\d%|belum ada data|penyebut nol/);
    }
    // Each card draws its chart once ECharts has loaded.
    await expect
      .poll(() => page.locator('[data-testid="spm-card"] svg').count(), { timeout: 10_000 })
      .toBe(12);

    const ranking = page.getByTestId("ranking-table");
    await ranking.waitFor();
    expect(await ranking.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await ranking.innerText()).toContain("Puskesmas");
    expect(await page.getByTestId("children-table").innerText()).toContain("Kecamatan Beji");
    await shot(page, "dashboard");

    // A kecamatan: its own figures, and the facilities below it instead of the kecamatan.
    await page.getByRole("combobox", { name: "Wilayah" }).click();
    await page.getByRole("option", { name: "Kecamatan Beji" }).click();
    await expect
      .poll(() => title.innerText(), { timeout: 30_000 })
      .toBe("Capaian SPM Kecamatan Beji tahun 2019");
    expect(await page.getByTestId("children-table").innerText()).toContain("Puskesmas Beji");

    // The catalogue opens Lampiran II of a service on demand.
    await page.getByRole("tab", { name: "Katalog" }).click();
    const catalogue = page.getByTestId("catalogue");
    await catalogue.waitFor();
    await page
      .getByRole("button", {
        name: /Tampilkan pengertian dan rumus Pelayanan Kesehatan Penderita Hipertensi/,
      })
      .click();
    expect(await catalogue.getByTestId("formula").innerText()).toContain("× 100%");
    expect(await catalogue.innerText()).toContain("Definisi operasional");
    await shot(page, "catalogue");
    await page.close();
  });

  it("writes a Masalah into the yearly report and downloads it as xlsx and pdf", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, app.server.baseUrl, "admin.depok");
    await page.goto(`${app.server.baseUrl}/spm?tab=laporan&tahun=2019`);
    const table = page.getByTestId("report-table");
    await table.waitFor();
    expect(await page.getByTestId("report-region").innerText()).toBe("KOTA DEPOK TAHUN 2019");
    expect(await table.locator("tbody tr").count()).toBe(12);
    expect(await table.locator('tr[data-service="8"]').getByTestId("denominator-note").innerText()).toContain(
      "Riskesdas",
    );

    const masalah = page.locator(`td[aria-label="${IBU_HAMIL} — Masalah"]`);
    await masalah.click();
    await page.keyboard.type(MASALAH);
    await page.keyboard.press("Tab");
    await expect.poll(() => masalah.getByLabel("Tersimpan").count()).toBe(1);
    expect(await page.getByTestId("cell-error").count()).toBe(0);

    await page.reload();
    await table.waitFor();
    expect(await masalah.innerText()).toBe(MASALAH);
    await shot(page, "report");

    for (const [button, extension] of [
      ["Unduh xlsx", ".xlsx"],
      ["Unduh pdf", ".pdf"],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: button }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\${extension}$`));
      const path = await download.path();
      expect(statSync(path).size).toBeGreaterThan(1000);
    }

    // The browser saves a blob, so the content types are checked on the same requests made directly.
    const { request } = page.context();
    const [depok] = await (
      await request.get(`${app.server.baseUrl}/api/org-units?type=kabupaten_kota`)
    ).json();
    const query = `orgUnitId=${depok.id}&year=2019`;
    const xlsx = await request.get(`${app.server.baseUrl}/api/spm/report.xlsx?${query}`);
    expect(xlsx.headers()["content-type"]).toContain(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
    const pdf = await request.get(`${app.server.baseUrl}/api/spm/report.pdf?${query}&paper=F4`);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });

  it("shows the quarterly e-SPM report of 2020 under Permenkes 4/2019, takes the Dinas's entries, fits both sizes", async () => {
    const page = await app.browser.newPage({ viewport: viewports.desktop });
    await logIn(page, app.server.baseUrl, "admin.depok");
    await page.goto(`${app.server.baseUrl}/spm?tab=triwulan&tahun=2020&tw=2`);
    const region = page.getByTestId("quarter-region");
    await expect
      .poll(() => region.innerText(), { timeout: 30_000 })
      .toBe("KOTA DEPOK TAHUN 2020 TRIWULAN II");
    expect(await page.getByTestId("quarter-version").innerText()).toContain(
      "Peraturan Menteri Kesehatan Nomor 4 Tahun 2019",
    );
    expect(await page.getByTestId("spm-adopted").innerText()).toContain("Nomor 4 Tahun 2019");
    expect(await page.locator('[data-testid^="quarter-row-"]').count()).toBe(12);
    expect(await page.getByRole("columnheader", { name: "Harus dilayani" }).count()).toBe(1);
    expect(await page.getByTestId("quarter-index").innerText()).toMatch(/Indeks capaian SPM:\s*\d+,\d\d/);

    await page.getByTestId("quarter-row-1").getByRole("button", { name: "Isi" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Capaian mutu barang/jasa dan SDM (%)").fill("88");
    await dialog.getByLabel("Masalah").fill(MASALAH);
    await dialog.getByRole("button", { name: "Simpan" }).click();
    await dialog.waitFor({ state: "detached" });
    const row = page.getByTestId("quarter-row-1");
    await expect.poll(() => row.innerText()).toContain(MASALAH);
    expect(await row.innerText()).toContain("88,00");
    // The planner adds the parent kegiatan to the service's budget; the report's column follows.
    await page.getByTestId("budget-link-1").click();
    await page.getByTestId("budget-link-select").click();
    await page
      .getByRole("option", { name: /^Penyediaan Layanan Kesehatan untuk UKM dan UKP \(contoh\)/ })
      .click();
    await dialog.locator(".mantine-Modal-title").click();
    await page.getByTestId("budget-link-save").click();
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => row.innerText())
      .toContain("Penyediaan Layanan Kesehatan untuk UKM dan UKP (contoh)");
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkBothSizes(page, "spm-quarter", name);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Unduh xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^laporan-spm-.*2020-tw2\.xlsx$/);
    await page.close();
  });
});
