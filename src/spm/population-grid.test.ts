import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";

interface Row {
  code: string;
  depth: number;
  cells: Record<string, { value: string; source: string | null; revision: number } | null>;
  totals: Record<string, string | null>;
}

describe.each(testDatabases())("SPM population grid on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  const ids = new Map<string, string>();
  const id = (code: string) => ids.get(code) as string;
  const grid = async () => {
    const res = await admin.get(`/api/spm/populations/grid?orgUnitId=${id("32.76")}&year=2019`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    return { ...body, row: (code: string) => body.rows.find((r: Row) => r.code === code) as Row };
  };
  const audits = async () =>
    t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "spm.population_set"))
      .orderBy(asc(auditLog.id));
  const save = (cells: unknown[]) =>
    admin.request("PUT", "/api/spm/populations/grid", { orgUnitId: id("32.76"), year: 2019, cells });

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.depok");
    for (const u of await t.database.db.select().from(orgUnits)) ids.set(u.code, u.id);
  });
  afterAll(() => t.close());

  const n = (value: string | null | undefined) => Number(value ?? 0);

  it("lists the kota, then each kecamatan with its puskesmas, own figures beside rolled-up ones", async () => {
    const body = await grid();
    expect(body.rows.map((r: Row) => r.code).slice(0, 4)).toEqual([
      "32.76",
      "32.76.01",
      "32.76.01.P1",
      "32.76.02",
    ]);
    expect(body.rows).toHaveLength(23);
    expect(body.rows.some((r: Row) => /\.(R|S)\d$/.test(r.code))).toBe(false);
    expect(body.row("32.76").depth).toBe(0);
    expect(body.row("32.76.01.P1").depth).toBe(2);
    const puskesmas = body.row("32.76.01.P1").cells.BUMIL;
    expect(puskesmas).toMatchObject({ revision: 1, source: expect.any(String) });
    expect(body.row("32.76.01").cells.BUMIL).toBeNull();
    expect(body.row("32.76.01").totals.BUMIL).toBe(puskesmas.value);
    expect(body.totals.BUMIL).toBe("41500");
    expect(body.totals.PENDUDUK_15_PLUS).toBe("1680000");
    expect(body.estimates.find((e: { code: string }) => e.code === "HIPERTENSI").explanation).toBe(
      "1.680.000 × 25,8% (Riskesdas, 2013) = 433.440",
    );
    expect(body.prevalences).toContainEqual({
      code: "DM",
      orgUnitId: null,
      percent: "2.1",
      source: "Riskesdas",
      sourceYear: 2013,
    });
    expect(body.yearsWithData).toContain(2019);
  });

  it("saves many units in one go, rolls them up, and audits each figure", async () => {
    const before = await grid();
    const p1 = before.row("32.76.01.P1").cells.TB;
    const kec02 = before.row("32.76.02").totals.TB;
    const auditCount = (await audits()).length;
    const res = await save([
      { orgUnitId: id("32.76.01.P1"), category: "TB", value: "40", source: "SITB", revision: p1.revision },
      { orgUnitId: id("32.76.02"), category: "TB", value: "1.025", source: "SITB", revision: null },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ written: 2 });
    const after = await grid();
    expect(after.row("32.76.01.P1").cells.TB).toEqual({
      value: "40",
      source: "SITB",
      revision: p1.revision + 1,
    });
    expect(after.row("32.76.01").cells.TB).toBeNull();
    expect(after.row("32.76.01").totals.TB).toBe("40");
    // A kecamatan's own figure stands for its whole area in place of its puskesmas's sum.
    expect(after.row("32.76.02").totals.TB).toBe("1025");
    expect(n(after.totals.TB)).toBe(n(before.totals.TB) - n(p1.value) - n(kec02) + 40 + 1025);
    const added = (await audits()).slice(auditCount);
    expect(added.map((a) => [a.oldValue, a.newValue])).toEqual([
      [
        { value: p1.value, source: p1.source },
        { value: "40", source: "SITB" },
      ],
      [null, { value: "1025", source: "SITB" }],
    ]);
    expect(added[0]).toMatchObject({
      entityType: "target_population",
      entityId: `${id("32.76.01.P1")}/2019/TB`,
      orgUnitId: id("32.76.01.P1"),
    });
  });

  it("leaves a figure saved again unchanged alone", async () => {
    const before = (await audits()).length;
    const res = await save([{ orgUnitId: id("32.76.01.P1"), category: "TB", value: "40" }]);
    expect(res.json()).toEqual({ written: 0 });
    expect(await audits()).toHaveLength(before);
  });

  it("refuses the whole save when one value is not a head count, naming unit and category", async () => {
    const before = (await audits()).length;
    for (const bad of ["dua ratus", "-5", "12,5"]) {
      const res = await save([
        { orgUnitId: id("32.76.01.P1"), category: "TB", value: "41" },
        { orgUnitId: id("32.76.03.P1"), category: "BUMIL", value: bad },
      ]);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toContain(`Puskesmas`);
      expect(res.json().error.message).toContain(`Ibu hamil: "${bad}" bukan jumlah orang`);
      expect(res.json().error.messageEn).toContain(`BUMIL: "${bad}" is not a head count`);
    }
    expect((await grid()).row("32.76.01.P1").cells.TB.value).toBe("40");
    expect(await audits()).toHaveLength(before);
  });

  it("refuses units outside the region or the caller's scope, and a stale revision", async () => {
    for (const code of ["32.76.R1", "32.76.01.S1", "18.72.01.P2"]) {
      const res = await save([{ orgUnitId: id(code), category: "TB", value: "1" }]);
      expect(res.statusCode, code).toBe(422);
      expect(res.json().error.code).toBe("UNIT_OUTSIDE_REGION");
    }
    const stale = await save([
      { orgUnitId: id("32.76.04"), category: "TB", value: "7" },
      { orgUnitId: id("32.76.01.P1"), category: "TB", value: "41", revision: 1 },
    ]);
    expect(stale.statusCode).toBe(409);
    expect((await grid()).row("32.76.04").cells.TB).toBeNull();
    const metro = await TestClient.loggedIn(t.app, "admin.metro");
    const foreign = await metro.request("PUT", "/api/spm/populations/grid", {
      orgUnitId: id("32.76"),
      year: 2019,
      cells: [{ orgUnitId: id("32.76.01.P1"), category: "TB", value: "1" }],
    });
    expect(foreign.statusCode).toBe(403);
    const operator = await TestClient.loggedIn(t.app, "operator.beji");
    expect(
      (await operator.get(`/api/spm/populations/grid?orgUnitId=${id("32.76.01.P1")}&year=2019`)).statusCode,
    ).toBe(200);
  });

  it("deletes a figure sent as null, so the kecamatan falls back to its puskesmas's sum", async () => {
    const res = await save([{ orgUnitId: id("32.76.02"), category: "TB", value: null, revision: 1 }]);
    expect(res.json()).toEqual({ written: 1 });
    const body = await grid();
    expect(body.row("32.76.02").cells.TB).toBeNull();
    expect(body.row("32.76.02").totals.TB).toBe(body.row("32.76.02.P1").cells.TB.value);
    expect((await audits()).at(-1)).toMatchObject({
      oldValue: { value: "1025", source: "SITB" },
      newValue: null,
    });
  });
});
