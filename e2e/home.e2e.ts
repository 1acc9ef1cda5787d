import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiSession, apiWrite, appSuite, checkBothSizes, flowTargets, logIn } from "./support.js";

/**
 * The home page per role on the demo (Kota Metro 2024, January–September), and its to-do loop: a report
 * Yosomulyo sends for March waits on the pengelola's home, is opened from there and sent back with a
 * reason, and the reason is on the operator's home.
 */
describe.each(flowTargets("pglite"))("the home page per role (%s)", (name) => {
  const app = appSuite(name);
  const homeOf = async (username: string) => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(page, app.server.baseUrl, username);
    await page.getByTestId("home-as-of").waitFor();
    return page;
  };

  it("shows the kepala dinas the quarter, the programs, SPM, completeness and what to approve", async () => {
    const page = await homeOf("kadis.metro");
    expect(await page.getByTestId("home-as-of").innerText()).toContain("September 2024");
    await page.getByTestId("home-categories").waitFor();
    expect(await page.getByTestId("home-to-approve").innerText()).toContain("Puskesmas Iringmulyo");
    expect(await page.getByTestId("home-completeness").innerText()).toMatch(/dari 11 laporan masuk/);
    await page.getByTestId("home-quadrant").locator("svg").waitFor();
    await checkBothSizes(page, "home-kadis", name);
    // A band's count opens the evaluation of the quarter it counts.
    await page.getByTestId("home-categories").getByRole("link").first().click();
    await page.waitForURL(/\/evaluasi\/.+triwulan=3/);
    await page.close();
  });

  it("shows the auditor the overview and the audit trail's activity", async () => {
    const page = await homeOf("auditor.metro");
    await page.getByTestId("home-audit").waitFor();
    await checkBothSizes(page, "home-auditor", name);
    await page.close();
  });

  it("shows the admin the set-up checklist beside the overview", async () => {
    const page = await homeOf("admin.metro");
    await page.getByTestId("home-overview").waitFor();
    await checkBothSizes(page, "home-admin", name);
    await page.close();
  });

  it("lets the pengelola open a waiting report from home and return it; the operator sees why on home", async () => {
    // Yosomulyo never sent March (a new operator took over in May): it sends it now, through the API.
    const operatorApi = await apiSession(app.browser, app.server.baseUrl, "operator.yosomulyo");
    const [dataSet] = await (await operatorApi.request.get("/api/data-sets")).json();
    const unit = dataSet.orgUnits.find((u: { name: string }) => u.name === "Puskesmas Yosomulyo");
    const key = (period: string) => ({ dataSetId: dataSet.id, orgUnitId: unit.id, period });
    const september = await (
      await operatorApi.request.get(`/api/data-entry/form?${new URLSearchParams(key("202409"))}`)
    ).json();
    await apiWrite(operatorApi, "put", "/api/data-entry/values", {
      ...key("202403"),
      values: september.values.map((v: { dataElementId: string; value: string }) => ({
        dataElementId: v.dataElementId,
        value: v.value,
        comment: "Disalin dari register Maret",
        revision: null,
      })),
    });
    await apiWrite(operatorApi, "post", "/api/data-entry/transition", { ...key("202403"), action: "submit" });

    const program = await homeOf("program.metro");
    const waiting = program.getByTestId("home-verification");
    expect(await waiting.innerText()).toContain("Puskesmas Banjarsari");
    await checkBothSizes(program, "home-pengelola", name);
    await waiting.getByRole("link", { name: /Puskesmas Yosomulyo .* Maret 2024/ }).click();
    await program.getByRole("heading", { name: "Puskesmas Yosomulyo" }).waitFor();
    await returnWithReason(program, "Jumlah K4 Maret sama persis dengan September: periksa register.");
    await program.close();

    const operator = await homeOf("operator.yosomulyo");
    const returned = operator.getByTestId("home-returned");
    await expect.poll(() => returned.innerText()).toContain("sama persis dengan September");
    expect(await returned.innerText()).toContain("Maret 2024");
    await checkBothSizes(operator, "home-operator", name);
    await operator.close();
  });
});

async function returnWithReason(page: Page, reason: string) {
  await page.getByRole("button", { name: "Kembalikan", exact: true }).click();
  await page.getByRole("textbox", { name: "Alasan" }).fill(reason);
  await page.getByRole("dialog").getByRole("button", { name: "Kembalikan" }).click();
  await expect.poll(() => page.getByTestId("report-status").textContent()).toBe("Dikembalikan");
}
