import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { orgUnits, skmResponses, skmSurveys, spmServices, spmVersions } from "../db/schema/index.js";
import { computeIkm, div, round, sum } from "../domain/index.js";
import { factDistrictOf } from "../domain/org-unit-tree.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { testDatabases } from "../test-support/databases.js";
import { skmResultsForYear } from "./results.js";

const ones = Array(9).fill(1) as number[];

/** The demo's surveys are of Perwal Depok 57/2017's services (the catalogue also holds Permenkes 4/2019's). */
async function perwalService(db: Database, number: number) {
  const [row] = await db
    .select({ id: spmServices.id })
    .from(spmServices)
    .innerJoin(spmVersions, eq(spmVersions.id, spmServices.versionId))
    .where(and(eq(spmServices.number, number), eq(spmVersions.code, "PERWAL-DEPOK-57-2017")));
  return row;
}

async function addSurvey(
  db: Database,
  orgUnitCode: string,
  number: number,
  period: string,
  scores: number[][],
) {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, orgUnitCode));
  const service = await perwalService(db, number);
  const [survey] = await db
    .insert(skmSurveys)
    .values({
      districtId: factDistrictOf(unit as typeof orgUnits.$inferSelect),
      orgUnitId: unit?.id as string,
      serviceId: service?.id as string,
      period,
    })
    .returning();
  if (scores.length)
    await db.insert(skmResponses).values(
      scores.map((s, i) => ({
        surveyId: survey?.id as string,
        districtId: survey?.districtId as string,
        respondentNo: i + 1,
        scores: s,
      })),
    );
  return survey?.id as string;
}

async function scoresOf(db: Database, surveyId: string) {
  const rows = await db.select().from(skmResponses).where(eq(skmResponses.surveyId, surveyId));
  return rows.map((r) => r.scores);
}

describe.each(testDatabases())("SKM results for the annual SPM report on $name", (target) => {
  let t: TestApp;
  let db: Database;
  let bejiYear: string;

  beforeAll(async () => {
    t = await openTestApp(target);
    db = t.database.db;
    const [beji] = await db.select().from(orgUnits).where(eq(orgUnits.code, "32.76.01.P1"));
    const service1 = await perwalService(db, 1);
    const [demo] = await db
      .select()
      .from(skmSurveys)
      .where(eq(skmSurveys.orgUnitId, beji?.id as string))
      .then((rows) => rows.filter((r) => r.serviceId === service1?.id));
    bejiYear = demo?.id as string;
    await addSurvey(db, "32.76.01.P1", 1, "2019S1", [ones, ones]);
    await addSurvey(db, "32.76.01.P1", 1, "2020", [ones]);
    await addSurvey(db, "32.76.01.P1", 5, "2019Q4", []);
  });
  afterAll(() => t.close());

  it("pools every questionnaire of a service in the year, so a bigger survey weighs more", async () => {
    const results = await skmResultsForYear(db, "/KEMENKES/32/32.76/32.76.01/", 2019);
    const service1 = results.byService.find((s) => s.number === 1);
    const pooled = computeIkm([...(await scoresOf(db, bejiYear)), ones, ones]);
    expect(service1).toMatchObject({ respondents: pooled.respondents, ikm: pooled.ikm, band: pooled.band });
    expect(service1?.elementMeans).toEqual([...pooled.elementMeans]);
    const yearly = computeIkm(await scoresOf(db, bejiYear)).ikm;
    const meanOfIkms = round(div(sum([yearly, "25"]), "2", 6), 2);
    expect(service1?.ikm).not.toBe(meanOfIkms);
  });

  it("lists each facility survey of the year with its own IKM, and leaves out other years and empty surveys", async () => {
    const { byFacility, byService } = await skmResultsForYear(db, "/KEMENKES/32/32.76/32.76.01/", 2019);
    expect(byFacility.map((f) => [f.number, f.period, f.respondents >= 20 || f.respondents === 2])).toEqual([
      [1, "2019", true],
      [1, "2019S1", true],
      [4, "2019", true],
      [7, "2019", true],
    ]);
    expect(byFacility[1]).toMatchObject({ orgUnitName: "Puskesmas Beji", ikm: "25", band: "D" });
    expect(byService.map((s) => s.number)).toEqual([1, 4, 7]);
  });

  it("adds up the whole kota: 5 puskesmas × 3 services of the demo, bands B and A and one C", async () => {
    const { byFacility, byService } = await skmResultsForYear(db, "/KEMENKES/32/32.76/", 2019);
    expect(byFacility).toHaveLength(16);
    expect(byService.map((s) => s.number)).toEqual([1, 4, 7]);
    const total = byService.reduce((n, s) => n + s.respondents, 0);
    expect(total).toBe(byFacility.reduce((n, f) => n + f.respondents, 0));
    const demo = byFacility.filter((f) => f.period === "2019");
    expect(demo.filter((f) => f.band === "C")).toHaveLength(1);
    expect(new Set(demo.map((f) => f.band))).toEqual(new Set(["A", "B", "C"]));
    expect(demo.every((f) => f.respondents >= 20 && f.respondents <= 40)).toBe(true);
    expect(byService[0]?.elementMeans).toHaveLength(9);
    expect((await skmResultsForYear(db, "/KEMENKES/18/18.72/", 2019)).byService).toEqual([]);
  });
});
