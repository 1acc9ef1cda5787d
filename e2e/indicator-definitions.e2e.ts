import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession, approveMonth, appSuite, flowTargets, logIn, screenshotDir } from "./support.js";

/** Yosomulyo's January and February, which the demo leaves unreported: 57 of 75 pregnant women had K4. */
const MONTHS: Record<string, Record<string, string>> = {
  "202401": { BUMIL_SASARAN: "40", BUMIL_K4: "30" },
  "202402": { BUMIL_SASARAN: "35", BUMIL_K4: "27" },
};
const JKN = "Persentase Peserta Jaminan Kesehatan Nasional (JKN)";

describe.each(flowTargets("postgres"))("an indicator computed from approved data (%s)", (name) => {
  const app = appSuite(name);
  const shot = (page: Page, what: string) =>
    page.screenshot({ path: join(screenshotDir, `indicator-definitions-${what}-${name}.png`) });

  const session = (username: string) => apiSession(app.browser, app.server.baseUrl, username);

  beforeAll(async () => {
    const operator = await session("operator.yosomulyo");
    const verifier = await session("program.metro");
    const kadis = await session("kadis.metro");
    for (const [period, values] of Object.entries(MONTHS)) {
      await approveMonth({ operator, verifier, approver: kadis }, period, values, "Sesuai register kohort");
    }
  });

  it("defines a ratio checked as typed, links a RAK indicator to it, and the evaluation computes it", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(page, app.server.baseUrl, "admin.metro");
    await page.getByRole("link", { name: "Definisi indikator" }).click();
    await page.getByRole("button", { name: "Tambah definisi" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Kode").fill("K4_BUMIL");
    await dialog.getByLabel("Nama indikator").fill("Persentase ibu hamil mendapat K4");
    await dialog.getByTestId("numerator").fill("#{BUMIL_K4} + #{K6}");
    await dialog.getByText("Posisi 15: data element #{K6} tidak dikenal").waitFor();
    expect(await dialog.getByRole("button", { name: "Simpan" }).isDisabled()).toBe(true);
    await dialog.getByTestId("numerator").fill("#{BUMIL_K4}");
    await dialog.getByTestId("denominator").fill("#{BUMIL_SASARAN} /");
    await dialog.getByText(/Ekspresi tidak sah di posisi 19/).waitFor();
    await dialog.getByTestId("denominator").fill("#{BUMIL_SASARAN}");
    // The demo's last approved month, September: 407 / 467 × 100 in the kota, 98 / 115 at Ganjar Agung.
    await expect.poll(() => dialog.getByTestId("definition-preview").innerText()).toContain("87,15");
    expect(await dialog.getByTestId("definition-preview").innerText()).toContain("Puskesmas Ganjar Agung");
    await shot(page, "editor-1366");
    await dialog.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("cell", { name: "K4_BUMIL" }).waitFor();
    await shot(page, "list-1366");

    await page.goto(`${app.server.baseUrl}/rencana`);
    await page.getByTestId("rak-table").waitFor();
    await page.getByRole("button", { name: `Menu baris ${JKN}` }).click();
    await page.getByRole("menuitem", { name: "Sumber realisasi…" }).click();
    const link = page.getByRole("dialog");
    await link.getByText("Dari data").click();
    await link.getByLabel("Definisi indikator").click();
    await page.getByRole("option", { name: /K4_BUMIL/ }).click();
    await link.getByRole("button", { name: "Simpan" }).click();
    await page.getByTestId("rak-table").locator("tr", { hasText: JKN }).getByText("dari data").waitFor();

    await page.goto(`${app.server.baseUrl}/evaluasi?triwulan=1`);
    await page.getByTestId("evaluation-table").waitFor();
    const row = page.locator(`tr[data-indicator="${JKN}"]`);
    // The demo's Q1 with Yosomulyo's (30 + 27) / (40 + 35): 1.976 / 2.251 × 100, from summed numerators
    // and denominators.
    expect(await row.getByTestId("realisasi-to-date").innerText()).toBe("87,7832");
    expect(await row.getByTestId("source").innerText()).toBe("dari data");
    await row.getByRole("button", { name: `Asal realisasi ${JKN}` }).click();
    const provenance = page.getByTestId("provenance");
    expect(await provenance.innerText()).toContain("Jumlah pembilang: 1.976");
    expect(await provenance.innerText()).toContain("Jumlah penyebut: 2.251");
    expect(await page.getByTestId("provenance-reports").innerText()).toMatch(/^32 dari 33 laporan/);
    expect(await provenance.innerText()).toContain("Puskesmas Yosomulyo — Maret 2024");
    // Let the popover finish fading in before the picture.
    await expect.poll(() => provenance.evaluate((e) => getComputedStyle(e).opacity)).toBe("1");
    await shot(page, "evaluation-1366");
    await page.close();
  });

  it("fits the definitions screen and its editor on a phone", async () => {
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, app.server.baseUrl, "admin.metro");
    await page.goto(`${app.server.baseUrl}/indikator`);
    await page.getByRole("cell", { name: "K4_BUMIL" }).waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, "list-390");
    await page.getByRole("cell", { name: "K4_BUMIL" }).click();
    await expect.poll(() => page.getByTestId("definition-preview").innerText()).toContain("87,15");
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, "editor-390");
    await page.close();
  });
});
