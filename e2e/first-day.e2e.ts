import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  checkBothSizes,
  chooseInDialog,
  emptyInstallSuite,
  flowTargets,
  logIn,
  viewports,
} from "./support.js";

/**
 * Issue 12's whole first day, from an empty install without the demo: the first admin made with the
 * CLI builds the kota, its form, its people, its SPM and its plan; a puskesmas reports January 2027 and
 * the report goes through the whole workflow into the completeness count.
 */
const ADMIN_PASSWORD = "Kota-Sehat-Pertama-1!";
/** Long enough to be cut in the header of a phone. */
const KADIS = "dr. Ratna Dewi Kusumawardhani Setyaningrum, M.Kes.";
const ELEMENTS = [
  ["FD_BUMIL", "Jumlah ibu hamil (sasaran bulan ini)", "52"],
  ["FD_K1", "Ibu hamil K1", "48"],
  ["FD_K4", "Ibu hamil K4", "41"],
  ["FD_PERSALINAN", "Persalinan di fasyankes", "39"],
  ["FD_KN1", "Kunjungan neonatal pertama", "38"],
] as const;

/** The usual Dinas list: one kecamatan, three puskesmas and a private clinic in the area of one of them. */
async function unitList(path: string) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Unit");
  sheet.addRow(["Kode", "Nama", "Jenis", "Kepemilikan", "Induk", "BLUD", "Kode Kemenkes"]);
  sheet.addRow(["99.71.02", "Kecamatan Dua", "Kecamatan", null, "99.71", null, null]);
  sheet.addRow(["99.71.01.P1", "Puskesmas Satu", "Puskesmas", "Pemerintah", "99.71.01", "Ya", "P9971010101"]);
  sheet.addRow(["99.71.01.P2", "Puskesmas Satu Timur", "Puskesmas", "Pemerintah", "99.71.01", "Ya", null]);
  sheet.addRow(["99.71.02.P1", "Puskesmas Dua", "Puskesmas", "Pemerintah", "99.71.02", "Tidak", null]);
  sheet.addRow([
    "99.71.01.P1.S1",
    "Klinik Pratama Sehat (contoh)",
    "Klinik",
    "Swasta",
    "99.71.01.P1",
    null,
    null,
  ]);
  await book.xlsx.writeFile(path);
}

