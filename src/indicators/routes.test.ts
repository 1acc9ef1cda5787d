import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, indicators, orgUnits } from "../db/schema/index.js";
import type { Evaluation } from "../evaluation/types.js";
import type { Plan } from "../plans/schemas.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { CheckResult, DefinitionList } from "./schemas.js";

/** Two approved months of Puskesmas Yosomulyo. */
const monthValues: Record<string, Record<string, string>> = {
  "202401": { BUMIL_SASARAN: "40", BUMIL_K4: "30", KEMATIAN_IBU: "0", KEMATIAN_BAYI: "1" },
  "202402": { BUMIL_SASARAN: "35", BUMIL_K4: "27", KEMATIAN_IBU: "1", KEMATIAN_BAYI: "2" },
};

const k4 = {
  code: "K4_UJI",
  name: "Persentase ibu hamil K4",
  unit: "%",
  kind: "ratio",
  factor: 100,
  polarity: "higher",
  lowerFormula: "two_target_minus",
  timeAggregation: "sum",
  numerator: "#{BUMIL_K4}",
  denominator: "#{BUMIL_SASARAN}",
};

const deaths = {
  ...k4,
  code: "KEMATIAN_IBU_BAYI_UJI",
  name: "Jumlah kematian ibu dan bayi",
  unit: "kasus",
  kind: "count",
  factor: null,
  polarity: "lower",
  lowerFormula: "target_over_realisasi",
  numerator: "#{KEMATIAN_IBU} + #{KEMATIAN_BAYI}",
  denominator: null,
};

