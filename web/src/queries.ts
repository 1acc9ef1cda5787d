import { defaultYear } from "@domain";
import { useQuery } from "@tanstack/react-query";
import type { OrgUnit } from "../../src/org-units/schemas";
import type { YearsWithData } from "../../src/periods/schemas";
import type { Plan, PlanSummary } from "../../src/plans/schemas";
import type { SpmService, SpmVersion } from "../../src/spm/schemas";
import { apiGet } from "./api";
import { cachedGet } from "./components/offline/cache";

export const useOrgUnits = () =>
  useQuery({ queryKey: ["org-units"], queryFn: () => apiGet<OrgUnit[]>("/org-units") });

export const usePlans = (enabled = true) =>
  useQuery({ queryKey: ["plans"], queryFn: () => apiGet<PlanSummary[]>("/plans?kind=rak"), enabled });

/** The Renstra versions the user may read (their own screen: the RAK screens list only RAKs). */
export const useRenstraList = () =>
  useQuery({ queryKey: ["plans", "renstra"], queryFn: () => apiGet<PlanSummary[]>("/plans?kind=renstra") });

export const usePlan = (id: string | undefined) =>
  useQuery({ queryKey: ["plans", id], queryFn: () => apiGet<Plan>(`/plans/${id}`), enabled: Boolean(id) });

export const useSpmVersions = () =>
  useQuery({ queryKey: ["spm-versions"], queryFn: () => apiGet<SpmVersion[]>("/spm/versions") });

export const useSpmServices = (versionId: string | undefined) =>
  useQuery({
    queryKey: ["spm-services", versionId],
    queryFn: () => apiGet<SpmService[]>(`/spm/versions/${versionId}/services`),
    enabled: Boolean(versionId),
  });

/** The years each screen has data in for this user (cached for the session: the years move rarely). */
export const useYearsWithData = () =>
  useQuery({
    queryKey: ["years-with-data"],
    queryFn: () => cachedGet<YearsWithData>("/years-with-data"),
    staleTime: 5 * 60_000,
  });

type Screen = Exclude<keyof YearsWithData, "any" | "latestPeriods">;

/**
 * The year a screen opens on (src/domain/default-year.ts) over the years it has data in, else over every
 * year the user has data in; undefined while the years are loading, this year when they cannot be had.
 */
export function useOpeningYear(screen: Screen): number | undefined {
  const years = useYearsWithData();
  if (years.isPending) return undefined;
  const own = years.data?.[screen] ?? [];
  return defaultYear(own.length > 0 ? own : (years.data?.any ?? []));
}
