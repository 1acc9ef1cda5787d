import { parseRupiah } from "@domain";
import { Table, Text, Tooltip } from "@mantine/core";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Plan, PlanIndicator, PlanNode } from "../../../src/plans/schemas";
import { formatRupiah, formatTarget } from "../format";
import "./plan/rak-table.css";
import { EditableCell, type Move } from "./plan/EditableCell";
import { GapBadge } from "./plan/GapBadge";
import type { useRowActions } from "./plan/RowMenu";
import { buildRows, cellKey, cellOrder, type IndicatorField, levelOrder } from "./plan/rows";
import type { PlanEditor } from "./plan/usePlanEditor";

interface Props {
  plan: Plan;
  /** Given for a draft the user may write: cells become editable in place. */
  editor?: PlanEditor;
  actions?: ReturnType<typeof useRowActions>;
  /** A line under each indicator's name (the Renstra indicator a PK/RAK indicator serves). */
  indicatorNote?: (indicator: PlanIndicator) => ReactNode;
}

const quarterFields = ["targetQ1", "targetQ2", "targetQ3", "targetQ4"] as const;

export function RakTable({ plan, editor, actions, indicatorNote }: Props) {
  const { t, i18n } = useTranslation();
  const { rows, firstRow, rowCount } = buildRows(plan.nodes);
  const levels = levelOrder.filter((l) => plan.nodes.some((n) => n.level === l));
  const ownRows = (node: PlanNode) => Math.max(1, node.indicators.length);
  const findings = new Map(plan.budgetFindings.map((f) => [f.nodeId, f]));
  /** The short note under a budget; the full sentence is in its tooltip. */
  const findingNote = (node: PlanNode) => {
    const finding = findings.get(node.id);
    if (!finding) return null;
    const parts = plan.nodes
      .filter((n) => n.parentId === node.id && n.budget !== null)
      .reduce((total, n) => total + (n.budget ?? 0), 0);
    return (
      <Tooltip label={i18n.language === "en" ? finding.messageEn : finding.message} multiline w={300}>
        <Text size="xs" c="orange.8" fw={400} data-testid="budget-finding">
          {finding.code === "BUDGET_MISSING"
            ? t("plans.warnings.noBudget")
            : t("plans.warnings.partsSum", { sum: formatRupiah(parts) })}
        </Text>
      </Tooltip>
    );
  };
  const order = editor ? cellOrder(plan) : [];

  /** The shared props of an editable cell: start, cancel, and save-then-move like a spreadsheet. */
  const cell = (key: string, save: (value: string) => void) => {
    if (!editor) return null;
    return {
      cellKey: key,
      editing: editor.editing === key,
      state: editor.cells[key],
      onStart: () => {
        editor.clearCell(key);
        editor.setEditing(key);
      },
      onCancel: () => editor.setEditing(null),
      // Like a spreadsheet, Enter/Tab selects the next cell; typing or Enter there edits it.
      onCommit: (value: string, move: Move) => {
        editor.setEditing(null);
        const next = move && order[order.indexOf(key) + (move === "next" ? 1 : -1)];
        if (next)
          requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-cell="${next}"]`)?.focus());
        save(value);
      },
    };
  };

  const targetCell = (ind: PlanIndicator, field: IndicatorField, extra?: React.ReactNode) => {
    const display = field === "unit" ? ind.unit : formatTarget(ind[field]);
    const initial = field === "unit" ? ind.unit : ind[field] === "-" ? "" : formatTarget(ind[field]);
    const props = cell(cellKey(ind.id, field), (value) => {
      if (value.trim() !== initial.trim()) void editor?.saveIndicator(ind, field, value);
    });
    const label = `${ind.name} — ${t(`plans.edit.fields.${field}`)}`;
    const ta = field === "unit" ? "left" : "right";
    if (!props)
      return (
        <Table.Td ta={ta} title={display === "-" ? t("plans.noTarget") : undefined}>
          {display}
          {extra}
        </Table.Td>
      );
    return (
      <EditableCell
        {...props}
        display={
          <>
            {display}
            {extra}
          </>
        }
        initial={initial}
        ta={ta}
        label={label}
      />
    );
  };

  const nameCell = (node: PlanNode, level: string) => {
    const bold = level === "program" ? 700 : 400;
    // The first level (the program) stays in view while the reader scrolls to targets and budget.
    const sticky = level === levels[0];
    const props = cell(cellKey(node.id, "name"), (value) => {
      if (value.trim() && value.trim() !== node.name) void editor?.saveNode(node, "name", value.trim());
    });
    // The menu sits inside an editable name cell: its clicks and keys must not start editing the name.
    const menu = actions && (
      // biome-ignore lint/a11y/noStaticElementInteractions: only stops events from reaching the cell
      <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        {actions.nodeMenu(node)}
      </span>
    );
    if (!props)
      return (
        <Table.Td
          key={level}
          rowSpan={rowCount.get(node.id)}
          valign="top"
          fw={bold}
          className={sticky ? "sticky-col" : undefined}
        >
          {node.name}
        </Table.Td>
      );
    return (
      <EditableCell
        key={level}
        {...props}
        rowSpan={rowCount.get(node.id)}
        fw={bold}
        wide
        sticky={sticky}
        display={
          <>
            {menu}
            {node.name}
          </>
        }
        initial={node.name}
        label={`${t(`plans.levels.${node.level}`)} — ${node.name}`}
      />
    );
  };

  const budgetCell = (node: PlanNode) => {
    const display = (
      <>
        <span style={{ whiteSpace: "nowrap" }}>{node.budget === null ? "" : formatRupiah(node.budget)}</span>
        {findingNote(node)}
      </>
    );
    const props = cell(cellKey(node.id, "budget"), (value) => {
      const budget = parseRupiah(value);
      if (budget === undefined)
        return editor?.failCell(cellKey(node.id, "budget"), t("plans.edit.badBudget"));
      if (budget !== node.budget) void editor?.saveNode(node, "budget", budget);
    });
    if (!props)
      return (
        <Table.Td rowSpan={ownRows(node)} ta="right" valign="top">
          {display}
        </Table.Td>
      );
    return (
      <EditableCell
        {...props}
        rowSpan={ownRows(node)}
        ta="right"
        display={display}
        initial={node.budget === null ? "" : formatRupiah(node.budget)}
        label={`${t("plans.columns.budget")} — ${node.name}`}
      />
    );
  };

  return (
    <Table
      withTableBorder
      withColumnBorders
      fz="sm"
      verticalSpacing={4}
      className="rak-table"
      data-testid="rak-table"
    >
      <Table.Thead>
        <Table.Tr>
          {levels.map((l) => (
            <Table.Th
              key={l}
              rowSpan={2}
              tt="uppercase"
              className={l === levels[0] ? "sticky-col" : undefined}
            >
              {t(`plans.columns.${l === "sub_kegiatan" ? "kegiatan" : l}`, { defaultValue: l })}
            </Table.Th>
          ))}
          <Table.Th rowSpan={2} tt="uppercase">
            {t("plans.columns.indicator")}
          </Table.Th>
          <Table.Th rowSpan={2} tt="uppercase">
            {t("plans.columns.unit")}
          </Table.Th>
          <Table.Th rowSpan={2} tt="uppercase" ta="right">
            {t("plans.columns.target")}
          </Table.Th>
          <Table.Th colSpan={4} tt="uppercase" ta="center">
            {t("plans.columns.quarters")}
          </Table.Th>
          <Table.Th rowSpan={2} tt="uppercase" ta="right">
            {t("plans.columns.budget")}
          </Table.Th>
        </Table.Tr>
        <Table.Tr>
          {["I", "II", "III", "IV"].map((q) => (
            <Table.Th key={q} ta="right">
              {q}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => {
          const ind = row.indicator;
          return (
            <Table.Tr
              key={ind?.id ?? row.owner.id}
              id={ind ? `row-${ind.id}` : undefined}
              fw={row.owner.level === "program" ? 700 : undefined}
            >
              {levels.map((level) => {
                const node = row.chain[level];
                if (!node)
                  return <Table.Td key={level} className={level === levels[0] ? "sticky-col" : undefined} />;
                if (firstRow.get(node.id) !== index) return null;
                return nameCell(node, level);
              })}
              <Table.Td
                id={index === firstRow.get(row.owner.id) ? `node-${row.owner.id}` : undefined}
                className={actions ? "rak-with-menu" : undefined}
              >
                {ind && actions?.indicatorMenu(ind)}
                {ind?.name}
                {ind && indicatorNote?.(ind)}
              </Table.Td>
              {ind ? (
                <>
                  {targetCell(ind, "unit")}
                  {targetCell(
                    ind,
                    "targetYear",
                    ind.reconciliation.status === "gap" && <GapBadge indicator={ind} />,
                  )}
                  {quarterFields.map((f) => (
                    <Fragment key={f}>{targetCell(ind, f)}</Fragment>
                  ))}
                </>
              ) : (
                <Table.Td colSpan={6} />
              )}
              {index === firstRow.get(row.owner.id) && budgetCell(row.owner)}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      <Table.Caption>
        <Text size="xs" c="dimmed">
          {t("plans.summary", {
            indicators: plan.nodes.reduce((n, node) => n + node.indicators.length, 0),
            programs: plan.nodes.filter((n) => n.level === "program").length,
            kegiatan: plan.nodes.filter((n) => n.level === "kegiatan").length,
          })}
        </Text>
      </Table.Caption>
    </Table>
  );
}
