import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSuite, choose, flowTargets, logIn, screenshotDir } from "./support.js";

const IBU_HAMIL = "Ibu hamil";
const IBU_BERSALIN = "Ibu bersalin";
const KECAMATAN = [
  "Beji",
  "Bojongsari",
  "Cilodong",
  "Cimanggis",
  "Cinere",
  "Cipayung",
  "Limo",
  "Pancoran Mas",
  "Sawangan",
  "Sukmajaya",
  "Tapos",
];

/** "41.500" → 41500: the grid shows whole persons the Indonesian way. */
const persons = (text: string) => Number(text.replace(/\./g, "").trim());
const shown = (n: number) => new Intl.NumberFormat("id-ID").format(n);

/** The input of one unit and category, by the aria-label the grid gives it ("Puskesmas Beji — Ibu hamil"). */
const cell = (page: Page, unit: string, category: string) =>
  page.locator(`input[aria-label="${unit} — ${category}"]`);

/** The figure a cell stands for: its own value, else (greyed) what the units below add up to. */
async function figure(page: Page, unit: string, category: string) {
  const input = cell(page, unit, category);
  return persons((await input.inputValue()) || ((await input.getAttribute("placeholder")) ?? ""));
}

/** The "Jumlah Kota Depok" figure of a category, found by its column header. */
async function total(page: Page, category: string) {
  const grid = page.getByTestId("population-grid");
  const headers = (await grid.locator("thead th").allTextContents()).map((t) => t.trim());
  const column = headers.indexOf(category);
  expect(column).toBeGreaterThan(0);
  return persons(
    await page
      .getByTestId("population-totals")
      .locator("td")
      .nth(column - 1)
      .innerText(),
  );
}

/** Changes one puskesmas figure in the downloaded template, found by the hidden row of column codes. */
async function editTemplate(
  template: string,
  out: string,
  unitCode: string,
  category: string,
  value: number,
) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template);
  const sheet = book.getWorksheet("Sasaran 2019");
  if (!sheet) throw new Error("no 'Sasaran 2019' sheet in the template");
  const codes = (sheet.getRow(2).values as unknown[]).map((v) => String(v ?? ""));
  const column = codes.indexOf(category);
  expect(column).toBeGreaterThan(2);
  let edited = 0;
  sheet.eachRow((row) => {
    if (String(row.getCell(1).value ?? "") !== unitCode) return;
    row.getCell(column).value = value;
    edited++;
  });
  expect(edited).toBe(1);
  await book.xlsx.writeFile(out);
}

