import { count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  indicators,
  orgUnits,
  spmAdoptions,
  spmAdoptionTargets,
  spmServices,
  spmVersions,
} from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { RegionAdoptions } from "./adoption-schemas.js";

describe.each(testDatabases())("adopting an SPM version on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let depokAdmin: TestClient;
  const ids: Record<string, string> = {};
  const adopt = (client: TestClient, body: object) =>
    client.request("PUT", "/api/spm/adoptions", { versionId: ids.perwal, ...body });
  const written = async () => {
    const db = t.database.db;
    const [a] = await db.select({ n: count() }).from(spmAdoptions);
    const [r] = await db.select({ n: count() }).from(spmAdoptionTargets);
    const [l] = await db.select({ n: count() }).from(auditLog).where(like(auditLog.action, "spm.adopt%"));
    const versions = await db.select().from(spmAdoptions);
    return [a?.n, r?.n, l?.n, versions.map((v) => `${v.year}:${v.versionId}`).sort()];
  };

  beforeAll(async () => {
    t = await openTestApp(target);
    const db = t.database.db;
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    depokAdmin = await TestClient.loggedIn(t.app, "admin.depok");
    for (const code of ["18.72", "32.76", "18.72.01.P2"]) {
      const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
      ids[code] = unit?.id as string;
    }
    const [perwal] = await db.select().from(spmVersions).where(eq(spmVersions.code, "PERWAL-DEPOK-57-2017"));
    ids.perwal = perwal?.id as string;
    const [other] = await db
      .insert(spmVersions)
      .values({ code: "UJI-2024", name: "SPM uji", regulation: "Peraturan uji" })
      .returning();
    const [indicator] = await db
      .insert(indicators)
      .values({ name: "Indikator uji", unit: "%", kind: "ratio", factor: 100 })
      .returning();
    await db.insert(spmServices).values({
      versionId: other?.id as string,
      number: 1,
      name: "Pelayanan uji",
      standardStatement: "Uji",
      indicatorId: indicator?.id as string,
    });
    ids.other = other?.id as string;
  });
  afterAll(() => t.close());

  it("adopts Perwal 57/2017 for 2027 with 100 % for every service unless the admin typed another target", async () => {
    const services = (await admin.get(`/api/spm/versions/${ids.perwal}/services`)).json();
    const first = services[0].id;
    const res = await adopt(admin, {
      orgUnitId: ids["18.72"],
      fromYear: 2027,
      toYear: 2027,
      targets: [{ serviceId: first, target: "97,5" }],
      reason: "Perwal masih berlaku",
    });
    expect(res.statusCode).toBe(200);
    const body: RegionAdoptions = res.json();
    expect(body.region?.name).toBe("Kota Metro");
    const [year] = body.adoptions;
    expect(year).toMatchObject({ year: 2027, versionCode: "PERWAL-DEPOK-57-2017", reportEntries: 0 });
    expect(year?.targets).toHaveLength(12);
    expect(year?.targets[0]).toMatchObject({ number: 1, target: "97.5", source: "region" });
    expect(year?.targets.slice(1).every((x) => x.target === "100" && x.source === "region")).toBe(true);

    const achievement = await admin.get(`/api/spm/achievement?orgUnitId=${ids["18.72"]}&year=2027`);
    expect(achievement.statusCode).toBe(200);
    expect(achievement.json().services[0].target).toBe("97.5");
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, `${ids["18.72"]}:2027`));
    expect(audit).toMatchObject({ action: "spm.adopt", reason: "Perwal masih berlaku", oldValue: null });
  });

  it("keeps the regulation's own targets in the years Lampiran I covers", async () => {
    const res = await adopt(depokAdmin, { orgUnitId: ids["32.76"], fromYear: 2021, toYear: 2022 });
    expect(res.statusCode).toBe(200);
    const byYear = new Map((res.json() as RegionAdoptions).adoptions.map((a) => [a.year, a]));
    expect(byYear.get(2021)?.targets.every((x) => x.source === "regulation")).toBe(true);
    expect(byYear.get(2022)?.targets.every((x) => x.source === "region" && x.target === "100")).toBe(true);
  });

  it("says which version applies to each year of the region, to anyone who reads its SPM", async () => {
    const operator = await TestClient.loggedIn(t.app, "operator.beji");
    const [beji] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "32.76.01.P1"));
    const res = await operator.get(`/api/spm/adoptions?orgUnitId=${beji?.id}`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as RegionAdoptions).adoptions.map((a) => a.year)).toEqual([
      2017, 2018, 2019, 2020, 2021, 2022,
    ]);
  });

  it("asks for confirmation before replacing the version of a year whose report has entries, and audits the old one", async () => {
    const before = await written();
    const body = { orgUnitId: ids["32.76"], versionId: ids.other, fromYear: 2019, toYear: 2019 };
    const refused = await depokAdmin.request("PUT", "/api/spm/adoptions", body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: "SPM_ADOPTION_HAS_REPORT",
      details: { years: [2019] },
    });
    expect(await written()).toEqual(before);

    const replaced = await depokAdmin.request("PUT", "/api/spm/adoptions", { ...body, replace: true });
    expect(replaced.statusCode).toBe(200);
    const year2019 = (replaced.json() as RegionAdoptions).adoptions.find((a) => a.year === 2019);
    expect(year2019).toMatchObject({ versionCode: "UJI-2024", reportEntries: 1 });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, `${ids["32.76"]}:2019`));
    expect(audit).toMatchObject({ action: "spm.adoption_change", oldValue: { versionId: ids.perwal } });
  });

  it("refuses what it cannot adopt and writes nothing", async () => {
    const before = await written();
    const metro = ids["18.72"];
    const cases: Array<[TestClient, object, number, string]> = [
      [admin, { orgUnitId: ids["32.76"], fromYear: 2027, toYear: 2027 }, 403, "FORBIDDEN"],
      [admin, { orgUnitId: ids["18.72.01.P2"], fromYear: 2027, toYear: 2027 }, 400, "SPM_REGION_REQUIRED"],
      [admin, { orgUnitId: metro, fromYear: 1999, toYear: 2000 }, 400, "SPM_YEAR_OUT_OF_RANGE"],
      [admin, { orgUnitId: metro, fromYear: 2028, toYear: 2027 }, 400, "SPM_YEAR_RANGE_INVALID"],
      [
        admin,
        { orgUnitId: metro, fromYear: 2027, toYear: 2027, versionId: ids.metro },
        400,
        "FST_ERR_VALIDATION",
      ],
      [
        admin,
        { orgUnitId: metro, fromYear: 2027, toYear: 2027, versionId: "00000000-0000-4000-8000-000000000000" },
        404,
        "NOT_FOUND",
      ],
    ];
    const services = (await admin.get(`/api/spm/versions/${ids.perwal}/services`)).json();
    cases.push([
      admin,
      {
        orgUnitId: metro,
        fromYear: 2027,
        toYear: 2027,
        targets: [{ serviceId: services[0].id, target: "120" }],
      },
      400,
      "SPM_TARGET_INVALID",
    ]);
    const program = await TestClient.loggedIn(t.app, "program.metro");
    cases.push([program, { orgUnitId: metro, fromYear: 2027, toYear: 2027 }, 403, "FORBIDDEN"]);
    for (const [client, body, status, code] of cases) {
      const res = await adopt(client, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (code !== "FST_ERR_VALIDATION") expect(res.json().error.code).toBe(code);
      expect(res.json().error.messageEn).toBeTruthy();
    }
    expect(await written()).toEqual(before);
  });
});
