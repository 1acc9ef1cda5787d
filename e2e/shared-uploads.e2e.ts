import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appSuite, choose, flowTargets, logIn } from "./support.js";

const HEADER = "No. responden;Jenis kelamin (L/P);U1;U2;U3;U4;U5;U6;U7;U8;U9";

describe.each(flowTargets("postgres"))(
  "SKM questionnaires and data set workbooks on the shared preview (%s)",
  (name) => {
    const app = appSuite(name);
    const dir = mkdtempSync(join(tmpdir(), "capaian-skm-"));

    it("previews the Laporan Bulanan Puskesmas workbook as downloaded and saves it", async () => {
      const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
      await logIn(page, app.server.baseUrl, "admin.metro");
      const api = (path: string) => page.request.get(`${app.server.baseUrl}/api${path}`);
      const sets = (await (await api("/metadata/data-sets")).json()) as Array<{ id: string; code: string }>;
      const form = sets.find((s) => s.code === "LB-PUSKESMAS");
      const workbook = join(dir, "formulir.xlsx");
      writeFileSync(workbook, await (await api(`/metadata/data-sets/${form?.id}/workbook.xlsx`)).body());

      await page.getByRole("link", { name: "Formulir Data" }).click();
      await page.getByRole("heading", { name: "Formulir Data", level: 2 }).waitFor();
      await page.getByTestId("workbook-upload").click();
      const broken = join(dir, "rusak.xlsx");
      writeFileSync(broken, "bukan xlsx");
      await page.getByTestId("workbook-file").setInputFiles(broken);
      await page.getByRole("button", { name: "Pratinjau perubahan" }).click();
      await page.getByTestId("workbook-error").waitFor();

      await page.getByTestId("workbook-file").setInputFiles(workbook);
      await page.getByRole("button", { name: "Pratinjau perubahan" }).click();
      expect(await page.getByTestId("workbook-preview").innerText()).toContain("LB-PUSKESMAS");
      await page.getByTestId("workbook-commit").click();
      expect(await page.getByTestId("workbook-saved").innerText()).toBe("Formulir tersimpan dari Excel.");
      await page.close();
    });

    it("shows the row with a 5 and saves nothing, then saves the corrected file", async () => {
      const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
      await logIn(page, app.server.baseUrl, "admin.depok");
      await page.getByRole("link", { name: "Survei Kepuasan" }).click();
      await page.getByRole("heading", { name: "Survei Kepuasan Masyarakat" }).waitFor();
      await choose(page, page.getByRole("combobox", { name: "Tahun", exact: true }), "2019");
      await page.getByRole("button", { name: "Survei baru" }).click();
      const dialog = page.getByRole("dialog", { name: "Survei baru" });
      await choose(page, dialog.getByRole("combobox", { name: "Fasyankes", exact: true }), "Puskesmas Beji");
      await choose(
        page,
        dialog.getByRole("combobox", { name: "Jenis pelayanan SPM", exact: true }),
        "2. Pelayanan Kesehatan Ibu Bersalin",
      );
      await dialog.getByRole("button", { name: "Buat survei" }).click();
      await page.getByTestId("skm-survey").waitFor();

      const bad = join(dir, "salah.csv");
      writeFileSync(bad, `${HEADER}\n1;P;3;3;3;3;3;3;3;3;3\n2;L;5;3;2;3;2;3;2;3;2\n`);
      await page.getByTestId("skm-upload-file").setInputFiles(bad);
      await page.getByRole("button", { name: "Pratinjau", exact: true }).click();
      const preview = page.getByTestId("skm-upload-preview");
      await preview.waitFor();
      expect(await preview.innerText()).toContain("U1 harus bilangan bulat 1–4.");
      expect(await page.getByTestId("skm-upload-confirm").count()).toBe(0);

      const good = join(dir, "benar.csv");
      writeFileSync(good, `${HEADER}\n1;P;3;3;3;3;3;3;3;3;3\n2;L;2;3;2;3;2;3;2;3;2\n`);
      await page.getByTestId("skm-upload-file").setInputFiles(good);
      await page.getByRole("button", { name: "Pratinjau", exact: true }).click();
      await page.getByTestId("skm-upload-confirm").click();
      expect(await page.getByTestId("skm-upload-saved").innerText()).toContain("2 kuesioner");
      await page.close();
    });
  },
);
