import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../src/demo/rak-metro-2024.js";
import { rakXlsx } from "../src/reports/rak/index.js";
import { appSuite, flowTargets, logIn, screenshotDir } from "./support.js";

const STUNTING = "Prevalensi stunting pada anak balita";
const stuntingQ1 = (page: Page) => page.locator(`td[aria-label="${STUNTING} — target TW I"]`);
const stuntingBadge = (page: Page) =>
  page.getByTestId("rak-table").locator("tr", { hasText: STUNTING }).getByTestId("gap-badge");

async function openRak(page: Page, baseUrl: string, username: string) {
  await logIn(page, baseUrl, username);
  await page.goto(`${baseUrl}/rencana`);
  await page.getByTestId("rak-table").waitFor();
}

/** Types into a cell the way a planner would: click, type, Enter. */
async function editCell(cell: ReturnType<typeof stuntingQ1>, value: string) {
  await cell.click();
  await cell.locator("input").fill(value);
  await cell.locator("input").press("Enter");
}

describe.each(flowTargets("pglite"))("a planner edits, signs and revises the RAK (%s)", (name) => {
  const app = appSuite(name);
  const shot = (page: Page, file: string) =>
    page.screenshot({ path: join(screenshotDir, `${file}-${name}.png`), fullPage: true });

  it("edits a quarter in place, exports it, meets a conflict, signs and makes a revision", async () => {
    const viewport = { width: 1600, height: 1000 };
    const admin = await (await app.browser.newContext({ viewport, acceptDownloads: true })).newPage();
    // A second window of the same planner, opened before the edit: it still holds the old revision.
    const stale = await (await app.browser.newContext({ viewport })).newPage();
    await openRak(admin, app.server.baseUrl, "admin.metro");
    await openRak(stale, app.server.baseUrl, "admin.metro");
    expect(await stuntingBadge(admin).innerText()).toBe("+0,02");

    await editCell(stuntingQ1(admin), "2,1");
    // 2,1 + 3 × 2,13 = 8,49 against a year target of 8,5.
    await expect.poll(() => stuntingBadge(admin).innerText()).toBe("-0,01");
    await expect.poll(() => stuntingQ1(admin).innerText()).toContain("2,1");
    await admin.getByText("Lihat daftar").click();
    await shot(admin, "plan-edited");

    const [download] = await Promise.all([
      admin.waitForEvent("download"),
      admin.getByRole("button", { name: "Unduh xlsx" }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      rows.push((row.values as unknown[]).map((v) => String(v ?? "")));
    });
    const exported = rows.find((r) => r.includes(STUNTING));
    expect(exported).toBeDefined();
    expect(exported).toContain("2,1");
    expect(exported).toContain("8,5");

    await editCell(stuntingQ1(stale), "2,2");
    const conflict = stale.getByTestId("cell-error");
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain("Sudah diubah orang lain");
    expect(await conflict.innerText()).toContain("Nilai sekarang: 2,1");
    await shot(stale, "plan-conflict");

    const kadis = await (await app.browser.newContext({ viewport })).newPage();
    await openRak(kadis, app.server.baseUrl, "kadis.metro");
    expect(await kadis.locator("td[data-cell]").count()).toBe(0);
    await kadis.getByRole("button", { name: "Tandatangani" }).click();
    const dialog = kadis.getByRole("dialog");
    await dialog.getByLabel("Tempat").fill("Metro");
    await dialog.getByLabel("Tanggal").fill("2024-01-15");
    await shot(kadis, "plan-sign-modal");
    await dialog.getByRole("button", { name: "Tandatangani" }).click();
    await expect.poll(() => kadis.getByTestId("plan-status").textContent()).toBe("Ditandatangani");
    expect(await kadis.getByTestId("version-bar").innerText()).toContain("Metro, 15 Januari 2024");

    await admin.reload();
    await admin.getByTestId("rak-table").waitFor();
    expect(await admin.getByTestId("plan-status").textContent()).toBe("Ditandatangani");
    expect(await admin.locator("td[data-cell]").count()).toBe(0);
    await shot(admin, "plan-signed");

    await admin.getByRole("button", { name: "Buat perubahan" }).click();
    await expect.poll(() => admin.getByTestId("version-bar").innerText()).toContain("Versi 2");
    expect(await admin.getByTestId("plan-status").textContent()).toBe("Draf");
    // 2,12 + 3 × 2,13 = 8,51.
    await editCell(stuntingQ1(admin), "2,12");
    await expect.poll(() => stuntingBadge(admin).innerText()).toBe("+0,01");
    await admin.getByRole("combobox", { name: "Dokumen" }).click();
    await admin.getByRole("option", { name: /versi 1 \(ditandatangani\)/ }).waitFor();
    await shot(admin, "plan-revision");
    await admin.keyboard.press("Escape");
    for (const page of [admin, stale, kadis]) await page.context().close();
  });

  it("edits a budget, adds an indicator and deletes it again", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openRak(page, app.server.baseUrl, "admin.metro");
    const program = "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan";
    const findings = page.getByTestId("budget-finding");
    const before = await findings.count();
    const budget = page.locator(`td[aria-label="Anggaran — ${program}"]`);
    await budget.click();
    await budget.locator("input").fill("Rp 62.100.000");
    await budget.locator("input").press("Enter");
    await expect.poll(() => budget.innerText()).toContain("Rp 62.100.000");
    await expect.poll(() => findings.count()).toBe(before - 1);

    const name = page.locator(`td[aria-label="program — ${program}"]`);
    await name.getByRole("button", { name: `Menu baris ${program}` }).click();
    await page.getByRole("menuitem", { name: "Tambah indikator" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Nama").fill("Persentase tenaga kesehatan terlatih");
    await dialog.getByLabel("Satuan").fill("%");
    await dialog.getByLabel("Target").fill("80");
    await dialog.getByLabel("TW IV").fill("80");
    await shot(page, "plan-add-indicator");
    await dialog.getByRole("button", { name: "Tambah" }).click();
    const added = page
      .getByTestId("rak-table")
      .locator("tr", { hasText: "Persentase tenaga kesehatan terlatih" });
    await added.waitFor();
    expect(await added.innerText()).toContain("80");

    await added.getByRole("button", { name: /Menu baris Persentase tenaga/ }).click();
    await page.getByRole("menuitem", { name: "Hapus indikator" }).click();
    await page.getByRole("dialog").getByLabel("Alasan perubahan (opsional)").fill("salah ketik");
    await page.getByRole("dialog").getByRole("button", { name: "Hapus" }).click();
    await expect.poll(() => added.count()).toBe(0);
    await page.close();
  });

  it("imports a RAK from Excel: preview with its warnings, then a new version", async () => {
    const dir = mkdtempSync(join(tmpdir(), "capaian-import-"));
    const file = join(dir, "rak-metro-2024.xlsx");
    writeFileSync(file, await rakXlsx(rakMetro2024));
    const page = await app.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openRak(page, app.server.baseUrl, "admin.metro");
    await page.getByRole("link", { name: "Impor dari Excel" }).click();
    await page.getByRole("heading", { name: "Impor RAK dari Excel" }).waitFor();
    await page.getByLabel("Tahun").fill("2024");
    await page.getByTestId("import-file").setInputFiles(file);
    await page.getByRole("button", { name: "Pratinjau" }).click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("count-indicators").innerText()).toBe("43");
    expect(await page.getByTestId("budget-total").innerText()).toBe("Rp 343.221.061.270");
    const warnings = await page.getByTestId("import-warnings").innerText();
    expect(warnings).toMatch(/stunting/i);
    expect(warnings).toMatch(/anggaran/i);
    expect(await page.getByTestId("gap-badge").first().innerText()).toBe("+0,02");
    await shot(page, "plan-import-preview");

    await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
    await page.waitForURL(/\/rencana\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId("version-bar").innerText()).toMatch(/Versi \d/);
    expect(await page.getByTestId("plan-status").textContent()).toBe("Draf");
    expect(await page.getByTestId("rak-table").innerText()).toContain("Rp 343.221.061.270");
    await shot(page, "plan-imported");
    await page.close();
  });
});
