import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeness } from "../data-entry/completeness.js";
import { dataSets, indicators, orgUnits, plans } from "../db/schema/index.js";
import {
  defineIndicator,
  indicatorDataElements,
  indicatorOverMonths,
  monthlySums,
  type RatioFactor,
} from "../domain/index.js";
import { computeEvaluation } from "../evaluation/compute.js";
import { approvedMonthlyTotals } from "../evaluation/data.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { CellTrend, Scorecard } from "./schemas.js";

describe.each(testDatabases())("the scorecard on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let metro: { id: string; path: string };
  let defs: (typeof indicators.$inferSelect)[];
  let dataSetId: string;

  const url = (parentId: string, columns: string[], periods: string[], rows = "children") =>
    `/api/scorecard?${new URLSearchParams({ parentId, columns: columns.join(","), periods: periods.join(","), rows })}`;

  beforeAll(async () => {
    t = await openTestApp(target, 10_000, { demo: { monitoring: true } });
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    const db = t.database.db;
    metro = (await db.select().from(orgUnits).where(eq(orgUnits.code, "18.72")))[0] as typeof metro;
    defs = await db.select().from(indicators).where(like(indicators.code, "MTR.%"));
    const [set] = await db.select().from(dataSets).where(eq(dataSets.periodType, "month"));
    dataSetId = set?.id as string;
  }, 120_000);
  afterAll(() => t?.close());

  it("gives the kota's cells the evaluation's realisasi for the same quarter", async () => {
    const [plan] = await t.database.db
      .select()
      .from(plans)
      .where(and(eq(plans.year, 2024), eq(plans.orgUnitId, metro.id)));
    const evaluation = await computeEvaluation(t.database.db, plan?.id as string, 2);
    const res = await admin.get(
      url(
        metro.id,
        defs.map((d) => `i:${d.id}`),
        ["2024Q1", "2024Q2"],
      ),
    );
    expect(res.statusCode).toBe(200);
    const card: Scorecard = res.json();
    let compared = 0;
    for (const row of evaluation.indicators.filter((r) => r.source === "data")) {
      const c = card.columns.findIndex((col) => col.key === `i:${row.provenance?.definitionId}`);
      if (c < 0) continue;
      for (const q of [0, 1]) {
        expect(card.total.cells[c * 2 + q]?.value ?? null, `${row.indicator} TW${q + 1}`).toBe(
          row.realisasi[q],
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(30);
    expect(card.rows.length).toBeGreaterThan(1);
    expect(card.rows.filter((r) => r.hasChildren).length).toBe(5);
    expect(card.trail.map((u) => u.name)).toContain(card.parent.name);
  });

  it("gives each puskesmas of the league table the sums of its own approved values", async () => {
    const ratio = defs.find(
      (d) => d.kind === "ratio" && d.timeAggregation === "sum",
    ) as (typeof defs)[number];
    const res = await admin.get(
      url(metro.id, [`i:${ratio.id}`, `c:${dataSetId}`, `t:${dataSetId}`], ["202403"], "puskesmas"),
    );
    const card: Scorecard = res.json();
    expect(card.rows.length).toBe(11);
    const definition = defineIndicator({
      code: ratio.id,
      name: ratio.name,
      unit: ratio.unit,
      kind: "ratio",
      factor: (ratio.factor ?? 100) as RatioFactor,
      numerator: ratio.numerator as string,
      denominator: ratio.denominator as string,
    });
    const [unit] = await t.database.db
      .select()
      .from(orgUnits)
      .where(eq(orgUnits.id, card.rows[0]?.id as string));
    const totals = await approvedMonthlyTotals(t.database.db, unit?.path as string, 2024, [
      ...indicatorDataElements(definition),
    ]);
    const expected = indicatorOverMonths(definition, "sum", monthlySums(totals), ["202403"]);
    expect(card.rows[0]?.cells[0]?.value ?? null).toBe(expected?.value ?? null);
    expect(card.rows[0]?.cells[0]?.numerator ?? null).toBe(expected?.numerator ?? null);
    const ranks = card.rows.map((r) => r.cells[0]?.rank).filter((r) => r !== null);
    expect(Math.min(...(ranks as number[]))).toBe(1);
    // Completeness of the whole kota for one month: the completeness screen's figure.
    const screen = await completeness(t.database.db, dataSetId, "202403", [metro.path]);
    expect(card.total.cells[1]?.value).toBe(String(screen.completenessPercent));
    expect(card.total.cells[2]?.value).toBe(String(screen.timelinessPercent));
  });

  it("draws the series behind one cell with numerator and denominator", async () => {
    const ratio = defs.find((d) => d.kind === "ratio") as (typeof defs)[number];
    const res = await admin.get(`/api/scorecard/cell?orgUnitId=${metro.id}&column=i:${ratio.id}&year=2024`);
    expect(res.statusCode).toBe(200);
    const trend: CellTrend = res.json();
    expect(trend.points).toHaveLength(12);
    expect(trend.points.filter((p) => p.value !== null).length).toBeGreaterThanOrEqual(9);
    expect(trend.points[11]?.value).toBeNull();
  });

  it("keeps callers to their scope", async () => {
    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const depok = await TestClient.loggedIn(t.app, "admin.depok");
    const columns = [`c:${dataSetId}`];
    expect((await operator.get(url(metro.id, columns, ["202401"]))).statusCode).toBe(403);
    expect((await depok.get(url(metro.id, columns, ["202401"]))).statusCode).toBe(403);
  });

  it("refuses a scorecard over 10.000 cells with a 400 in both languages", async () => {
    const columns = Array.from({ length: 200 }, () => `i:${defs[0]?.id}`);
    const periods = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, "0")}`);
    const res = await admin.get(url(metro.id, columns, periods, "puskesmas"));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("SCORECARD_TOO_LARGE");
    expect(res.json().error.message).toContain("terlalu besar");
    expect(res.json().error.messageEn).toContain("too large");
  });

  it("downloads the scorecard as xlsx and pdf", async () => {
    const q = `parentId=${metro.id}&columns=i:${defs[0]?.id},c:${dataSetId}&periods=2024Q1,2024Q2`;
    const xlsx = await admin.get(`/api/scorecard.xlsx?${q}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const pdf = await admin.get(`/api/scorecard.pdf?${q}&lang=en`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
  });
});
