import { parseRupiah } from "@domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Evaluation, EvaluationBudgetRow } from "../../../../src/evaluation/types";
import { formatNumberId, formatRupiah } from "../../format";
import { EditableCell } from "../plan/EditableCell";
import { editProps } from "./cells";
import { budgetCell, type EvaluationEditor, type Quarter, quarterArgs, quarters } from "./useEvaluation";
import "../wide-table.css";
import { WideScroll } from "../WideScroll";

const indent = { program: 0, kegiatan: 16, sub_kegiatan: 32 } as Record<string, number>;

interface Props {
  evaluation: Evaluation;
  editor?: EvaluationEditor;
}

/** Pagu, spending per quarter and serapan per program (bold) and kegiatan (indented). */
export function BudgetTable({ evaluation, editor }: Props) {
  const { t } = useTranslation();
  const current = evaluation.quarter;
  const upTo = t("evaluation.quarterShort", quarterArgs(current));
  const later = (q: Quarter) => q > current;
  const short = (q: Quarter) => t("evaluation.quarterShort", quarterArgs(q));

  /** Why serapan is empty: no pagu, or which quarters still lack spending (an empty quarter is not 0). */
  const serapanReason = (row: EvaluationBudgetRow) => {
    if (row.pagu === null) return t("evaluation.budgetNoPagu");
    const missing = quarters.filter((q) => !later(q) && row.realisasi[q - 1] === null).map(short);
    return t("evaluation.budgetMissing", { quarters: missing.join(", ") });
  };

  const amountCell = (row: EvaluationBudgetRow, q: Quarter) => {
    const amount = row.realisasi[q - 1] ?? null;
    if (later(q)) return <Table.Td key={q} className="eval-later" title={t("evaluation.laterQuarter")} />;
    const display = (
      <span style={{ whiteSpace: "nowrap" }}>{amount === null ? "" : formatRupiah(amount)}</span>
    );
    if (!editor)
      return (
        <Table.Td key={q} ta="right">
          {display}
        </Table.Td>
      );
    const key = budgetCell(row, q);
    const props = editProps(editor, key, (typed) => {
      const parsed = parseRupiah(typed);
      // The API has no "unreported" amount to go back to, so an emptied cell keeps its value.
      if (parsed === undefined) return editor.failCell(key, t("evaluation.edit.badRupiah"));
      if (parsed !== null && parsed !== amount) void editor.saveBudget(row, q, parsed);
    });
    return (
      <EditableCell
        key={q}
        {...props}
        display={display}
        initial={amount === null ? "" : formatRupiah(amount)}
        ta="right"
        label={`${row.name} — ${t("evaluation.columns.realisasi")} ${short(q)}`}
      />
    );
  };

  if (evaluation.budgets.length === 0) return <Text c="dimmed">{t("evaluation.budgetNoRows")}</Text>;
  return (
    <WideScroll className="eval-scroll" label={t("evaluation.budgetTitle")}>
      <Table
        withTableBorder
        withColumnBorders
        fz="sm"
        verticalSpacing={4}
        stickyHeader
        className="eval-table"
        data-testid="budget-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2} tt="uppercase" miw={260}>
              {t("evaluation.columns.budgetName")}
            </Table.Th>
            <Table.Th rowSpan={2} tt="uppercase" ta="right">
              {t("evaluation.columns.pagu")}
            </Table.Th>
            <Table.Th colSpan={4} tt="uppercase" ta="center">
              {t("evaluation.columns.budgetRealisasi")}
            </Table.Th>
            <Table.Th rowSpan={2} tt="uppercase" ta="right">
              {t("evaluation.columns.budgetToDate", { quarter: upTo })}
            </Table.Th>
            <Table.Th rowSpan={2} tt="uppercase" ta="right" miw={110}>
              {t("evaluation.columns.serapan")}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {quarters.map((q) => (
              <Table.Th
                key={q}
                ta="right"
                miw={later(q) ? 60 : 140}
                style={{ whiteSpace: "nowrap" }}
                className={later(q) ? "eval-later" : undefined}
              >
                {short(q)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {evaluation.budgets.map((row) => (
            <Table.Tr key={row.nodeId} data-node={row.name} fw={row.level === "program" ? 700 : undefined}>
              <Table.Td pl={8 + (indent[row.level] ?? 0)}>{row.name}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {row.pagu === null ? "" : formatRupiah(row.pagu)}
              </Table.Td>
              {quarters.map((q) => amountCell(row, q))}
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }} data-testid="budget-to-date">
                {row.realisasiToDate === null ? "" : formatRupiah(row.realisasiToDate)}
              </Table.Td>
              <Table.Td ta="right" data-testid="serapan">
                {row.serapan === null ? (
                  <Text size="xs" c="dimmed" fw={400}>
                    {serapanReason(row)}
                  </Text>
                ) : (
                  formatNumberId(row.serapan, 2)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </WideScroll>
  );
}
