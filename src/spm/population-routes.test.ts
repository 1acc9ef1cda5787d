import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";

describe.each(testDatabases())("SPM target populations on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let depok: string;
  let beji: string;
  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.depok");
    const unit = async (code: string) =>
      (await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, code)))[0]?.id as string;
    depok = await unit("32.76");
    beji = await unit("32.76.01.P1");
  });
  afterAll(() => t.close());

  it("shows the estimated hypertension denominator with the prevalence and its source", async () => {
    const res = await admin.get(`/api/spm/populations?orgUnitId=${depok}&year=2019`);
    expect(res.statusCode).toBe(200);
    const hipertensi = res.json().estimates.find((e: { code: string }) => e.code === "HIPERTENSI");
    expect(hipertensi).toMatchObject({ value: "433440" });
    expect(hipertensi.explanation).toBe("1.680.000 × 25,8% (Riskesdas, 2013) = 433.440");
  });

  const figure = async (unit: string, category: string) =>
    (await admin.get(`/api/spm/populations?orgUnitId=${unit}&year=2019`))
      .json()
      .populations.find((p: { category: string }) => p.category === category).value as string | null;

  it("rolls a puskesmas figure up into the kota and audits it", async () => {
    const kotaBefore = Number(await figure(depok, "ODGJ_BERAT"));
    const bejiBefore = Number(await figure(beji, "ODGJ_BERAT"));
    const res = await admin.request("PUT", "/api/spm/populations", {
      orgUnitId: beji,
      year: 2019,
      values: [{ category: "ODGJ_BERAT", value: "1.250", source: "Register puskesmas" }],
    });
    expect(res.statusCode).toBe(204);
    expect(await figure(depok, "ODGJ_BERAT")).toBe(String(kotaBefore - bejiBefore + 1250));
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "spm.population_set"));
    expect(audit?.newValue).toEqual({ value: "1250", source: "Register puskesmas" });
  });

  it("refuses a head count that is not a whole number, saving nothing", async () => {
    const before = await figure(beji, "TB");
    const res = await admin.request("PUT", "/api/spm/populations", {
      orgUnitId: beji,
      year: 2019,
      values: [
        { category: "TB", value: "40" },
        { category: "BUMIL", value: "dua ratus" },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(await figure(beji, "TB")).toBe(before);
  });

  it("keeps the national prevalence to national managers, but lets the Dinas set its own", async () => {
    const national = await admin.request("PUT", "/api/spm/prevalences", {
      code: "HIPERTENSI",
      orgUnitId: null,
      year: 2019,
      percent: "30",
      source: "Survei",
      sourceYear: 2019,
    });
    expect(national.statusCode).toBe(403);
    const own = await admin.request("PUT", "/api/spm/prevalences", {
      code: "HIPERTENSI",
      orgUnitId: depok,
      year: 2019,
      percent: "26,5",
      source: "Survei Kesehatan Kota Depok",
      sourceYear: 2018,
    });
    expect(own.statusCode).toBe(204);
    const res = (await admin.get(`/api/spm/populations?orgUnitId=${beji}&year=2019`)).json();
    // The kota's own prevalence reaches the puskesmas below it.
    expect(res.estimates[0].explanation).toContain("× 26,5% (Survei Kesehatan Kota Depok, 2018) =");
    const kota = (await admin.get(`/api/spm/populations?orgUnitId=${depok}&year=2019`)).json();
    expect(kota.estimates[0].explanation).toBe(
      "1.680.000 × 26,5% (Survei Kesehatan Kota Depok, 2018) = 445.200",
    );
  });

  it("lets a puskesmas operator read but not change populations", async () => {
    const operator = await TestClient.loggedIn(t.app, "operator.beji");
    expect((await operator.get(`/api/spm/populations?orgUnitId=${beji}&year=2019`)).statusCode).toBe(200);
    const res = await operator.request("PUT", "/api/spm/populations", {
      orgUnitId: beji,
      year: 2019,
      values: [{ category: "TB", value: "5" }],
    });
    expect(res.statusCode).toBe(403);
  });
});
