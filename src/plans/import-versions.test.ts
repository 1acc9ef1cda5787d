import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits, plans } from "../db/schema/index.js";
import { rakMetro2024 } from "../demo/rak-metro-2024.js";
import type { Evaluation } from "../evaluation/types.js";
import { rakXlsx } from "../reports/rak/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Plan, PlanSummary } from "./schemas.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The demo RAK with the AHH target raised and the JKN indicator renamed, as an edited workbook. */
function changedRak() {
  const doc = structuredClone(rakMetro2024);
  const sasaran = doc.sasaran[0];
  if (!sasaran?.indicators[0] || !sasaran.indicators[1]) throw new Error("demo RAK changed");
  sasaran.indicators[0].target = "73";
  sasaran.indicators[0].quarters = ["-", "-", "-", "73"];
  sasaran.indicators[1].name = "Cakupan kepesertaan JKN";
  return doc;
}

describe.each(testDatabases())("importing a RAK as a new version on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let metro: string;
  let same: Buffer;
  let changed: Buffer;
  const upload = (path: string, body: Buffer, year = 2024) =>
    admin.request("POST", `/api/plans/${path}?orgUnitId=${metro}&year=${year}&fileName=rak.xlsx`, body, {
      "content-type": XLSX,
    });
  const counts = async () => ({
    plans: (await t.database.db.select().from(plans)).length,
    audit: (await t.database.db.select().from(auditLog)).length,
  });
  const versions = async () =>
    ((await admin.get("/api/plans?year=2024")).json() as PlanSummary[]).filter((p) => p.orgUnitId === metro);

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
    metro = unit?.id as string;
    same = await rakXlsx(rakMetro2024);
    changed = await rakXlsx(changedRak());
  });
  afterAll(() => t.close());

  it("finds nothing new in the workbook of the version in force and refuses to save it twice", async () => {
    const preview = (await upload("import/preview", same)).json();
    expect(preview.version).toMatchObject({ active: { version: 1 }, nextVersion: 2, sameAs: 1, changes: [] });
    const before = await counts();
    const res = await upload("import", same);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "PLAN_UNCHANGED",
      message: expect.stringContaining("Tidak ada perubahan"),
    });
    expect(await counts()).toEqual(before);
    expect(await versions()).toHaveLength(1);
  });

  it("lists exactly the changed target and the renamed indicator, and keeps the work done on the old version", async () => {
    const [v1] = await versions();
    const old: Plan = (await admin.get(`/api/plans/${v1?.id}`)).json();
    const [ahh, jkn] = old.nodes[0]?.indicators ?? [];
    const program = old.nodes.find((n) => n.level === "program");
    const put = (path: string, body: object) => admin.request("PUT", `/api/plans/${old.id}/${path}`, body);
    for (const [path, body] of [
      [
        `indicators/${ahh?.id}/quarters/1`,
        { revision: null, realisasi: "72.4", faktorPendorong: "Kader posyandu aktif" },
      ],
      [`indicators/${jkn?.id}/quarters/1`, { revision: null, tindakLanjut: "Pendataan PBI ulang" }],
      [`nodes/${program?.id}/budget-realisasi/1`, { revision: null, amount: 1_500_000 }],
    ] as const) {
      expect((await put(path, body)).statusCode).toBe(200);
    }

    const preview = (await upload("import/preview", changed)).json();
    const expected = [
      { kind: "targetChanged", name: "Angka Harapan Hidup", field: "target", from: "72.18", to: "73" },
      { kind: "targetChanged", name: "Angka Harapan Hidup", field: "q4", from: "72.18", to: "73" },
      {
        kind: "indicatorRenamed",
        from: "Persentase Peserta Jaminan Kesehatan Nasional (JKN)",
        to: "Cakupan kepesertaan JKN",
      },
    ];
    expect(preview.version.sameAs).toBeNull();
    expect(preview.version.changes).toMatchObject(expected);
    expect(preview.version.changes).toHaveLength(expected.length);

    const saved = await upload("import", changed);
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ version: 2, carried: { indicatorQuarters: 2, budgetQuarters: 1 } });
    expect(saved.json().changes).toHaveLength(expected.length);
    const planId = saved.json().planId;
    const evaluation: Evaluation = (await admin.get(`/api/plans/${planId}/evaluation?quarter=1`)).json();
    const row = (name: string) => evaluation.indicators.find((r) => r.indicator === name);
    expect(row("Angka Harapan Hidup")).toMatchObject({ faktorPendorong: "Kader posyandu aktif" });
    expect(row("Angka Harapan Hidup")?.realisasi[0]).toBe("72.4");
    expect(row("Cakupan kepesertaan JKN")).toMatchObject({ tindakLanjut: "Pendataan PBI ulang" });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "plan.carry_over"));
    expect(audit).toMatchObject({ entityId: planId, newValue: { indicatorQuarters: 2, budgetQuarters: 1 } });
    expect((await versions()).map((p) => [p.version, p.active])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect((await admin.get(`/api/plans/${planId}`)).json().active).toBe(true);
  });

  it("refuses the same changed workbook a second time and a file for another year, writing nothing", async () => {
    const before = await counts();
    const again = await upload("import", changed);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("PLAN_UNCHANGED");
    expect((await upload("import", changed, 2025)).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("keeps the work on a revision of a signed version, which stays active until the revision is signed", async () => {
    const kadis = await TestClient.loggedIn(t.app, "kadis.metro");
    const v2 = (await versions()).find((p) => p.version === 2);
    expect(
      (await kadis.post(`/api/plans/${v2?.id}/sign`, { place: "Metro", date: "2024-02-01" })).statusCode,
    ).toBe(200);
    const revised = await admin.post(`/api/plans/${v2?.id}/revise`, { reason: "Perubahan APBD" });
    expect(revised.statusCode).toBe(201);
    const evaluation: Evaluation = (
      await admin.get(`/api/plans/${revised.json().id}/evaluation?quarter=1`)
    ).json();
    expect(evaluation.indicators.find((r) => r.indicator === "Angka Harapan Hidup")).toMatchObject({
      faktorPendorong: "Kader posyandu aktif",
    });
    expect((await versions()).map((p) => [p.version, p.status, p.active])).toEqual([
      [1, "draft", false],
      [2, "signed", true],
      [3, "draft", false],
    ]);
    // The unsigned revision is identical to the changed workbook: importing it again is still refused.
    expect((await upload("import", changed)).statusCode).toBe(409);
  });
});
