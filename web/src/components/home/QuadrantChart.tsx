import { Table } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { HomeOverview } from "../../../../src/home/schemas";
import { formatNumberId } from "../../format";
import type { ChartOption } from "../spm/echarts";
import { useEChart } from "../spm/useEChart";
import { ItemLink } from "./Section";

const shownPercent = (v: string | null) => (v === null ? "–" : `${formatNumberId(v, 1)}%`);

/**
 * Capaian kinerja (y) against serapan anggaran (x) per program, split at 100 % on both axes: top left
 * does much with little spent, bottom right spends without results. The figures below open the
 * evaluation.
 */
export function QuadrantChart({ programs, to }: { programs: HomeOverview["programs"]; to: string }) {
  const { t } = useTranslation();
  const shown = programs.filter((p) => p.capaian !== null && p.serapan !== null);
  const option = useMemo((): ChartOption => {
    const top = Math.max(120, ...shown.flatMap((p) => [Number(p.capaian), Number(p.serapan)]));
    const axis = (name: string) => ({
      type: "value" as const,
      min: 0,
      max: Math.ceil(top / 20) * 20,
      name,
      nameLocation: "middle" as const,
      nameGap: 28,
      axisLabel: { fontSize: 10 },
    });
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      tooltip: {
        trigger: "item",
        formatter: (p) => {
          const [x, y, name] = (p as unknown as { value: [number, number, string] }).value;
          return `${name}<br/>${t("home.overview.capaian")}: ${formatNumberId(String(y), 2)}<br/>${t("home.overview.serapan")}: ${formatNumberId(String(x), 2)}`;
        },
      },
      xAxis: axis(t("home.overview.serapan")),
      yAxis: axis(t("home.overview.capaian")),
      series: [
        {
          type: "scatter",
          symbolSize: 14,
          data: shown.map((p) => [Number(p.serapan), Number(p.capaian), p.name]),
          markLine: {
            silent: true,
            symbol: "none",
            data: [{ xAxis: 100 }, { yAxis: 100 }],
            lineStyle: { type: "dashed", color: "#495057", width: 1 },
            label: { show: false },
          },
        },
      ],
    };
  }, [shown, t]);
  const ref = useEChart(option);
  return (
    <>
      <div ref={ref} style={{ height: 280, width: "100%" }} data-testid="home-quadrant" />
      <Table fz="xs" verticalSpacing={1}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{t("home.overview.capaian")}</Table.Th>
            <Table.Th ta="right">{t("home.overview.serapan")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {programs.map((p) => (
            <Table.Tr key={p.nodeId}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td ta="right">
                <ItemLink to={to}>{shownPercent(p.capaian)}</ItemLink>
              </Table.Td>
              <Table.Td ta="right">
                <ItemLink to={to}>{shownPercent(p.serapan)}</ItemLink>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
