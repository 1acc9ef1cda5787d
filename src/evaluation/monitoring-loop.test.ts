import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgUnits } from "../db/schema/index.js";
import type { Plan } from "../plans/schemas.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Evaluation, EvaluationIndicatorRow } from "./types.js";

/**
 * The monitoring loop through the API: definitions made by the Dinas, linked to Metro's 2024 RAK as
 * the RAK editor links them, then Yosomulyo's October–December reports entered and submitted by its
 * operator, verified by the pengelola program and approved by the Kepala Dinas. Only TW IV is asserted
 * (per quarter), so demo reports of other months never change the expected values.
 */
const MONTHS: Record<string, Record<string, string>> = {
  "202410": {
    BUMIL_SASARAN: "40",
    BUMIL_K4: "30",
    BULIN_SASARAN: "10",
    PERSALINAN_FASKES: "2",
    KEMATIAN_BAYI: "1",
  },
  "202411": {
    BUMIL_SASARAN: "35",
    BUMIL_K4: "27",
    BULIN_SASARAN: "9",
    PERSALINAN_FASKES: "1",
    KEMATIAN_BAYI: "0",
  },
  "202412": {
    BUMIL_SASARAN: "50",
    BUMIL_K4: "45",
    BULIN_SASARAN: "11",
    PERSALINAN_FASKES: "3",
    KEMATIAN_BAYI: "1",
  },
};

const base = {
  unit: "%",
  kind: "ratio",
  factor: 100,
  polarity: "higher",
  lowerFormula: "two_target_minus",
  timeAggregation: "sum",
  denominator: null,
};
/** What each definition computes, and the RAK indicator it feeds (its targets in the comment). */
const DEFINITIONS = {
  // 98 % for the year, 24,5 a quarter.
  ratio: {
    planIndicator: "Persentase Peserta Jaminan Kesehatan Nasional (JKN)",
    body: {
      ...base,
      code: "LOOP_K4",
      name: "Persentase ibu hamil K4 (uji siklus)",
      numerator: "#{BUMIL_K4}",
      denominator: "#{BUMIL_SASARAN}",
    },
  },
  // Target TW IV 6 (kelurahan): a count that adds up.
  count: {
    planIndicator: "Jumlah kelurahan melaksanakan upaya perilaku hidup bersih dan sehat",
    body: {
      ...base,
      code: "LOOP_PERSALINAN",
      name: "Jumlah persalinan di faskes (uji siklus)",
      unit: "persalinan",
      kind: "count",
      factor: null,
      numerator: "#{PERSALINAN_FASKES}",
    },
  },
  // Target TW IV 3 (kasus), lower is better: (2 × target − realisasi) / target × 100%.
  lower: {
    planIndicator: "Jumlah kasus kematian balita",
    body: {
      ...base,
      code: "LOOP_KEMATIAN",
      name: "Jumlah kematian bayi dan balita (uji siklus)",
      unit: "kasus",
      kind: "count",
      factor: null,
      polarity: "lower",
      numerator: "#{KEMATIAN_BAYI}",
    },
  },
} as const;

