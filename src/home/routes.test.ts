import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleAssignments, users } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Home } from "./schemas.js";

describe.each(testDatabases())("the home page per role on $name", (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(target, 10_000, { demo: { monitoring: true } });
  }, 120_000);
  afterAll(() => t.close());

  const homeOf = async (username: string, query = "?year=2024") => {
    const client = await TestClient.loggedIn(t.app, username);
    const res = await client.get(`/api/home${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as Home;
  };

  it("shows the kepala dinas the quarter's capaian, the programs, SPM, this month's reports and what to approve", async () => {
    const home = await homeOf("kadis.metro");
    expect(home.period).toBe("202409");
    const overview = home.overview;
    expect(overview?.orgUnit.name).toBe("Kota Metro");
    expect(overview?.quarter).toBe(3);
    const banded = Object.values(overview?.categories ?? {}).reduce((a, b) => a + b, 0);
    expect(banded).toBeGreaterThan(0);
    expect(overview?.programs.length).toBeGreaterThan(0);
    expect(overview?.completeness[0]).toMatchObject({ period: "202409" });
    expect(overview?.toApprove.reports.map((r) => `${r.orgUnitName} ${r.period}`)).toContain(
      "Puskesmas Iringmulyo 202409",
    );
    expect(overview?.deadlines.length).toBeGreaterThan(0);
    expect(home.verification).toBeNull();
    expect(home.operator).toBeNull();
    expect(home.audit).toBeNull();
  });

  it("shows the pengelola program the reports waiting for verification with their ratios", async () => {
    const home = await homeOf("program.metro");
    expect(home.overview).toBeNull();
    const banjarsari = home.verification?.reports.find(
      (r) => r.orgUnitName === "Puskesmas Banjarsari" && r.period === "202409",
    );
    expect(banjarsari?.ratios.length).toBeGreaterThan(0);
    expect(banjarsari?.ratios.some((r) => r.value !== null && r.previous !== null)).toBe(true);
    // Limited to the indicators of one program, the pengelola sees only their ratios.
    const [role] = await t.database.db
      .select({ indicatorIds: roleAssignments.indicatorIds })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(eq(users.username, "program.metro"));
    const mine = new Set(role?.indicatorIds ?? []);
    expect(mine.size).toBeGreaterThan(0);
    expect(banjarsari?.ratios.every((r) => mine.has(r.indicatorId))).toBe(true);
  });

  it("shows the operator only its own puskesmas's forms, returns and approvals", async () => {
    const home = await homeOf("operator.yosomulyo");
    expect(home.overview).toBeNull();
    expect(home.verification).toBeNull();
    const operator = home.operator;
    expect(operator?.due.length).toBeGreaterThan(0);
    const units = new Set(
      [...(operator?.due ?? []), ...(operator?.returned ?? []), ...(operator?.approved ?? [])].map(
        (r) => r.orgUnitName,
      ),
    );
    expect([...units]).toEqual(["Puskesmas Yosomulyo"]);
  });

  it("shows the auditor the overview and the audit activity, with nothing to approve", async () => {
    const home = await homeOf("auditor.metro");
    expect(home.overview?.toApprove.count).toBe(0);
    expect(home.overview?.toSign).toEqual([]);
    expect(home.audit?.lastMonth).toBeGreaterThan(0);
  });

  it("shows nothing of Kota Metro to Depok's admin and operator", async () => {
    for (const username of ["admin.depok", "operator.beji"]) {
      const text = JSON.stringify(await homeOf(username));
      expect(text).not.toContain("Metro");
      expect(text).not.toContain("Yosomulyo");
      expect(text).not.toContain("Banjarsari");
    }
  });

  it("opens on the year of the latest report when none is asked for", async () => {
    expect((await homeOf("kadis.metro", "")).year).toBe(2024);
  });
});