/** Makes a user in /pengguna and returns the temporary password the screen shows once. */
async function createUser(page: Page, username: string, fullName: string, role: string, unit: string) {
  await page.getByRole("button", { name: "Tambah pengguna" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Nama pengguna").fill(username);
  await dialog.getByLabel("Nama lengkap").fill(fullName);
  await chooseInDialog(page, "Peran", role);
  await dialog.getByLabel("Unit organisasi").click();
  // Options are indented by level; "Puskesmas Satu" must not also pick "Puskesmas Satu Timur".
  await page.getByRole("option", { name: new RegExp(`^\\s*${unit}$`) }).click();
  await dialog.getByRole("button", { name: "Buat pengguna" }).click();
  const temporary = (await page.getByTestId("temporary-password").innerText()).trim();
  await page.keyboard.press("Escape");
  await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
  return temporary;
}

/** First login with the temporary password, which must be replaced at once. */
async function firstLogin(page: Page, baseUrl: string, username: string, temporary: string) {
  const password = "Laporan-Bulanan-Sehat-2027";
  await page.goto(`${baseUrl}/`);
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(temporary);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByText("Anda memakai kata sandi sementara").waitFor();
  await page.locator('input[autocomplete="current-password"]').fill(temporary);
  await page.getByLabel("Kata sandi baru", { exact: false }).first().fill(password);
  await page.getByLabel("Ulangi kata sandi baru").fill(password);
  await page.getByRole("button", { name: "Simpan" }).click();
  await page.getByRole("heading", { name: "Selamat datang di capaian" }).waitFor();
}

/** Takes a workflow step and confirms it. */
async function act(page: Page, action: string, status: string) {
  await page.getByRole("button", { name: action, exact: true }).click();
  await page.getByTestId("confirm-action").click();
  await expect.poll(() => page.getByTestId("report-status").textContent(), { timeout: 15_000 }).toBe(status);
}

describe.each(flowTargets("pglite"))("a new Dinas sets itself up and runs its first month (%s)", (name) => {
  const app = emptyInstallSuite(name, {
    username: "admin.kota",
    fullName: "Admin Dinkes Kota Contoh",
    password: ADMIN_PASSWORD,
    orgCode: "99.71",
    orgName: "Kota Contoh",
  });
  const passwords = new Map<string, string>();
  let formUrl = "";
  const shots = (page: Page, what: string) => checkBothSizes(page, `first-day-${what}`, name);

  it("the first admin is guided through org units, a form, people, the SPM and the plan", async () => {
    const page = await app.browser.newPage({ viewport: viewports.desktop });
    const base = app.server.baseUrl;
    await logIn(page, base, "admin.kota", ADMIN_PASSWORD);
    const checklist = page.getByTestId("setup-checklist");
    await checklist.waitFor();
    expect(await checklist.locator('[data-done="true"]').count()).toBe(0);
    await shots(page, "home-empty");

    // Org units: a kecamatan by form, the rest from the Dinas's list.
    await checklist.locator('[data-step="orgUnits"]').getByRole("link").click();
    const tree = page.getByTestId("org-tree");
    await tree.locator('[data-code="99.71"] .org-tree-label').click();
    await page.getByTestId("action-add-child").click();
    await chooseInDialog(page, "Jenis", "Kecamatan");
    await page.getByTestId("unit-code").fill("99.71.01");
    await page.getByTestId("unit-name").fill("Kecamatan Satu");
    await page.getByRole("dialog").getByRole("button", { name: "Simpan" }).click();
    await tree.locator('[data-code="99.71.01"]').waitFor();
    const file = join(mkdtempSync(join(tmpdir(), "capaian-first-day-")), "unit.xlsx");
    await unitList(file);
    await page.getByTestId("open-import").click();
    await page.getByTestId("org-import-file").setInputFiles(file);
    await page.getByTestId("org-import-preview").click();
    const preview = page.getByTestId("org-import-result");
    await preview.waitFor();
    expect(await preview.locator('tr[data-status="new"]').count()).toBe(5);
    await page.getByTestId("org-import-confirm").click();
    await page.getByTestId("org-import-saved").waitFor();
    await shots(page, "org-units");

    // Data elements and a form of five with one rule, reported by the three puskesmas.
    await page.goto(`${base}/elemen-data`);
    for (const [code, label] of ELEMENTS) {
      await page.getByTestId("element-add").click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("textbox", { name: "Kode" }).fill(code);
      await dialog.getByRole("textbox", { name: "Nama" }).fill(label);
      await dialog.getByRole("button", { name: "Simpan" }).click();
      await dialog.waitFor({ state: "hidden" });
      await page.getByText(code, { exact: true }).waitFor();
    }
    await page.goto(`${base}/formulir-data`);
    await page.getByRole("link", { name: "Formulir baru" }).click();
    await page.getByRole("textbox", { name: "Kode formulir" }).fill("LB-KIA");
    await page.getByRole("textbox", { name: "Nama formulir" }).fill("Laporan KIA Bulanan");
    for (const [code] of ELEMENTS) {
      await page.getByTestId("element-select").click();
      await page.getByTestId("element-select").fill(code);
      await page.getByRole("option", { name: new RegExp(`^${code} —`) }).click();
    }
    expect(await page.getByTestId("picked-element").count()).toBe(5);
    // January 2027 is open from December 2026 on: one period ahead, and one more for a test run late.
    await page.getByRole("textbox", { name: "Periode ke depan yang sudah dibuka" }).fill("2");
    await page.getByRole("button", { name: "Tambah aturan" }).click();
    const rule = page.getByTestId("rule");
    await rule.getByRole("textbox", { name: "Kiri" }).fill("#{FD_K4}");
    await rule.getByRole("textbox", { name: "Kanan" }).fill("#{FD_BUMIL}");
    await rule.getByRole("textbox", { name: "Pesan (Indonesia)" }).fill("K4 melebihi jumlah ibu hamil");
    await rule.getByRole("textbox", { name: "Pesan (Inggris)" }).fill("K4 exceeds pregnant women");
    for (const unit of ["Puskesmas Satu", "Puskesmas Satu Timur", "Puskesmas Dua"]) {
      await page.getByRole("checkbox", { name: unit, exact: true }).check();
    }
    expect(await page.getByTestId("assigned-count").innerText()).toBe("3 unit dipilih");
    await page.getByRole("button", { name: "Simpan formulir" }).click();
    await page.getByTestId("save-ok").waitFor();
    await shots(page, "data-set");

    // People: an operator for Puskesmas Satu, a pengelola program and the Kepala Dinas.
    await page.goto(`${base}/pengguna`);
    passwords.set(
      "operator.satu",
      await createUser(page, "operator.satu", "Sri Rahayu", "Operator Fasyankes", "Puskesmas Satu"),
    );
    passwords.set(
      "program.kota",
      await createUser(page, "program.kota", "Budi Santoso", "Pengelola Program", "Kota Contoh"),
    );
    passwords.set("kadis.kota", await createUser(page, "kadis.kota", KADIS, "Pimpinan", "Kota Contoh"));

    // The SPM version for 2027.
    await page.goto(`${base}/spm?tahun=2027`);
    await page.getByTestId("spm-not-adopted").getByRole("button", { name: "Tetapkan versi SPM" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Tetapkan" }).click();
    await page.getByTestId("spm-adopted").waitFor();

    // An empty RAK for 2027 with its first sasaran and indicator.
    await page.goto(`${base}/rencana`);
    await page.getByTestId("no-plan").waitFor();
    await page.getByTestId("plan-year").click();
    await page.getByRole("option", { name: "2027 — belum ada rencana" }).click();
    await page.getByRole("button", { name: "Buat rencana 2027" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Buat", exact: true }).click();
    await page.waitForURL(/\/rencana\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Tambah sasaran" }).click();
    await page.getByRole("dialog").getByLabel("Nama").fill("Meningkatnya kesehatan ibu dan anak");
    await page.getByRole("dialog").getByRole("button", { name: "Tambah" }).click();
    const table = page.getByTestId("rak-table");
    await table.getByRole("button", { name: "Menu baris Meningkatnya kesehatan ibu dan anak" }).click();
    await page.getByRole("menuitem", { name: "Tambah indikator" }).click();
    const add = page.getByRole("dialog");
    await add.getByLabel("Nama").fill("Persentase ibu hamil mendapat pelayanan K4");
    await add.getByLabel("Satuan").fill("%");
    await add.getByLabel("Target").fill("95");
    await add.getByLabel("TW IV").fill("95");
    await add.getByRole("button", { name: "Tambah" }).click();
    await table.locator("tr", { hasText: "Persentase ibu hamil mendapat pelayanan K4" }).waitFor();

    await page.goto(`${base}/`);
    await page.getByTestId("setup-done").waitFor();
    expect(await page.getByTestId("setup-done").innerText()).toContain("Persiapan Kota Contoh selesai");
    await shots(page, "home-done");
    await page.close();
  });

  it("the operator enters and submits January 2027, the pengelola verifies, the Kepala Dinas approves", async () => {
    const base = app.server.baseUrl;
    const operator = await app.browser.newPage({ viewport: viewports.desktop });
    await firstLogin(operator, base, "operator.satu", passwords.get("operator.satu") as string);
    // The form's address as a colleague would receive it: data set, puskesmas and period.
    const [form] = (await operator.evaluate(() => fetch("/api/data-sets").then((r) => r.json()))) as Array<{
      id: string;
      orgUnits: Array<{ id: string }>;
    }>;
    formUrl = `${base}/isian?dataSetId=${form?.id}&orgUnitId=${form?.orgUnits[0]?.id}&period=202701`;
    await operator.goto(formUrl);
    await operator.getByText("Laporan KIA Bulanan — Januari 2027").waitFor();
    for (const [code, , value] of ELEMENTS) {
      await operator.locator(`tr[data-element="${code}"] input`).fill(value);
      await operator.keyboard.press("Enter");
    }
    await expect
      .poll(() => operator.getByTestId("save-status").textContent(), { timeout: 15_000 })
      .toBe("Tersimpan");
    await act(operator, "Kirim", "Dikirim");
    await shots(operator, "operator-submitted");

    const program = await app.browser.newPage({ viewport: viewports.desktop });
    await firstLogin(program, base, "program.kota", passwords.get("program.kota") as string);
    await program.goto(formUrl);
    await program.getByText("Laporan KIA Bulanan — Januari 2027").waitFor();
    await act(program, "Verifikasi", "Diverifikasi");

    const kadis = await app.browser.newPage({ viewport: viewports.desktop });
    await firstLogin(kadis, base, "kadis.kota", passwords.get("kadis.kota") as string);
    await kadis.goto(formUrl);
    await kadis.getByText("Laporan KIA Bulanan — Januari 2027").waitFor();
    await act(kadis, "Setujui", "Disetujui");

    const dataSetId = new URL(formUrl).searchParams.get("dataSetId");
    await kadis.goto(`${base}/kelengkapan?dataSetId=${dataSetId}&period=202701`);
    await expect
      .poll(() => kadis.getByTestId("completeness").innerText(), { timeout: 15_000 })
      .toContain("1 dari 3 laporan diterima");
    await shots(kadis, "completeness");

    // On a phone the long name is cut in the header, whole in its tooltip and in the user menu.
    await kadis.setViewportSize(viewports.phone);
    const menu = kadis.getByTestId("user-menu");
    expect(await menu.getAttribute("title")).toBe(KADIS);
    await menu.click();
    expect(await kadis.getByTestId("user-full-name").innerText()).toBe(KADIS);
    await checkBothSizes(kadis, "first-day-user-menu", name);
    for (const page of [operator, program, kadis]) await page.close();
  });
});