describe.each(testDatabases())("indicator definitions fed by data on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let metro: string;
  let plan: Plan;
  const ids: Record<string, string> = {};
  const planIndicator = (name: string) =>
    plan.nodes.flatMap((n) => n.indicators).find((i) => i.name === name);
  const evaluation = async () =>
    (await admin.get(`/api/plans/${plan.id}/evaluation?quarter=1`)).json() as Evaluation;
  const catalogueSize = async () => (await t.database.db.select({ n: count() }).from(indicators))[0]?.n;

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const verifier = await TestClient.loggedIn(t.app, "program.metro");
    const kadis = await TestClient.loggedIn(t.app, "kadis.metro");
    const db = t.database.db;
    const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P2"));
    const [kota] = await db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
    metro = kota?.id as string;
    ids.yosomulyo = unit?.id as string;
    const dataSetId = (await operator.get("/api/data-sets")).json()[0].id;
    for (const [period, values] of Object.entries(monthValues)) {
      const key = { dataSetId, orgUnitId: ids.yosomulyo, period };
      const form = (await operator.get(`/api/data-entry/form?${new URLSearchParams(key)}`)).json();
      const elementIds = new Map(form.elements.map((e: { code: string; id: string }) => [e.code, e.id]));
      const saved = await operator.request("PUT", "/api/data-entry/values", {
        ...key,
        values: Object.entries(values).map(([code, value]) => ({
          dataElementId: elementIds.get(code),
          value,
          comment: "Sesuai register kohort",
          revision: null,
        })),
      });
      expect(saved.statusCode, saved.body).toBe(200);
      for (const [client, action] of [
        [operator, "submit"],
        [verifier, "verify"],
        [kadis, "approve"],
      ] as const) {
        const res = await client.post("/api/data-entry/transition", { ...key, action });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    plan = (await admin.get(`/api/plans/${(await admin.get("/api/plans")).json()[0].id}`)).json();
  });
  afterAll(() => t.close());

  it("checks a definition as typed and previews the last approved month for the puskesmas and the kota", async () => {
    const res = await admin.post("/api/indicator-definitions/check", { ...k4, orgUnitId: metro });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as CheckResult;
    expect(body.issues).toEqual([]);
    // February: 27 / 35 × 100, at 4 places.
    expect(body.preview).toMatchObject({
      period: "202402",
      kota: { value: "77.1429", numerator: "27", denominator: "35" },
      puskesmas: { orgUnitId: ids.yosomulyo, value: "77.1429" },
    });
    const bad = (
      await admin.post("/api/indicator-definitions/check", {
        ...k4,
        numerator: "#{BUMIL_K4} / 0",
        orgUnitId: metro,
      })
    ).json() as CheckResult;
    expect(bad.issues).toMatchObject([{ code: "DIVISION_BY_ZERO", position: 13 }]);
    expect(bad.preview).toBeNull();
  });

  it("refuses an unknown element, a division by zero and a cycle with the position, saving nothing", async () => {
    const before = await catalogueSize();
    for (const [numerator, code, position] of [
      ["#{BUMIL_K4} + #{K6}", "UNKNOWN_ELEMENT", 15],
      ["#{BUMIL_K4} / (1 - 1)", "DIVISION_BY_ZERO", 13],
      ["#{K4_UJI} * 2", "EXPRESSION_CYCLE", 1],
      ["#{BUMIL_K4} +", "EXPRESSION_INVALID", 14],
    ] as const) {
      const res = await admin.post("/api/indicator-definitions", { ...k4, numerator, orgUnitId: metro });
      expect(res.statusCode, numerator).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({ code, position });
      expect(res.json().error.message).toContain(`${position}`);
    }
    expect(await catalogueSize()).toBe(before);
  });

  it("refuses a percent unit on a count", async () => {
    const res = await admin.post("/api/indicator-definitions", { ...deaths, unit: "%", orgUnitId: metro });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].code).toBe("UNIT_CONTRADICTS_KIND");
  });

  it("defines a ratio and a lower-is-better count, audited, and lists them with the data elements", async () => {
    for (const [name, body] of [
      ["k4", k4],
      ["deaths", deaths],
    ] as const) {
      const res = await admin.post("/api/indicator-definitions", { ...body, orgUnitId: metro });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json().id;
    }
    const list = (await admin.get("/api/indicator-definitions?fed=true")).json() as DefinitionList;
    expect(list.elements.map((e) => e.code)).toContain("BUMIL_K4");
    expect(list.definitions.find((d) => d.id === ids.k4)).toMatchObject({ code: "K4_UJI", usedBy: 0 });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "indicator.define"));
    expect(audits).toHaveLength(2);
    const depok = await TestClient.loggedIn(t.app, "admin.depok");
    const seen = (await depok.get("/api/indicator-definitions")).json() as DefinitionList;
    expect(seen.definitions.some((d) => d.id === ids.k4)).toBe(false);
  });

  it("computes linked RAK indicators from approved data: summed ratio, summed count with its lower formula", async () => {
    const jkn = planIndicator("Persentase Peserta Jaminan Kesehatan Nasional (JKN)");
    const balita = planIndicator("Jumlah kasus kematian balita");
    const before = (await evaluation()).indicators.find((r) => r.planIndicatorId === jkn?.id);
    expect(before?.source).toBe("none");
    for (const [indicator, definitionId] of [
      [jkn, ids.k4],
      [balita, ids.deaths],
    ] as const) {
      const res = await admin.request("PATCH", `/api/plans/${plan.id}/indicators/${indicator?.id}`, {
        revision: indicator?.revision,
        definitionId,
        reason: "Dihitung dari laporan bulanan",
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().definitionId).toBe(definitionId);
    }
    const rows = (await evaluation()).indicators;
    const linked = rows.find((r) => r.planIndicatorId === jkn?.id);
    // (30 + 27) / (40 + 35) × 100
    expect(linked).toMatchObject({ realisasi: ["76", null, null, null], source: "data" });
    // Where it came from: the sums, and which expected reports were approved (never a silent 0).
    expect(linked?.provenance).toMatchObject({
      definitionId: ids.k4,
      elements: ["BUMIL_K4", "BUMIL_SASARAN"],
      numeratorSum: "57",
      denominatorSum: "75",
      approvedReports: 2,
    });
    const facilities = (linked?.provenance?.expectedReports ?? 0) / 3;
    expect(Number.isInteger(facilities) && facilities >= 1).toBe(true);
    expect(linked?.provenance?.missing).toContainEqual({
      orgUnitName: "Puskesmas Yosomulyo",
      period: "202403",
    });
    expect(linked?.provenance?.missing).toHaveLength(facilities * 3 - 2);
    const count = rows.find((r) => r.planIndicatorId === balita?.id);
    // (0 + 1) + (1 + 2) = 4 deaths against a TW I target of 3: target / realisasi × 100 = 75
    expect(count).toMatchObject({ realisasi: ["4", null, null, null], source: "data" });
    expect(count?.capaianQuarter.value).toBe("75");
    const reloaded = (await admin.get(`/api/plans/${plan.id}`)).json() as Plan;
    expect(reloaded.nodes.flatMap((n) => n.indicators).find((i) => i.id === jkn?.id)?.definitionId).toBe(
      ids.k4,
    );
  });

  it("refuses to link a definition not fed by data", async () => {
    const ahh = planIndicator("Angka Harapan Hidup");
    const res = await admin.request("PATCH", `/api/plans/${plan.id}/indicators/${ahh?.id}`, {
      revision: ahh?.revision,
      definitionId: ahh?.indicatorId,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("DEFINITION_NOT_LINKABLE");
  });

  it("once a signed plan uses a definition, editing it needs a reason and its type is frozen", async () => {
    const kadis = await TestClient.loggedIn(t.app, "kadis.metro");
    const signed = await kadis.post(`/api/plans/${plan.id}/sign`, { place: "Metro", date: "2024-01-15" });
    expect(signed.statusCode, signed.body).toBe(200);
    const edit = (body: object) =>
      admin.request("PUT", `/api/indicator-definitions/${ids.k4}`, { ...k4, revision: 1, ...body });
    expect((await edit({ name: "Cakupan K4" })).json().error.code).toBe("REASON_REQUIRED");
    const kind = await edit({ kind: "count", unit: "orang", reason: "x" });
    expect(kind.statusCode).toBe(409);
    expect(kind.json().error.code).toBe("DEFINITION_KIND_FROZEN");
    const ok = await edit({ name: "Cakupan K4", reason: "Nama mengikuti Permenkes" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: "Cakupan K4", revision: 2 });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "indicator.redefine"));
    expect(audit).toMatchObject({ reason: "Nama mengikuti Permenkes" });
    expect(audit?.oldValue).toMatchObject({ name: "Persentase ibu hamil K4" });
  });
});
