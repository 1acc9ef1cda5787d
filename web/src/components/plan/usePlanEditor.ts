import { parseTargetSeries, reconcile } from "@domain";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Plan, PlanIndicator, PlanNode } from "../../../../src/plans/schemas";
import { ApiError, apiGet, apiSend } from "../../api";
import { formatRupiah, formatTarget } from "../../format";
import { cellKey, type IndicatorField, type NodeField } from "./rows";

export type CellState = { state: "saving" | "saved" } | { state: "error"; message: string };

type IndicatorRow = Pick<PlanIndicator, "id" | "revision" | "unit" | "targetMode"> &
  Record<Exclude<IndicatorField, "unit">, string>;
type NodeRow = Pick<PlanNode, "id" | "revision" | "name" | "budget">;

/** The quarters against the year, as the server computes it, so the gap badge updates without a reload. */
function reconciliationOf(row: IndicatorRow): PlanIndicator["reconciliation"] {
  const { status, fromQuarters, difference } = reconcile(
    parseTargetSeries(
      { annual: row.targetYear, quarters: [row.targetQ1, row.targetQ2, row.targetQ3, row.targetQ4] },
      { decimalSeparator: ".", mode: row.targetMode },
    ),
  );
  return { status, fromQuarters, difference };
}

/**
 * Saves single cells of a draft plan. Edits of one row are sent one after another, each from the
 * revision the previous one of ours produced, so typing across a row never conflicts with itself.
 */
export function usePlanEditor(plan: Plan, reason: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const queryKey = ["plans", plan.id];
  const [cells, setCells] = useState<Record<string, CellState>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const queue = useRef(new Map<string, Promise<unknown>>());
  /** Revisions our own saves moved from → to, to rebase edits opened before the save came back. */
  const ours = useRef(new Map<string, number>());

  const setCell = useCallback((key: string, state: CellState | null) => {
    setCells((c) => (state ? { ...c, [key]: state } : withoutCell(c, key)));
  }, []);

  const updatePlan = (change: (plan: Plan) => Plan) =>
    queryClient.setQueryData<Plan>(queryKey, (old) => (old ? change(old) : old));

  const rebase = (id: string, revision: number) => {
    let r = revision;
    while (ours.current.has(`${id}@${r}`)) r = ours.current.get(`${id}@${r}`) ?? r;
    return r;
  };

  async function send<T extends { id: string; revision: number }>(
    key: string,
    id: string,
    revision: number,
    request: (revision: number) => Promise<T>,
    onSaved: (row: T) => void,
    currentText: (plan: Plan) => string | undefined,
  ) {
    setCell(key, { state: "saving" });
    const previous = queue.current.get(id) ?? Promise.resolve();
    const run = previous.then(async () => {
      const base = rebase(id, revision);
      try {
        const row = await request(base);
        ours.current.set(`${id}@${base}`, row.revision);
        onSaved(row);
        setCell(key, { state: "saved" });
        setTimeout(() => setCells((c) => (c[key]?.state === "saved" ? withoutCell(c, key) : c)), 2500);
      } catch (error) {
        let message = error instanceof ApiError ? error.message : String(error);
        if (error instanceof ApiError && ["EDIT_CONFLICT", "PLAN_SIGNED"].includes(error.code)) {
          const fresh = await queryClient
            .fetchQuery({ queryKey, queryFn: () => apiGet<Plan>(`/plans/${plan.id}`), staleTime: 0 })
            .catch(() => null);
          const current = fresh ? currentText(fresh) : undefined;
          if (error.code === "EDIT_CONFLICT" && current !== undefined) {
            message = `${t("plans.edit.conflict")} ${t("plans.edit.currentValue", { value: current })}`;
          }
        }
        setCell(key, { state: "error", message });
      }
    });
    queue.current.set(id, run);
    await run;
  }

  const saveIndicator = (ind: PlanIndicator, field: IndicatorField, typed: string) =>
    send<IndicatorRow>(
      cellKey(ind.id, field),
      ind.id,
      ind.revision,
      (revision) =>
        apiSend("PATCH", `/plans/${plan.id}/indicators/${ind.id}`, {
          revision,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          [field]: typed.trim(),
        }),
      (row) =>
        updatePlan((p) => ({
          ...p,
          nodes: p.nodes.map((n) => ({
            ...n,
            indicators: n.indicators.map((i) =>
              i.id === row.id
                ? {
                    ...i,
                    unit: row.unit,
                    targetMode: row.targetMode,
                    targetYear: row.targetYear,
                    targetQ1: row.targetQ1,
                    targetQ2: row.targetQ2,
                    targetQ3: row.targetQ3,
                    targetQ4: row.targetQ4,
                    revision: row.revision,
                    reconciliation: reconciliationOf(row),
                  }
                : i,
            ),
          })),
        })),
      (p) => {
        const now = p.nodes.flatMap((n) => n.indicators).find((i) => i.id === ind.id);
        return now && (field === "unit" ? now.unit : formatTarget(now[field]));
      },
    );

  const saveNode = (node: PlanNode, field: NodeField, value: string | number | null) =>
    send<NodeRow>(
      cellKey(node.id, field),
      node.id,
      node.revision,
      (revision) =>
        apiSend("PATCH", `/plans/${plan.id}/nodes/${node.id}`, {
          revision,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          [field]: value,
        }),
      (row) => {
        updatePlan((p) => ({
          ...p,
          nodes: p.nodes.map((n) =>
            n.id === row.id ? { ...n, name: row.name, budget: row.budget, revision: row.revision } : n,
          ),
        }));
        // Budget findings compare a node with its children: the server recomputes them in the background.
        if (field === "budget") void queryClient.invalidateQueries({ queryKey, exact: true });
      },
      (p) => {
        const now = p.nodes.find((n) => n.id === node.id);
        if (!now) return undefined;
        return field === "name" ? now.name : now.budget === null ? "—" : formatRupiah(now.budget);
      },
    );

  /** Structural changes (add, delete, move) reload the plan: they are rare and reshape the tree. */
  const structural = async (method: "POST" | "PATCH" | "DELETE", path: string, body?: unknown) => {
    await apiSend(method, `/plans/${plan.id}${path}`, body);
    await queryClient.invalidateQueries({ queryKey, exact: true });
  };

  return {
    cells,
    editing,
    setEditing,
    clearCell: (key: string) => setCell(key, null),
    failCell: (key: string, message: string) => setCell(key, { state: "error", message }),
    saveIndicator,
    saveNode,
    structural,
  };
}

function withoutCell(cells: Record<string, CellState>, key: string) {
  const { [key]: _gone, ...rest } = cells;
  return rest;
}

export type PlanEditor = ReturnType<typeof usePlanEditor>;
