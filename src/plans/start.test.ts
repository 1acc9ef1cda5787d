import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  orgUnits,
  planIndicatorQuarters,
  planIndicators,
  planNodeBudgetQuarters,
  planNodes,
  plans,
} from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Plan } from "./schemas.js";

describe.each(testDatabases())("starting a RAK on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let metro: string;
  const nextYear = new Date().getFullYear() + 1;
  const rows = async () => {
    const db = t.database.db;
    const [p] = await db.select({ n: count() }).from(plans);
    const [n] = await db.select({ n: count() }).from(planNodes);
    const [i] = await db.select({ n: count() }).from(planIndicators);
    return [p?.n, n?.n, i?.n];
  };
  const start = (body: object) => admin.request("POST", "/api/plans", body);

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
    metro = unit?.id as string;
  });
  afterAll(() => t.close());

  it("starts an empty RAK for next year that the editor can fill from its first sasaran", async () => {
    const res = await start({ orgUnitId: metro, year: nextYear, reason: "RAK baru" });
    expect(res.statusCode).toBe(201);
    const started = res.json();
    expect(started).toMatchObject({ year: nextYear, version: 1, copiedFrom: null, nodes: 0, indicators: 0 });
    const plan: Plan = (await admin.get(`/api/plans/${started.id}`)).json();
    expect(plan).toMatchObject({ status: "draft", nodes: [], signatoryName: null });
    expect(plan.title).toBe(`Rencana Aksi Kinerja Dinas Kesehatan Kota Metro Tahun ${nextYear}`);

    const sasaran = await admin.request("POST", `/api/plans/${started.id}/nodes`, {
      parentId: null,
      level: "sasaran",
      name: "Meningkatnya derajat kesehatan masyarakat",
    });
    expect(sasaran.statusCode).toBe(201);
    const indicator = await admin.request(
      "POST",
      `/api/plans/${started.id}/nodes/${sasaran.json().id}/indicators`,
      { name: "Angka Harapan Hidup", unit: "angka", targetYear: "72,5", quarters: ["-", "-", "-", "72,5"] },
    );
    expect(indicator.statusCode).toBe(201);
    const filled: Plan = (await admin.get(`/api/plans/${started.id}`)).json();
    expect(filled.nodes).toHaveLength(1);
    expect(filled.nodes[0]?.indicators[0]).toMatchObject({ targetYear: "72.5", targetQ4: "72.5" });

    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, started.id));
    expect(audit).toMatchObject({ action: "plan.start", reason: "RAK baru" });
  });

  it("copies 2024 into 2025 with its structure, targets and budgets, without realisasi or analysis, unsigned", async () => {
    const db = t.database.db;
    const [source] = await db.select().from(plans).where(eq(plans.year, 2024));
    const sourcePlan: Plan = (await admin.get(`/api/plans/${source?.id}`)).json();
    const firstIndicator = sourcePlan.nodes.flatMap((n) => n.indicators)[0];
    const program = sourcePlan.nodes.find((n) => n.level === "program");
    await db.update(plans).set({ status: "signed", signedPlace: "Metro", signedDate: "2024-01-15" });
    await db.insert(planIndicatorQuarters).values({
      planIndicatorId: firstIndicator?.id as string,
      quarter: 1,
      realisasi: "12",
      faktorPendorong: "Kader aktif",
      faktorPenghambat: "Hujan",
      tindakLanjut: "Sweeping",
    });
    await db
      .insert(planNodeBudgetQuarters)
      .values({ planNodeId: program?.id as string, quarter: 1, amount: 5 });

    const res = await start({ orgUnitId: metro, year: 2025, copyFromYear: 2024 });
    expect(res.statusCode).toBe(201);
    const copy: Plan = (await admin.get(`/api/plans/${res.json().id}`)).json();
    expect(res.json().copiedFrom).toMatchObject({ planId: source?.id, year: 2024 });
    expect(copy).toMatchObject({ status: "draft", signedPlace: null, signedDate: null, signedAt: null });
    expect(copy.title).toContain("Tahun 2025");
    expect(copy.signatoryName).toBe(sourcePlan.signatoryName);
    const shape = (p: Plan) =>
      p.nodes.map((n) => ({
        level: n.level,
        name: n.name,
        code: n.code,
        budget: n.budget,
        depth: n.depth,
        indicators: n.indicators.map(({ id: _, revision: __, ...i }) => i),
      }));
    expect(shape(copy)).toEqual(shape(sourcePlan));
    const copiedIndicators = copy.nodes.flatMap((n) => n.indicators).map((i) => i.id);
    const copiedNodes = copy.nodes.map((n) => n.id);
    expect(
      await db
        .select()
        .from(planIndicatorQuarters)
        .where(inArray(planIndicatorQuarters.planIndicatorId, copiedIndicators)),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(planNodeBudgetQuarters)
        .where(inArray(planNodeBudgetQuarters.planNodeId, copiedNodes)),
    ).toEqual([]);
  });

  it("refuses a year that already has a plan and points to a revision, writing nothing", async () => {
    const before = await rows();
    const res = await start({ orgUnitId: metro, year: 2024 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "PLAN_EXISTS" });
    expect(res.json().error.message).toContain("perubahan");
    expect(res.json().error.messageEn).toContain("revision");
    expect(await rows()).toEqual(before);
  });

  it("refuses years out of bounds and a copy source that does not exist, writing nothing", async () => {
    const before = await rows();
    const tooFar = await start({ orgUnitId: metro, year: new Date().getFullYear() + 6 });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json().error.code).toBe("PLAN_YEAR_OUT_OF_RANGE");
    expect((await start({ orgUnitId: metro, year: 1999 })).statusCode).toBe(400);
    const noSource = await start({ orgUnitId: metro, year: 2026, copyFromYear: 2019 });
    expect(noSource.statusCode).toBe(404);
    expect(noSource.json().error.code).toBe("PLAN_SOURCE_NOT_FOUND");
    const sameYear = await start({ orgUnitId: metro, year: 2026, copyFromYear: 2026 });
    expect(sameYear.statusCode).toBe(400);
    expect(await rows()).toEqual(before);
  });

  it("refuses an org unit outside the admin's region", async () => {
    const [depok] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "32.76"));
    const before = await rows();
    const res = await start({ orgUnitId: depok?.id, year: 2026 });
    expect(res.statusCode).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it("lets only one of two simultaneous starts of the same year through", async () => {
    const results = await Promise.all([
      start({ orgUnitId: metro, year: 2023 }),
      start({ orgUnitId: metro, year: 2023, copyFromYear: 2024 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});
