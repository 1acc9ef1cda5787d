import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits, spmServices, spmVersions } from "../db/schema/index.js";
import { computeIkm } from "../domain/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { createTestUser } from "../test-support/users.js";
import type { SurveyDetail, SurveyList } from "./schemas.js";

const good = [
  [4, 4, 3, 4, 3, 4, 4, 3, 4],
  [3, 3, 3, 4, 3, 3, 4, 3, 3],
  [4, 4, 4, 4, 4, 4, 4, 4, 4],
];
const questionnaires = (scores: number[][]) => scores.map((s, i) => ({ respondentNo: i + 1, scores: s }));

describe.each(testDatabases())("Survei Kepuasan Masyarakat on $name", (target) => {
  let t: TestApp;
  let operator: TestClient;
  let admin: TestClient;
  const unit = async (code: string) =>
    (await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, code)))[0]?.id as string;
  const service = async (number: number) =>
    // The demo's surveys are of Perwal Depok 57/2017's services (the catalogue also holds Permenkes 4/2019's).
    (
      await t.database.db
        .select({ id: spmServices.id })
        .from(spmServices)
        .innerJoin(spmVersions, eq(spmVersions.id, spmServices.versionId))
        .where(and(eq(spmServices.number, number), eq(spmVersions.code, "PERWAL-DEPOK-57-2017")))
    )[0]?.id as string;
  const audits = (action: string, entityId: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  const open = async (client: TestClient, code: string, number: number, period: string) => {
    const res = await client.post("/api/skm/surveys", {
      orgUnitId: await unit(code),
      serviceId: await service(number),
      period,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as SurveyDetail;
  };

  beforeAll(async () => {
    t = await openTestApp(target);
    operator = await TestClient.loggedIn(t.app, "operator.beji");
    admin = await TestClient.loggedIn(t.app, "admin.depok");
  });
  afterAll(() => t.close());

  it("lists the Depok surveys of a year per facility and service, with IKM and band", async () => {
    const res = await admin.get(`/api/skm/surveys?orgUnitId=${await unit("32.76")}&year=2019`);
    expect(res.statusCode).toBe(200);
    const list = res.json() as SurveyList;
    expect(list.surveys).toHaveLength(15);
    expect(new Set(list.surveys.map((s) => s.result?.band))).toEqual(new Set(["A", "B", "C"]));
    expect(list.services.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(list.facilities.map((f) => f.name)).toContain("Puskesmas Beji");
    expect(list.facilities.map((f) => f.name)).not.toContain("Kecamatan Beji");
    const first = list.surveys[0] as SurveyList["surveys"][number];
    const detail = (await admin.get(`/api/skm/surveys/${first.id}`)).json() as SurveyDetail;
    expect(detail.responses.length).toBeGreaterThanOrEqual(20);
    expect(detail.result).toEqual(first.result);
    expect(first.result?.ikm).toBe(computeIkm(detail.responses.map((r) => r.scores)).ikm);
  });

  it("enters the questionnaires of a puskesmas survey and answers with its IKM, audited", async () => {
    const survey = await open(operator, "32.76.01.P1", 8, "2019S2");
    expect(survey).toMatchObject({
      orgUnitName: "Puskesmas Beji",
      serviceNumber: 8,
      result: null,
      canEdit: true,
    });
    const res = await operator.request("PUT", `/api/skm/surveys/${survey.id}/responses`, {
      revision: survey.revision,
      responses: questionnaires(good).map((q) => ({ ...q, gender: "P", age: 54, respondedOn: "2019-08-01" })),
    });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as SurveyDetail;
    expect(saved.result).toEqual({ ...computeIkm(good), elementMeans: [...computeIkm(good).elementMeans] });
    expect(saved.result?.ikm).toBe("90.74");
    expect(saved.result?.band).toBe("A");
    expect(saved.revision).toBe(survey.revision + 1);
    expect(saved.responses[0]).toMatchObject({ gender: "P", age: 54, respondedOn: "2019-08-01" });
    expect(await audits("skm.survey_create", survey.id)).toHaveLength(1);
    const [audit] = await audits("skm.responses_set", survey.id);
    expect(audit?.oldValue).toEqual({ respondents: 0, ikm: null, band: null, revision: 1 });
    expect(audit?.newValue).toEqual({ respondents: 3, ikm: "90.74", band: "A", revision: 2 });
  });

  it("refuses a second survey of the same facility, service and period", async () => {
    const first = await open(operator, "32.76.01.P1", 9, "2019");
    const again = await operator.post("/api/skm/surveys", {
      orgUnitId: await unit("32.76.01.P1"),
      serviceId: await service(9),
      period: "2019",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("sudah ada");
    expect(again.json().error.details).toEqual({ surveyId: first.id });
  });

  it("refuses the whole save when one questionnaire is wrong, naming the row, and keeps what was there", async () => {
    const survey = await open(operator, "32.76.01.P1", 10, "2019");
    await operator.request("PUT", `/api/skm/surveys/${survey.id}/responses`, {
      revision: 1,
      responses: questionnaires(good),
    });
    const res = await operator.request("PUT", `/api/skm/surveys/${survey.id}/responses`, {
      revision: 2,
      responses: [
        ...questionnaires(good),
        { respondentNo: 4, scores: [4, 4, 5, 4, 4, 4, 4, 4, 4] },
        { respondentNo: 2, scores: [4, 4, 4, 4, 4, 4, 4, 4] },
      ],
    });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.message).toBe(
      "Baris 4: U3 harus bilangan bulat 1–4. (dan 2 masalah lain) Tidak ada yang disimpan.",
    );
    expect(error.details.problems.map((p: { row: number }) => p.row)).toEqual([4, 5, 5]);
    expect(error.details.problems[1].message).toBe("No. responden 2 sudah dipakai di baris 2.");
    const after = (await operator.get(`/api/skm/surveys/${survey.id}`)).json() as SurveyDetail;
    expect(after.responses).toHaveLength(3);
    expect(after.revision).toBe(2);
  });

  it("refuses a questionnaire dated outside the survey period", async () => {
    const survey = await open(operator, "32.76.01.P1", 11, "2019S1");
    const res = await operator.request("PUT", `/api/skm/surveys/${survey.id}/responses`, {
      revision: 1,
      responses: [{ respondentNo: 1, scores: good[0], respondedOn: "2019-07-02" }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain("di luar periode survei (2019-01-01 s.d. 2019-06-30)");
  });

  it("tells the second of two people saving the same survey that someone saved first", async () => {
    const survey = await open(admin, "32.76.04.P1", 12, "2019");
    const colleague = await TestClient.loggedIn(t.app, "admin.depok");
    const mine = await admin.request("PUT", `/api/skm/surveys/${survey.id}/responses`, {
      revision: 1,
      responses: questionnaires(good),
    });
    expect(mine.statusCode).toBe(200);
    const theirs = await colleague.request("PUT", `/api/skm/surveys/${survey.id}/responses`, {
      revision: 1,
      responses: questionnaires([good[0] as number[]]),
    });
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().error.details).toEqual({ currentRevision: 2 });
    const now = (await admin.get(`/api/skm/surveys/${survey.id}`)).json() as SurveyDetail;
    expect(now.responses).toHaveLength(3);
  });

  it("keeps a puskesmas operator to its own facility and to facilities", async () => {
    const elsewhere = await operator.post("/api/skm/surveys", {
      orgUnitId: await unit("32.76.04.P1"),
      serviceId: await service(1),
      period: "2019S1",
    });
    expect(elsewhere.statusCode).toBe(403);
    const kota = await admin.post("/api/skm/surveys", {
      orgUnitId: await unit("32.76"),
      serviceId: await service(1),
      period: "2019S1",
    });
    expect(kota.statusCode).toBe(422);
    expect(kota.json().error.code).toBe("SKM_NOT_A_FACILITY");
  });

  it("only accepts services of the SPM adopted for that year, and year, semester or quarter periods", async () => {
    const body = async (period: string) => ({
      orgUnitId: await unit("32.76.01.P1"),
      serviceId: await service(1),
      period,
    });
    const later = await operator.post("/api/skm/surveys", await body("2030"));
    expect(later.json().error.code).toBe("SKM_SERVICE_NOT_IN_FORCE");
    const month = await operator.post("/api/skm/surveys", await body("201903"));
    expect(month.json().error.code).toBe("SKM_PERIOD_INVALID");
    const quarter = await operator.post("/api/skm/surveys", await body("2019Q3"));
    expect(quarter.statusCode).toBe(201);
  });

  it("deletes a survey with its questionnaires, keeping them in the audit record", async () => {
    const survey = await open(operator, "32.76.01.P1", 2, "2019");
    await operator.request("PUT", `/api/skm/surveys/${survey.id}/responses`, {
      revision: 1,
      responses: questionnaires(good),
    });
    const res = await operator.request("DELETE", `/api/skm/surveys/${survey.id}`);
    expect(res.statusCode).toBe(204);
    expect((await operator.get(`/api/skm/surveys/${survey.id}`)).statusCode).toBe(404);
    const [audit] = await audits("skm.survey_delete", survey.id);
    expect(audit?.oldValue).toMatchObject({ serviceNumber: 2, period: "2019", respondents: 3, ikm: "90.74" });
  });

  it("lets the Kepala Dinas read one puskesmas' surveys but not enter questionnaires", async () => {
    await createTestUser(t.database.db, "kadis.depok", "pimpinan", "32.76");
    const kadis = await TestClient.loggedIn(t.app, "kadis.depok");
    const list = (
      await kadis.get(`/api/skm/surveys?orgUnitId=${await unit("32.76.08.P1")}&year=2019`)
    ).json() as SurveyList;
    expect(list.surveys.map((s) => s.orgUnitName)).toEqual(Array(3).fill("Puskesmas Pancoran Mas"));
    expect(list.facilities).toEqual([]);
    const survey = list.surveys[0] as SurveyList["surveys"][number];
    expect(((await kadis.get(`/api/skm/surveys/${survey.id}`)).json() as SurveyDetail).canEdit).toBe(false);
    const res = await kadis.request("PUT", `/api/skm/surveys/${survey.id}/responses`, {
      revision: survey.revision,
      responses: [],
    });
    expect(res.statusCode).toBe(403);
  });
});
