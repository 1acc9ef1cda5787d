import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSuite, flowTargets, logIn, screenshotDir, viewports } from "./support.js";

/** How far the page reaches past the window's right edge (0 or less: it fits). */
/** A busy machine answers slowly: polls wait up to this long, not vitest's one second. */
const patience = { timeout: 15_000 };

const pageOverflow = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

/**
 * Scrolls the table's own box to the right and tells whether its frozen first cell stayed at the
 * box's left edge while the box did scroll.
 */
async function frozenAfterScroll(page: Page, table: string) {
  return page.evaluate((testId) => {
    const box = document.querySelector(`[data-testid="${testId}"]`)?.closest(".wide-scroll");
    const first = box?.querySelector("tbody .sticky-col");
    if (!box || !first) return { scrolled: 0, offset: -1 };
    box.scrollLeft = 400;
    return {
      scrolled: box.scrollLeft,
      offset: Math.round(first.getBoundingClientRect().left - box.getBoundingClientRect().left),
    };
  }, table);
}

describe.each(flowTargets("pglite"))(
  "search from the keyboard, and every screen fits the window (%s)",
  (name) => {
    const app = appSuite(name);
    const shot = (page: Page, what: string) =>
      page.screenshot({ path: join(screenshotDir, `search-and-fit-${what}-${name}.png`), fullPage: false });
    const hits = (page: Page) => page.getByTestId("search-hit");

    /** The box opened with the cursor in it, ready for typing. */
    const searchFocused = (page: Page) =>
      expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")), patience)
        .toBe("search-input");

    /** Arrows down to the first hit of the kind, then Enter. */
    async function openFirst(page: Page, kind: string) {
      await expect
        .poll(() => page.locator(`[data-testid="search-hit"][data-kind="${kind}"]`).count(), patience)
        .toBeGreaterThan(0);
      const kinds = await hits(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
      for (let i = 0; i < kinds.indexOf(kind); i++) await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
    }

    it("opens an org unit with Ctrl+K and an indicator with /, by arrows and Enter", async () => {
      const page = await app.browser.newPage({ viewport: viewports.desktop });
      await logIn(page, app.server.baseUrl, "admin.metro");
      await page.keyboard.press("Control+K");
      await searchFocused(page);
      await page.keyboard.type("yosómulyo");
      await expect.poll(() => hits(page).count(), patience).toBeGreaterThan(0);
      await shot(page, "search-desktop");
      await openFirst(page, "orgUnit");
      await page.waitForURL(/\/unit-organisasi\?unit=/);
      expect(await page.getByTestId("unit-details").innerText()).toContain("Puskesmas Yosomulyo");

      await page.locator("body").click({ position: { x: 5, y: 300 } });
      await page.keyboard.press("/");
      await searchFocused(page);
      await page.keyboard.type("anemia ibu hamil");
      await openFirst(page, "indicator");
      await page.waitForURL(/\/indikator\?id=/);
      const linked = page.locator("tr[data-linked]");
      await linked.waitFor();
      expect(await linked.innerText()).toContain("Persentase anemia pada ibu hamil");

      await page.setViewportSize(viewports.phone);
      await page.getByTestId("search-open").click();
      await searchFocused(page);
      await page.keyboard.type("kota metro");
      await expect.poll(() => hits(page).count(), patience).toBeGreaterThan(0);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "search-phone");
      await page.close();
    });

    for (const [what, user, path, table] of [
      ["rak", "admin.metro", "/rencana", "rak-table"],
      ["evaluation", "admin.metro", "/evaluasi?triwulan=1", "evaluation-table"],
      ["spm-report", "admin.depok", "/spm?tab=laporan", "report-table"],
    ] as const) {
      it(`shows the ${what} at 1366×768 without a page wider than the window, its first column frozen`, async () => {
        const page = await app.browser.newPage({ viewport: viewports.desktop });
        await logIn(page, app.server.baseUrl, user);
        await page.goto(`${app.server.baseUrl}${path}`);
        await page.getByTestId(table).first().waitFor();
        expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
        const frozen = await frozenAfterScroll(page, table);
        expect(frozen.scrolled).toBeGreaterThan(0);
        expect(Math.abs(frozen.offset)).toBeLessThanOrEqual(1);
        await shot(page, `${what}-desktop`);
        await page.close();
      });
    }

    it("keeps the data entry usable on a phone: a wide value box, no row under the submit bar", async () => {
      const page = await app.browser.newPage({ viewport: viewports.phone });
      await logIn(page, app.server.baseUrl, "operator.yosomulyo");
      await page.goto(`${app.server.baseUrl}/isian`);
      await page.getByTestId("entry-grid").waitFor();
      // January 2024 is still a draft in the demo: the form is editable and has its submit bar.
      for (const [label, option] of [
        ["Tahun", "2024"],
        ["Bulan", "Januari"],
      ]) {
        await page.getByRole("combobox", { name: label, exact: true }).click();
        await page.getByRole("option", { name: option, exact: true }).click();
      }
      await page.getByText(/— Januari 2024/).waitFor();
      await page.locator(".entry-footer").waitFor();
      const inputs = page.locator("input.entry-input");
      const width = await inputs.first().evaluate((e) => e.getBoundingClientRect().width);
      expect(width).toBeGreaterThanOrEqual(120);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

      // Enter walks down to the last value: each one lands above the bar, never under it.
      await inputs.first().click();
      const count = await inputs.count();
      for (let i = 1; i < count; i++) await page.keyboard.press("Enter");
      const gap = () =>
        page.evaluate(() => {
          const bar = document.querySelector(".entry-footer")?.getBoundingClientRect();
          const rows = document.querySelectorAll("tr[data-element]");
          const last = rows[rows.length - 1]?.getBoundingClientRect();
          return bar && last ? bar.top - last.bottom : -1;
        });
      expect(await gap()).toBeGreaterThanOrEqual(0);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      expect(await gap()).toBeGreaterThanOrEqual(0);
      await shot(page, "data-entry-phone");
      await page.close();
    });

    it("opens an audit record in a drawer with its old and new values side by side", async () => {
      const page = await app.browser.newPage({ viewport: viewports.desktop });
      await logIn(page, app.server.baseUrl, "auditor.metro");
      await page.goto(`${app.server.baseUrl}/audit`);
      const table = page.getByTestId("audit-table");
      await table.waitFor();
      // Searched by the words on screen, not the code data.report_approve.
      await page.getByTestId("audit-search").fill("laporan disetujui");
      await page.keyboard.press("Enter");
      const first = table.locator("tbody tr").first();
      await expect.poll(() => first.innerText(), patience).toContain("Laporan disetujui");
      await first.click();
      const drawer = page.getByTestId("audit-detail");
      await drawer.waitFor();
      await drawer.getByTestId("audit-old").waitFor();
      await drawer.getByTestId("audit-new").waitFor();
      const change = drawer.locator('[data-testid="audit-changes"] tbody tr').filter({ hasText: "status" });
      expect(await change.innerText()).toMatch(/verified\s+approved/);
      await shot(page, "audit-drawer-desktop");
      await page.close();
    });
  },
);
