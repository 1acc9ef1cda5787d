import { defaultYear } from "@domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  Evaluation,
  EvaluationBudgetRow,
  EvaluationIndicatorRow,
} from "../../../../src/evaluation/types";
import type { PlanSummary } from "../../../../src/plans/schemas";
import { ApiError, apiGet, apiSend } from "../../api";
import type { CellState } from "../plan/usePlanEditor";

export type Quarter = Evaluation["quarter"];
export const quarters = [1, 2, 3, 4] as const;
const roman = ["I", "II", "III", "IV"] as const;
/** For "TW I" / "Q1": Indonesian documents number quarters in Roman numerals. */
export const quarterArgs = (q: Quarter) => ({ roman: roman[q - 1], n: q });

/** The fields of one indicator and quarter the planner writes; they share one revision on the server. */
export type NoteField = "realisasi" | "faktorPendorong" | "faktorPenghambat" | "tindakLanjut";

/** Without a plan in the URL, the latest version of the first plan listed (as the RAK screen does). */
export function defaultPlan(list: PlanSummary[] | undefined) {
  // The plans of the latest year that has any (src/domain/default-year.ts), not simply the first listed.
  const year = defaultYear((list ?? []).map((p) => p.year));
  const first = list?.find((p) => p.year === year);
  return list?.findLast(
    (p) => p.orgUnitId === first?.orgUnitId && p.year === first?.year && p.kind === first?.kind,
  );
}

/**
 * The last quarter of the plan's year that has ended, or I while none has: what is evaluated now. Of a
 * past year whose reports stop early (the demo's 2024 ends in September), the quarter of the last report.
 */
export function defaultQuarter(year: number, today = new Date(), latestPeriods: string[] = []): Quarter {
  if (today.getFullYear() < year) return 1;
  const ended = today.getFullYear() > year ? 4 : (Math.max(1, Math.floor(today.getMonth() / 3)) as Quarter);
  const reported = latestPeriods
    .filter((p) => p.startsWith(String(year)) && /^\d{6}$/.test(p))
    .sort()
    .at(-1);
  if (!reported) return ended;
  return Math.min(ended, Math.ceil(Number(reported.slice(4)) / 3)) as Quarter;
}

const evaluationKey = (planId: string | undefined, quarter?: Quarter) =>
  quarter ? ["evaluation", planId, quarter] : ["evaluation", planId];

export const useEvaluation = (planId: string | undefined, quarter: Quarter) =>
  useQuery({
    queryKey: evaluationKey(planId, quarter),
    queryFn: () => apiGet<Evaluation>(`/plans/${planId}/evaluation?quarter=${quarter}`),
    enabled: Boolean(planId),
    // Switching quarters keeps the table on screen instead of flashing a loader on an old laptop.
    placeholderData: (previous) => (previous?.plan.id === planId ? previous : undefined),
  });

/**
 * Saves single cells of the evaluation. The Evaluation JSON carries no revisions, so the revision a
 * save returns is remembered per indicator-quarter (or node-quarter) and saves of the same record
 * run one after another, each from the revision the previous one produced.
 */
