import { useQuery } from "@tanstack/react-query";
import type { OrgUnit } from "../../src/org-units/schemas";
import type { Plan, PlanSummary } from "../../src/plans/schemas";
import type { SpmService, SpmVersion } from "../../src/spm/schemas";
import { apiGet } from "./api";

export const useOrgUnits = () =>
  useQuery({ queryKey: ["org-units"], queryFn: () => apiGet<OrgUnit[]>("/org-units") });

export const usePlans = (enabled = true) =>
  useQuery({ queryKey: ["plans"], queryFn: () => apiGet<PlanSummary[]>("/plans"), enabled });

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
