import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanSummary } from "../../plans/schemas.js";
import { openTestApp, type TestApp } from "../../test-support/app.js";
import { TestClient } from "../../test-support/client.js";
import { type TestDatabase, testDatabases } from "../../test-support/databases.js";
import { hasSoffice, SOFFICE, sofficeConvert } from "../../test-support/libreoffice.js";

const runs = hasSoffice() || Boolean(process.env.CI);
if (!runs) console.warn(`LKjIP docx test skipped: LibreOffice not found at ${SOFFICE} (CI runs it).`);

/** Pages of a pdf, by its page objects (LibreOffice writes one "/Type /Page" per page). */
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

/**
 * The LKjIP 2025 docx of the demo opens in LibreOffice: converted to pdf it has pages, and read back as
 * text it holds the chapters and the figures in Indonesian formats. A rendering test: one database is enough.
 */
describe.runIf(runs)("the LKjIP docx in LibreOffice", () => {
  let t: TestApp;
  let dir: string;
  let docx: string;

  beforeAll(async () => {
    if (!hasSoffice())
      throw new Error(`CI needs LibreOffice at ${SOFFICE} (apt-get install libreoffice-writer-nogui)`);
    t = await openTestApp(testDatabases()[0] as TestDatabase, 10_000, { demo: { monitoring: true } });
    const admin = await TestClient.loggedIn(t.app, "admin.metro");
    const [renstra] = (await admin.get("/api/plans?kind=renstra")).json() as PlanSummary[];
    const res = await admin.get(`/api/renstra/${renstra?.id}/lkjip.docx?year=2025`);
    expect(res.statusCode).toBe(200);
    dir = await mkdtemp(join(tmpdir(), "lkjip-docx-"));
    docx = join(dir, "lkjip-2025.docx");
    await writeFile(docx, res.rawPayload);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("converts to a pdf with the report's pages", async () => {
    const pdf = await readFile(await sofficeConvert(docx, "pdf", dir));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Cover, ikhtisar, Bab I, II, III (two sasaran and the budget), IV, lampiran.
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(7);
  }, 180_000);

  it("reads back with its chapters, tables and Indonesian figures", async () => {
    const text = await readFile(await sofficeConvert(docx, "txt:Text", dir), "utf8");
    for (const expected of [
      "LAPORAN KINERJA INSTANSI PEMERINTAH",
      "IKHTISAR EKSEKUTIF",
      "BAB III AKUNTABILITAS KINERJA",
      "Sasaran Strategis 1",
      "Tabel 3.1.5 Efisiensi",
      "117,49",
      "Rp 53.500.000.000",
      "95,61",
      "Survei Status Gizi Indonesia (SSGI) 2024",
      "BAB IV PENUTUP",
      "Perjanjian Kinerja Tahun 2025",
    ]) {
      expect(text, expected).toContain(expected);
    }
  }, 180_000);
});
