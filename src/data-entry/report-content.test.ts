import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Form } from "./schemas.js";

describe.each(testDatabases())("a report needs content, and who may send it back, on $name", (target) => {
  let t: TestApp;
  let operator: TestClient;
  let program: TestClient;
  let kadis: TestClient;
  let base: { dataSetId: string; orgUnitId: string };
  const act = (client: TestClient, period: string, body: Record<string, string>) =>
    client.post("/api/data-entry/transition", { ...base, period, ...body });
  const completeness = async (period: string) =>
    (await program.get(`/api/data-entry/completeness?dataSetId=${base.dataSetId}&period=${period}`)).json();

  beforeAll(async () => {
    t = await openTestApp(target);
    operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    program = await TestClient.loggedIn(t.app, "program.metro");
    kadis = await TestClient.loggedIn(t.app, "kadis.metro");
    const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P2"));
    base = { dataSetId: (await operator.get("/api/data-sets")).json()[0].id, orgUnitId: unit?.id as string };
  });
  afterAll(() => t.close());

  it("refuses to submit an empty form with a clear Indonesian message, and it is not counted", async () => {
    const res = await act(operator, "202402", { action: "submit" });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("REPORT_EMPTY");
    expect(res.json().error.message).toContain("Laporan masih kosong");
    const row = (await completeness("202402")).units.find(
      (u: { orgUnitId: string }) => u.orgUnitId === base.orgUnitId,
    );
    expect(row).toMatchObject({ status: "draft", submittedAt: null });
  });

  it("accepts a laporan nihil with its reason, keeps the reason in the audit and counts it as arrived", async () => {
    const before = (await completeness("202403")).received;
    const res = await act(operator, "202403", {
      action: "submit",
      nihilReason: "Puskesmas tutup untuk renovasi",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Form).report).toMatchObject({ status: "submitted", nihil: true });
    expect((await completeness("202403")).received).toBe(before + 1);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "data.report_submit"));
    expect(audits.some((a) => a.reason === "Puskesmas tutup untuk renovasi")).toBe(true);
  });

  it("refuses a nihil report without a reason", async () => {
    const res = await act(operator, "202404", { action: "submit", nihilReason: " " });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("NIHIL_REASON_REQUIRED");
  });

  it("lets the Kepala Dinas send back a verified report, but not one still waiting for verification", async () => {
    expect((await act(kadis, "202403", { action: "return", reason: "Periksa lagi" })).statusCode).toBe(403);
    expect((await act(program, "202403", { action: "verify" })).statusCode).toBe(200);
    const res = await act(kadis, "202403", { action: "return", reason: "Benarkah tidak ada pelayanan?" });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Form).report).toMatchObject({
      status: "returned",
      returnedReason: "Benarkah tidak ada pelayanan?",
    });
  });
});
