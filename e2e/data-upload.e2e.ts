import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSuite, flowTargets, logIn, screenshotDir } from "./support.js";

async function choose(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** Fills the Yosomulyo row of a downloaded template and writes it next to it as a new file. */
async function fillTemplate(template: string, out: string, values: Record<string, string | number>) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template);
  const sheet = book.getWorksheet("Isian");
  if (!sheet) throw new Error("no Isian sheet in the template");
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  let filled = 0;
  sheet.eachRow((row, number) => {
    if (number === 1 || !String(row.getCell(2).value ?? "").includes("Yosomulyo")) return;
    for (const [code, value] of Object.entries(values)) {
      const column = header.indexOf(code);
      if (column < 1) throw new Error(`column ${code} missing from the template`);
      row.getCell(column).value = value;
    }
    filled++;
  });
  expect(filled).toBe(1);
  await book.xlsx.writeFile(out);
}

describe.each(flowTargets("postgres"))("an operator uploads monthly values from Excel (%s)", (name) => {
  const app = appSuite(name);
  const dir = mkdtempSync(join(tmpdir(), "capaian-upload-"));
  const shot = (page: Page, what: string) =>
    page.screenshot({ path: join(screenshotDir, `data-upload-${what}-${name}.png`), fullPage: true });

  it("downloads the template, uploads January 2024, previews, saves and sees the values in the form", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, app.server.baseUrl, "operator.yosomulyo");
    await page.getByRole("link", { name: "Unggah Isian" }).click();
    await page.getByRole("heading", { name: "Unggah Isian dari Excel" }).waitFor();
    await choose(page, "Tahun", "2024");
    await choose(page, "Bulan", "Januari");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Unduh templat" }).click();
    const template = join(dir, "templat.xlsx");
    await (await download).saveAs(template);
    const good = join(dir, "januari-2024.xlsx");
    await fillTemplate(template, good, { BUMIL_SASARAN: 52, BUMIL_K4: 40 });

    await page.getByTestId("upload-file").setInputFiles(good);
    await page.getByRole("button", { name: "Pratinjau" }).click();
    await page.getByTestId("upload-preview").waitFor();
    expect(await page.getByTestId("upload-change").allInnerTexts()).toEqual([
      "BUMIL_SASARAN: 52 (baru)",
      "BUMIL_K4: 40 (baru)",
    ]);
    const summary = (await page.getByTestId("upload-summary").innerText()).toLowerCase();
    expect(summary).toContain("2 nilai akan disimpan");
    expect(summary).toContain("0 baris bermasalah");
    expect(await page.getByTestId("upload-preview").innerText()).toContain("Januari 2024");
    await shot(page, "preview");

    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.getByTestId("upload-saved").waitFor();
    expect(await page.getByTestId("upload-saved").innerText()).toContain("1 formulir, 2 nilai disimpan");
    await shot(page, "saved");

    await page.getByRole("link", { name: "Buka formulir" }).click();
    await page.getByText("Laporan Bulanan Puskesmas — Januari 2024").waitFor();
    const input = (code: string) => page.locator(`tr[data-element="${code}"] input`);
    await expect.poll(() => input("BUMIL_SASARAN").inputValue()).toBe("52");
    expect(await input("BUMIL_K4").inputValue()).toBe("40");
    expect(new URL(page.url()).searchParams.get("period")).toBe("202401");
    await shot(page, "form");

    // A word instead of a number: the row shows the error and nothing can be saved.
    await page.goto(`${app.server.baseUrl}/unggah-isian`);
    const bad = join(dir, "salah.xlsx");
    await fillTemplate(template, bad, { BUMIL_K4: "empat puluh" });
    await page.getByTestId("upload-file").setInputFiles(bad);
    await page.getByRole("button", { name: "Pratinjau" }).click();
    await page.getByTestId("upload-row-error").waitFor();
    expect(await page.getByTestId("upload-row-error").innerText()).toContain(
      'BUMIL_K4: "empat puluh" bukan angka.',
    );
    expect((await page.getByTestId("upload-summary").innerText()).toLowerCase()).toContain(
      "1 baris bermasalah",
    );
    expect(await page.getByRole("button", { name: "Simpan", exact: true }).isDisabled()).toBe(true);
    await shot(page, "error");
    await page.close();
  });
});
