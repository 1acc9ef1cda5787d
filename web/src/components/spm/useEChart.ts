import { useEffect, useRef } from "react";
import type { ChartOption } from "./echarts";

type Chart = ReturnType<typeof import("./echarts")["init"]>;

/**
 * Draws `option` into the returned div's element: loads ECharts on first use, follows the box's size
 * (cards reflow on a narrow screen), and disposes of the chart when the component goes away.
 */
export function useEChart(option: ChartOption) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import("./echarts").then(({ init }) => {
      const element = ref.current;
      if (disposed || !element) return;
      chart.current = init(element, null, { renderer: "svg" });
      chart.current.setOption(latest.current);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(element);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return ref;
}
