import { useQuery } from "@tanstack/react-query";
import type { SurveyDetail, SurveyList } from "../../../../src/skm/schemas";
import { apiGet } from "../../api";

export type { ImportResult, SurveyDetail, SurveyList } from "../../../../src/skm/schemas";
export type SurveySummary = SurveyList["surveys"][number];
export type Band = "A" | "B" | "C" | "D";

export const BANDS: readonly Band[] = ["A", "B", "C", "D"];
export const BAND_COLOR: Record<Band, string> = { A: "teal", B: "blue", C: "orange", D: "red" };
/** The IKM ranges of Permenpan RB 14/2017, as printed on the survey report. */
export const BAND_RANGE: Record<Band, string> = {
  A: "88,31–100",
  B: "76,61–88,30",
  C: "65,00–76,60",
  D: "25,00–64,99",
};

export const surveysKey = (orgUnitId: string | null, year: number) => ["skm-surveys", orgUnitId, year];
export const surveyKey = (id: string | null) => ["skm-survey", id];

export const useSurveys = (orgUnitId: string | null, year: number) =>
  useQuery({
    queryKey: surveysKey(orgUnitId, year),
    queryFn: () => apiGet<SurveyList>(`/skm/surveys?orgUnitId=${orgUnitId}&year=${year}`),
    enabled: Boolean(orgUnitId),
  });

export const useSurvey = (id: string | null) =>
  useQuery({
    queryKey: surveyKey(id),
    queryFn: () => apiGet<SurveyDetail>(`/skm/surveys/${id}`),
    enabled: Boolean(id),
  });
