import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  appSuite,
  checkBothSizes,
  chooseInDialog,
  flowTargets,
  logIn,
  screenshotDir,
  viewports,
} from "./support.js";

const node = (page: Page, code: string) => page.getByTestId("org-tree").locator(`[data-code="${code}"]`);
const select = (page: Page, code: string) => node(page, code).locator(".org-tree-label").click();
const expand = (page: Page, code: string) =>
  node(page, code).locator('button[aria-expanded="false"]').click();
const treeCodes = async (page: Page) =>
  page
    .getByTestId("org-tree")
    .locator("[data-code]")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));

/** The app refetches the tree after each change; give it more than expect.poll's default second. */
const wait = { timeout: 10_000 };

async function unitFile(path: string) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Unit");
  sheet.addRow(["Kode", "Nama", "Jenis", "Kepemilikan", "Induk", "BLUD", "Kode Kemenkes"]);
  sheet.addRow(["18.72.06.P1.K1", "Kelurahan Kidul", "Kelurahan", null, "18.72.06.P1", null, null]);
  sheet.addRow(["18.72.06.P1.S1", "Klinik Pratama Kidul", "Klinik", "Swasta", "18.72.06.P1", "Tidak", null]);
  await book.xlsx.writeFile(path);
}

describe.each(flowTargets("postgres"))("a Dinas maintains its org unit tree (%s)", (name) => {
  const app = appSuite(name);
  const dir = mkdtempSync(join(tmpdir(), "capaian-org-units-"));
  const shot = async (page: Page, what: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshotDir, `org-units-${what}-${name}.png`), fullPage: true });
  };

  it("adds a kecamatan and a puskesmas by form, imports two units, moves one and closes one", async () => {
    const page = await app.browser.newPage({ viewport: viewports.desktop });
    await logIn(page, app.server.baseUrl, "admin.metro");
    await page.getByRole("link", { name: "Unit Organisasi" }).click();
    await node(page, "18.72").waitFor();

    await select(page, "18.72");
    await page.getByTestId("action-add-child").click();
    await chooseInDialog(page, "Jenis", "Kecamatan");
    await page.getByTestId("unit-code").fill("18.72.06");
    await page.getByTestId("unit-name").fill("Kecamatan Metro Kidul");
    await page.getByRole("dialog").getByRole("button", { name: "Simpan" }).click();
    await node(page, "18.72.06").waitFor();
    await expect
      .poll(() => page.getByTestId("unit-details").locator("h4").innerText(), wait)
      .toBe("Kecamatan Metro Kidul");

    await page.getByTestId("action-add-child").click();
    await chooseInDialog(page, "Jenis", "Puskesmas");
    await page.getByTestId("unit-code").fill("18.72.06.P1");
    await page.getByTestId("unit-name").fill("Puskesmas Metro Kidul");
    await page.screenshot({ path: join(screenshotDir, `org-units-form-1366-${name}.png`) });
    await page.getByRole("dialog").getByRole("button", { name: "Simpan" }).click();
    await node(page, "18.72.06.P1").waitFor();

    const file = join(dir, "unit-baru.xlsx");
    await unitFile(file);
    await page.getByTestId("open-import").click();
    await page.getByTestId("org-import-file").setInputFiles(file);
    await page.getByTestId("org-import-preview").click();
    const result = page.getByTestId("org-import-result");
    await result.waitFor();
    expect(await result.locator('tr[data-status="new"]').count()).toBe(2);
    await shot(page, "import-preview-1366");
    await page.getByTestId("org-import-confirm").click();
    await page.getByTestId("org-import-saved").waitFor();
    await expand(page, "18.72.06.P1");
    await node(page, "18.72.06.P1.S1").waitFor();

    await select(page, "18.72.06.P1");
    await expect.poll(() => page.getByTestId("wilayah-kerja").innerText(), wait).toContain("Kelurahan Kidul");

    await select(page, "18.72.06.P1.S1");
    await page.getByTestId("action-move").click();
    await chooseInDialog(page, "Induk baru", "Puskesmas Metro (18.72.01.P1)");
    await page.getByTestId("action-reason").fill("Alamat klinik ada di wilayah Puskesmas Metro");
    await page.getByTestId("unit-action-save").click();
    await expect
      .poll(async () => {
        const codes = await treeCodes(page);
        return codes.indexOf("18.72.06.P1.S1") === codes.indexOf("18.72.01.P1") + 1;
      }, wait)
      .toBe(true);

    await select(page, "18.72.06.P1.K1");
    await page.getByTestId("action-close").click();
    await page.getByTestId("close-date").fill("2026-06-30");
    await page.getByTestId("action-reason").fill("Digabung ke kelurahan tetangga");
    await page.getByTestId("unit-action-save").click();
    await expect.poll(async () => (await treeCodes(page)).includes("18.72.06.P1.K1"), wait).toBe(false);
    await page.getByTestId("show-closed").click();
    await node(page, "18.72.06.P1.K1").waitFor();
    expect(await node(page, "18.72.06.P1.K1").getAttribute("class")).toContain("is-closed");
    await select(page, "18.72.06.P1.K1");
    expect(await page.getByTestId("unit-details").innerText()).toContain("Digabung ke kelurahan tetangga");

    // No page wider than the window: wide tables scroll inside themselves.
    await checkBothSizes(page, "org-units-admin", name);
    await page.close();
  });

  it("shows the tree read-only to a pengelola program, on a phone too", async () => {
    const page = await app.browser.newPage({ viewport: viewports.phone });
    await logIn(page, app.server.baseUrl, "program.metro");
    await page.goto(`${app.server.baseUrl}/unit-organisasi`);
    await node(page, "18.72.01.P2").waitFor();
    await select(page, "18.72.01.P2");
    await page.getByTestId("unit-details").waitFor();
    expect(await page.getByTestId("action-edit").count()).toBe(0);
    expect(await page.getByTestId("open-import").count()).toBe(0);
    await checkBothSizes(page, "org-units-readonly", name);
    await page.close();
  });
});
