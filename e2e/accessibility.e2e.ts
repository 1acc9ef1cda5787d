import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSuite, logIn, nextFrames, viewports } from "./support.js";

/**
 * WCAG 2.1 AA on the main screens, per demo role, at the laptop and the phone size: axe-core finds no
 * serious or critical violation. One server for all of them; each screen is audited as a role sees it.
 */
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);

/** axe's blocking findings on the page at both sizes, one line per element: screen, size, rule, impact, target. */
async function audit(page: Page, screen: string): Promise<string[]> {
  const found: string[] = [];
  for (const [size, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    await nextFrames(page);
    // options() replaces what withTags() set: it comes first.
    const { violations } = await new AxeBuilder({ page })
      .options({ resultTypes: ["violations"] })
      .withTags(WCAG_AA)
      .analyze();
    for (const v of violations.filter((v) => BLOCKING.has(v.impact ?? ""))) {
      for (const node of v.nodes)
        found.push(`${screen} @${size}: ${v.id} (${v.impact}) ${node.target.join(" ")}`);
    }
  }
  await page.setViewportSize(viewports.desktop);
  return found;
}

/** Fails with every violation listed, so one run tells all there is to fix. */
const expectNone = (found: string[]) =>
  expect(found, `axe-core violations:\n${found.join("\n")}`).toEqual([]);

/** Where Tab moved focus: the element's tag and name, whether it is in view and shows a focus indicator. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    // A ring on the element, or on the box drawn around it (a password field, a select with a section).
    const ringed = (e: Element) => {
      const style = getComputedStyle(e);
      return (
        (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== "none"
      );
    };
    const ring = ringed(el) || (el.parentElement !== null && ringed(el.parentElement));
    const box = el.getBoundingClientRect();
    const inView =
      box.right > 0 && box.left < window.innerWidth && box.bottom > 0 && box.top < window.innerHeight;
    const label = el.getAttribute("aria-label") ?? (el as HTMLInputElement).labels?.[0]?.textContent;
    const name = (label ?? el.textContent ?? "").trim().slice(0, 60);
    return { tag: el.tagName.toLowerCase(), name, row: el.dataset.row ?? null, seen: ring && inView };
  });

/**
 * Tabs from the top of the freshly loaded page to the report's Kirim button: the skip link first, every value
 * in form order, and each stop in view with its focus ring. Failures name the stops.
 */
async function tabToSubmit(page: Page, url: string, size: string) {
  await page.goto(url);
  await page.locator('input[data-row="0"]').waitFor();
  const stops: NonNullable<Awaited<ReturnType<typeof focused>>>[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const stop = await focused(page);
    if (!stop) continue;
    stops.push(stop);
    if (stop.tag === "button" && stop.name === "Kirim") break;
  }
  const names = stops.map((s) => s.name);
  expect(names[0], `${size}: first stop`).toBe("Langsung ke isi halaman");
  for (const main of ["Tahun", "Bulan", "Kirim"])
    expect(
      names.some((n) => n.includes(main)),
      `${size}: ${main} reached by Tab in ${names.join(" | ")}`,
    ).toBe(true);
  const rows = stops.filter((s) => s.row !== null).map((s) => Number(s.row));
  const values = await page.locator("input[data-row]").count();
  expect(rows, `${size}: values in form order`).toEqual([...Array(values).keys()]);
  const unseen = stops.filter((s) => !s.seen).map((s) => `${s.tag} "${s.name}"`);
  expect(unseen, `${size}: focus out of view or without a ring on: ${unseen.join(", ")}`).toEqual([]);
}

describe("accessibility of the main screens (pglite)", () => {
  const app = appSuite("pglite");
  // axe-core needs a page of a context of its own, closed with the page.
  const newPage = async () => {
    const context = await app.browser.newContext({ viewport: viewports.desktop });
    const page = await context.newPage();
    // The browser may already be closing after the last test: that context goes with it.
    page.on("close", () => void context.close().catch(() => {}));
    return page;
  };
  const as = async (username: string) => {
    const page = await newPage();
    await logIn(page, app.server.baseUrl, username);
    return page;
  };

  it("login", async () => {
    const page = await newPage();
    await page.goto(`${app.server.baseUrl}/`);
    await page.getByRole("button", { name: "Masuk" }).waitFor();
    expectNone(await audit(page, "login"));
    await page.close();
  });

  it("home of each role", async () => {
    const found: string[] = [];
    for (const [username, part] of [
      ["operator.yosomulyo", "home-operator"],
      ["program.metro", "home-verification"],
      ["kadis.metro", "home-categories"],
      ["admin.metro", "home-overview"],
    ] as const) {
      const page = await as(username);
      await page.getByTestId("home-as-of").waitFor();
      await page.getByTestId(part).waitFor();
      found.push(...(await audit(page, `home ${username}`)));
      await page.close();
    }
    expectNone(found);
  });

  it("data entry, and its main actions reached by Tab with a visible focus", async () => {
    const page = await as("operator.yosomulyo");
    await page.goto(`${app.server.baseUrl}/isian`);
    await page.getByRole("heading", { name: "Puskesmas Yosomulyo" }).waitFor();
    await page.getByRole("combobox", { name: "Bulan", exact: true }).click();
    await page.getByRole("option", { name: "Januari", exact: true }).click();
    await page.getByText("Laporan Bulanan Puskesmas — Januari 2024").waitFor();

    for (const [size, viewport] of Object.entries(viewports)) {
      await page.setViewportSize(viewport);
      await tabToSubmit(page, page.url(), size);
    }
    await page.setViewportSize(viewports.desktop);

    // An error and a warning on the form, as an operator meets them.
    await page.locator('input[data-row="0"]').click();
    for (const value of ["120", "130", "8", "15", "110", "105", "0", "1", "2"]) {
      await page.keyboard.type(value);
      await page.keyboard.press("Enter");
    }
    await expect
      .poll(() => page.getByTestId("save-status").innerText(), { timeout: 15_000 })
      .toBe("Tersimpan");
    await page.getByTestId("finding-error").first().waitFor();
    // Colour is not the only sign of an error: the value's description is the finding's text.
    const description = await page
      .locator('input[aria-invalid="true"]')
      .first()
      .evaluate((input) =>
        (input.getAttribute("aria-describedby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent)
          .join(" "),
      );
    expect(description).toContain("K4 melebihi jumlah ibu hamil");
    expectNone(await audit(page, "data entry"));
    await page.close();
  });

  it("RAK", async () => {
    const page = await as("admin.metro");
    await page.goto(`${app.server.baseUrl}/rencana`);
    await expect.poll(() => page.getByTestId("rak-table").innerText()).toContain("Rp 343.221.061.270");
    expectNone(await audit(page, "RAK"));
    await page.close();
  });

  it("evaluation", async () => {
    const page = await as("admin.metro");
    await page.goto(`${app.server.baseUrl}/evaluasi?triwulan=3`);
    await page.getByTestId("evaluation-table").waitFor();
    // Every band is named, not only coloured.
    const bands = await page.getByTestId("category").allInnerTexts();
    expect(bands.length).toBeGreaterThan(0);
    for (const band of bands) expect(band).toMatch(/^(Sangat Tinggi|Tinggi|Sedang|Rendah|Sangat Rendah)$/);
    expectNone(await audit(page, "evaluation"));
    await page.close();
  });

  it("SPM", async () => {
    const page = await as("admin.depok");
    await page.goto(`${app.server.baseUrl}/spm`);
    // The year's figures are computed on request, then each card draws its chart.
    await expect
      .poll(() => page.locator('[data-testid="spm-card"] svg').count(), { timeout: 30_000 })
      .toBe(12);
    await page.getByTestId("ranking-table").waitFor();
    expectNone(await audit(page, "SPM"));
    await page.close();
  });

  it("Renstra", async () => {
    const page = await as("admin.metro");
    await page.goto(`${app.server.baseUrl}/renstra`);
    await page.getByTestId("renstra-cascade").waitFor();
    expectNone(await audit(page, "Renstra"));
    await page.close();
  });

  it("SPM quarterly report (e-SPM)", async () => {
    const page = await as("admin.depok");
    await page.goto(`${app.server.baseUrl}/spm?tab=triwulan&tahun=2020&tw=2`);
    await expect
      .poll(() => page.getByTestId("quarter-region").innerText(), { timeout: 30_000 })
      .toContain("2020");
    expectNone(await audit(page, "SPM quarter"));
    await page.close();
  });
});
