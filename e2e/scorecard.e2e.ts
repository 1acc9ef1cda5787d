import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSuite, checkBothSizes, flowTargets, logIn } from "./support.js";

/** The numbers of the first data column, as shown ("96,5" → 96.5; "–" → null). */
const firstColumn = (page: Page) =>
  page.locator('[data-testid="score-row"]').evaluateAll((rows) =>
    rows.map((r) => {
      const text = r.querySelectorAll("td")[1]?.textContent ?? "";
      const match = /^-?[\d.]+(,\d+)?/.exec(text.trim());
      return match ? Number(match[0].replaceAll(".", "").replace(",", ".")) : null;
    }),
  );

describe.each(flowTargets("postgres"))("the scorecard of Kota Metro (%s)", (name) => {
  const app = appSuite(name);

  it("opens on 2024, sorts, drills down, charts a cell, downloads, fits both sizes", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(page, app.server.baseUrl, "admin.metro");
    await page.goto(`${app.server.baseUrl}/skor-kartu`);
    await expect
      .poll(() => page.locator('[data-testid="score-row"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(1);
    expect(await page.getByTestId("scorecard-year").inputValue()).toBe("2024");
    await expect
      .poll(() => page.getByTestId("score-cell").filter({ hasText: /\d/ }).count())
      .toBeGreaterThan(5);

    // Sorting by the first column puts the highest first, then the lowest.
    const header = page.getByTestId("sort-column").first();
    // The column header says how it is sorted (aria-sort belongs on the th, not on its button).
    const sorted = () => header.locator("xpath=ancestor::th[1]").getAttribute("aria-sort");
    await header.click();
    await expect.poll(sorted).toBe("descending");
    const down = (await firstColumn(page)).filter((v) => v !== null) as number[];
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await header.click();
    await expect.poll(sorted).toBe("ascending");
    const up = (await firstColumn(page)).filter((v) => v !== null) as number[];
    expect(up).toEqual([...up].sort((a, b) => a - b));

    await checkBothSizes(page, "scorecard", name);

    // A cell opens its series: the chart and the numerator and denominator per month.
    await page.getByTestId("score-cell").filter({ hasText: /\d/ }).first().click();
    const dialog = page.getByRole("dialog");
    await expect
      .poll(() => dialog.locator('[data-testid="cell-chart"] svg').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await dialog.locator("tbody tr").count()).toBe(12);
    await page.screenshot({ path: `e2e/screenshots/scorecard-cell-desktop-${name}.png` });
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);

    // Both downloads.
    for (const format of ["xlsx", "pdf"]) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: `Unduh ${format}` }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^skor-kartu-.*\\.${format}$`));
    }

    // A kecamatan opens its puskesmas; the trail leads back to the kota.
    const kecamatan = page.getByTestId("drill-down").first();
    const kecamatanName = (await kecamatan.textContent()) ?? "";
    await kecamatan.click();
    await expect.poll(() => page.getByText(`Seluruh ${kecamatanName}`).count()).toBe(1);
    expect(await page.getByTestId("drill-down").count()).toBe(0);
    await page.getByTestId("scorecard-trail").filter({ hasText: "Kota Metro" }).click();
    await expect.poll(() => page.getByTestId("drill-down").count()).toBeGreaterThan(1);

    // The league table of every puskesmas, at the phone size too.
    await page.getByTestId("scorecard-rows").getByText("Peringkat puskesmas").click();
    await expect.poll(() => page.locator('[data-testid="score-row"]').count()).toBe(11);
    await checkBothSizes(page, "scorecard-league", name);
    await page.close();
  }, 120_000);
});
