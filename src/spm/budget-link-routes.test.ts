import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits } from "../db/schema/index.js";
import type { Plan, PlanSummary } from "../plans/schemas.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { SpmBudgetLinks } from "./budget-link-schemas.js";
import type { SpmQuarterReport } from "./quarter-types.js";

describe.each(testDatabases())("the kegiatan serving each SPM service on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let depok: string;
  let choices: SpmBudgetLinks;
  const report = async () =>
    (
      await admin.get(`/api/spm/quarter-report?orgUnitId=${depok}&year=2020&quarter=4`)
    ).json() as SpmQuarterReport;
  const save = (body: Record<string, unknown>) =>
    admin.request("PUT", "/api/spm/budget-links", { orgUnitId: depok, year: 2020, ...body });

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.depok");
    [{ id: depok }] = (await t.database.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(eq(orgUnits.code, "32.76"))) as [{ id: string }];
    const res = await admin.get(`/api/spm/budget-links?orgUnitId=${depok}&year=2020`);
    expect(res.statusCode, res.body).toBe(200);
    choices = res.json();
  });
  afterAll(() => t.close());

  it("offers the kegiatan and sub kegiatan of the year's Renja, and shows the demo's links", () => {
    expect(choices.kegiatan.map((k) => k.level)).toContain("kegiatan");
    expect(choices.kegiatan.filter((k) => k.level === "sub_kegiatan")).toHaveLength(12);
    expect(choices.links).toHaveLength(12);
    expect(choices.links.every((l) => l.planNodeIds.length === 1)).toBe(true);
  });

  it("moves a service's budget to the kegiatan chosen, audited, and the quarterly report follows", async () => {
    const before = await report();
    const [ibuHamil] = before.services;
    const kegiatan = choices.kegiatan.find((k) => k.level === "kegiatan");
    const own = choices.links.find((l) => l.serviceId === ibuHamil?.serviceId)?.planNodeIds ?? [];
    const res = await save({
      serviceId: ibuHamil?.serviceId,
      planNodeIds: [...own, kegiatan?.planNodeId],
      reason: "Kegiatan induk ikut melayani ibu hamil",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ changed: true });
    const after = (await report()).services[0];
    expect(after?.budget.pagu).toBe((ibuHamil?.budget.pagu ?? 0) + (kegiatan?.budget ?? 0));
    expect(after?.budget.kegiatan.map((k) => k.name)).toContain(kegiatan?.name);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "spm.budget_link_set"), eq(auditLog.orgUnitId, depok)));
    expect(audit?.reason).toBe("Kegiatan induk ikut melayani ibu hamil");
    expect(audit?.oldValue).toEqual({ planNodeIds: own });

    const again = await save({ serviceId: ibuHamil?.serviceId, planNodeIds: [...own, kegiatan?.planNodeId] });
    expect(again.json()).toMatchObject({ changed: false });
    expect((await save({ serviceId: ibuHamil?.serviceId, planNodeIds: [] })).statusCode).toBe(200);
    const cleared = (await report()).services[0];
    expect(cleared?.budget).toEqual({ pagu: 0, realisasi: 0, kegiatan: [] });
  });

  it("refuses a node that is no kegiatan of this unit's plans that year, a service twice and a stranger service", async () => {
    const [ibuHamil] = (await report()).services;
    const [summary] = (await admin.get("/api/plans?kind=renja")).json() as PlanSummary[];
    const renja = (await admin.get(`/api/plans/${summary?.id}`)).json() as Plan;
    const programNode = renja.nodes.find((n) => n.level === "program")?.id;
    const notKegiatan = await save({ serviceId: ibuHamil?.serviceId, planNodeIds: [programNode] });
    expect(notKegiatan.statusCode).toBe(400);
    expect(notKegiatan.json().error.code).toBe("SPM_KEGIATAN_INVALID");
    const sub = choices.kegiatan.find((k) => k.level === "sub_kegiatan")?.planNodeId;
    const otherYear = await admin.request("PUT", "/api/spm/budget-links", {
      orgUnitId: depok,
      year: 2021,
      serviceId: ibuHamil?.serviceId,
      planNodeIds: [sub],
    });
    expect(otherYear.statusCode).toBe(400);
    expect((await save({ serviceId: ibuHamil?.serviceId, planNodeIds: [sub, sub] })).statusCode).toBe(400);
    const stranger = await save({ serviceId: depok, planNodeIds: [] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.code).toBe("SPM_SERVICE_NOT_IN_VERSION");
    // A pengelola program reads the report but does not decide the plan's budget.
    const programme = await TestClient.loggedIn(t.app, "program.metro");
    const body = { orgUnitId: depok, year: 2020, serviceId: ibuHamil?.serviceId, planNodeIds: [] };
    expect((await programme.request("PUT", "/api/spm/budget-links", body)).statusCode).toBe(403);
  });
});
