import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, dataSetReports, orgUnits } from "../db/schema/index.js";
import { canonical } from "../domain/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { SpmAchievement } from "./achievement-schemas.js";
import type { SpmReport } from "./report-types.js";

describe.each(testDatabases())("SPM achievement and annual report on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let depok: string;
  let achievement: SpmAchievement;
  const unit = async (code: string) =>
    (await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, code)))[0]?.id as string;

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.depok");
    depok = await unit("32.76");
    const res = await admin.get(`/api/spm/achievement?orgUnitId=${depok}&year=2019`);
    expect(res.statusCode).toBe(200);
    achievement = res.json();
  });
  afterAll(() => t.close());

  const service = (number: number) => {
    const found = achievement.services.find((s) => s.number === number);
    if (!found) throw new Error(`no service ${number}`);
    return found;
  };

  it("computes all 12 services of Perwal Depok 57/2017 for Kota Depok 2019", () => {
    expect(achievement.version.regulation).toBe("Peraturan Wali Kota Depok Nomor 57 Tahun 2017");
    expect(achievement.services.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const s of achievement.services) {
      expect(s.capaian, `service ${s.number}`).toMatch(/^\d+(\.\d{1,2})?$/);
      expect(s.target).toBe("100");
    }
  });

  it("divides hypertension services by population ≥ 15 × the Riskesdas prevalence and says so", () => {
    expect(service(8).denominator).toBe("433440");
    expect(service(8).denominatorNote).toBe("1.680.000 × 25,8% (Riskesdas, 2013) = 433.440");
    expect(service(9).denominator).toBe("35280");
    expect(service(1).denominatorNote).toBeNull();
  });

  it("counts only approved reports, from government and private facilities alike", async () => {
    const raw = await t.database.db.execute(sql`
      select coalesce(sum(v.value), 0)::text as total from data_values v
      join data_elements e on e.id = v.data_element_id
      join org_units u on u.id = v.org_unit_id
      where e.code = 'BUMIL_K4' and u.path like ${"%/32.76/%"} and v.period like '2019%'
        and exists (select 1 from data_set_reports r where r.org_unit_id = v.org_unit_id
          and r.period = v.period and r.status = 'approved')`);
    const rows = (raw as unknown as { rows: Array<{ total: string }> }).rows;
    expect(service(1).numerator).toBe(canonical(rows[0]?.total ?? ""));
    const providers = service(1).byProvider.map((p) => p.provider);
    expect(providers).toEqual(["PEMERINTAH", "SWASTA"]);
    expect(service(1).receivedReports).toBe(service(1).expectedReports - 1);
  });

  it("measures school screening over the 2018/2019 tahun ajaran and the rest over 2019", () => {
    expect(service(5).months[0]).toBe("201807");
    expect(service(5).months.at(-1)).toBe("201906");
    expect(service(1).months).toHaveLength(12);
    const monthly = service(1).monthly.map((m) => Number(m.capaian));
    expect(monthly).toEqual([...monthly].sort((a, b) => a - b));
    expect(service(1).monthly.at(-1)?.capaian).toBe(service(1).capaian);
  });

  it("breaks the kota down by kecamatan and ranks every puskesmas", () => {
    expect(achievement.children).toHaveLength(11);
    expect(achievement.children.every((c) => c.type === "kecamatan")).toBe(true);
    expect(achievement.puskesmas).toHaveLength(11);
    const means = achievement.puskesmas.map((p) => Number(p.meanCapaian));
    expect(means).toEqual([...means].sort((a, b) => b - a));
    // Every service counted at the kota is counted in its kecamatan too, school year included.
    const counted = (services: ReadonlyArray<{ number: number; numerator: string | null }>) =>
      services.filter((s) => s.numerator !== null).map((s) => s.number);
    const inKecamatan = new Set(achievement.children.flatMap((c) => counted(c.services)));
    expect([...inKecamatan].sort((a, b) => a - b)).toEqual(counted(achievement.services));
  });

  it("shows a puskesmas with its private clinics and a kecamatan with its puskesmas", async () => {
    const pancoranMas = await unit("32.76.08.P1");
    const res = await admin.get(`/api/spm/achievement?orgUnitId=${pancoranMas}&year=2019`);
    expect(res.statusCode).toBe(200);
    const k4 = (res.json() as SpmAchievement).services[0];
    expect(k4?.byProvider.find((p) => p.provider === "SWASTA")).toBeDefined();
    const kecamatan = await unit("32.76.08");
    const kec = (await admin.get(`/api/spm/achievement?orgUnitId=${kecamatan}&year=2019`)).json();
    expect(kec.children.map((c: { type: string }) => c.type)).toEqual(["puskesmas"]);
  });

  it("stops approved-only counting from moving when a pending month is approved later", async () => {
    const last = achievement.puskesmas.find((p) => p.code === "32.76.11.P1");
    expect(last).toBeDefined();
    await t.database.db
      .update(dataSetReports)
      .set({ status: "approved" })
      .where(and(eq(dataSetReports.status, "submitted"), eq(dataSetReports.period, "201912")));
    const after = (await admin.get(`/api/spm/achievement?orgUnitId=${depok}&year=2019`)).json();
    expect(Number(after.services[0].numerator)).toBeGreaterThan(Number(service(1).numerator));
    expect(after.services[0].receivedReports).toBe(after.services[0].expectedReports);
  });

  it("says which SPM version is missing instead of computing a year nobody adopted", async () => {
    const res = await admin.get(`/api/spm/achievement?orgUnitId=${depok}&year=2024`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain("belum menetapkan versi SPM untuk tahun 2024");
  });

  it("keeps the Dinas's explanation of a result, audited, and refuses a stale edit", async () => {
    const body = {
      orgUnitId: depok,
      year: 2019,
      serviceId: service(8).serviceId,
      masalah: "Klinik swasta belum melapor skrining tekanan darah.",
      pemecahanMasalah: "Pelaporan klinik swasta lewat puskesmas wilayah.",
      revision: null,
    };
    const saved = await admin.request("PUT", "/api/spm/report/notes", body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ revision: 1 });
    const stale = await admin.request("PUT", "/api/spm/report/notes", body);
    expect(stale.statusCode).toBe(409);
    const report: SpmReport = (await admin.get(`/api/spm/report?orgUnitId=${depok}&year=2019`)).json();
    expect(report.services[7]?.masalah).toBe(body.masalah);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "spm.report_note_set"));
    expect(audits).toHaveLength(1);
  });

  it("lets an operator read the report but not write its explanations", async () => {
    const operator = await TestClient.loggedIn(t.app, "operator.beji");
    const beji = await unit("32.76.01.P1");
    expect((await operator.get(`/api/spm/report?orgUnitId=${beji}&year=2019`)).statusCode).toBe(200);
    const res = await operator.request("PUT", "/api/spm/report/notes", {
      orgUnitId: beji,
      year: 2019,
      serviceId: service(1).serviceId,
      masalah: "x",
      pemecahanMasalah: null,
      revision: null,
    });
    expect(res.statusCode).toBe(403);
  });

  it("downloads the report as xlsx with every service and as a pdf with the signatory", async () => {
    const xlsx = await admin.get(`/api/spm/report.xlsx?orgUnitId=${depok}&year=2019`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain("laporan-spm-32.76-2019.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(book.worksheets[0]?.getSheetValues());
    expect(text).toContain("Pelayanan Kesehatan Penderita Hipertensi");
    expect(text).toContain("433440");
    const pdf = await admin.get(`/api/spm/report.pdf?orgUnitId=${depok}&year=2019&paper=F4`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
