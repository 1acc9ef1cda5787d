import { spmTargetValue } from "@domain";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { SpmServiceAchievement } from "../../../../src/spm/achievement-schemas";
import type { ChartOption } from "./echarts";
import { bandHex, bandOf, chartValue, percent } from "./figures";
import { useEChart } from "./useEChart";

/** "Jan" / "Jan" from "201901", in the reader's language. */
export function shortMonth(period: string, language: string) {
  const date = new Date(Number(period.slice(0, 4)), Number(period.slice(4, 6)) - 1, 1);
  return date.toLocaleDateString(language === "en" ? "en-GB" : "id-ID", { month: "short" });
}

/**
 * Cumulative capaian month by month against the dashed target line: is the year on course? A month
 * without data leaves a gap in the line rather than a drop to zero. Drawn small and without animation
 * because twelve of them share the screen.
 */
export function MonthlyChart({ service }: { service: SpmServiceAchievement }) {
  const { t, i18n } = useTranslation();
  const target = Number(spmTargetValue(service.target));
  const option = useMemo((): ChartOption => {
    const values = service.monthly.map((m) => chartValue(m.capaian));
    const highest = Math.max(target, ...values.map((v) => v ?? 0));
    return {
      animation: false,
      grid: { left: 34, right: 10, top: 12, bottom: 20 },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v) =>
          typeof v === "number" ? `${percent(v.toFixed(2))}%` : t("spm.figures.noData"),
      },
      xAxis: {
        type: "category",
        data: service.months.map((m) => shortMonth(m, i18n.language)),
        axisLabel: { fontSize: 9, interval: 1 },
        axisTick: { show: false },
      },
      yAxis: {
        type: "value",
        min: 0,
        max: Math.ceil(highest / 20) * 20,
        interval: 20,
        axisLabel: { fontSize: 9 },
        splitLine: { lineStyle: { color: "#f1f3f5" } },
      },
      series: [
        {
          type: "line",
          name: t("spm.card.capaian"),
          data: values,
          connectNulls: false,
          symbolSize: 4,
          itemStyle: { color: bandHex[bandOf(service.capaian, service.target)] },
          lineStyle: { width: 2 },
          markLine: {
            silent: true,
            symbol: "none",
            data: [{ yAxis: target }],
            lineStyle: { type: "dashed", color: "#495057", width: 1 },
            label: { formatter: t("spm.card.target"), fontSize: 9, position: "insideEndTop" },
          },
        },
      ],
    };
  }, [service, target, t, i18n.language]);
  const ref = useEChart(option);

  const last = service.monthly.findLast((m) => m.capaian !== null);
  const summary = last?.capaian
    ? t("spm.chart.label", {
        month: shortMonth(last.period, i18n.language),
        value: percent(last.capaian),
        target: percent(String(target)),
      })
    : t("spm.chart.empty");
  return <div ref={ref} role="img" aria-label={summary} style={{ height: 110, width: "100%" }} />;
}
