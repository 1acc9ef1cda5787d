import { storedTarget } from "@domain";
import { Badge, Table, Text, Tooltip } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { Evaluation, EvaluationIndicatorRow } from "../../../../src/evaluation/types";
import { formatTarget } from "../../format";
import { EditableCell } from "../plan/EditableCell";
import { CapaianBadge, ForecastBadge } from "./badges";
import { editProps, TextCell } from "./cells";
import { ProvenancePopover } from "./ProvenancePopover";
import { type EvaluationEditor, noteCell, type Quarter, quarterArgs, quarters } from "./useEvaluation";
import "../wide-table.css";
import { WideScroll } from "../WideScroll";

const nameLevels = ["sasaran", "program", "kegiatan", "subKegiatan"] as const;
type NameLevel = (typeof nameLevels)[number];
const textFields = ["faktorPendorong", "faktorPenghambat", "tindakLanjut"] as const;

/** The names above a row down to `level`: rows sharing it are merged into one cell, as in the RAK. */
const chainKey = (row: EvaluationIndicatorRow, level: NameLevel) =>
  nameLevels.slice(0, nameLevels.indexOf(level) + 1).map((l) => row[l] ?? "");

/** How many rows from `index` on share the same name cell of `level`; 0 when an earlier row has it. */
function span(rows: EvaluationIndicatorRow[], index: number, level: NameLevel) {
  const key = chainKey(rows[index] as EvaluationIndicatorRow, level).join("\u0000");
  const same = (i: number) => chainKey(rows[i] as EvaluationIndicatorRow, level).join("\u0000") === key;
  if (index > 0 && same(index - 1)) return 0;
  let n = 1;
  while (index + n < rows.length && same(index + n)) n++;
  return n;
}

/** "belum ada" in grey: nothing reported is not zero. */
function NotYet() {
  const { t } = useTranslation();
  return (
    <Text span size="xs" c="dimmed" fs="italic">
      {t("evaluation.notYet")}
    </Text>
  );
}

interface Props {
  evaluation: Evaluation;
  /** Given when the user may write the evaluation: realisasi and analysis become editable. */
  editor?: EvaluationEditor;
}

