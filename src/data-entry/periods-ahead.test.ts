import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, dataValues, orgUnits, periods } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Form } from "./schemas.js";

/** The demo keeps working after its own years: periods are made when first used, whatever the clock says. */
describe.each(testDatabases())("data entry in years the demo never prepared, on $name", (target) => {
  let t: TestApp;
  let yosomulyo: string;
  let dataSetId: string;

  beforeAll(async () => {
    t = await openTestApp(target);
    const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P2"));
    yosomulyo = unit?.id as string;
    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    dataSetId = (await operator.get("/api/data-sets")).json()[0].id;
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => t.close());

  /** Logs in as each role with the clock at `today`, then runs a month through the whole workflow. */
  async function runMonth(today: string, period: string) {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(today) });
    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const program = await TestClient.loggedIn(t.app, "program.metro");
    const kadis = await TestClient.loggedIn(t.app, "kadis.metro");
    const key = { dataSetId, orgUnitId: yosomulyo, period };
    const form: Form = (
      await operator.get(`/api/data-entry/form?${new URLSearchParams(key).toString()}`)
    ).json();
    expect(form.period.code).toBe(period);
    const id = (code: string) => form.elements.find((e) => e.code === code)?.id as string;
    const saved = await operator.request("PUT", "/api/data-entry/values", {
      ...key,
      values: [
        { dataElementId: id("BUMIL_SASARAN"), value: "50", revision: null },
        { dataElementId: id("BUMIL_K4"), value: "41", revision: null },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const steps: Array<[TestClient, string]> = [
      [operator, "submit"],
      [program, "verify"],
      [kadis, "approve"],
    ];
    const statuses: string[] = [];
    for (const [client, action] of steps) {
      const res = await client.post("/api/data-entry/transition", { ...key, action });
      expect(res.statusCode, res.body).toBe(200);
      statuses.push(res.json().report.status);
    }
    return statuses;
  }

  it("saves, submits, verifies and approves January 2027 with the clock in February 2027", async () => {
    expect(await runMonth("2027-02-03T03:00:00Z", "202701")).toEqual(["submitted", "verified", "approved"]);
    const [stored] = await t.database.db.select().from(periods).where(eq(periods.code, "202701"));
    expect(stored).toMatchObject({ type: "month", startDate: "2027-01-01", endDate: "2027-01-31" });
  });

  it("does the same for June 2030 with the clock in July 2030", async () => {
    expect(await runMonth("2030-07-08T03:00:00Z", "203006")).toEqual(["submitted", "verified", "approved"]);
  });

  it("refuses a period in year 9999 with a clear message and writes nothing", async () => {
    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const auditsBefore = (await t.database.db.select().from(auditLog)).length;
    const key = { dataSetId, orgUnitId: yosomulyo, period: "999912" };
    const form = await operator.get(`/api/data-entry/form?${new URLSearchParams(key).toString()}`);
    expect(form.statusCode).toBe(422);
    expect(form.json().error.message).toContain("di luar rentang");
    const january: Form = (
      await operator.get(
        `/api/data-entry/form?${new URLSearchParams({ ...key, period: "202401" }).toString()}`,
      )
    ).json();
    const element = january.elements[0]?.id;
    const res = await operator.request("PUT", "/api/data-entry/values", {
      ...key,
      values: [{ dataElementId: element, value: "1", revision: null }],
    });
    expect(res.statusCode).toBe(422);
    const submit = await operator.post("/api/data-entry/transition", { ...key, action: "submit" });
    expect(submit.statusCode).toBe(422);
    expect(submit.json().error.messageEn).toContain("outside the years that can be recorded");
    const values = await t.database.db
      .select()
      .from(dataValues)
      .where(and(eq(dataValues.orgUnitId, yosomulyo), eq(dataValues.period, "999912")));
    expect(values).toHaveLength(0);
    expect(await t.database.db.select().from(periods).where(eq(periods.code, "999912"))).toHaveLength(0);
    expect((await t.database.db.select().from(auditLog)).length).toBe(auditsBefore);
  });
});
