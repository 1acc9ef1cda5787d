import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgUnits } from "../db/schema/index.js";
import type { Plan } from "../plans/schemas.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Evaluation } from "./types.js";

const monthValues: Record<string, Record<string, string>> = {
  "202401": {
    BALITA_DIUKUR: "200",
    BALITA_STUNTING: "20",
    KEMATIAN_BAYI: "1",
    BULIN_SASARAN: "30",
    PERSALINAN_FASKES: "29",
  },
  "202402": {
    BALITA_DIUKUR: "220",
    BALITA_STUNTING: "18",
    KEMATIAN_BAYI: "0",
    BULIN_SASARAN: "28",
    PERSALINAN_FASKES: "28",
  },
  "202403": {
    BALITA_DIUKUR: "180",
    BALITA_STUNTING: "16",
    KEMATIAN_BAYI: "1",
    BULIN_SASARAN: "32",
    PERSALINAN_FASKES: "30",
  },
};

describe.each(testDatabases())("the quarterly evaluation on $name", (target) => {
  let t: TestApp;
  let evaluation: Evaluation;
  let plan: Plan;
  const row = (name: string) => evaluation.indicators.find((r) => r.indicator === name);

  beforeAll(async () => {
    t = await openTestApp(target);
    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const verifier = await TestClient.loggedIn(t.app, "program.metro");
    const admin = await TestClient.loggedIn(t.app, "admin.metro");
    const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P2"));
    const dataSetId = (await operator.get("/api/data-sets")).json()[0].id;
    for (const [period, values] of Object.entries(monthValues)) {
      const key = { dataSetId, orgUnitId: unit?.id as string, period };
      const form = (await operator.get(`/api/data-entry/form?${new URLSearchParams(key)}`)).json();
      const ids = new Map(form.elements.map((e: { code: string; id: string }) => [e.code, e.id]));
      const saved = await operator.request("PUT", "/api/data-entry/values", {
        ...key,
        values: Object.entries(values).map(([code, value]) => ({
          dataElementId: ids.get(code),
          value,
          comment: "Sesuai register kohort",
          revision: null,
        })),
      });
      expect(saved.statusCode).toBe(200);
      for (const [client, action] of [
        [operator, "submit"],
        [verifier, "verify"],
        [admin, "approve"],
      ] as const) {
        expect((await client.post("/api/data-entry/transition", { ...key, action })).statusCode).toBe(200);
      }
    }
    plan = (await admin.get(`/api/plans/${(await admin.get("/api/plans")).json()[0].id}`)).json();
    const ahh = plan.nodes[0]?.indicators[0];
    const noted = await admin.request("PUT", `/api/plans/${plan.id}/indicators/${ahh?.id}/quarters/1`, {
      revision: null,
      faktorPendorong: "Kader posyandu aktif",
      tindakLanjut: "Perluas penyuluhan",
    });
    expect(noted.statusCode).toBe(200);
    const program = plan.nodes.find((n) => n.level === "program");
    const spent = await admin.request(
      "PUT",
      `/api/plans/${plan.id}/nodes/${program?.id}/budget-realisasi/1`,
      {
        revision: null,
        amount: 72_049_944_253,
      },
    );
    expect(spent.statusCode).toBe(200);
    evaluation = (await admin.get(`/api/plans/${plan.id}/evaluation?quarter=1`)).json();
  });
  afterAll(() => t.close());

  it("adds up infant deaths of the quarter from approved data against the TW I target", () => {
    expect(row("Jumlah kasus kematian bayi")).toMatchObject({
      realisasi: ["2", null, null, null],
      source: "data",
      targetToDate: "2",
      capaianToDate: { value: "100", category: "Sangat Tinggi" },
    });
  });

  it("computes stunting as summed cases over summed measured children, compared with the annual 8,5", () => {
    const stunting = row("Prevalensi stunting pada anak balita");
    expect(stunting?.realisasiToDate).toBe("9");
    expect(stunting?.targetToDate).toBe("8.5");
    expect(stunting?.capaianToDate.value).toBe("94.12");
    expect(stunting?.formula).toContain("2 × Target");
  });

  it("says why capaian cannot be computed where no data feeds an indicator", () => {
    const ahh = row("Angka Harapan Hidup");
    expect(ahh?.capaianToDate.value).toBeNull();
    expect(ahh?.capaianToDate.reason).toMatch(/^Tidak dapat dihitung: /);
    expect(ahh?.capaianToDate.reason).not.toMatch(/dihitung.*dihitung/i);
    expect(ahh?.revisions).toEqual([1, null, null, null]);
    expect(ahh?.faktorPendorong).toBe("Kader posyandu aktif");
  });

  it("reports budget absorption of the program from its TW I spending", () => {
    const program = evaluation.budgets.find((b) => b.level === "program");
    expect(program).toMatchObject({ realisasiToDate: 72_049_944_253, serapan: "25" });
  });

  it("lets a pengelola program analyse only the indicators of its own program", async () => {
    const verifier = await TestClient.loggedIn(t.app, "program.metro");
    const indicators = plan.nodes.flatMap((n) => n.indicators);
    const neonatal = indicators.find((i) => i.name === "Jumlah kasus kematian neonatal");
    const ahh = indicators.find((i) => i.name === "Angka Harapan Hidup");
    const own = await verifier.request("PUT", `/api/plans/${plan.id}/indicators/${neonatal?.id}/quarters/1`, {
      revision: null,
      faktorPenghambat: "Rujukan terlambat",
    });
    expect(own.statusCode).toBe(200);
    const other = await verifier.request("PUT", `/api/plans/${plan.id}/indicators/${ahh?.id}/quarters/1`, {
      revision: 1,
      tindakLanjut: "x",
    });
    expect(other.statusCode).toBe(403);
  });

  it("exports the evaluation as xlsx and as a pdf to sign", async () => {
    const admin = await TestClient.loggedIn(t.app, "admin.metro");
    const pdf = await admin.get(`/api/plans/${plan.id}/evaluation.pdf?quarter=1&paper=F4`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const xlsx = await admin.get(`/api/plans/${plan.id}/evaluation.xlsx?quarter=1`);
    expect(xlsx.headers["content-disposition"]).toContain('filename="evaluasi-rak-2024-tw1.xlsx"');
  });

  it("refuses the analysis to a puskesmas operator", async () => {
    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const ahh = plan.nodes[0]?.indicators[0];
    const res = await operator.request("PUT", `/api/plans/${plan.id}/indicators/${ahh?.id}/quarters/1`, {
      revision: 1,
    });
    expect(res.statusCode).toBe(403);
  });
});
