import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Plan, PlanSummary } from "./schemas.js";

describe.each(testDatabases())("plans API on $name", (target) => {
  let t: TestApp;
  let rak: Plan;
  const indicatorsOf = (plan: Plan) => plan.nodes.flatMap((n) => n.indicators);
  const indicatorNamed = (name: string) => indicatorsOf(rak).find((i) => i.name === name);

  beforeAll(async () => {
    t = await openTestApp(target);
    const planner = await TestClient.loggedIn(t.app, "admin.metro");
    const list: PlanSummary[] = (await planner.get("/api/plans?kind=rak&year=2024")).json();
    expect(list).toHaveLength(1);
    rak = (await planner.get(`/api/plans/${list[0]?.id}`)).json();
  });
  afterAll(() => t.close());

  it("returns the RAK 2024 of Dinas Kesehatan Kota Metro with its signatory", () => {
    expect(rak.officeName).toBe("Dinas Kesehatan Kota Metro");
    expect(rak.year).toBe(2024);
    expect(rak.signatoryName).toBe("Dr. EKO HENDRO SAPUTRA, ST.M.Kes");
    expect(rak.signatoryNip).toBe("19720310 199703 1 006");
  });

  it("returns 43 indicators under 1 sasaran, 5 programs and 20 kegiatan in document order", () => {
    expect(indicatorsOf(rak)).toHaveLength(43);
    expect(rak.nodes.map((n) => n.level).filter((l) => l === "sasaran")).toHaveLength(1);
    expect(rak.nodes.filter((n) => n.level === "program")).toHaveLength(5);
    expect(rak.nodes.filter((n) => n.level === "kegiatan")).toHaveLength(20);
    expect(rak.nodes[0]?.level).toBe("sasaran");
    expect(indicatorsOf(rak)[0]?.name).toBe("Angka Harapan Hidup");
    expect(indicatorsOf(rak).at(-1)?.name).toBe("Persentase terpenuhinya pengembangan dan pelaksanaan UKBM");
  });

  it("keeps every budget to the Rupiah, the sasaran total being Rp 343.221.061.270", () => {
    expect(rak.nodes[0]?.budget).toBe(343_221_061_270);
    const programs = rak.nodes.filter((n) => n.level === "program");
    expect(programs.map((p) => p.budget)).toEqual([
      288_199_777_013, 51_205_355_475, 778_314_600, 107_180_000, 1_776_391_000,
    ]);
  });

  it("keeps targets exactly as written: no-target dashes, year-end-only and compound targets", () => {
    expect(indicatorNamed("Angka Harapan Hidup")).toMatchObject({
      targetYear: "72.18",
      targetQ1: "-",
      targetQ2: "-",
      targetQ3: "-",
      targetQ4: "72.18",
    });
    expect(indicatorNamed("Jumlah kasus kematian ibu")).toMatchObject({ targetQ1: "-", targetQ2: "1" });
    expect(indicatorNamed("Prevalensi HIV/AIDS")).toMatchObject({ targetYear: "0.013", targetQ4: "0.003" });
    expect(indicatorNamed("Jumlah BLUD yang menyediakan pelayanan dan penunjang pelayanan")).toMatchObject({
      unit: "puskesmas dan rsud",
      targetYear: "11 dan 2",
    });
  });

  it("shows where quarters and year do not reconcile, with the exact gap, and accepts it", () => {
    const gaps = indicatorsOf(rak)
      .filter((i) => i.reconciliation.status === "gap")
      .map((i) => [i.name, i.reconciliation.difference]);
    expect(gaps).toEqual([
      ["Prevalensi stunting pada anak balita", "0.02"],
      ["Insiden Tuberkulosis", "-0.03"],
      ["Angka kesakitan (incidence rate) DBD", "-0.01"],
      ["Prevalensi HIV/AIDS", "-0.001"],
    ]);
    expect(indicatorNamed("Angka Harapan Hidup")?.targetMode).toBe("year_end_only");
    expect(
      indicatorNamed("Jumlah BLUD yang menyediakan pelayanan dan penunjang pelayanan")?.reconciliation,
    ).toEqual({
      status: "reconciled",
      fromQuarters: "13",
      difference: "0",
    });
  });

  it("marks deaths, stunting and disease rates as lower-is-better", () => {
    const lower = indicatorsOf(rak).filter((i) => i.polarity === "lower");
    expect(lower).toHaveLength(12);
    expect(indicatorNamed("Jumlah kasus kematian ibu")?.polarity).toBe("lower");
    expect(indicatorNamed("Angka Harapan Hidup")?.polarity).toBe("higher");
  });

  it("does not show the RAK of Kota Metro to the Dinas of Depok", async () => {
    const depok = await TestClient.loggedIn(t.app, "admin.depok");
    // Depok sees its own plans only (the demo's Renja 2020), nothing of Kota Metro's.
    const plans = (await depok.get("/api/plans")).json() as Array<{ orgUnitName: string }>;
    expect(plans.filter((p) => p.orgUnitName !== "Kota Depok")).toEqual([]);
    expect((await depok.get(`/api/plans/${rak.id}`)).statusCode).toBe(403);
  });

  it("leaves the kegiatan without a budget in the document without one (not zero)", () => {
    const kegiatan = rak.nodes.find((n) => n.name.startsWith("Pengembangan Mutu dan Peningkatan Kompetensi"));
    expect(kegiatan?.budget).toBeNull();
  });
});
