/**
 * The only place the app touches ECharts. Imported lazily (see useEChart), and only the pieces the SPM
 * charts draw, so the main bundle stays small and the dashboard pays for ~ a line and a bar chart.
 * SVG keeps 12 small charts cheap in memory on an old laptop and sharp in screenshots and prints.
 */
import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

use([LineChart, BarChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

export { init };
