import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSuite, flowTargets, logIn, screenshotDir } from "./support.js";

const SERVICE_2 = "2. Pelayanan Kesehatan Ibu Bersalin";
/** Three questionnaires as the printed forms read, U1–U9 each. */
const QUESTIONNAIRES = [
  [4, 4, 3, 4, 3, 4, 4, 3, 4],
  [3, 3, 3, 4, 3, 3, 4, 2, 3],
  [4, 3, 2, 4, 4, 3, 3, 3, 4],
];

/** IKM = mean of all scores × 25, 2 decimals, written the Indonesian way ("83,33"). */
function expectedIkm(questionnaires: number[][]) {
  const scores = questionnaires.flat();
  const sum = scores.reduce((a, b) => a + b, 0);
  // In hundredths, so the rounding is done on whole numbers (a tie cannot occur over 27 scores).
  const hundredths = Math.round((sum * 25 * 100) / scores.length);
  return (hundredths / 100).toFixed(2).replace(".", ",");
}

/** The band letter Permenpan RB 14/2017 gives an IKM. */
const bandOf = (ikm: number) => (ikm >= 88.31 ? "A" : ikm >= 76.61 ? "B" : ikm >= 65 ? "C" : "D");

async function choose(page: Page, label: string, option: string, within: Page | Locator = page) {
  await within.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** The surveys table as rows of cell texts (the badge by its text, not its uppercase rendering). */
async function surveyRows(page: Page) {
  const rows = page.getByTestId("skm-surveys").locator("tbody tr");
  return Promise.all(
    (await rows.all()).map(async (row) => {
      const cells = (await row.locator("td").allInnerTexts()).map((t) => t.trim());
      const band = (await row.getByTestId("skm-band").textContent()) ?? "";
      return { facility: cells[0], service: cells[1], respondents: cells[3], ikm: cells[4] ?? "", band };
    }),
  );
}

describe.each(flowTargets("postgres"))("the Survei Kepuasan Masyarakat of Kota Depok (%s)", (name) => {
  const app = appSuite(name);
  const shot = async (page: Page, what: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshotDir, `skm-${what}-${name}.png`), fullPage: true });
  };

  /** /skm through the menu, the year chosen in its select. */
  async function openSkm(username: string) {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, app.server.baseUrl, username);
    await page.getByRole("link", { name: "Survei Kepuasan" }).click();
    await page.getByRole("heading", { name: "Survei Kepuasan Masyarakat" }).waitFor();
    await choose(page, "Tahun", "2019");
    await page.getByTestId("skm-surveys").waitFor();
    return page;
  }

  it("lists the 2019 demo surveys of the kota with their IKM and mutu A, B and C", async () => {
    const page = await openSkm("admin.depok");
    expect(await page.getByRole("combobox", { name: "Wilayah atau fasyankes" }).inputValue()).toBe(
      "Dinas Kesehatan Kota Depok",
    );
    const rows = await surveyRows(page);
    expect(rows.length).toBe(15);
    for (const row of rows) {
      expect(row.ikm).toMatch(/^\d{2},\d\d$/);
      // Each badge carries the band its IKM falls in.
      expect(row.band.charAt(0), `${row.facility} ${row.service}`).toBe(
        bandOf(Number(row.ikm.replace(",", "."))),
      );
    }
    expect(new Set(rows.map((r) => r.band))).toEqual(
      new Set(["A — Sangat Baik", "B — Baik", "C — Kurang Baik"]),
    );
    expect(new Set(rows.map((r) => r.facility)).size).toBe(5);
    expect(rows.filter((r) => r.facility === "Puskesmas Beji").map((r) => r.service)).toEqual([
      "1. Pelayanan Kesehatan Ibu Hamil",
      "4. Pelayanan Kesehatan Balita",
      "7. Pelayanan Kesehatan pada Usia Lanjut",
    ]);
    expect(await page.getByTestId("skm-legend").textContent()).toContain("IKM 88,31–100");
    await shot(page, "surveys");
    await page.close();
  });

  it("opens a survey at Puskesmas Beji, takes 3 questionnaires by keyboard with a live IKM, refuses a 5", async () => {
    const page = await openSkm("admin.depok");
    await page.getByRole("button", { name: "Survei baru" }).click();
    const dialog = page.getByRole("dialog", { name: "Survei baru" });
    await dialog.waitFor();
    await choose(page, "Fasyankes", "Puskesmas Beji", dialog);
    await choose(page, "Jenis pelayanan SPM", SERVICE_2, dialog);
    await dialog.getByRole("button", { name: "Buat survei" }).click();

    const survey = page.getByTestId("skm-survey");
    await survey.waitFor();
    expect(await survey.getByRole("heading", { level: 3 }).innerText()).toContain("Puskesmas Beji");
    expect(await survey.innerText()).toContain(SERVICE_2);
    expect(await page.getByTestId("skm-live").innerText()).toContain(
      "IKM muncul setelah ada kuesioner lengkap",
    );

    // Each score moves on to the next element by itself; Enter after U9 starts the next questionnaire.
    const score = (element: number, row: number) => page.getByLabel(`U${element} ${row}`, { exact: true });
    await score(1, 1).click();
    for (const [i, scores] of QUESTIONNAIRES.entries()) {
      await page.keyboard.type(scores.join(""), { delay: 20 });
      expect(await score(9, i + 1).inputValue()).toBe(String(scores[8]));
      if (i < QUESTIONNAIRES.length - 1) await page.keyboard.press("Enter");
    }
    for (const [i, scores] of QUESTIONNAIRES.entries()) {
      for (const [e, value] of scores.entries())
        expect(await score(e + 1, i + 1).inputValue()).toBe(String(value));
      expect(await page.getByLabel(`No. responden ${i + 1}`, { exact: true }).inputValue()).toBe(
        String(i + 1),
      );
    }

    const ikm = expectedIkm(QUESTIONNAIRES);
    expect(ikm).toBe("84,26");
    await expect.poll(() => page.getByTestId("skm-live-ikm").innerText()).toBe(ikm);
    expect(await page.getByTestId("skm-live").innerText()).toContain(
      "IKM sementara dari 3 kuesioner lengkap",
    );
    expect(await page.getByTestId("skm-live").getByTestId("skm-band").textContent()).toBe("B — Baik");

    await page.getByTestId("skm-save").click();
    await page.getByTestId("skm-save-message").waitFor();
    expect(await page.getByTestId("skm-save-message").innerText()).toBe("Tersimpan. IKM diperbarui.");
    await expect.poll(() => survey.innerText()).toContain(`IKM ${ikm}`);
    expect(await survey.innerText()).toContain("3 responden");
    const created = (await surveyRows(page)).find(
      (r) => r.facility === "Puskesmas Beji" && r.service === SERVICE_2,
    );
    expect(created).toEqual({
      facility: "Puskesmas Beji",
      service: SERVICE_2,
      respondents: "3",
      ikm,
      band: "B — Baik",
    });
    await shot(page, "entry");

    // A 5 is no score: the cell is flagged in Indonesian and nothing can be saved.
    const u3 = score(3, 1);
    await u3.click();
    await page.keyboard.type("5");
    expect(await u3.inputValue()).toBe("5");
    expect(await u3.getAttribute("aria-invalid")).toBe("true");
    expect(await u3.getAttribute("data-tone")).toBe("error");
    expect(await u3.getAttribute("title")).toBe("Isi 1, 2, 3 atau 4");
    const problems = page.locator('tr[data-row="1"]').getByTestId("skm-row-problem");
    expect(await problems.allInnerTexts()).toEqual(["U3 harus bilangan bulat 1–4."]);
    await page.getByText("Perbaiki sel bertanda merah sebelum menyimpan.").waitFor();
    expect(await page.getByTestId("skm-save").isDisabled()).toBe(true);
    // The live IKM leaves out the questionnaire that is not valid.
    expect(await page.getByTestId("skm-live").innerText()).toContain(
      "IKM sementara dari 2 kuesioner lengkap",
    );
    await shot(page, "refused");

    await page.reload();
    await survey.waitFor();
    await expect.poll(() => score(3, 1).inputValue()).toBe(String(QUESTIONNAIRES[0]?.[2]));
    expect(await page.getByTestId("skm-live-ikm").innerText()).toBe(ikm);
    await page.close();
  });

  it("shows operator.beji only the surveys of Puskesmas Beji", async () => {
    const page = await openSkm("operator.beji");
    const unit = await page.getByRole("combobox", { name: "Wilayah atau fasyankes" }).inputValue();
    expect(unit).toBe("Puskesmas Beji");
    const rows = await surveyRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.facility))).toEqual(new Set(["Puskesmas Beji"]));
    for (const service of [
      "1. Pelayanan Kesehatan Ibu Hamil",
      "4. Pelayanan Kesehatan Balita",
      "7. Pelayanan Kesehatan pada Usia Lanjut",
    ]) {
      expect(rows.map((r) => r.service)).toContain(service);
    }
    // No other unit can be chosen: the list holds Beji and what sits under it, never the kota.
    await page.getByRole("combobox", { name: "Wilayah atau fasyankes" }).click();
    const options = (await page.getByRole("option").allInnerTexts()).map((t) => t.trim());
    expect(options).toContain("Puskesmas Beji");
    expect(options.filter((o) => /Kota Depok|Cimanggis|Tapos|Sukmajaya|Pancoran Mas/.test(o))).toEqual([]);
    await page.keyboard.press("Escape");
    expect(await page.getByTestId("skm-surveys").innerText()).not.toContain("Cimanggis");
    await shot(page, "operator");
    await page.close();
  });
});