describe.each(flowTargets("pglite"))("the SPM target populations of Kota Depok (%s)", (name) => {
  const app = appSuite(name);
  const dir = mkdtempSync(join(tmpdir(), "capaian-populations-"));
  // On a tall window, so the grid's own scroll box and its sticky save bar sit where a person sees them.
  const shot = async (page: Page, what: string) => {
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1366, height: 2000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshotDir, `populations-${what}-${name}.png`), fullPage: true });
    if (viewport) await page.setViewportSize(viewport);
  };

  /** /sasaran as admin.depok: Kota Depok and 2019 shown as the screen opens. */
  async function openSasaran() {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, app.server.baseUrl, "admin.depok");
    await page.getByRole("link", { name: "Sasaran SPM" }).click();
    await page.getByRole("heading", { name: "Sasaran SPM" }).waitFor();
    await page.getByTestId("population-grid").waitFor();
    expect(await page.getByRole("combobox", { name: "Wilayah", exact: true }).inputValue()).toBe(
      "Kota Depok",
    );
    // The screen opens on the latest year with sasaran, Depok's 2020, without being asked; these checks read 2019.
    const year = page.getByRole("combobox", { name: "Tahun", exact: true });
    expect(await year.inputValue()).toBe("2020");
    await choose(page, year, "2019");
    await page.waitForURL(/year=2019/);
    // The 2020 grid may still be shown for a moment: wait for the one of 2019.
    await page.locator('[data-testid="population-grid"][data-year="2019"]').waitFor();
    await expect.poll(() => cell(page, "Puskesmas Beji", IBU_HAMIL).inputValue()).not.toBe("");
    return page;
  }

  it("shows 2019 kecamatan by kecamatan, puskesmas under each, the kota totals and the hipertensi estimate", async () => {
    const page = await openSasaran();
    const grid = page.getByTestId("population-grid");
    const units = (await grid.locator("tbody th > div:first-child").allInnerTexts()).map((t) => t.trim());
    expect(units[0]).toBe("Kota Depok");
    for (const kecamatan of KECAMATAN) {
      const at = units.indexOf(`Kecamatan ${kecamatan}`);
      expect(at, kecamatan).toBeGreaterThan(0);
      expect(units[at + 1]).toBe(`Puskesmas ${kecamatan}`);
    }
    expect(await page.getByTestId("population-totals").locator("th").innerText()).toBe("Jumlah Kota Depok");

    // Figures are entered per puskesmas; each kecamatan and the kota show their sum, greyed.
    const kota = await total(page, IBU_HAMIL);
    expect(kota).toBe(41_500);
    let sum = 0;
    for (const kecamatan of KECAMATAN) {
      const own = persons(await cell(page, `Puskesmas ${kecamatan}`, IBU_HAMIL).inputValue());
      expect(own).toBeGreaterThan(0);
      const above = cell(page, `Kecamatan ${kecamatan}`, IBU_HAMIL);
      expect(await above.inputValue()).toBe("");
      expect(await above.getAttribute("placeholder")).toBe(shown(own));
      sum += own;
    }
    expect(sum).toBe(kota);
    expect(await cell(page, "Kota Depok", IBU_HAMIL).getAttribute("placeholder")).toBe(shown(kota));

    const estimates = page.getByTestId("population-estimates");
    const hipertensi = estimates.locator("tr", { hasText: "Estimasi penderita hipertensi" });
    const text = await hipertensi.innerText();
    expect(text).toContain("Riskesdas");
    expect(text).toMatch(/433\.440|433440/);
    expect(await page.getByTestId("population-prevalences").innerText()).toContain("25,8%");
    await shot(page, "grid");
    await page.close();
  });

  it("takes a puskesmas figure typed by keyboard, keeps it after a reload and adds it into the kota total", async () => {
    const page = await openSasaran();
    const beji = cell(page, "Puskesmas Beji", IBU_HAMIL);
    const before = persons(await beji.inputValue());
    const kotaBefore = await total(page, IBU_HAMIL);
    expect(before).not.toBe(1250);

    await beji.click();
    await page.keyboard.type("1.250");
    await page.keyboard.press("Enter");
    // Enter goes down a row, as in Excel, and the edited cell waits, marked, for the save.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe(`Kecamatan Bojongsari — ${IBU_HAMIL}`);
    expect(await beji.getAttribute("data-state")).toBe("changed");
    expect(await page.getByTestId("changed-count").textContent()).toBe("1 angka diubah");

    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.getByTestId("save-done").waitFor();
    expect(await page.getByTestId("save-done").innerText()).toBe("1 angka disimpan.");

    await page.reload();
    await page.getByTestId("population-grid").waitFor();
    await expect.poll(() => beji.inputValue()).toBe("1.250");
    expect(await total(page, IBU_HAMIL)).toBe(kotaBefore - before + 1250);
    expect(await figure(page, "Kecamatan Beji", IBU_HAMIL)).toBe(1250);
    expect(await figure(page, "Kota Depok", IBU_HAMIL)).toBe(kotaBefore - before + 1250);
    await page.close();
  });

  it("refuses a word typed for a number, in Indonesian, and saves nothing", async () => {
    const page = await openSasaran();
    const beji = cell(page, "Puskesmas Beji", IBU_BERSALIN);
    const before = await beji.inputValue();
    const kotaBefore = await total(page, IBU_BERSALIN);

    await beji.click();
    await page.keyboard.type("abc");
    await page.keyboard.press("Tab");
    expect(await beji.inputValue()).toBe("abc");
    expect(await beji.getAttribute("aria-invalid")).toBe("true");
    expect(await beji.getAttribute("data-state")).toBe("invalid");
    expect(await beji.getAttribute("title")).toBe("Bukan jumlah orang (bilangan bulat ≥ 0)");
    await page.getByText("1 isian tidak terbaca").waitFor();
    expect(await page.getByTestId("changed-count").textContent()).toBe("0 angka diubah");
    expect(await page.getByRole("button", { name: "Simpan", exact: true }).isDisabled()).toBe(true);
    await shot(page, "invalid");

    // The server refuses the same cell too, naming it, should a request ever carry it.
    const { request } = page.context();
    const { csrfToken } = await (await request.get(`${app.server.baseUrl}/api/auth/csrf`)).json();
    const grid = await (
      await request.get(`${app.server.baseUrl}/api/spm/populations/grid?${new URL(page.url()).searchParams}`)
    ).json();
    const row = grid.rows.find((r: { name: string }) => r.name === "Puskesmas Beji");
    const refused = await request.put(`${app.server.baseUrl}/api/spm/populations/grid`, {
      headers: { "x-csrf-token": csrfToken },
      data: {
        orgUnitId: grid.unit.id,
        year: 2019,
        cells: [
          { orgUnitId: row.orgUnitId, category: "BULIN", value: "abc", revision: row.cells.BULIN.revision },
        ],
      },
    });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error.message).toBe(
      'Puskesmas Beji, Ibu bersalin: "abc" bukan jumlah orang (bilangan bulat ≥ 0). Tidak ada yang disimpan.',
    );

    await page.reload();
    await page.getByTestId("population-grid").waitFor();
    await expect.poll(() => beji.inputValue()).toBe(before);
    expect(await total(page, IBU_BERSALIN)).toBe(kotaBefore);
    await page.close();
  });

  it("downloads the xlsx template, takes back a changed figure with a preview old → new", async () => {
    const page = await openSasaran();
    const cimanggis = cell(page, "Puskesmas Cimanggis", IBU_HAMIL);
    const before = persons(await cimanggis.inputValue());
    const kotaBefore = await total(page, IBU_HAMIL);
    const after = before + 111;

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Unduh templat" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const template = join(dir, "templat.xlsx");
    await file.saveAs(template);
    expect(statSync(template).size).toBeGreaterThan(1000);
    expect(readFileSync(template).subarray(0, 2).toString()).toBe("PK");

    const changed = join(dir, "sasaran-2019.xlsx");
    await editTemplate(template, changed, "32.76.04.P1", "BUMIL", after);
    await page.getByTestId("population-file").setInputFiles(changed);
    await page.getByRole("button", { name: "Pratinjau" }).click();
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    expect(await page.getByTestId("import-change").allInnerTexts()).toEqual([
      `${IBU_HAMIL}: ${shown(before)} → ${shown(after)}`,
    ]);
    const summary = (await preview.locator(".mantine-Badge-root").allTextContents()).join(" | ");
    expect(summary).toContain("1 angka akan disimpan");
    expect(summary).toContain("0 baris bermasalah");
    expect(await preview.locator("tr[data-row]").innerText()).toContain("Puskesmas Cimanggis");
    // Nothing is written by the preview.
    expect(await cimanggis.inputValue()).toBe(shown(before));
    await shot(page, "import");

    await page.getByRole("button", { name: "Simpan semua" }).click();
    await page.getByTestId("import-saved").waitFor();
    expect(await page.getByTestId("import-saved").innerText()).toBe("1 angka disimpan.");
    await expect.poll(() => cimanggis.inputValue()).toBe(shown(after));
    expect(await total(page, IBU_HAMIL)).toBe(kotaBefore + 111);

    await page.reload();
    await page.getByTestId("population-grid").waitFor();
    await expect.poll(() => cimanggis.inputValue()).toBe(shown(after));
    await page.close();
  });
});
