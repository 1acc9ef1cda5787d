import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { inSubtree } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import { orgUnits, skmResponses, skmSurveys, spmServices } from "../db/schema/index.js";
import { computeIkm, periodsInYear, type SkmBand } from "../domain/index.js";
import { groupBy } from "../lib/group-by.js";

/**
 * Survey periods that lie in a calendar year: the year, its semesters, quarters and months. A school
 * year ("2024/2025") straddles two years and is never a survey period, so it is left out.
 */
function periodInYear(year: number): SQL {
  const types = ["year", "semester", "quarter", "month"] as const;
  return inArray(
    skmSurveys.period,
    types.flatMap((type) => periodsInYear(year, type).map((p) => p.code)),
  );
}

/** Surveys of a subtree whose period lies in the year. */
export const surveysWithin = (orgUnitPath: string, year: number) =>
  and(inSubtree(orgUnitPath), periodInYear(year));

/** The IKM of a set of questionnaires as the API sends it; null when there are none yet. */
export function resultOf(scores: readonly (readonly number[])[]) {
  if (scores.length === 0) return null;
  const result = computeIkm(scores);
  return { ...result, elementMeans: [...result.elementMeans] };
}

/** The scores of the given surveys, by survey, in one query. */
export async function scoresBySurvey(db: Reader, surveyIds: readonly string[]) {
  const rows = surveyIds.length
    ? await db
        .select({ surveyId: skmResponses.surveyId, scores: skmResponses.scores })
        .from(skmResponses)
        .where(inArray(skmResponses.surveyId, [...surveyIds]))
    : [];
  const bySurvey = groupBy(rows, (r) => r.surveyId);
  return (id: string) => (bySurvey.get(id) ?? []).map((r) => r.scores);
}

export interface SkmYearResults {
  byService: Array<{
    serviceId: string;
    number: number;
    respondents: number;
    ikm: string;
    band: SkmBand;
    elementMeans: string[];
  }>;
  byFacility: Array<{
    orgUnitId: string;
    orgUnitName: string;
    serviceId: string;
    number: number;
    period: string;
    respondents: number;
    ikm: string;
    band: SkmBand;
  }>;
}

/**
 * The SKM results of a region's year for the annual SPM report (Pasal 6e, Pasal 9): per service every
 * questionnaire of the subtree pooled (so a facility that asked more people weighs more, as one survey
 * over the whole kota would), and per facility survey. Services and surveys without questionnaires
 * are absent. One query: the questionnaires with their survey, facility and service.
 */
export async function skmResultsForYear(
  db: Reader,
  orgUnitPath: string,
  year: number,
): Promise<SkmYearResults> {
  const rows = await db
    .select({
      surveyId: skmSurveys.id,
      orgUnitId: orgUnits.id,
      orgUnitName: orgUnits.name,
      serviceId: spmServices.id,
      number: spmServices.number,
      period: skmSurveys.period,
      scores: skmResponses.scores,
    })
    .from(skmResponses)
    .innerJoin(skmSurveys, eq(skmSurveys.id, skmResponses.surveyId))
    .innerJoin(orgUnits, eq(orgUnits.id, skmSurveys.orgUnitId))
    .innerJoin(spmServices, eq(spmServices.id, skmSurveys.serviceId))
    .where(surveysWithin(orgUnitPath, year))
    .orderBy(
      asc(spmServices.number),
      asc(orgUnits.path),
      asc(skmSurveys.period),
      asc(skmResponses.respondentNo),
    );

  const byService = [...groupBy(rows, (r) => r.serviceId).values()].map((group) => {
    const first = group[0] as (typeof group)[number];
    const result = computeIkm(group.map((r) => r.scores));
    return {
      serviceId: first.serviceId,
      number: first.number,
      respondents: result.respondents,
      ikm: result.ikm,
      band: result.band,
      elementMeans: [...result.elementMeans],
    };
  });
  const byFacility = [...groupBy(rows, (r) => r.surveyId).values()].map((group) => {
    const { orgUnitId, orgUnitName, serviceId, number, period } = group[0] as (typeof group)[number];
    const { respondents, ikm, band } = computeIkm(group.map((r) => r.scores));
    return { orgUnitId, orgUnitName, serviceId, number, period, respondents, ikm, band };
  });
  return { byService, byFacility };
}
