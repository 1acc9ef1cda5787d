import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../../api";

/** GET /api/spm/populations/grid as src/spm/population-grid.ts answers it. */
export interface GridCell {
  value: string;
  source: string | null;
  revision: number;
}
export interface GridRow {
  orgUnitId: string;
  code: string;
  name: string;
  type: string;
  /** 0: the region itself. */
  depth: number;
  /** The unit's own entered figures. */
  cells: Record<string, GridCell | null>;
  /** The unit's rolled-up figures. */
  totals: Record<string, string | null>;
}
export interface Estimate {
  code: "HIPERTENSI" | "DM";
  label: string;
  value: string | null;
  explanation: string;
}
export interface Prevalence {
  code: "HIPERTENSI" | "DM";
  /** null: the national figure. */
  orgUnitId: string | null;
  percent: string;
  source: string;
  sourceYear: number;
}
export interface PopulationGrid {
  unit: { id: string; code: string; name: string; type: string };
  year: number;
  categories: Array<{ code: string; label: string }>;
  rows: GridRow[];
  totals: Record<string, string | null>;
  estimates: Estimate[];
  prevalences: Prevalence[];
  yearsWithData: number[];
}

/** POST /api/spm/populations/import (src/spm/population-import.ts). */
export interface ImportRow {
  row: number;
  orgUnitCode: string;
  orgUnitName: string | null;
  errors: Array<{ column: string | null; message: string; messageEn: string }>;
  changes: Array<{ category: string; label: string; old: string | null; new: string }>;
  unchanged: number;
  source: string | null;
}
export interface ImportResult {
  dryRun: boolean;
  rows: ImportRow[];
  changes: number;
  errors: number;
  written: number;
}

export const gridKey = (orgUnitId: string, year: number) => ["population-grid", orgUnitId, year] as const;

export const usePopulationGrid = (orgUnitId: string | undefined, year: number) =>
  useQuery({
    queryKey: gridKey(orgUnitId ?? "", year),
    queryFn: () => apiGet<PopulationGrid>(`/spm/populations/grid?orgUnitId=${orgUnitId}&year=${year}`),
    enabled: Boolean(orgUnitId),
  });
