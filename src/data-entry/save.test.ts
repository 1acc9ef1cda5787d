import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, dataValues, orgUnits } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Form } from "./schemas.js";

describe.each(testDatabases())("saving a form on $name", (target) => {
  let t: TestApp;
  let operator: TestClient;
  let key: { dataSetId: string; orgUnitId: string; period: string };
  let form: Form;
  const query = () => new URLSearchParams(key).toString();
  const reopen = async () => (await operator.get(`/api/data-entry/form?${query()}`)).json() as Form;
  const elementId = (code: string) => form.elements.find((e) => e.code === code)?.id as string;
  const stored = (f: Form, code: string) => f.values.find((v) => v.dataElementId === elementId(code));
  const save = (values: Array<{ code: string; value: string | null; comment?: string | null }>) =>
    operator.request("PUT", "/api/data-entry/values", {
      ...key,
      values: values.map((v) => ({
        dataElementId: elementId(v.code),
        value: v.value,
        ...(v.comment !== undefined ? { comment: v.comment } : {}),
        revision: stored(form, v.code)?.revision ?? null,
      })),
    });
  const byElement = (f: Form) => [...f.values].sort((a, b) => a.dataElementId.localeCompare(b.dataElementId));

  beforeAll(async () => {
    t = await openTestApp(target);
    operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P2"));
    const [set] = (await operator.get("/api/data-sets")).json();
    key = { dataSetId: set.id, orgUnitId: unit?.id as string, period: "202405" };
    form = await reopen();
  });
  afterAll(() => t.close());

  it("answers with the form exactly as reopening it shows, findings against last month included", async () => {
    key = { ...key, period: "202404" };
    form = await reopen();
    form = (await save([{ code: "BUMIL_SASARAN", value: "50" }])).json();
    key = { ...key, period: "202405" };
    form = await reopen();
    const first = await save([
      { code: "BUMIL_SASARAN", value: "200" },
      { code: "BUMIL_K4", value: "1.250", comment: "Sweeping" },
      { code: "KEMATIAN_BAYI", value: "" },
    ]);
    expect(first.statusCode).toBe(200);
    form = first.json();
    const again = await reopen();
    expect(byElement(form)).toEqual(byElement(again));
    expect(form.findings).toEqual(again.findings);
    expect(form.findings.map((f) => f.code)).toContain("BIG_JUMP");
    expect(form.report).toEqual(again.report);
    expect(stored(form, "BUMIL_K4")).toMatchObject({ value: "1250", comment: "Sweeping", revision: 1 });
    expect(stored(form, "KEMATIAN_BAYI")).toBeUndefined();
  });

  it("keeps a comment not sent, empties a value with its audit, and answers as reopening shows", async () => {
    const res = await save([
      { code: "BUMIL_K4", value: "1300" },
      { code: "BUMIL_SASARAN", value: null },
    ]);
    expect(res.statusCode).toBe(200);
    form = res.json();
    expect(byElement(form)).toEqual(byElement(await reopen()));
    expect(stored(form, "BUMIL_K4")).toMatchObject({ value: "1300", comment: "Sweeping", revision: 2 });
    expect(stored(form, "BUMIL_SASARAN")).toBeUndefined();
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "data.value_set"), like(auditLog.entityId, `%/202405/%`)));
    const emptied = audits.find((a) => a.entityId?.endsWith("/BUMIL_SASARAN") && a.newValue === null);
    expect(emptied?.oldValue).toEqual({ value: "200", comment: null });
    expect(emptied?.username).toBe("operator.yosomulyo");
    const k4 = audits.filter((a) => a.entityId?.endsWith("/BUMIL_K4"));
    expect(k4.map((a) => a.newValue)).toEqual(
      expect.arrayContaining([
        { value: "1250", comment: "Sweeping" },
        { value: "1300", comment: "Sweeping" },
      ]),
    );
  });

  it("refuses one element sent twice in a save with a 400 and writes nothing", async () => {
    const before = await t.database.db.select().from(dataValues);
    const res = await save([
      { code: "BUMIL_K4", value: "1" },
      { code: "BUMIL_K4", value: "2" },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALUE_TWICE");
    expect(res.json().error.message).toContain("dua kali");
    expect(await t.database.db.select().from(dataValues)).toEqual(before);
  });

  it("writes nothing when one of several values conflicts, and returns the one that moved", async () => {
    const stale = form;
    form = (await save([{ code: "BUMIL_K4", value: "1400" }])).json();
    const auditsBefore = (await t.database.db.select().from(auditLog)).length;
    form = stale;
    const res = await save([
      { code: "BAYI_SASARAN", value: "30" },
      { code: "BUMIL_K4", value: "1500" },
    ]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.conflicts).toEqual([
      { dataElementId: elementId("BUMIL_K4"), value: "1400", comment: "Sweeping", revision: 3 },
    ]);
    const now = await reopen();
    expect(stored(now, "BAYI_SASARAN")).toBeUndefined();
    expect((await t.database.db.select().from(auditLog)).length).toBe(auditsBefore);
  });
});
