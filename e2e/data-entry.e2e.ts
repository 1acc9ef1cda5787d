import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSuite, flowTargets, logIn, screenshotDir } from "./support.js";

/** Values in form order: ibu (6), kematian (3), imunisasi dan gizi (4). */
const JANUARY = ["120", "130", "8", "15", "110", "105", "0", "1", "2", "100", "95", "1.250", "180"];
const FEBRUARY = ["125", "120", "9", "14", "108", "104", "0", "1", "1", "102", "97", "1.240", "175"];
const MARCH = ["122", "119", "8", "14", "109", "105", "0", "1", "1", "101", "96", "1.245", "178"];

const row = (page: Page, code: string) => page.locator(`tr[data-element="${code}"]`);
const input = (page: Page, code: string) => row(page, code).locator("input");
const saveStatus = (page: Page) => page.getByTestId("save-status").innerText();
const bannerText = (page: Page) => page.getByTestId("report-banner").innerText();

async function choose(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** Types the values as an operator does: one per row, Enter to go down. */
async function typeValues(page: Page, values: string[]) {
  await page.locator('input[data-row="0"]').click();
  for (const value of values) {
    await page.keyboard.type(value);
    await page.keyboard.press("Enter");
  }
}

async function waitSaved(page: Page) {
  await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toBe("Tersimpan");
}

/** Takes a workflow step and confirms it in the dialog every step asks with. */
async function act(page: Page, action: string, expectedStatus: string) {
  await page.getByRole("button", { name: action, exact: true }).click();
  await page.getByTestId("confirm-action").click();
  await expect.poll(() => page.getByTestId("report-status").textContent()).toBe(expectedStatus);
}

describe.each(flowTargets("pglite"))(
  "monthly report from Puskesmas Yosomulyo through the workflow (%s)",
  (name) => {
    const app = appSuite(name);
    /** /isian?dataSetId&orgUnitId&period= for Yosomulyo, the period appended by `formUrl`. */
    let formBase = "";
    const formUrl = (period: string) => `${app.server.baseUrl}${formBase}${period}`;
    const shot = (page: Page, what: string) =>
      page.screenshot({ path: join(screenshotDir, `data-entry-${what}-${name}.png`), fullPage: true });

    it("the operator enters January to March by keyboard, fixes an error, explains a warning, submits", async () => {
      const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await logIn(page, app.server.baseUrl, "operator.yosomulyo");
      await page.goto(`${app.server.baseUrl}/isian`);
      await page.getByRole("heading", { name: "Puskesmas Yosomulyo" }).waitFor();
      await choose(page, "Tahun", "2024");
      await choose(page, "Bulan", "Januari");
      await page.getByText("Laporan Bulanan Puskesmas — Januari 2024").waitFor();
      const url = new URL(page.url());
      url.searchParams.delete("period");
      formBase = `${url.pathname}?${url.searchParams}&period=`;

      await typeValues(page, JANUARY);
      await waitSaved(page);
      // Indonesian thousands as typed, shown back the same way.
      expect(await input(page, "BALITA_DIUKUR").inputValue()).toBe("1.250");
      expect(await row(page, "BUMIL_K4").getByTestId("finding-error").innerText()).toContain(
        "K4 melebihi jumlah ibu hamil",
      );
      expect(await row(page, "KEMATIAN_NEONATAL").getByTestId("finding-warning").innerText()).toContain(
        "Kematian neonatal lebih banyak",
      );
      expect(await page.getByRole("button", { name: "Kirim", exact: true }).isDisabled()).toBe(true);
      await shot(page, "january-error");

      await input(page, "BUMIL_K4").click();
      await page.keyboard.type("118");
      await page.keyboard.press("Enter");
      await waitSaved(page);
      expect(await row(page, "BUMIL_K4").getByTestId("finding-error").count()).toBe(0);

      await row(page, "KEMATIAN_NEONATAL").getByRole("button", { name: "Beri keterangan" }).click();
      await page
        .getByRole("textbox", { name: "Keterangan" })
        .fill("Satu bayi lahir mati dirujuk dari luar wilayah.");
      await page.getByRole("button", { name: "Simpan keterangan" }).click();
      await waitSaved(page);
      expect(await page.getByTestId("submit-blocked").count()).toBe(0);
      await act(page, "Kirim", "Dikirim");
      expect(await input(page, "BUMIL_SASARAN").getAttribute("readonly")).not.toBeNull();
      await shot(page, "january-submitted");

      for (const [period, values] of [
        ["202402", FEBRUARY],
        ["202403", MARCH],
      ] as const) {
        await page.goto(formUrl(period));
        await page.locator('input[data-row="0"]').waitFor();
        await typeValues(page, values);
        await waitSaved(page);
        expect(await page.getByTestId("finding-error").count()).toBe(0);
        await act(page, "Kirim", "Dikirim");
      }
      await page.close();
    });

    it("the program manager returns March with a reason; the operator corrects and resubmits", async () => {
      const program = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await logIn(program, app.server.baseUrl, "program.metro");
      await program.goto(formUrl("202403"));
      await program.getByRole("heading", { name: "Puskesmas Yosomulyo" }).waitFor();
      await program.getByRole("button", { name: "Kembalikan", exact: true }).click();
      await program
        .getByRole("textbox", { name: "Alasan" })
        .fill("Stunting Maret tidak cocok dengan e-PPGBM (170).");
      await program.getByRole("dialog").getByRole("button", { name: "Kembalikan" }).click();
      await expect.poll(() => program.getByTestId("report-status").textContent()).toBe("Dikembalikan");

      const operator = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await logIn(operator, app.server.baseUrl, "operator.yosomulyo");
      await operator.goto(formUrl("202403"));
      await operator.getByTestId("returned-reason").waitFor();
      expect(await operator.getByTestId("returned-reason").innerText()).toContain("e-PPGBM (170)");
      await shot(operator, "march-returned");
      await input(operator, "BALITA_STUNTING").click();
      await operator.keyboard.type("170");
      await operator.keyboard.press("Tab");
      await waitSaved(operator);
      await act(operator, "Kirim", "Dikirim");

      await program.reload();
      await act(program, "Verifikasi", "Diverifikasi");
      await program.close();

      const admin = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await logIn(admin, app.server.baseUrl, "admin.metro");
      await admin.goto(formUrl("202403"));
      await act(admin, "Setujui", "Disetujui");
      expect(await input(admin, "BALITA_STUNTING").inputValue()).toBe("170");
      await shot(admin, "march-approved");

      await operator.reload();
      await expect.poll(() => bannerText(operator)).toContain("Disetujui");
      expect(await operator.getByRole("button", { name: "Kirim", exact: true }).count()).toBe(0);
      await operator.close();
      await admin.close();
    });

    it("the completeness page shows 11 of 11 reports received for January and opens the form", async () => {
      const page = await app.browser.newPage({ viewport: { width: 1280, height: 1000 } });
      await logIn(page, app.server.baseUrl, "kadis.metro");
      await page.goto(`${app.server.baseUrl}/kelengkapan`);
      await choose(page, "Tahun", "2024");
      await choose(page, "Bulan", "Januari");
      await expect
        .poll(() => page.getByTestId("completeness").innerText())
        .toContain("11 dari 11 laporan diterima");
      // The demo's other ten puskesmas reported January; Yosomulyo's came from the operator above.
      expect(await page.getByTestId("completeness").innerText()).toContain("100%");
      await shot(page, "completeness-january");
      await page.getByRole("link", { name: "Puskesmas Yosomulyo" }).click();
      await page.getByText("Laporan Bulanan Puskesmas — Januari 2024").waitFor();
      await expect.poll(() => page.getByTestId("report-status").textContent()).toBe("Dikirim");
      await page.getByText("EN", { exact: true }).click();
      await page.getByRole("heading", { name: "Data entry" }).waitFor();
      expect(await page.getByTestId("report-banner").innerText()).toContain("Deadline: 10 February 2024");
      await shot(page, "january-en");
      await page.close();
    });

    it("keeps a value typed offline on the device and saves it when the connection returns", async () => {
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await logIn(page, app.server.baseUrl, "operator.yosomulyo");
      await page.goto(formUrl("202404"));
      await page.locator('input[data-row="0"]').waitFor();
      await context.setOffline(true);
      await input(page, "BUMIL_SASARAN").click();
      await page.keyboard.type("123");
      await page.keyboard.press("Enter");
      await expect.poll(() => saveStatus(page)).toContain("Belum tersimpan (offline)");
      expect(await row(page, "BUMIL_SASARAN").getByTestId("cell-state").innerText()).toBe("Belum tersimpan");
      // Kept in the device's queue (IndexedDB), counted on the page.
      expect(await page.getByTestId("queue-count").innerText()).toBe("1 perubahan menunggu dikirim");
      await shot(page, "offline");
      await context.setOffline(false);
      await waitSaved(page);
      expect(await row(page, "BUMIL_SASARAN").getByTestId("cell-state").innerText()).toContain("Tersimpan");
      expect(await page.getByTestId("queue-count").innerText()).toBe("Semua perubahan sudah terkirim");

      // A weak connection: the browser thinks it is online but the save fails; a reload sends it.
      await page.route("**/api/data-entry/values", (route) => route.abort("internetdisconnected"));
      await input(page, "BUMIL_K4").click();
      await page.keyboard.type("99");
      await page.keyboard.press("Enter");
      await expect.poll(() => saveStatus(page)).toContain("Belum tersimpan (offline)");
      await page.unroute("**/api/data-entry/values");
      await page.reload();
      await waitSaved(page);
      await page.reload();
      await expect.poll(() => input(page, "BUMIL_K4").inputValue()).toBe("99");
      await context.close();
    });

    it("shows a value someone else saved meanwhile and lets the operator keep theirs", async () => {
      const mine = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
      const other = await app.browser.newPage();
      for (const page of [mine, other]) {
        await logIn(page, app.server.baseUrl, "operator.yosomulyo");
        await page.goto(formUrl("202404"));
        await input(page, "BUMIL_K4").waitFor();
      }
      await input(other, "BUMIL_K4").click();
      await other.keyboard.type("100");
      await other.keyboard.press("Enter");
      await waitSaved(other);

      await input(mine, "BUMIL_K4").click();
      await mine.keyboard.type("110");
      await mine.keyboard.press("Enter");
      const conflicts = mine.getByTestId("conflicts");
      await conflicts.waitFor();
      expect(await conflicts.innerText()).toMatch(/Nilai Anda: 110 · Nilai tersimpan sekarang: 100/);
      await shot(mine, "conflict");
      await conflicts.getByRole("button", { name: "Pakai nilai saya" }).click();
      await waitSaved(mine);
      await other.reload();
      await expect.poll(() => input(other, "BUMIL_K4").inputValue()).toBe("110");
      await mine.close();
      await other.close();
    });
  },
);
