import { and, asc, eq, sql } from "drizzle-orm";
import { allows, type ScopedRole } from "../auth/permissions.js";
import { withinScope } from "../auth/scope-sql.js";
import type { Database, Reader } from "../db/client.js";
import { orgUnits, skmResponses, skmSurveys, spmAdoptions, spmServices } from "../db/schema/index.js";
import { endDate, parsePeriod, startDate } from "../domain/index.js";
import { AppError, notFound } from "../lib/errors.js";
import { FACILITY_TYPES } from "./facility-types.js";
import { resultOf, scoresBySurvey, surveysWithin } from "./results.js";
import type { SurveyDetail, SurveyList } from "./schemas.js";

/** The period of a survey: a year, a semester or a quarter (Permenpan RB 14/2017 asks at least yearly). */
export function surveyPeriod(code: string) {
  const period = (() => {
    try {
      return parsePeriod(code);
    } catch {
      return null;
    }
  })();
  if (!period || !["year", "semester", "quarter"].includes(period.type)) {
    throw new AppError(
      422,
      "SKM_PERIOD_INVALID",
      `Periode survei "${code}" tidak dikenal; gunakan tahun (2024), semester (2024S1) atau triwulan (2024Q1).`,
      `Unknown survey period "${code}"; use a year (2024), a semester (2024S1) or a quarter (2024Q1).`,
    );
  }
  return { code: period.code, year: period.year, start: startDate(period), end: endDate(period) };
}

const surveyColumns = {
  id: skmSurveys.id,
  orgUnitId: skmSurveys.orgUnitId,
  orgUnitName: orgUnits.name,
  orgUnitPath: orgUnits.path,
  serviceId: skmSurveys.serviceId,
  serviceNumber: spmServices.number,
  serviceName: spmServices.name,
  period: skmSurveys.period,
  note: skmSurveys.note,
  revision: skmSurveys.revision,
};

/** A survey with its facility (for the scope check) and service; 404 when there is none. */
export async function surveyContext(db: Reader, id: string) {
  const [row] = await db
    .select(surveyColumns)
    .from(skmSurveys)
    .innerJoin(orgUnits, eq(orgUnits.id, skmSurveys.orgUnitId))
    .innerJoin(spmServices, eq(spmServices.id, skmSurveys.serviceId))
    .where(eq(skmSurveys.id, id));
  if (!row) throw notFound("Survei kepuasan", "Satisfaction survey");
  return row;
}
export type SurveyContext = Awaited<ReturnType<typeof surveyContext>>;

/** The SPM services in force for a unit in a year: those of the version its kab/kota adopted. */
export async function servicesInForce(db: Reader, orgUnitPath: string, year: number) {
  return db
    .select({ id: spmServices.id, number: spmServices.number, name: spmServices.name })
    .from(spmAdoptions)
    .innerJoin(orgUnits, eq(orgUnits.id, spmAdoptions.orgUnitId))
    .innerJoin(spmServices, eq(spmServices.versionId, spmAdoptions.versionId))
    .where(and(eq(spmAdoptions.year, year), sql`${orgUnitPath} like ${orgUnits.path} || '%'`))
    .orderBy(asc(spmServices.number));
}

/** The surveys of a subtree in a year with their IKM, and what a new survey may be made for. */
export async function listSurveys(
  db: Database,
  unit: { path: string },
  year: number,
  roles: readonly ScopedRole[],
): Promise<SurveyList> {
  const surveys = await db
    .select(surveyColumns)
    .from(skmSurveys)
    .innerJoin(orgUnits, eq(orgUnits.id, skmSurveys.orgUnitId))
    .innerJoin(spmServices, eq(spmServices.id, skmSurveys.serviceId))
    .where(surveysWithin(unit.path, year))
    .orderBy(asc(orgUnits.path), asc(spmServices.number), asc(skmSurveys.period));
  const scoresOf = await scoresBySurvey(
    db,
    surveys.map((s) => s.id),
  );
  const facilities = await db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, type: orgUnits.type })
    .from(orgUnits)
    .where(withinScope(orgUnits.path, [unit.path]))
    .orderBy(asc(orgUnits.path));
  return {
    surveys: surveys.map(({ orgUnitPath: _, ...s }) => {
      const scores = scoresOf(s.id);
      return { ...s, respondents: scores.length, result: resultOf(scores) };
    }),
    services: await servicesInForce(db, unit.path, year),
    facilities: facilities
      .filter((f) => FACILITY_TYPES.includes(f.type) && allows(roles, "skm.enter", f.path))
      .map(({ id, name }) => ({ id, name })),
  };
}

/** One survey with its questionnaires in respondent order and its IKM. */
export async function surveyDetail(
  db: Database,
  context: SurveyContext,
  roles: readonly ScopedRole[],
): Promise<SurveyDetail> {
  const responses = await db
    .select({
      respondentNo: skmResponses.respondentNo,
      scores: skmResponses.scores,
      respondedOn: skmResponses.respondedOn,
      gender: skmResponses.gender,
      age: skmResponses.age,
      education: skmResponses.education,
      occupation: skmResponses.occupation,
    })
    .from(skmResponses)
    .where(eq(skmResponses.surveyId, context.id))
    .orderBy(asc(skmResponses.respondentNo));
  const { orgUnitPath, ...survey } = context;
  const period = surveyPeriod(survey.period);
  return {
    ...survey,
    periodStart: period.start,
    periodEnd: period.end,
    canEdit: allows(roles, "skm.enter", orgUnitPath),
    respondents: responses.length,
    result: resultOf(responses.map((r) => r.scores)),
    responses,
  };
}
