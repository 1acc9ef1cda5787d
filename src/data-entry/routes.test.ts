import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Form } from "./schemas.js";

describe.each(testDatabases())("monthly data entry and its workflow on $name", (target) => {
  let t: TestApp;
  let operator: TestClient;
  let key: { dataSetId: string; orgUnitId: string; period: string };
  let form: Form;
  const query = () => new URLSearchParams(key).toString();
  const elementId = (code: string) => form.elements.find((e) => e.code === code)?.id as string;
  const storedValue = (f: Form, code: string) => f.values.find((v) => v.dataElementId === elementId(code));
  const save = (
    client: TestClient,
    values: Array<{ code: string; value: string | null; comment?: string }>,
  ) =>
    client.request("PUT", "/api/data-entry/values", {
      ...key,
      values: values.map((v) => ({
        dataElementId: elementId(v.code),
        value: v.value,
        ...(v.comment ? { comment: v.comment } : {}),
        revision: storedValue(form, v.code)?.revision ?? null,
      })),
    });
  const act = (client: TestClient, action: string, reason?: string) =>
    client.post("/api/data-entry/transition", { ...key, action, ...(reason ? { reason } : {}) });

  beforeAll(async () => {
    t = await openTestApp(target);
    operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P2"));
    const sets = (await operator.get("/api/data-sets")).json();
    expect(sets[0].orgUnits).toEqual([{ id: unit?.id, name: "Puskesmas Yosomulyo" }]);
    key = { dataSetId: sets[0].id, orgUnitId: unit?.id as string, period: "202401" };
    form = (await operator.get(`/api/data-entry/form?${query()}`)).json();
  });
  afterAll(() => t.close());

  it("opens an empty January form with its deadline", () => {
    expect(form.period).toEqual({ code: "202401", label: "Januari 2024", deadline: "2024-02-10" });
    expect(form.elements).toHaveLength(13);
    expect(form.report.status).toBe("draft");
  });

  it("saves typed values the Indonesian way, audited, and reports a rule broken", async () => {
    const res = await save(operator, [
      { code: "BUMIL_SASARAN", value: "52" },
      { code: "BUMIL_K4", value: "60" },
      { code: "KEMATIAN_BAYI", value: "1" },
    ]);
    expect(res.statusCode).toBe(200);
    form = res.json();
    expect(storedValue(form, "BUMIL_K4")).toMatchObject({ value: "60", revision: 1 });
    expect(form.findings.map((f) => f.code)).toEqual(["K4_LE_BUMIL"]);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "data.value_set"));
    expect(audits).toHaveLength(3);
  });

  it("refuses to submit while a hard error stands", async () => {
    const res = await act(operator, "submit");
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain("K4 melebihi jumlah ibu hamil.");
  });

  it("refuses text that is not a number, pointing at the field", async () => {
    const res = await save(operator, [{ code: "BUMIL_K4", value: "empat puluh" }]);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain("empat puluh");
  });

  it("submits once fixed, on time or late by the deadline", async () => {
    form = (await save(operator, [{ code: "BUMIL_K4", value: "40" }])).json();
    const res = await act(operator, "submit");
    expect(res.statusCode).toBe(200);
    form = res.json();
    expect(form.report.status).toBe("submitted");
    expect(form.report.onTime).toBe(false);
    expect((await save(operator, [{ code: "BUMIL_K4", value: "41" }])).json().error.code).toBe(
      "REPORT_LOCKED",
    );
  });

  it("lets the pengelola program return it with a reason, the operator fix and resubmit, the Dinas approve", async () => {
    const verifier = await TestClient.loggedIn(t.app, "program.metro");
    expect((await act(verifier, "return")).json().error.code).toBe("REASON_REQUIRED");
    const returned = (await act(verifier, "return", "KEK belum diisi")).json();
    expect(returned.report).toMatchObject({ status: "returned", returnedReason: "KEK belum diisi" });
    form = (await operator.get(`/api/data-entry/form?${query()}`)).json();
    form = (await save(operator, [{ code: "BUMIL_KEK", value: "3" }])).json();
    expect((await act(operator, "submit")).json().report.status).toBe("submitted");
    expect((await act(operator, "verify")).statusCode).toBe(403);
    expect((await act(verifier, "verify")).json().report.status).toBe("verified");
    const admin = await TestClient.loggedIn(t.app, "admin.metro");
    expect((await act(admin, "approve")).json().report.status).toBe("approved");
    expect((await act(admin, "reopen")).json().error.code).toBe("REASON_REQUIRED");
    const transitions = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, "data_set_report"));
    expect(transitions.map((a) => a.action)).toEqual([
      "data.report_submit",
      "data.report_return",
      "data.report_submit",
      "data.report_verify",
      "data.report_approve",
    ]);
  });

  it("counts the report as received, and the other ten puskesmas as missing, not zero", async () => {
    const admin = await TestClient.loggedIn(t.app, "admin.metro");
    const res = await admin.get(`/api/data-entry/completeness?dataSetId=${key.dataSetId}&period=202401`);
    expect(res.json()).toMatchObject({
      expected: 11,
      received: 1,
      onTime: 0,
      completenessPercent: 9.1,
      timelinessPercent: 0,
    });
  });

  it("keeps another facility's form out of the operator's reach", async () => {
    const [other] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P1"));
    const res = await operator.get(
      `/api/data-entry/form?${new URLSearchParams({ ...key, orgUnitId: other?.id as string })}`,
    );
    expect(res.statusCode).toBe(403);
  });

  it("loses no update when 50 writers save the same form at once: one wins, the rest are told", async () => {
    key = { ...key, period: "202402" };
    form = (await operator.get(`/api/data-entry/form?${query()}`)).json();
    const writers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        save(operator, [{ code: "BAYI_SASARAN", value: String(100 + i) }]),
      ),
    );
    const ok = writers.filter((w) => w.statusCode === 200);
    const told = writers.filter((w) => w.statusCode === 409 && w.json().error.code === "VALUE_CONFLICT");
    expect(ok).toHaveLength(1);
    expect(told).toHaveLength(49);
    const stored = storedValue(
      (await operator.get(`/api/data-entry/form?${query()}`)).json(),
      "BAYI_SASARAN",
    );
    expect(stored?.value).toBe(storedValue(ok[0]?.json() as Form, "BAYI_SASARAN")?.value);
    expect(told[0]?.json().error.details.conflicts[0]).toMatchObject({ value: stored?.value, revision: 1 });
  });

  it("refuses to submit while one of two jump warnings is still unexplained", async () => {
    key = { ...key, period: "202402" };
    form = (await operator.get(`/api/data-entry/form?${query()}`)).json();
    form = (
      await save(operator, [
        { code: "BUMIL_SASARAN", value: "200" },
        { code: "BUMIL_K4", value: "100", comment: "Sweeping ibu hamil bulan ini" },
      ])
    ).json();
    const jumps = form.findings.filter((f) => f.code === "BIG_JUMP").flatMap((f) => f.dataElements);
    expect(jumps.sort()).toEqual(["BUMIL_K4", "BUMIL_SASARAN"]);
    const refused = await act(operator, "submit");
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("WARNING_NEEDS_COMMENT");
    // The message names the element as people know it, not by its code.
    const sasaran = form.elements.find((e) => e.code === "BUMIL_SASARAN")?.name as string;
    expect(refused.json().error.message).toContain(`${sasaran}: berubah +285%`);
    expect(refused.json().error.message).not.toContain("BUMIL_SASARAN");
    expect(
      refused.json().error.details.findings.map((f: Form["findings"][number]) => f.dataElements),
    ).toEqual([["BUMIL_SASARAN"]]);
    form = (
      await save(operator, [{ code: "BUMIL_SASARAN", value: "200", comment: "Data sasaran baru" }])
    ).json();
    expect((await act(operator, "submit")).json().report.status).toBe("submitted");
  });
});
