import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SpmQuarterReport, SpmQuarterService } from "../../../../src/spm/quarter-types";
import { apiGet, apiSend } from "../../api";

export type QuarterEntry = Pick<
  SpmQuarterService,
  "serviceId" | "masalah" | "solusi" | "rencanaAksi" | "mutuPercent" | "revision"
> & { steps: Array<Pick<SpmQuarterService["steps"][number], "status" | "note">> };

const key = (orgUnitId: string, year: number, quarter: number) => ["spm-quarter", orgUnitId, year, quarter];

export function useQuarterReport(orgUnitId: string, year: number, quarter: number) {
  return useQuery({
    queryKey: key(orgUnitId, year, quarter),
    queryFn: () =>
      apiGet<SpmQuarterReport>(`/spm/quarter-report?orgUnitId=${orgUnitId}&year=${year}&quarter=${quarter}`),
  });
}

/** Saves one service's entries for the quarter (the server writes them in one audited transaction), then reloads. */
export function useQuarterSaver(orgUnitId: string, year: number, quarter: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: QuarterEntry) =>
      apiSend("PUT", "/spm/quarter-report", { orgUnitId, year, quarter, entries: [entry] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(orgUnitId, year, quarter) }),
  });
}
