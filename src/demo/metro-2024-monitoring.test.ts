import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import { auditLog, dataSetReports, orgUnits, planIndicators, plans } from "../db/schema/index.js";
import { computeEvaluation } from "../evaluation/compute.js";
import type { Evaluation } from "../evaluation/types.js";
import { testDatabases } from "../test-support/databases.js";
import { loadDemo } from "./load-demo.js";
import { metroDefinitions } from "./metro-2024-definitions.js";
import { METRO_MISSING, METRO_MONTHS, METRO_NIHIL } from "./metro-2024-reports.js";

describe.each(testDatabases())("Kota Metro's 2024 in the demo on $name", (target) => {
  let handle: DatabaseHandle;
  const evaluations = new Map<number, Evaluation>();
  let units: Array<{ id: string; code: string }>;

  beforeAll(async () => {
    handle = await target.open();
    await loadDemo(handle.db);
    const [plan] = await handle.db.select().from(plans).where(eq(plans.year, 2024));
    for (const q of [1, 2, 3] as const)
      evaluations.set(q, await computeEvaluation(handle.db, plan?.id as string, q));
    units = await handle.db
      .select({ id: orgUnits.id, code: orgUnits.code })
      .from(orgUnits)
      .where(and(eq(orgUnits.type, "puskesmas"), eq(orgUnits.districtId, plan?.orgUnitId as string)));
  }, 60_000);
  afterAll(() => handle.close());

  const tw = (q: number) => evaluations.get(q) as Evaluation;

  it("links at least 15 RAK indicators to definitions from the monthly report", async () => {
    const linked = await handle.db
      .select()
      .from(planIndicators)
      .where(isNotNull(planIndicators.definitionId));
    expect(linked.length).toBe(metroDefinitions.length);
    expect(linked.length).toBeGreaterThanOrEqual(15);
    const fromData = tw(3).indicators.filter((r) => r.source === "data");
    expect(fromData.map((r) => r.indicator).sort()).toEqual(metroDefinitions.map((d) => d.rak).sort());
  });

  it("has a report from every puskesmas for January–September but the missing ones, and none later", async () => {
    const reports = await handle.db.select().from(dataSetReports);
    const metro = reports.filter((r) => units.some((u) => u.id === r.orgUnitId));
    const codeOf = new Map(units.map((u) => [u.id, u.code]));
    const keys = new Set(metro.map((r) => `${codeOf.get(r.orgUnitId)}/${r.period}`));
    const missing = new Set(METRO_MISSING.map(([u, p]) => `${u}/${p}`));
    expect(units).toHaveLength(11);
    for (const unit of units) {
      for (const period of METRO_MONTHS) {
        expect(keys.has(`${unit.code}/${period}`)).toBe(!missing.has(`${unit.code}/${period}`));
      }
    }
    expect(metro.filter((r) => r.period >= "202410")).toEqual([]);
    const nihil = metro.filter((r) => r.isNihil);
    expect(nihil.map((r) => `${codeOf.get(r.orgUnitId)}/${r.period}`)).toEqual([METRO_NIHIL.join("/")]);
    expect(metro.filter((r) => r.status === "returned").length).toBeGreaterThanOrEqual(2);
    expect(metro.filter((r) => r.onTime === false).length).toBeGreaterThanOrEqual(3);
    expect(metro.filter((r) => r.status === "submitted" || r.status === "verified").length).toBeGreaterThan(
      0,
    );
  });

  it("records each report's way through the workflow in the audit trail", async () => {
    const trail = await handle.db.select().from(auditLog).where(eq(auditLog.entityType, "data_set_report"));
    const approvals = trail.filter((a) => a.action === "data.report_approve");
    const reports = await handle.db.select().from(dataSetReports);
    const approved = reports.filter(
      (r) => r.status === "approved" && units.some((u) => u.id === r.orgUnitId),
    );
    expect(approvals.length).toBe(approved.length);
    expect(trail.filter((a) => a.action === "data.report_return").length).toBeGreaterThanOrEqual(3);
  });

  it("shows all five categories, the three forecast states and budget serapan at TW III", () => {
    const e = tw(3);
    const categories = new Set(e.indicators.map((r) => r.capaianToDate.category).filter(Boolean));
    expect([...categories].sort()).toEqual(["Rendah", "Sangat Rendah", "Sangat Tinggi", "Sedang", "Tinggi"]);
    const forecasts = new Set(e.indicators.map((r) => r.forecast.status));
    for (const s of ["on_track", "at_risk", "off_track"]) expect(forecasts).toContain(s);
    const withSerapan = e.budgets.filter((b) => b.serapan !== null);
    expect(withSerapan.length).toBeGreaterThan(20);
    expect(e.indicators.some((r) => r.faktorPenghambat?.endsWith("(contoh)"))).toBe(true);
  });

  it("never turns missing data into 0, and leaves TW IV without realisasi", () => {
    for (const q of [1, 2, 3]) {
      for (const row of tw(q).indicators.filter((r) => r.source === "data")) {
        expect(row.realisasi.slice(0, q).every((v) => v !== null)).toBe(true);
        expect(row.realisasi[3]).toBeNull();
      }
    }
    const ratios = tw(3).indicators.filter((r) => r.source === "data" && r.unit !== "kasus");
    for (const row of ratios) expect(Number(row.realisasiToDate)).toBeGreaterThan(0);
  });
});
