import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CellTrend, Scorecard, ScorecardOptions } from "../../../../src/scorecard/schemas";
import { apiGet } from "../../api";

export const useScorecardOptions = () =>
  useQuery({
    queryKey: ["scorecard-options"],
    queryFn: () => apiGet<ScorecardOptions>("/scorecard/options"),
  });

export const useScorecard = (query: string | null) =>
  useQuery({
    queryKey: ["scorecard", query],
    queryFn: () => apiGet<Scorecard>(`/scorecard?${query}`),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });

export const useCellTrend = (query: string | null) =>
  useQuery({
    queryKey: ["scorecard-cell", query],
    queryFn: () => apiGet<CellTrend>(`/scorecard/cell?${query}`),
    enabled: query !== null,
  });