export function useEvaluationEditor(planId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [cells, setCells] = useState<Record<string, CellState>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const revisions = useRef(new Map<string, number>());
  const queue = useRef(new Map<string, Promise<void>>());

  const setCell = useCallback((key: string, state: CellState | null) => {
    setCells((c) => (state ? { ...c, [key]: state } : without(c, key)));
  }, []);

  /**
   * Shows a saved entry at once in every quarter's evaluation it belongs to (an analysis to its own
   * quarter, a realisasi to that quarter and later ones), until the recomputed one arrives.
   */
  const patch = (q: Quarter, analysis: boolean, change: (e: Evaluation) => Evaluation) =>
    queryClient.setQueriesData<Evaluation>({ queryKey: evaluationKey(planId) }, (old) =>
      old && (analysis ? old.quarter === q : old.quarter >= q) ? change(old) : old,
    );
  /** Capaian, forecast and serapan are the server's to compute: fetch them again after a number changes. */
  const recompute = () => queryClient.invalidateQueries({ queryKey: evaluationKey(planId) });

  /** `loaded` is the revision the evaluation was fetched with; later saves use the one they got back. */
  function send(
    cell: string,
    record: string,
    loaded: number | null,
    request: (revision: number | null) => Promise<{ revision: number }>,
    onSaved: () => void,
  ) {
    setCell(cell, { state: "saving" });
    const run = (queue.current.get(record) ?? Promise.resolve()).then(async () => {
      try {
        const saved = await request(revisions.current.get(record) ?? loaded);
        revisions.current.set(record, saved.revision);
        onSaved();
        setCell(cell, { state: "saved" });
        setTimeout(() => setCells((c) => (c[cell]?.state === "saved" ? without(c, cell) : c)), 2500);
      } catch (error) {
        const conflict = error instanceof ApiError && error.code === "EDIT_CONFLICT";
        if (conflict) void recompute();
        const message = conflict ? t("evaluation.edit.conflict") : (error as Error).message;
        setCell(cell, { state: "error", message });
      }
    });
    queue.current.set(record, run);
    return run;
  }

  /** `stored` is the canonical form of a typed realisasi ("72,3" → "72.3"), shown until the refetch. */
  const saveNote = (
    row: EvaluationIndicatorRow,
    q: Quarter,
    field: NoteField,
    value: string | null,
    stored = value,
  ) =>
    send(
      noteCell(row, q, field),
      `indicator:${row.planIndicatorId}:${q}`,
      row.revisions[q - 1] ?? null,
      (revision) =>
        apiSend("PUT", `/plans/${planId}/indicators/${row.planIndicatorId}/quarters/${q}`, {
          revision,
          [field]: value,
        }),
      () => {
        patch(q, field !== "realisasi", (e) => ({
          ...e,
          indicators: e.indicators.map((r) =>
            r.planIndicatorId !== row.planIndicatorId
              ? r
              : field === "realisasi"
                ? {
                    ...r,
                    realisasi: r.realisasi.map((v, i) => (i === q - 1 ? stored : v)) as typeof r.realisasi,
                  }
                : { ...r, [field]: value },
          ),
        }));
        if (field === "realisasi") void recompute();
      },
    );

  const saveBudget = (row: EvaluationBudgetRow, q: Quarter, amount: number) =>
    send(
      budgetCell(row, q),
      `budget:${row.nodeId}:${q}`,
      row.revisions[q - 1] ?? null,
      (revision) =>
        apiSend("PUT", `/plans/${planId}/nodes/${row.nodeId}/budget-realisasi/${q}`, { revision, amount }),
      () => {
        patch(q, false, (e) => ({
          ...e,
          budgets: e.budgets.map((b) =>
            b.nodeId === row.nodeId
              ? {
                  ...b,
                  realisasi: b.realisasi.map((v, i) => (i === q - 1 ? amount : v)) as typeof b.realisasi,
                }
              : b,
          ),
        }));
        void recompute();
      },
    );

  return {
    cells,
    editing,
    setEditing,
    clearCell: (key: string) => setCell(key, null),
    failCell: (key: string, message: string) => setCell(key, { state: "error", message }),
    saveNote,
    saveBudget,
  };
}

export type EvaluationEditor = ReturnType<typeof useEvaluationEditor>;

export const noteCell = (row: EvaluationIndicatorRow, q: Quarter, field: NoteField) =>
  `${row.planIndicatorId}:${q}:${field}`;
export const budgetCell = (row: EvaluationBudgetRow, q: Quarter) => `${row.nodeId}:${q}:budget`;

function without(cells: Record<string, CellState>, key: string) {
  const { [key]: _gone, ...rest } = cells;
  return rest;
}
