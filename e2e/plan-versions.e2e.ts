import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../src/demo/rak-metro-2024.js";
import { rakXlsx } from "../src/reports/rak/index.js";
import { hasSoffice, sofficeConvert } from "../src/test-support/libreoffice.js";
import { appSuite, checkBothSizes, flowTargets, logIn, screenshotDir, viewports } from "./support.js";

const AHH = "Angka Harapan Hidup";
const RENAMED = "Cakupan kepesertaan JKN";

/** Both window sizes, full page, and the page never wider than the window. */
const shots = (page: Page, name: string, what: string) => checkBothSizes(page, `plan-versions-${what}`, name);

/** The demo workbook with the AHH target raised and the JKN indicator renamed. */
async function changedWorkbook() {
  const doc = structuredClone(rakMetro2024);
  const sasaran = doc.sasaran[0];
  if (!sasaran?.indicators[0] || !sasaran.indicators[1]) throw new Error("demo RAK changed");
  sasaran.indicators[0].target = "73";
  sasaran.indicators[1].name = RENAMED;
  const file = join(mkdtempSync(join(tmpdir(), "capaian-rak-")), "rak-metro-2024-perubahan.xlsx");
  writeFileSync(file, await rakXlsx(doc));
  return file;
}

describe.each(flowTargets("postgres"))("admin.metro imports a changed RAK as a new version (%s)", (name) => {
  const app = appSuite(name);

  async function preview(page: Page, file: string) {
    await page.goto(`${app.server.baseUrl}/rencana/impor`);
    await page.getByLabel("Tahun").fill("2024");
    await page.getByTestId("import-file").setInputFiles(file);
    await page.getByRole("button", { name: "Pratinjau" }).click();
    await page.getByTestId("import-version").waitFor();
  }

  it("sees the changes, confirms, and finds the analysis of the old version on the new one", async () => {
    // The analysis of Triwulan I, written on version 1 through the API as the evaluation screen does.
    const { request } = await app.browser.newContext({ baseURL: app.server.baseUrl });
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const login = await request.post("/api/auth/login", {
      headers: { "x-csrf-token": csrfToken },
      data: { username: "admin.metro", password: "demo-capaian-2024" },
    });
    const csrf = (await login.json()).csrfToken;
    const [v1] = await (await request.get("/api/plans?year=2024")).json();
    const plan = await (await request.get(`/api/plans/${v1.id}`)).json();
    const ahh = plan.nodes[0].indicators[0];
    const noted = await request.put(`/api/plans/${v1.id}/indicators/${ahh.id}/quarters/1`, {
      headers: { "x-csrf-token": csrf },
      data: { revision: null, faktorPendorong: "Kader posyandu aktif", tindakLanjut: "Perluas penyuluhan" },
    });
    expect(noted.status(), await noted.text()).toBe(200);

    const page = await app.browser.newPage({ viewport: viewports.desktop });
    await logIn(page, app.server.baseUrl, "admin.metro");
    const file = await changedWorkbook();
    await preview(page, file);
    const changes = page.getByTestId("version-changes");
    expect(await page.getByTestId("import-version").innerText()).toContain("Sudah ada rencana versi 1");
    expect(await page.getByTestId("changes-targetChanged").innerText()).toMatch(/72,18[\s\S]*73/);
    expect(await page.getByTestId("changes-indicatorRenamed").innerText()).toContain(RENAMED);
    expect(await changes.locator("tbody tr").count()).toBe(2);
    await shots(page, name, "diff");

    await page.getByTestId("import-save").click();
    await page.waitForURL(/\/rencana\/[0-9a-f-]{36}$/);
    const bar = page.getByTestId("version-bar");
    await expect.poll(() => bar.innerText()).toContain("Versi 2");
    expect((await page.getByTestId("plan-active").innerText()).toLowerCase()).toBe("versi aktif");
    const planId = page.url().split("/").at(-1);

    await page.goto(`${app.server.baseUrl}/evaluasi/${planId}?triwulan=1`);
    await page.getByTestId("evaluation-table").waitFor();
    const row = page.locator(`tr[data-indicator="${AHH}"]`);
    await expect.poll(() => row.innerText()).toContain("Kader posyandu aktif");
    expect(await row.innerText()).toContain("Perluas penyuluhan");
    // The plan picker says that the version shown is the one in force.
    const inputs = await page
      .locator("input")
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(
      inputs.some((v) => /versi 2 .*aktif$/.test(v)),
      inputs.join(" | "),
    ).toBe(true);
    await shots(page, name, "evaluation");

    // The same file again: nothing new, so nothing to save.
    await preview(page, file);
    expect(await page.getByTestId("import-unchanged").innerText()).toContain("Tidak ada perubahan");
    expect(await page.getByTestId("import-save").count()).toBe(0);
    await shots(page, name, "unchanged");
    await page.close();
  });

  it("reads the Renstra cascade: where the PK 2025 departs from the Renstra, and the realisasi series", async () => {
    const page = await app.browser.newPage({ viewport: viewports.desktop });
    await logIn(page, app.server.baseUrl, "admin.metro");
    await page.goto(`${app.server.baseUrl}/renstra`);
    await page.getByTestId("renstra-cascade").waitFor();
    const cell = (indicator: string, year: number) =>
      page.getByTestId(`renstra-row-${indicator}`).locator(`td[data-year="${year}"]`);
    const jkn = cell("Persentase Peserta Jaminan Kesehatan Nasional (JKN)", 2025);
    expect(await jkn.locator("[data-departure]").getAttribute("data-departure")).toBe("weaker");
    expect(await jkn.innerText()).toMatch(/98,5[\s\S]*PK: 98[\s\S]*98,2/);
    const idl = cell("Cakupan Imunisasi Dasar Lengkap (IDL)", 2025);
    expect(await idl.locator("[data-departure]").getAttribute("data-departure")).toBe("stronger");
    // Bounds stay as the Renstra writes them; the 2024 stunting comes from approved data.
    const stunting = page.getByTestId("renstra-row-Prevalensi stunting pada anak balita");
    expect(await stunting.innerText()).toContain("≤ 8,2");
    expect(await stunting.locator('[data-source="data"]').count()).toBe(1);
    await shots(page, name, "renstra");
    const [template] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("renstra-template").click(),
    ]);
    expect(template.suggestedFilename()).toBe("templat-renstra-2030-2034.xlsx");
    await page.close();
  });
  it("writes the LKjIP 2025 per sasaran, sees its analyses, and downloads the docx that LibreOffice opens", async () => {
    const page = await app.browser.newPage({ viewport: viewports.desktop, acceptDownloads: true });
    await logIn(page, app.server.baseUrl, "admin.metro");
    await page.goto(`${app.server.baseUrl}/lkjip`);
    await page.getByTestId("lkjip-sasaran-1").waitFor();
    expect(await page.getByTestId("lkjip-year").inputValue()).toBe("2025");
    // Sasaran 1: capaian 112,33 % against serapan 95,61 % → efisiensi 117,49 % (content.test.ts works it out).
    expect(await page.getByTestId("lkjip-efficiency-1").innerText()).toMatch(
      /112,33[\s\S]*95,61[\s\S]*117,49/,
    );
    await page.getByTestId("lkjip-penyebab-2").fill("Dua puskesmas baru terakreditasi paripurna (uji).");
    await page.getByTestId("lkjip-save-sasaran-2").click();
    await page.getByRole("status").filter({ hasText: "Tersimpan" }).waitFor();
    await shots(page, name, "lkjip");
    await page.setViewportSize(viewports.desktop);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Unduh docx" }).click();
    const dir = mkdtempSync(join(tmpdir(), "capaian-lkjip-"));
    const docx = join(dir, "lkjip-2025.docx");
    await (await download).saveAs(docx);
    await page.close();
    // The rendering is the same on both databases: page 1 is kept once.
    if (name !== "pglite" || (!hasSoffice() && !process.env.CI)) return;
    const pdf = await sofficeConvert(docx, "pdf", dir);
    // Chromium's own pdf viewer shows page 1 of LibreOffice's rendering (no rasteriser is installed).
    const viewer = await app.browser.newPage({ viewport: { width: 900, height: 1180 } });
    await viewer.goto(`file://${pdf}#page=1&toolbar=0&navpanes=0&view=FitH`);
    await viewer.waitForTimeout(2000);
    await viewer.screenshot({ path: join(screenshotDir, "lkjip-docx-page1.png") });
    await viewer.close();
  });
});
