import { describe, expect, it } from "vitest";
import { apiSession, apiWrite, appSuite, checkBothSizes, flowTargets, logIn } from "./support.js";

/**
 * Reminders are run through POST /api/reminders/run as the Metro admin; REMINDER_TEST_CLOCK lets the run
 * take 13 April 2025 as today, when March 2025's form of Puskesmas Yosomulyo is overdue.
 */
describe.each(flowTargets("postgres"))("deadline reminders (%s)", (name) => {
  const app = appSuite(name, { REMINDER_TEST_CLOCK: "true" });

  it("shows the operator the overdue form in the bell, once, after the reminders ran", async () => {
    const admin = await apiSession(app.browser, app.server.baseUrl, "admin.metro");
    const run = await apiWrite(admin, "post", "/api/reminders/run", { today: "2025-04-13" });
    expect(run.notices).toBeGreaterThan(0);
    const again = await apiWrite(admin, "post", "/api/reminders/run", { today: "2025-04-13" });
    expect(again.notices).toBe(0);

    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(page, app.server.baseUrl, "operator.yosomulyo");
    const bell = page.getByTestId("notification-bell");
    await expect
      .poll(() => bell.getAttribute("aria-label"), { timeout: 15_000 })
      .toBe("Pemberitahuan: 1 belum dibaca");
    await bell.click();
    const item = page.getByTestId("notification-item");
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain("Tenggat Laporan terlewat");
    expect(await item.innerText()).toContain("Laporan Bulanan Puskesmas, Puskesmas Yosomulyo");
    await checkBothSizes(page, "reminders-bell", name);

    // Opening the notice marks it read and leads to the form.
    await item.click();
    await page.waitForURL(/\/isian$/);
    await expect
      .poll(() => bell.getAttribute("aria-label"), { timeout: 15_000 })
      .toBe("Pemberitahuan: 0 belum dibaca");
    await page.close();
  });

  it("lets the admin move the e-SPM deadline of a quarter on the Tenggat page", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(page, app.server.baseUrl, "admin.metro");
    await page.getByRole("link", { name: "Tenggat" }).click();
    await page.getByRole("heading", { name: "Tenggat tahunan" }).waitFor();
    const q1 = page.getByTestId(`due-spm_quarter/${new Date().getFullYear()}Q1`);
    await q1.fill(`${new Date().getFullYear()}-04-22`);
    await page.getByRole("button", { name: "Simpan tenggat" }).click();
    await page.getByText("Tenggat disimpan.").waitFor();
    expect(await q1.inputValue()).toBe(`${new Date().getFullYear()}-04-22`);
    await checkBothSizes(page, "reminders-deadlines", name);
    await page.close();
  });
});
