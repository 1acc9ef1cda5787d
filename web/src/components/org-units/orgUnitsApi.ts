import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OrgUnit, OrgUnitImport } from "../../../../src/org-units/schemas";
import { apiGet, apiSend } from "../../api";

export type { OrgUnit, OrgUnitImport };

/** The tree as the reader may see it; closed units only when asked for. */
export const useOrgUnitTree = (includeClosed: boolean) =>
  useQuery({
    queryKey: ["org-units", "tree", includeClosed],
    queryFn: () => apiGet<OrgUnit[]>(`/org-units?includeClosed=${includeClosed}`),
  });

export type UnitChange =
  | { kind: "create"; body: Record<string, unknown> }
  | { kind: "edit"; id: string; body: Record<string, unknown> }
  | { kind: "move"; id: string; body: { parentId: string; reason: string } }
  | { kind: "close"; id: string; body: { closedOn: string; reason: string } }
  | { kind: "reopen"; id: string; body: { reason: string } };

/** Every write to the tree; afterwards every org-unit list (pickers of other screens too) is refetched. */
export function useUnitChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: UnitChange) => {
      if (change.kind === "create") return apiSend<OrgUnit>("POST", "/org-units", change.body);
      if (change.kind === "edit") return apiSend<OrgUnit>("PATCH", `/org-units/${change.id}`, change.body);
      return apiSend<OrgUnit>("POST", `/org-units/${change.id}/${change.kind}`, change.body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["org-units"] }),
  });
}
