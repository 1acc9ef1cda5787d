import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits, spmServices, spmVersions } from "../db/schema/index.js";
import { canonical } from "../domain/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { SpmQuarterReport } from "./quarter-types.js";

const steps = (status: "belum" | "proses" | "selesai") =>
  Array.from({ length: 4 }, () => ({ status, note: null as string | null }));

describe.each(testDatabases())("the quarterly e-SPM report on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let depok: string;
  const reports: SpmQuarterReport[] = [];

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.depok");
    [{ id: depok }] = (await t.database.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(eq(orgUnits.code, "32.76"))) as [{ id: string }];
    for (const quarter of [1, 2, 3, 4]) {
      const res = await admin.get(`/api/spm/quarter-report?orgUnitId=${depok}&year=2020&quarter=${quarter}`);
      expect(res.statusCode, res.body).toBe(200);
      reports.push(res.json());
    }
  });
  afterAll(() => t.close());

  it("computes Depok 2020 under Permenkes 4/2019 and cites where the catalogue comes from", () => {
    const [q1] = reports as [SpmQuarterReport];
    expect(q1.version.code).toBe("PERMENKES-4-2019");
    expect(q1.version.sourceNote).toContain("tidak ditemukan");
    expect(q1.services.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(q1.indexRule.note).toContain("belum diverifikasi");
  });

  it("counts those served from the approved data up to each quarter's end", async () => {
    const raw = await t.database.db.execute(sql`
      select coalesce(sum(v.value), 0)::text as total from data_values v
      join data_elements e on e.id = v.data_element_id
      join org_units u on u.id = v.org_unit_id
      where e.code = 'BUMIL_K4' and u.path like ${"%/32.76/%"} and v.period between '202001' and '202003'`);
    const [{ total }] = (raw as unknown as { rows: Array<{ total: string }> }).rows as [{ total: string }];
    const ibuHamil = reports.map((r) => r.services[0] as SpmQuarterReport["services"][number]);
    expect(ibuHamil[0]?.served).toBe(canonical(total));
    expect(ibuHamil[0]?.throughPeriod).toBe("202003");
    // 41.500 × 1,02: the demo's 2020 population of ibu hamil.
    expect(ibuHamil.map((s) => s.mustServe)).toEqual(["42330", "42330", "42330", "42330"]);
    const served = ibuHamil.map((s) => Number(s.served));
    expect(served).toEqual([...served].sort((a, b) => a - b));
    expect(ibuHamil[0]?.penerimaCapaian).toBe(String(Math.round((Number(total) / 42330) * 10000) / 100));
  });

  it("ends the school-year service with the tahun ajaran in June", () => {
    const school = reports.map((r) => r.services[4]);
    expect(school.map((s) => s?.throughPeriod)).toEqual(["202003", "202006", "202006", "202006"]);
  });

  it("takes the budget from the linked kegiatan and the index from penerima and mutu", () => {
    const q2 = reports[1] as SpmQuarterReport;
    for (const s of q2.services) {
      expect(s.budget.kegiatan).toHaveLength(1);
      // The demo spends 12 % then 20 % of each pagu: 32 % by the end of TW II.
      expect(s.budget.realisasi).toBe(Math.round(s.budget.pagu * 0.12) + Math.round(s.budget.pagu * 0.2));
      const penerima = Math.min(100, Number(s.penerimaCapaian));
      const expected = Math.round(((penerima * 50 + Number(s.mutuPercent) * 50) / 100) * 100) / 100;
      expect(Number(s.index)).toBeCloseTo(expected, 2);
    }
    const mean = q2.services.reduce((n, s) => n + Number(s.index), 0) / q2.services.length;
    expect(Number(q2.index.value)).toBeCloseTo(mean, 2);
    expect(q2.index.missing).toBe(0);
  });

  it("saves a quarter's entries in one audited transaction and refuses a stale revision", async () => {
    const q1 = reports[0] as SpmQuarterReport;
    const [a, b] = q1.services as [
      SpmQuarterReport["services"][number],
      SpmQuarterReport["services"][number],
    ];
    const body = (entries: object[]) => ({ orgUnitId: depok, year: 2020, quarter: 1, entries });
    const entry = (s: typeof a, extra: object = {}) => ({
      serviceId: s.serviceId,
      steps: steps("selesai"),
      masalah: "Sasaran berpindah domisili",
      solusi: "Pendataan ulang",
      rencanaAksi: "Sweeping",
      mutuPercent: "92,5",
      revision: s.revision,
      ...extra,
    });
    // The second entry's revision is stale: nothing is saved.
    const stale = await admin.request(
      "PUT",
      "/api/spm/quarter-report",
      body([entry(a), entry(b, { revision: 99 })]),
    );
    expect(stale.statusCode).toBe(409);
    const saved = await admin.request("PUT", "/api/spm/quarter-report", body([entry(a), entry(b)]));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().saved).toBe(2);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "spm.quarter_entry_set"), eq(auditLog.orgUnitId, depok)));
    expect(audits).toHaveLength(2);
    const after = (await admin.get(`/api/spm/quarter-report?orgUnitId=${depok}&year=2020&quarter=1`)).json();
    expect(after.services[0].mutuPercent).toBe("92.5");
    expect(after.services[0].steps.map((s: { status: string }) => s.status)).toEqual(
      Array(4).fill("selesai"),
    );
  });

  it("refuses a mutu above 100 and a service of another version, in both languages", async () => {
    const q1 = reports[0] as SpmQuarterReport;
    const s = q1.services[2] as SpmQuarterReport["services"][number];
    const put = (entry: object) =>
      admin.request("PUT", "/api/spm/quarter-report", {
        orgUnitId: depok,
        year: 2020,
        quarter: 1,
        entries: [entry],
      });
    const base = {
      serviceId: s.serviceId,
      steps: steps("belum"),
      masalah: null,
      solusi: null,
      rencanaAksi: null,
    };
    const tooHigh = await put({ ...base, mutuPercent: "120", revision: s.revision });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.code).toBe("SPM_MUTU_INVALID");
    const [perwal] = await t.database.db
      .select({ id: spmServices.id })
      .from(spmServices)
      .innerJoin(spmVersions, eq(spmVersions.id, spmServices.versionId))
      .where(eq(spmVersions.code, "PERWAL-DEPOK-57-2017"));
    const other = await put({ ...base, serviceId: perwal?.id, mutuPercent: null, revision: null });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe("SPM_SERVICE_NOT_IN_VERSION");
  });

  it("exports the quarter as a flat xlsx table per service and as a pdf", async () => {
    const xlsx = await admin.get(`/api/spm/quarter-report.xlsx?orgUnitId=${depok}&year=2020&quarter=4`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(String(sheet.getCell(2, 1).value)).toBe("KOTA DEPOK TAHUN 2020 TRIWULAN IV");
    expect(sheet.getCell(5, 3).value).toBe("JUMLAH YANG HARUS DILAYANI");
    const q4 = reports[3] as SpmQuarterReport;
    q4.services.forEach((s, i) => {
      expect(sheet.getCell(6 + i, 2).value).toBe(s.name);
      expect(sheet.getCell(6 + i, 4).value).toBe(Number(s.served));
      expect(sheet.getCell(6 + i, 8).value).toBe(s.budget.pagu);
    });
    const pdf = await admin.get(
      `/api/spm/quarter-report.pdf?orgUnitId=${depok}&year=2020&quarter=4&paper=F4`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
