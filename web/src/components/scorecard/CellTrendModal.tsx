import { BAND_COLOUR } from "@domain";
import { Modal, SegmentedControl, Stack, Table } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CellTrend } from "../../../../src/scorecard/schemas";
import { formatNumberId } from "../../format";
import { QueryState } from "../QueryState";
import type { ChartOption } from "../spm/echarts";
import { useEChart } from "../spm/useEChart";
import { useCellTrend } from "./api";

export interface OpenCell {
  orgUnitId: string;
  unitName: string;
  column: string;
  columnName: string;
  year: number;
}

const shown = (v: string | null) => (v === null ? "–" : formatNumberId(v));

/** The series behind one cell: a line per month or quarter, and the numerator and denominator under it. */
export function CellTrendModal({ cell, onClose }: { cell: OpenCell | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [periodType, setPeriodType] = useState<"month" | "quarter">("month");
  const query = cell
    ? new URLSearchParams({
        orgUnitId: cell.orgUnitId,
        column: cell.column,
        year: String(cell.year),
        periodType,
      }).toString()
    : null;
  const trend = useCellTrend(query);
  return (
    <Modal
      opened={cell !== null}
      onClose={onClose}
      size="xl"
      title={cell ? t("scorecard.cell.title", { column: cell.columnName, unit: cell.unitName }) : ""}
    >
      <Stack data-testid="cell-trend">
        <SegmentedControl
          aria-label={t("scorecard.periodType")}
          value={periodType}
          onChange={(v) => setPeriodType(v as "month" | "quarter")}
          data={[
            { value: "month", label: t("scorecard.cell.byMonth") },
            { value: "quarter", label: t("scorecard.cell.byQuarter") },
          ]}
        />
        <QueryState query={trend}>{(data) => <TrendBody trend={data} />}</QueryState>
      </Stack>
    </Modal>
  );
}

function TrendBody({ trend }: { trend: CellTrend }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  const label = (p: CellTrend["points"][number]) => (english ? p.labelEn : p.label);
  const option = useMemo((): ChartOption => {
    const name = (p: CellTrend["points"][number]) => (english ? p.labelEn : p.label);
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: trend.points.map(name), axisLabel: { rotate: 30, fontSize: 10 } },
      yAxis: { type: "value" },
      series: [
        {
          type: "line",
          name: trend.column.name,
          connectNulls: false,
          data: trend.points.map((p) => ({
            value: p.value === null ? null : Number(p.value),
            itemStyle: p.band ? { color: `#${BAND_COLOUR[p.band].fill}` } : undefined,
          })) as never,
          symbolSize: 8,
        },
      ],
    };
  }, [trend, english]);
  const ref = useEChart(option);
  return (
    <>
      <div ref={ref} style={{ width: "100%", height: 260 }} data-testid="cell-chart" />
      <Table.ScrollContainer minWidth={360}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("scorecard.cell.period")}</Table.Th>
              <Table.Th ta="right">{t("scorecard.cell.value")}</Table.Th>
              <Table.Th ta="right">{t("scorecard.cell.numerator")}</Table.Th>
              <Table.Th ta="right">{t("scorecard.cell.denominator")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.points.map((p) => (
              <Table.Tr key={p.period}>
                <Table.Td>{label(p)}</Table.Td>
                <Table.Td ta="right">
                  {shown(p.value)}
                  {p.band ? ` (${t(`scorecard.bands.${p.band}`)})` : ""}
                </Table.Td>
                <Table.Td ta="right">{shown(p.numerator)}</Table.Td>
                <Table.Td ta="right">{shown(p.denominator)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