export function IndicatorTable({ evaluation, editor }: Props) {
  const { t } = useTranslation();
  const rows = evaluation.indicators;
  const current = evaluation.quarter;
  const levels = nameLevels.filter((l) => rows.some((r) => r[l] !== null));
  const upTo = t("evaluation.quarterShort", quarterArgs(current));
  const later = (q: Quarter) => q > current;

  const realisasiCell = (row: EvaluationIndicatorRow, q: Quarter) => {
    const value = row.realisasi[q - 1] ?? null;
    if (later(q)) return <Table.Td className="eval-later" title={t("evaluation.laterQuarter")} />;
    const display = value === null ? <NotYet /> : formatTarget(value);
    if (!editor || row.source === "data")
      return (
        <Table.Td ta="right" valign="top" data-testid={`realisasi-tw${q}`}>
          {display}
        </Table.Td>
      );
    const key = noteCell(row, q, "realisasi");
    const props = editProps(editor, key, (typed) => {
      let stored: string;
      try {
        stored = storedTarget(typed);
      } catch {
        return editor.failCell(key, t("evaluation.edit.badNumber"));
      }
      // Sent as typed: the server reads it the Indonesian way, as it reads targets.
      if (stored === "-") {
        if (value !== null) void editor.saveNote(row, q, "realisasi", null);
      } else if (stored !== value) void editor.saveNote(row, q, "realisasi", typed.trim(), stored);
    });
    return (
      <EditableCell
        {...props}
        display={display}
        initial={value === null ? "" : formatTarget(value)}
        ta="right"
        label={`${row.indicator} — ${t("evaluation.columns.realisasi")} ${t("evaluation.quarterShort", quarterArgs(q))}`}
      />
    );
  };

  const textCell = (row: EvaluationIndicatorRow, field: (typeof textFields)[number]) => {
    const value = row[field];
    if (!editor)
      return (
        <Table.Td key={field} valign="top" className="eval-text">
          {value}
        </Table.Td>
      );
    const props = editProps(editor, noteCell(row, current, field), (typed) => {
      const next = typed.trim() === "" ? null : typed.trim();
      if (next !== value) void editor.saveNote(row, current, field, next);
    });
    return (
      <TextCell
        key={field}
        {...props}
        value={value}
        label={`${row.indicator} — ${t(`evaluation.columns.${field}`)}`}
      />
    );
  };

  return (
    <WideScroll className="eval-scroll" label={t("evaluation.title")}>
      <Table
        withTableBorder
        withColumnBorders
        fz="sm"
        verticalSpacing={4}
        stickyHeader
        className="eval-table"
        data-testid="evaluation-table"
      >
        <Table.Thead>
          <Table.Tr>
            {levels.map((l) => (
              <Table.Th key={l} rowSpan={2} tt="uppercase" miw={130}>
                {t(`evaluation.columns.${l}`)}
              </Table.Th>
            ))}
            <Table.Th rowSpan={2} tt="uppercase" miw={220} className="sticky-col">
              {t("evaluation.columns.indicator")}
            </Table.Th>
            <Table.Th rowSpan={2} tt="uppercase">
              {t("evaluation.columns.unit")}
            </Table.Th>
            <Table.Th rowSpan={2} tt="uppercase" ta="right">
              {t("evaluation.columns.targetYear")}
            </Table.Th>
            {quarters.map((q) => (
              <Table.Th key={q} colSpan={2} ta="center" className={later(q) ? "eval-later" : undefined}>
                {t("evaluation.quarterShort", quarterArgs(q))}
              </Table.Th>
            ))}
            <Table.Th rowSpan={2} tt="uppercase" ta="right">
              {t("evaluation.columns.targetToDate", { quarter: upTo })}
            </Table.Th>
            <Table.Th rowSpan={2} tt="uppercase" ta="right">
              {t("evaluation.columns.realisasiToDate", { quarter: upTo })}
            </Table.Th>
            <Table.Th rowSpan={2} tt="uppercase" ta="right" miw={150}>
              {t("evaluation.columns.capaian", { quarter: upTo })}
            </Table.Th>
            <Table.Th rowSpan={2} tt="uppercase" miw={190}>
              {t("evaluation.columns.forecast")}
            </Table.Th>
            {textFields.map((f) => (
              <Table.Th key={f} rowSpan={2} tt="uppercase" miw={180}>
                {t(`evaluation.columns.${f}`)}
              </Table.Th>
            ))}
          </Table.Tr>
          <Table.Tr>
            {quarters.map((q) => (
              <Fragment key={q}>
                <Table.Th ta="right" fz="xs" className={later(q) ? "eval-later" : undefined}>
                  {t("evaluation.columns.target")}
                </Table.Th>
                <Table.Th ta="right" fz="xs" className={later(q) ? "eval-later" : undefined}>
                  {t("evaluation.columns.realisasi")}
                </Table.Th>
              </Fragment>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr
              key={row.planIndicatorId}
              data-indicator={row.indicator}
              fw={row.level === "program" ? 700 : undefined}
            >
              {levels.map((level) => {
                const n = span(rows, index, level);
                if (n === 0) return null;
                return (
                  <Table.Td key={level} rowSpan={n} valign="top" fz="xs" fw={level === "program" ? 700 : 400}>
                    {row[level]}
                  </Table.Td>
                );
              })}
              <Table.Td valign="top" className="sticky-col">
                {row.indicator}
                <SourceLabel row={row} />
              </Table.Td>
              <Table.Td valign="top">
                {row.unit}
                {row.polarity === "lower" && (
                  <Tooltip label={t("evaluation.lowerIsBetter")}>
                    <Text span ml={4} c="blue.8" fw={700} aria-label={t("evaluation.lowerIsBetter")}>
                      ↓
                    </Text>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td ta="right" valign="top">
                {formatTarget(row.targetYear)}
              </Table.Td>
              {quarters.map((q) => (
                <Fragment key={q}>
                  <Table.Td ta="right" valign="top" className={later(q) ? "eval-later" : "eval-target"}>
                    {formatTarget(row.targets[q - 1] ?? "-")}
                  </Table.Td>
                  {realisasiCell(row, q)}
                </Fragment>
              ))}
              <Table.Td ta="right" valign="top">
                {row.targetToDate === null ? "-" : formatTarget(row.targetToDate)}
              </Table.Td>
              <Table.Td ta="right" valign="top" fw={600} data-testid="realisasi-to-date">
                <ProvenancePopover row={row}>
                  {row.realisasiToDate === null ? <NotYet /> : formatTarget(row.realisasiToDate)}
                </ProvenancePopover>
              </Table.Td>
              <Table.Td ta="right" valign="top">
                <CapaianBadge cell={row.capaianToDate} formula={row.formula} />
              </Table.Td>
              <Table.Td valign="top">
                <ForecastBadge row={row} />
              </Table.Td>
              {textFields.map((f) => textCell(row, f))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </WideScroll>
  );
}

/** Where the realisasi comes from: monthly data the Dinas approved, or typed in by the planner. */
function SourceLabel({ row }: { row: EvaluationIndicatorRow }) {
  const { t } = useTranslation();
  const fromData = row.source === "data";
  return (
    <Tooltip label={t(`evaluation.source.${fromData ? "dataHelp" : "enteredHelp"}`)} multiline w={260}>
      <Badge
        size="xs"
        variant={fromData ? "light" : "outline"}
        color={fromData ? "teal" : "gray"}
        ml={6}
        fw={500}
        tt="none"
        data-testid="source"
      >
        {t(`evaluation.source.${fromData ? "data" : "entered"}`)}
      </Badge>
    </Tooltip>
  );
}
