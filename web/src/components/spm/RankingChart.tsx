import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { SpmUnitAchievement } from "../../../../src/spm/achievement-schemas";
import type { ChartOption } from "./echarts";
import { bandHex, bandOf, percent } from "./figures";
import { useEChart } from "./useEChart";

const ROW_HEIGHT = 22;

/**
 * Puskesmas by mean capaian, best at the top, with the 100 % line. Puskesmas without any computable
 * capaian are left out of the chart (they are listed in the table below it as "belum ada data").
 */
export function RankingChart({ units }: { units: SpmUnitAchievement[] }) {
  const { t } = useTranslation();
  const ranked = useMemo(
    () => units.flatMap((u) => (u.meanCapaian === null ? [] : [{ name: u.name, mean: u.meanCapaian }])),
    [units],
  );
  const option = useMemo((): ChartOption => {
    // ECharts draws a category axis bottom-up; reversed, the best puskesmas is on top as in the table.
    const rows = [...ranked].reverse();
    const highest = Math.max(100, ...rows.map((u) => Number(u.mean)));
    return {
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v) => (typeof v === "number" ? `${percent(v.toFixed(2))}%` : ""),
      },
      xAxis: { type: "value", min: 0, max: Math.ceil(highest / 20) * 20, axisLabel: { fontSize: 10 } },
      yAxis: {
        type: "category",
        data: rows.map((u) => u.name.replace(/^Puskesmas /, "")),
        axisLabel: { fontSize: 11 },
        axisTick: { show: false },
      },
      series: [
        {
          type: "bar",
          name: t("spm.units.mean"),
          barMaxWidth: 14,
          data: rows.map((u) => ({
            value: Number(u.mean),
            itemStyle: { color: bandHex[bandOf(u.mean, null)] },
          })),
          label: {
            show: true,
            position: "right",
            fontSize: 10,
            formatter: (p) => percent(Number(p.value).toFixed(2)),
          },
          markLine: {
            silent: true,
            symbol: "none",
            data: [{ xAxis: 100 }],
            lineStyle: { type: "dashed", color: "#495057", width: 1 },
            label: { show: false },
          },
        },
      ],
    };
  }, [ranked, t]);
  const ref = useEChart(option);
  const best = ranked[0];
  const label = best
    ? t("spm.ranking.chartLabel", { n: ranked.length, best: best.name, value: percent(best.mean) })
    : t("spm.chart.empty");
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      style={{ height: Math.max(120, ranked.length * ROW_HEIGHT + 40), width: "100%" }}
    />
  );
}
