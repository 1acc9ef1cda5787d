import { and, asc, eq, sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import { allows, type ScopedRole } from "../auth/permissions.js";
import { withinScope } from "../auth/scope-sql.js";
import type { Database, Reader, Tx } from "../db/client.js";
import { orgUnits, skmResponses, skmSurveys, spmAdoptions, spmServices } from "../db/schema/index.js";
import { endDate, parsePeriod, startDate } from "../domain/index.js";
import { AppError, notFound } from "../lib/errors.js";
import { FACILITY_TYPES } from "./facility-types.js";
import { resultOf, scoresBySurvey, surveysWithin } from "./results.js";
import type { Questionnaire } from "./rows.js";
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

/** Refuses a service that is not part of the SPM the facility's kab/kota adopted for that year. */
export async function checkServiceInForce(
  db: Database,
  facilityPath: string,
  serviceId: string,
  year: number,
) {
  const services = await servicesInForce(db, facilityPath, year);
  if (!services.some((s) => s.id === serviceId)) {
    throw new AppError(
      422,
      "SKM_SERVICE_NOT_IN_FORCE",
      `Jenis pelayanan ini bukan bagian SPM yang berlaku di wilayah unit ini pada tahun ${year}.`,
      `This service is not part of the SPM in force for this unit's region in ${year}.`,
    );
  }
}

/** Opens a survey of one service at one facility for a period; one per facility, service and period. */
export async function createSurvey(
  db: Database,
  facility: { id: string; districtId: string | null },
  input: { serviceId: string; period: string; note?: string | null },
  actor: Actor,
) {
  return db.transaction(async (tx: Tx) => {
    const [created] = await tx
      .insert(skmSurveys)
      .values({
        districtId: facility.districtId,
        orgUnitId: facility.id,
        serviceId: input.serviceId,
        period: input.period,
        note: input.note || null,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: skmSurveys.id });
    if (!created) {
      const [existing] = await tx
        .select({ id: skmSurveys.id })
        .from(skmSurveys)
        .where(
          and(
            eq(skmSurveys.orgUnitId, facility.id),
            eq(skmSurveys.serviceId, input.serviceId),
            eq(skmSurveys.period, input.period),
          ),
        );
      throw new AppError(
        409,
        "SKM_SURVEY_EXISTS",
        `Survei untuk fasyankes, jenis pelayanan dan periode ${input.period} ini sudah ada; buka survei itu untuk menambah kuesioner.`,
        `A survey of this facility and service for ${input.period} already exists; open it to add questionnaires.`,
        { surveyId: existing?.id ?? null },
      );
    }
    await recordAudit(tx, actor, {
      action: "skm.survey_create",
      entityType: "skm_survey",
      entityId: created.id,
      orgUnitId: facility.id,
      newValue: { serviceId: input.serviceId, period: input.period, note: input.note || null },
    });
    return created.id;
  });
}

const summary = (scores: readonly (readonly number[])[]) => {
  const result = resultOf(scores);
  return { respondents: scores.length, ikm: result?.ikm ?? null, band: result?.band ?? null };
};

/**
 * Replaces a survey's questionnaires in one transaction, after the rows passed questionnaireProblems.
 * The survey row is locked and its revision compared, so two people saving the same survey cannot
 * overwrite each other silently: the later one gets 409 with the current revision.
 */
export async function replaceResponses(
  db: Database,
  context: SurveyContext,
  input: { revision: number | undefined; rows: readonly Questionnaire[] },
  actor: Actor,
  audit: { action: string; fileName?: string },
) {
  return db.transaction(async (tx: Tx) => {
    const [locked] = await tx
      .select({ revision: skmSurveys.revision })
      .from(skmSurveys)
      .where(eq(skmSurveys.id, context.id))
      .for("update");
    if (!locked) throw notFound("Survei kepuasan", "Satisfaction survey");
    if (input.revision !== undefined && input.revision !== locked.revision) {
      throw new AppError(
        409,
        "SKM_REVISION_CONFLICT",
        "Kuesioner survei ini sudah diubah orang lain sejak Anda membukanya. Muat ulang, lalu ulangi.",
        "Someone else changed this survey's questionnaires since you opened it. Reload, then try again.",
        { currentRevision: locked.revision },
      );
    }
    const before = await tx
      .select({ scores: skmResponses.scores })
      .from(skmResponses)
      .where(eq(skmResponses.surveyId, context.id));
    await tx.delete(skmResponses).where(eq(skmResponses.surveyId, context.id));
    const values = input.rows.map((q) => ({
      surveyId: context.id,
      respondentNo: q.respondentNo,
      scores: q.scores as number[],
      respondedOn: q.respondedOn ?? null,
      gender: q.gender ?? null,
      age: q.age ?? null,
      education: q.education || null,
      occupation: q.occupation || null,
      createdBy: actor.userId,
    }));
    // Stays well under PostgreSQL's 65 535 bind parameters per statement.
    for (let i = 0; i < values.length; i += 1000)
      await tx.insert(skmResponses).values(values.slice(i, i + 1000));
    const revision = locked.revision + 1;
    await tx.update(skmSurveys).set({ revision }).where(eq(skmSurveys.id, context.id));
    await recordAudit(tx, actor, {
      action: audit.action,
      entityType: "skm_survey",
      entityId: context.id,
      orgUnitId: context.orgUnitId,
      oldValue: { ...summary(before.map((b) => b.scores)), revision: locked.revision },
      newValue: {
        ...summary(input.rows.map((q) => q.scores as number[])),
        revision,
        ...(audit.fileName ? { fileName: audit.fileName } : {}),
      },
    });
    return revision;
  });
}

/** Deletes a survey and its questionnaires, keeping what was lost in the audit record. */
export async function deleteSurvey(db: Database, context: SurveyContext, actor: Actor) {
  await db.transaction(async (tx: Tx) => {
    const scores = (
      await tx
        .select({ scores: skmResponses.scores })
        .from(skmResponses)
        .where(eq(skmResponses.surveyId, context.id))
    ).map((r) => r.scores);
    await tx.delete(skmSurveys).where(eq(skmSurveys.id, context.id));
    await recordAudit(tx, actor, {
      action: "skm.survey_delete",
      entityType: "skm_survey",
      entityId: context.id,
      orgUnitId: context.orgUnitId,
      oldValue: {
        serviceNumber: context.serviceNumber,
        period: context.period,
        note: context.note,
        ...summary(scores),
      },
    });
  });
}
