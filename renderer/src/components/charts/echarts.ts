/**
 * ECharts, with only the charts and components the app draws (tree-shaken from `echarts/core`),
 * drawn on canvas: the customer scatter needs its large mode, which SVG does not have.
 */
import { BarChart, HeatmapChart, LineChart, SankeyChart, ScatterChart, type BarSeriesOption, type HeatmapSeriesOption, type LineSeriesOption, type SankeySeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type MarkPointComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { use as registerEcharts, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

registerEcharts([BarChart, HeatmapChart, LineChart, SankeyChart, ScatterChart, DataZoomInsideComponent, GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TooltipComponent, VisualMapContinuousComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | SankeySeriesOption
  | ScatterSeriesOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | MarkPointComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export { init, type EChartsType } from 'echarts/core';
