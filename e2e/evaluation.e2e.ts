import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession, approveMonth, appSuite, flowTargets, logIn, screenshotDir } from "./support.js";

/**
 * Yosomulyo's first quarter, which the demo leaves unreported: one infant death (three more elsewhere in
 * the city) and 20 stunted of 240 measured in March, the month the quarter's stunting level is read from.
 */
const MONTHS: Record<string, Record<string, string>> = {
  "202401": {
    BALITA_DIUKUR: "200",
    BALITA_STUNTING: "20",
    KEMATIAN_BAYI: "1",
    BULIN_SASARAN: "30",
    PERSALINAN_FASKES: "29",
  },
  "202402": {
    BALITA_DIUKUR: "220",
    BALITA_STUNTING: "20",
    KEMATIAN_BAYI: "0",
    BULIN_SASARAN: "30",
    PERSALINAN_FASKES: "29",
  },
  "202403": {
    BALITA_DIUKUR: "240",
    BALITA_STUNTING: "20",
    KEMATIAN_BAYI: "0",
    BULIN_SASARAN: "30",
    PERSALINAN_FASKES: "29",
  },
};
const STUNTING = "Prevalensi stunting pada anak balita";
const INFANT_DEATHS = "Jumlah kasus kematian bayi";
const JKN = "Persentase Peserta Jaminan Kesehatan Nasional (JKN)";
const PROGRAM = "Program Pemberdayaan Masyarakat Bidang Kesehatan";

describe.each(flowTargets("postgres"))("the quarterly evaluation of Kota Metro's RAK (%s)", (name) => {
  const app = appSuite(name);
  const shot = (page: Page, what: string) =>
    page.screenshot({ path: join(screenshotDir, `evaluation-${what}-${name}.png`), fullPage: true });

  const session = (username: string) => apiSession(app.browser, app.server.baseUrl, username);

  const row = (page: Page, indicator: string) => page.locator(`tr[data-indicator="${indicator}"]`);
  const cell = (page: Page, label: string) => page.locator(`td[aria-label="${label}"]`);

  beforeAll(async () => {
    const operator = await session("operator.yosomulyo");
    const verifier = await session("program.metro");
    const admin = await session("admin.metro");
    for (const [period, values] of Object.entries(MONTHS)) {
      await approveMonth({ operator, verifier, approver: admin }, period, values);
    }
  });

  it("shows Triwulan I from approved data, keeps the analysis and the budget spent, downloads", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await logIn(page, app.server.baseUrl, "admin.metro");
    await page.goto(`${app.server.baseUrl}/evaluasi?triwulan=1`);
    await page.getByTestId("evaluation-table").waitFor();
    expect(await page.getByTestId("period-label").innerText()).toBe("TRIWULAN I 2024");

    const deaths = row(page, INFANT_DEATHS);
    expect(await deaths.getByTestId("realisasi-to-date").innerText()).toBe("4");
    expect(await deaths.getByTestId("source").innerText()).toBe("dari data");
    // Lower is better: (2 × 2 − 4) / 2 = 0%.
    expect(await deaths.getByTestId("capaian").innerText()).toMatch(/^0,00\s+Sangat Rendah$/);
    const stunting = row(page, STUNTING);
    // Shown with the decimals the server computed, as the printed report shows them.
    expect(await stunting.getByTestId("realisasi-to-date").innerText()).toBe("9,7495");
    // Lower is better: (2 × 8,5 − 9,7495) / 8,5 = 85,30%.
    expect(await stunting.getByTestId("capaian").innerText()).toMatch(/^85,30\s+Tinggi$/);
    expect(await row(page, "Angka Harapan Hidup").getByTestId("capaian-reason").innerText()).toContain(
      "tidak ada target",
    );

    // A direct realisasi, typed the Indonesian way, is computed into capaian by the app.server.
    await cell(page, `${JKN} — Realisasi TW I`).click();
    await page.keyboard.type("95,5");
    await page.keyboard.press("Enter");
    await expect.poll(() => row(page, JKN).getByTestId("realisasi-to-date").innerText()).toBe("95,5");
    await expect.poll(() => row(page, JKN).getByTestId("capaian").innerText()).toContain("97,45");

    await cell(page, `${STUNTING} — Faktor penghambat`).click();
    await page.keyboard.type("Sasaran balita di Yosomulyo belum semua ditimbang");
    await page.keyboard.press("Tab");
    await expect
      .poll(() => cell(page, `${STUNTING} — Faktor penghambat`).getByLabel("Tersimpan").count())
      .toBe(1);

    await cell(page, `${PROGRAM} — Realisasi TW I`).click();
    await page.keyboard.type("444.097.750");
    await page.keyboard.press("Enter");
    const program = page.locator(`tr[data-node="${PROGRAM}"]`);
    await expect.poll(() => program.getByTestId("serapan").innerText()).toBe("25,00");
    // The demo's programs spent Rp 66.513.824.711 in TW I besides.
    await expect.poll(() => page.getByTestId("budget-summary").innerText()).toContain("Rp 66.957.922.461");
    expect(await page.getByTestId("cell-error").count()).toBe(0);
    await shot(page, "tw1");

    await page.reload();
    await page.getByTestId("evaluation-table").waitFor();
    expect(await cell(page, `${STUNTING} — Faktor penghambat`).innerText()).toBe(
      "Sasaran balita di Yosomulyo belum semua ditimbang",
    );
    expect(await program.getByTestId("budget-to-date").innerText()).toBe("Rp 444.097.750");
    expect(await program.getByTestId("serapan").innerText()).toBe("25,00");

    for (const [button, extension] of [
      ["Unduh xlsx", ".xlsx"],
      ["Unduh pdf", ".pdf"],
    ]) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: button }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`evaluasi-rak-2024-tw1${extension}`);
    }
    await page.close();
  });

  it("lets the Kepala Dinas read the evaluation without edit cells, in English too", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(page, app.server.baseUrl, "kadis.metro");
    await page.goto(`${app.server.baseUrl}/evaluasi?triwulan=1`);
    await page.getByTestId("evaluation-table").waitFor();
    expect(await page.locator("td.rak-editable").count()).toBe(0);
    expect(await page.getByTestId("count-sangat_tinggi").innerText()).toMatch(/Sangat Tinggi: \d+/);
    // "Which ones?": a count narrows the table to its indicators.
    await page.getByTestId("count-tinggi").click();
    expect(await page.getByTestId("filtered").innerText()).toMatch(/^Menampilkan \d+ dari 43 indikator/);
    expect(await row(page, STUNTING).count()).toBe(1);
    expect(await row(page, "Angka Harapan Hidup").count()).toBe(0);
    await page.getByRole("button", { name: "Tampilkan semua" }).click();
    await shot(page, "kadis");
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { name: "Performance plan evaluation" }).waitFor();
    expect(await row(page, STUNTING).getByTestId("category").innerText()).toBe("High");
    await shot(page, "english");
    await page.close();
  });
});
