import { parseHeadCount } from "@domain";
import { useState } from "react";
import type { GridRow, PopulationGrid } from "./populationsApi";

/** What the user typed into a cell and has not saved yet; keyed by `${orgUnitId}|${category}`. */
export type Drafts = Readonly<Record<string, string>>;

export const cellKey = (orgUnitId: string, category: string) => `${orgUnitId}|${category}`;

export type DraftState = "changed" | "invalid" | undefined;

/** Whether a typed text differs from the saved figure, and whether it can be saved at all. */
export function draftState(text: string | undefined, row: GridRow, category: string): DraftState {
  if (text === undefined) return undefined;
  const value = parseHeadCount(text);
  if (value === undefined) return "invalid";
  return value === (row.cells[category]?.value ?? null) ? undefined : "changed";
}

/** The grid's unsaved edits: only texts that differ from the saved figure are kept. */
export function useDrafts(grid: PopulationGrid | undefined) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const rows = new Map(grid?.rows.map((r) => [r.orgUnitId, r]));
  const entries = Object.entries(drafts).flatMap(([key, text]) => {
    const [orgUnitId = "", category = ""] = key.split("|");
    const row = rows.get(orgUnitId);
    const state = row && draftState(text, row, category);
    return row && state ? [{ key, row, category, text, state }] : [];
  });
  return {
    drafts,
    set: (key: string, text: string | undefined) =>
      setDrafts((current) => {
        const { [key]: _dropped, ...rest } = current;
        return text === undefined ? rest : { ...rest, [key]: text };
      }),
    clear: () => setDrafts({}),
    changed: entries.filter((e) => e.state === "changed"),
    invalid: entries.filter((e) => e.state === "invalid"),
  };
}

export type DraftsApi = ReturnType<typeof useDrafts>;
