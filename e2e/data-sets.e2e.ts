import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { periodLabel, periodOfDate, shiftPeriod } from "../src/domain/index.js";
import { appSuite, checkBothSizes, flowTargets, logIn, viewports } from "./support.js";

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
const thisMonth = periodOfDate(today, "month");
const nextMonth = shiftPeriod(thisMonth, 1);

async function createElement(page: Page, code: string, name: string) {
  await page.getByTestId("element-add").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Kode" }).fill(code);
  await dialog.getByRole("textbox", { name: "Nama" }).fill(name);
  await dialog.getByRole("button", { name: "Simpan" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByText(code, { exact: true }).waitFor();
}

async function pickElement(page: Page, code: string) {
  await page.getByTestId("element-select").click();
  await page.getByTestId("element-select").fill(code);
  await page.getByRole("option", { name: new RegExp(`^${code} —`) }).click();
}

describe.each(flowTargets("pglite"))("an admin builds a data set a puskesmas then reports (%s)", (name) => {
  const app = appSuite(name);
  let dataSetId = "";

  it("admin.metro creates two elements and a data set with a rule, assigned to Puskesmas Yosomulyo", async () => {
    const page = await app.browser.newPage({ viewport: viewports.desktop });
    await logIn(page, app.server.baseUrl, "admin.metro");
    await page.goto(`${app.server.baseUrl}/elemen-data`);
    await page.getByRole("heading", { name: "Elemen Data" }).waitFor();
    await createElement(page, "E2E_DIPERIKSA", "Jumlah ibu hamil diperiksa Hb");
    await createElement(page, "E2E_ANEMIA", "Jumlah ibu hamil anemia");
    await checkBothSizes(page, "data-sets-elements", name);

    await page.goto(`${app.server.baseUrl}/formulir-data`);
    await page.getByRole("link", { name: "Formulir baru" }).click();
    await page.getByRole("textbox", { name: "Kode formulir" }).fill("LB-E2E");
    await page.getByRole("textbox", { name: "Nama formulir" }).fill("Laporan Gizi Ibu Hamil");
    await pickElement(page, "E2E_DIPERIKSA");
    await pickElement(page, "E2E_ANEMIA");
    expect(await page.getByTestId("picked-element").count()).toBe(2);

    await page.getByRole("button", { name: "Tambah aturan" }).click();
    const rule = page.getByTestId("rule");
    await rule.getByRole("textbox", { name: "Kiri" }).fill("#{E2E_ANEMIA}");
    await rule.getByRole("textbox", { name: "Kanan" }).fill("#{E2E_HB}");
    // Checked as typed: the element is not in the form.
    await rule.getByText("E2E_HB bukan data dalam formulir ini").waitFor();
    await rule.getByRole("textbox", { name: "Kanan" }).fill("#{E2E_DIPERIKSA}");
    await rule.getByRole("textbox", { name: "Pesan (Indonesia)" }).fill("Anemia melebihi yang diperiksa");
    await rule.getByRole("textbox", { name: "Pesan (Inggris)" }).fill("Anaemia exceeds those examined");
    expect(await rule.getByText("bukan data dalam formulir ini").count()).toBe(0);

    await page.getByRole("checkbox", { name: "Puskesmas Yosomulyo" }).check();
    expect(await page.getByTestId("assigned-count").innerText()).toBe("1 unit dipilih");
    await page.getByRole("button", { name: "Simpan formulir" }).click();
    await page.getByTestId("save-ok").waitFor();
    dataSetId = new URL(page.url()).pathname.split("/").at(-1) as string;
    expect(dataSetId).toMatch(/^[0-9a-f-]{36}$/);

    // Saved: the form comes back as it was after a reload, at both sizes.
    await page.reload();
    await page.getByRole("heading", { name: "LB-E2E — Laporan Gizi Ibu Hamil" }).waitFor();
    await checkBothSizes(page, "data-sets-edit", name);
    await page.goto(`${app.server.baseUrl}/formulir-data`);
    await page.getByRole("link", { name: "LB-E2E" }).waitFor();
    await checkBothSizes(page, "data-sets-list", name);
    await page.close();
  });

  it("operator.yosomulyo opens the form for the current month; next month is read-only", async () => {
    const page = await app.browser.newPage({ viewport: viewports.desktop });
    await logIn(page, app.server.baseUrl, "operator.yosomulyo");
    await page.goto(`${app.server.baseUrl}/isian?dataSetId=${dataSetId}&period=${thisMonth.code}`);
    await page.getByText(`Laporan Gizi Ibu Hamil — ${periodLabel(thisMonth, "id")}`).waitFor();
    expect(await page.locator('tr[data-element="E2E_DIPERIKSA"] input').isEditable()).toBe(true);
    expect(await page.locator('tr[data-element="E2E_ANEMIA"] input').count()).toBe(1);
    expect(await page.getByTestId("entry-closed").count()).toBe(0);
    await checkBothSizes(page, "data-sets-operator-form", name);

    await page.goto(`${app.server.baseUrl}/isian?dataSetId=${dataSetId}&period=${nextMonth.code}`);
    await page.getByTestId("entry-closed").waitFor();
    expect(await page.getByTestId("entry-closed").innerText()).toContain("belum dibuka untuk pengisian");
    await checkBothSizes(page, "data-sets-operator-closed", name);
    await page.close();
  });
});