describe.each(testDatabases())(
  "the monitoring loop, from a month's report to the RAK evaluation, on $name",
  (target) => {
    let t: TestApp;
    let operator: TestClient;
    let verifier: TestClient;
    let kadis: TestClient;
    let admin: TestClient;
    let plan: Plan;
    let dataSetId: string;
    let yosomulyo: string;
    const linked: Record<keyof typeof DEFINITIONS, string> = { ratio: "", count: "", lower: "" };

    const tw4 = async (): Promise<Record<keyof typeof DEFINITIONS, EvaluationIndicatorRow>> => {
      const evaluation = (await kadis.get(`/api/plans/${plan.id}/evaluation?quarter=4`)).json() as Evaluation;
      const row = (id: string) =>
        evaluation.indicators.find((r) => r.planIndicatorId === id) as EvaluationIndicatorRow;
      return { ratio: row(linked.ratio), count: row(linked.count), lower: row(linked.lower) };
    };
    const key = (period: string) => ({ dataSetId, orgUnitId: yosomulyo, period });
    const act = async (client: TestClient, period: string, action: "submit" | "verify" | "approve") => {
      const res = await client.post("/api/data-entry/transition", { ...key(period), action });
      expect(res.statusCode, res.body).toBe(200);
    };

    beforeAll(async () => {
      t = await openTestApp(target);
      operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
      verifier = await TestClient.loggedIn(t.app, "program.metro");
      kadis = await TestClient.loggedIn(t.app, "kadis.metro");
      admin = await TestClient.loggedIn(t.app, "admin.metro");
      const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P2"));
      const [metro] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
      yosomulyo = unit?.id as string;
      dataSetId = (await operator.get("/api/data-sets")).json()[0].id;
      plan = (await admin.get(`/api/plans/${(await admin.get("/api/plans")).json()[0].id}`)).json();
      for (const [name, { planIndicator, body }] of Object.entries(DEFINITIONS)) {
        const defined = await admin.post("/api/indicator-definitions", { ...body, orgUnitId: metro?.id });
        expect(defined.statusCode, defined.body).toBe(201);
        const indicator = plan.nodes.flatMap((n) => n.indicators).find((i) => i.name === planIndicator);
        const link = await admin.request("PATCH", `/api/plans/${plan.id}/indicators/${indicator?.id}`, {
          revision: indicator?.revision,
          definitionId: defined.json().id,
        });
        expect(link.statusCode, link.body).toBe(200);
        linked[name as keyof typeof DEFINITIONS] = indicator?.id as string;
      }
      for (const [period, values] of Object.entries(MONTHS)) {
        const form = (await operator.get(`/api/data-entry/form?${new URLSearchParams(key(period))}`)).json();
        const ids = new Map(form.elements.map((e: { code: string; id: string }) => [e.code, e.id]));
        const saved = await operator.request("PUT", "/api/data-entry/values", {
          ...key(period),
          values: Object.entries(values).map(([code, value]) => ({
            dataElementId: ids.get(code),
            value,
            comment: "Sesuai register kohort",
            revision: null,
          })),
        });
        expect(saved.statusCode, saved.body).toBe(200);
        await act(operator, period, "submit");
        await act(verifier, period, "verify");
      }
    });
    afterAll(() => t.close());

    it("shows no realisasi and no capaian, never 0, while the reports are submitted and verified only", async () => {
      for (const row of Object.values(await tw4())) {
        expect(row.realisasi[3]).toBeNull();
        expect(row.capaianQuarter.value).toBeNull();
        expect(row.capaianQuarter.reason).toMatch(/^Tidak dapat dihitung: /);
      }
    });

    it("counts October alone once the Kepala Dinas approves it, naming the months still missing", async () => {
      await act(kadis, "202410", "approve");
      const rows = await tw4();
      // 30 / 40 × 100; 2 births; 1 death: (2 × 3 − 1) / 3 × 100.
      expect(rows.ratio.realisasi[3]).toBe("75");
      expect(rows.count.realisasi[3]).toBe("2");
      expect(rows.lower.realisasi[3]).toBe("1");
      expect(rows.lower.capaianQuarter.value).toBe("166.67");
      expect(rows.ratio.provenance?.missing).toContainEqual({
        orgUnitName: "Puskesmas Yosomulyo",
        period: "202411",
      });
    });

    it("computes TW IV from the summed numerators and denominators of the three approved months", async () => {
      await act(kadis, "202411", "approve");
      await act(kadis, "202412", "approve");
      const rows = await tw4();
      // (30 + 27 + 45) / (40 + 35 + 50) × 100 = 81,6, not the mean of 75, 77,14 and 90 (80,71).
      expect(rows.ratio.realisasi[3]).toBe("81.6");
      // A level, compared with the annual 98 (an incremental % series' quarters are shares of the
      // year's effort): 81,6 / 98 × 100 = 83,27, "tinggi" (75 < x ≤ 90).
      expect(rows.ratio.capaianQuarter).toMatchObject({ value: "83.27", category: "Tinggi" });
      // 2 + 1 + 3 = 6 births against a TW IV target of 6.
      expect(rows.count.realisasi[3]).toBe("6");
      expect(rows.count.capaianQuarter.value).toBe("100");
      // 1 + 0 + 1 = 2 deaths against 3, lower is better: (2 × 3 − 2) / 3 × 100 = 133,33.
      expect(rows.lower.realisasi[3]).toBe("2");
      expect(rows.lower.capaianQuarter.value).toBe("133.33");
      expect(rows.lower.formula).toContain("2 × Target");
      expect(rows.ratio.provenance?.missing).not.toContainEqual({
        orgUnitName: "Puskesmas Yosomulyo",
        period: "202411",
      });
    });
  },
);
