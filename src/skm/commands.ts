import { and, eq } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Tx } from "../db/client.js";
import { skmResponses, skmSurveys } from "../db/schema/index.js";
import { factDistrictOf } from "../domain/org-unit-tree.js";
import { AppError, notFound } from "../lib/errors.js";
import { type SurveyContext, servicesInForce } from "./queries.js";
import { resultOf } from "./results.js";
import type { Questionnaire } from "./rows.js";

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
        districtId: factDistrictOf(facility),
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
      .select({ revision: skmSurveys.revision, districtId: skmSurveys.districtId })
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
      districtId: locked.districtId,
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

const summary = (scores: readonly (readonly number[])[]) => {
  const result = resultOf(scores);
  return { respondents: scores.length, ikm: result?.ikm ?? null, band: result?.band ?? null };
};
