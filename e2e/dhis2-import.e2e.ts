import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appSuite, checkBothSizes, choose, flowTargets, logIn } from "./support.js";

const FORM = "Laporan Bulanan Puskesmas";
const HEADER = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value";
/** Yosomulyo never sent December 2024, so its form is open to an import. */
const YOSOMULYO = "18.72.01.P2";
const DECEMBER = `dataSet=LB-PUSKESMAS&orgUnit=${YOSOMULYO}&period=202412&idScheme=CODE&format=json`;

const csv = (unit: string) =>
  `${HEADER}\nBUMIL_SASARAN,202412,${YOSOMULYO},,,40\nBUMIL_K4,202412,${unit},,,7\n`;

describe.each(flowTargets("postgres"))(
  "values exchanged with DHIS2 on the Impor DHIS2/ADX page (%s)",
  (name) => {
    // Above a kilobyte an import runs as a job: the last flow's file is followed until it answers.
    const app = appSuite(name, { JOB_THRESHOLD_BYTES: "1000" });
    const dir = mkdtempSync(join(tmpdir(), "capaian-dhis2-"));
    const field = (page: Page, label: string) => page.getByRole("textbox", { name: label, exact: true });
    const december = async (page: Page) =>
      (await (await page.request.get(`${app.server.baseUrl}/api/dataValueSets?${DECEMBER}`)).json())
        .dataValues;

    const open = async (username: string) => {
      const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
      await logIn(page, app.server.baseUrl, username);
      await page.getByRole("link", { name: "Impor DHIS2/ADX" }).click();
      await page.getByRole("heading", { name: "Impor DHIS2/ADX", level: 2 }).waitFor();
      return page;
    };

    it("the admin exports a month of Kota Metro as JSON (and may not import)", async () => {
      const page = await open("admin.metro");
      expect(await page.getByTestId("dhis2-file").count()).toBe(0);

      // Export: January 2024 of every puskesmas of Kota Metro, as JSON.
      await choose(
        page,
        page.getByRole("combobox", { name: "Unit organisasi", exact: true }),
        "Kota Metro (18.72)",
      );
      await field(page, "Dari tanggal").fill("2024-01-01");
      await field(page, "Sampai tanggal").fill("2024-01-31");
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Unduh", exact: true }).click();
      const exported = join(dir, "januari.json");
      await (await download).saveAs(exported);
      const values = JSON.parse(readFileSync(exported, "utf8")).dataValues as Array<{ period: string }>;
      expect(values.length).toBeGreaterThan(0);
      expect(new Set(values.map((v) => v.period))).toEqual(new Set(["202401"]));
      await page.close();
    });

    it("an operator's file with an unknown unit is refused in the dry run, the corrected one imported", async () => {
      const page = await open("operator.yosomulyo");

      // A file with one unknown unit: the dry run names it and nothing is written.
      const bad = join(dir, "salah.csv");
      writeFileSync(bad, csv("99.99.XX"));
      await page.getByTestId("dhis2-file").setInputFiles(bad);
      await choose(page, page.getByRole("combobox", { name: "Formulir data", exact: true }).first(), FORM);
      await choose(page, page.getByRole("combobox", { name: "Skema ID", exact: true }), "Kode");
      await page.getByRole("button", { name: "Uji coba", exact: true }).click();
      await page.getByTestId("dhis2-summary").waitFor();
      await expect.poll(() => page.getByTestId("dhis2-status").innerText()).toMatch(/ditolak/i);
      expect(await page.getByTestId("dhis2-conflicts").innerText()).toContain("99.99.XX");
      expect(await page.getByTestId("dhis2-count-imported").innerText()).toBe("0");
      expect(await december(page)).toEqual([]);
      await checkBothSizes(page, "dhis2-import-conflicts", name);

      // The corrected file: tried, then imported, and the values are there.
      const good = join(dir, "benar.csv");
      writeFileSync(good, csv(YOSOMULYO));
      await page.getByTestId("dhis2-file").setInputFiles(good);
      await page.getByRole("button", { name: "Uji coba", exact: true }).click();
      await page.getByTestId("dhis2-dry-run").waitFor();
      expect(await page.getByTestId("dhis2-count-imported").innerText()).toBe("2");
      expect(await december(page)).toEqual([]);
      await page.getByRole("button", { name: "Impor", exact: true }).click();
      await page.getByTestId("dhis2-dry-run").waitFor({ state: "detached" });
      await page.getByTestId("dhis2-summary").waitFor();
      expect(await page.getByTestId("dhis2-count-imported").innerText()).toBe("2");
      expect((await december(page)).length).toBe(2);
      await checkBothSizes(page, "dhis2-import-done", name);
      await page.close();
    });

    it("a file above the job threshold is followed on the page until its summary", async () => {
      const page = await open("operator.yosomulyo");
      const big = join(dir, "besar.csv");
      const note = "catatan ".repeat(80);
      writeFileSync(
        big,
        `${HEADER},storedby,lastupdated,comment\nBUMIL_SASARAN,202412,${YOSOMULYO},,,41,,,${note}\nBUMIL_K4,202412,${YOSOMULYO},,,8,,,${note}\n`,
      );
      await page.getByTestId("dhis2-file").setInputFiles(big);
      await choose(page, page.getByRole("combobox", { name: "Formulir data", exact: true }).first(), FORM);
      await choose(page, page.getByRole("combobox", { name: "Skema ID", exact: true }), "Kode");
      await page.getByRole("button", { name: "Uji coba", exact: true }).click();
      await page.getByTestId("dhis2-dry-run").waitFor();
      expect(await page.getByTestId("dhis2-count-updated").innerText()).toBe("2");
      expect(await page.getByTestId("dhis2-job").count()).toBe(0);
      const jobs = (await (await page.request.get(`${app.server.baseUrl}/api/jobs`)).json()).items;
      expect(jobs[0]).toMatchObject({ status: "done", progress: { read: 2, total: 2 } });
      await page.close();
    });
  },
);
