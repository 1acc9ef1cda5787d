import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Plan, PlanIndicator, PlanNode } from "./schemas.js";

describe.each(testDatabases())("editing a RAK on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let planId: string;
  const load = async (): Promise<Plan> => (await admin.get(`/api/plans/${planId}`)).json();
  const indicator = (plan: Plan, name: string) =>
    plan.nodes.flatMap((n) => n.indicators).find((i) => i.name === name) as PlanIndicator;
  const node = (plan: Plan, prefix: string) => plan.nodes.find((n) => n.name.startsWith(prefix)) as PlanNode;

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    planId = (await admin.get("/api/plans")).json()[0].id;
  });
  afterAll(() => t.close());

  it("saves a quarterly target typed the Indonesian way, and the gap follows", async () => {
    const stunting = indicator(await load(), "Prevalensi stunting pada anak balita");
    const res = await admin.request("PATCH", `/api/plans/${planId}/indicators/${stunting.id}`, {
      revision: stunting.revision,
      targetQ1: "2,1",
      reason: "Koreksi target triwulan I",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ targetQ1: "2.1", revision: stunting.revision + 1 });
    const after = indicator(await load(), "Prevalensi stunting pada anak balita");
    expect(after.reconciliation).toEqual({ status: "gap", fromQuarters: "8.49", difference: "-0.01" });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, stunting.id));
    expect(audit).toMatchObject({ action: "plan.indicator_update", reason: "Koreksi target triwulan I" });
    expect(audit?.oldValue).toMatchObject({ targetQ1: "2.13" });
    expect(audit?.newValue).toMatchObject({ targetQ1: "2.1" });
  });

  it("lets only one of ten simultaneous edits of the same cell win; the others are told, none is lost silently", async () => {
    const jkn = indicator(await load(), "Persentase Peserta Jaminan Kesehatan Nasional (JKN)");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        admin.request("PATCH", `/api/plans/${planId}/indicators/${jkn.id}`, {
          revision: jkn.revision,
          targetQ2: String(20 + i),
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const conflict = results.find((r) => r.statusCode === 409)?.json();
    expect(conflict.error.code).toBe("EDIT_CONFLICT");
    expect(conflict.error.message).toContain("sudah diubah orang lain");
    const winner = results.find((r) => r.statusCode === 200)?.json();
    expect(indicator(await load(), jkn.name).targetQ2).toBe(winner.targetQ2);
  });

  it("refuses an unreadable target with the text in the message and changes nothing", async () => {
    const ahh = indicator(await load(), "Angka Harapan Hidup");
    const res = await admin.request("PATCH", `/api/plans/${planId}/indicators/${ahh.id}`, {
      revision: ahh.revision,
      targetYear: "tujuh puluh",
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain("tujuh puluh");
    expect(indicator(await load(), "Angka Harapan Hidup")).toEqual(ahh);
  });

  it("clears the missing-budget finding when the kegiatan gets its pagu", async () => {
    const before = await load();
    const mutu = node(before, "Pengembangan Mutu");
    expect(before.budgetFindings.map((f) => f.nodeId)).toContain(mutu.id);
    const res = await admin.request("PATCH", `/api/plans/${planId}/nodes/${mutu.id}`, {
      revision: mutu.revision,
      budget: 716_214_600,
    });
    expect(res.statusCode).toBe(200);
    const after = await load();
    const sdm = node(after, "Program Peningkatan Kapasitas");
    expect(after.budgetFindings.map((f) => f.nodeId)).not.toContain(mutu.id);
    expect(after.budgetFindings.map((f) => f.nodeId)).not.toContain(sdm.id);
  });

  it("adds, moves and deletes a kegiatan, refusing one placed under a sasaran", async () => {
    const plan = await load();
    const program = node(plan, "Program Sediaan Farmasi");
    const sasaran = plan.nodes[0] as PlanNode;
    const wrong = await admin.post(`/api/plans/${planId}/nodes`, {
      parentId: sasaran.id,
      level: "kegiatan",
      name: "Salah",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("PLAN_LEVEL_INVALID");
    const created = await admin.post(`/api/plans/${planId}/nodes`, {
      parentId: program.id,
      level: "kegiatan",
      name: "Pengawasan Obat",
      budget: 5_000_000,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const added = await admin.post(`/api/plans/${planId}/nodes/${id}/indicators`, {
      name: "Jumlah apotek diawasi",
      unit: "apotek",
      targetYear: "40",
      quarters: ["10", "10", "10", "10"],
    });
    expect(added.statusCode).toBe(201);
    const moved = await admin.post(`/api/plans/${planId}/nodes/${id}/move`, {
      revision: 1,
      parentId: program.id,
      index: 0,
    });
    expect(moved.statusCode).toBe(200);
    const children = (await load()).nodes.filter((n) => n.parentId === program.id);
    expect(children[0]?.name).toBe("Pengawasan Obat");
    const removed = await admin.request(
      "DELETE",
      `/api/plans/${planId}/nodes/${id}?revision=2&reason=Salah%20input`,
    );
    expect(removed.statusCode).toBe(204);
    const names = (await load()).nodes.flatMap((n) => n.indicators.map((i) => i.name));
    expect(names).not.toContain("Jumlah apotek diawasi");
  });

  it("freezes the plan once the Kepala Dinas signs it, and a revision starts version 2", async () => {
    const kadis = await TestClient.loggedIn(t.app, "kadis.metro");
    expect(
      (await admin.post(`/api/plans/${planId}/sign`, { place: "Metro", date: "2024-01-15" })).statusCode,
    ).toBe(403);
    const signed = await kadis.post(`/api/plans/${planId}/sign`, { place: "Metro", date: "2024-01-15" });
    expect(signed.statusCode).toBe(200);
    const plan = await load();
    expect(plan).toMatchObject({ status: "signed", signedPlace: "Metro", signedDate: "2024-01-15" });
    const ahh = indicator(plan, "Angka Harapan Hidup");
    const frozen = await admin.request("PATCH", `/api/plans/${planId}/indicators/${ahh.id}`, {
      revision: ahh.revision,
      targetYear: "73",
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe("PLAN_SIGNED");
    const revised = await admin.post(`/api/plans/${planId}/revise`, { reason: "Perubahan APBD" });
    expect(revised.statusCode).toBe(201);
    expect(revised.json().version).toBe(2);
    const v2: Plan = (await admin.get(`/api/plans/${revised.json().id}`)).json();
    expect(v2).toMatchObject({ status: "draft", version: 2, revisionOf: planId });
    expect(indicator(v2, "Prevalensi stunting pada anak balita").targetQ1).toBe("2.1");
    const ahh2 = indicator(v2, "Angka Harapan Hidup");
    const edit = await admin.request("PATCH", `/api/plans/${v2.id}/indicators/${ahh2.id}`, {
      revision: ahh2.revision,
      targetYear: "73",
    });
    expect(edit.statusCode).toBe(200);
    expect(indicator(await load(), "Angka Harapan Hidup").targetYear).toBe("72.18");
  });
});
