import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  CheckResult,
  DefinitionDraftInput,
  DefinitionList,
  DefinitionRow,
} from "../../../../src/indicators/schemas";
import { apiGet, apiSend } from "../../api";

export type { CheckResult, DefinitionDraftInput, DefinitionList, DefinitionRow };

export const useDefinitions = (fed = false) =>
  useQuery({
    queryKey: ["indicator-definitions", fed],
    queryFn: () => apiGet<DefinitionList>(`/indicator-definitions${fed ? "?fed=true" : ""}`),
  });

/** The server's check and preview of the draft, asked for once typing pauses. */
export function useDefinitionCheck(draft: DefinitionDraftInput, orgUnitId: string | undefined, id?: string) {
  const [settled] = useDebouncedValue(draft, 400);
  return useQuery({
    queryKey: ["indicator-definition-check", settled, orgUnitId, id],
    queryFn: () =>
      apiSend<CheckResult>("POST", "/indicator-definitions/check", {
        ...settled,
        orgUnitId,
        ...(id ? { id } : {}),
      }),
    enabled: Boolean(orgUnitId) && settled.code !== "" && settled.name !== "",
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export const saveDefinition = (
  draft: DefinitionDraftInput,
  existing: DefinitionRow | null,
  orgUnitId: string,
  reason: string,
) =>
  existing
    ? apiSend<DefinitionRow>("PUT", `/indicator-definitions/${existing.id}`, {
        ...draft,
        revision: existing.revision,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      })
    : apiSend<DefinitionRow>("POST", "/indicator-definitions", { ...draft, orgUnitId });
