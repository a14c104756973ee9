/**
 * The report's charts: ECharts rendered on the server to SVG (no canvas, no browser), inlined in
 * the HTML so that both printers draw the same vectors. Labels go through the report's formats
 * (the client's digits and currency); right-to-left reports mirror the axes.
 */
import type * as ECharts from 'echarts/dist/echarts.esm.min';
import type { EChartsOption } from 'echarts';
import { timeAxis } from '../../../shared/charts/time-axis';
import { wrapLabel } from '../../../shared/charts/wrap-label';
import { QUADRANT_COLORS, TIER_COLORS } from '../../../shared/domain/colors';
import { epochDayFromIso } from '../../../shared/domain/dates';
import type { Formats } from './i18n';

export const CHART_WIDTH = 660;

/** The codes' colours are the app's (shared/domain/colors.ts); these draw the rest. */
export const PALETTE = {
  good: QUADRANT_COLORS.reward,
  bad: TIER_COLORS.belowZero,
  neutral: TIER_COLORS.middle,
  line: '#1f6f8b',
  accent: '#e0a030',
  grid: '#e4e7eb',
  text: '#3e4c59',
};

export interface ChartContext {
  formats: Formats;
  fontFamily: string;
}

let echarts: typeof ECharts | null = null;

/** ECharts loads with the first report, not when the services start (a tenth of a second the CLI's other commands need not wait). */
export async function loadChartEngine(): Promise<void> {
  echarts ??= await import('echarts/dist/echarts.esm.min');
}

/** Renders one chart to an SVG string; the chart is disposed whatever happens (it holds timers). */
export function renderChart(option: EChartsOption, height: number, context: ChartContext, width = CHART_WIDTH): string {
  if (!echarts) throw new Error('renderChart before loadChartEngine()');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height, locale: 'EN' });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: context.fontFamily, fontSize: 11, color: PALETTE.text },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function axisLabel(formatter: (value: number) => string) {
  return { formatter: (value: number) => formatter(value), color: PALETTE.text, hideOverlap: true };
}

function valueAxis(context: ChartContext, formatter: (value: number) => string, name?: string, extra: object = {}) {
  const rtl = context.formats.rtl;
  return {
    type: 'value' as const,
    position: rtl ? ('right' as const) : ('left' as const),
    axisLabel: axisLabel(formatter),
    splitLine: { lineStyle: { color: PALETTE.grid } },
    ...(name ? { name, nameLocation: 'middle' as const, nameGap: 58, nameTextStyle: { color: PALETTE.text } } : {}),
    ...extra,
  };
}

function grid(context: ChartContext, extra: { top?: number; bottom?: number; side?: number } = {}) {
  const side = extra.side ?? 78;
  return { top: extra.top ?? 24, bottom: extra.bottom ?? 42, left: context.formats.rtl ? 24 : side, right: context.formats.rtl ? side : 24 };
}

/** Cumulative share of profit against the share of customers, most profitable first. */
export function whaleCurveChart(points: { x: number; y: number }[], peak: { x: number; y: number }, labels: { x: string; y: string; peak: string }, context: ChartContext): string {
  const { formats } = context;
  return renderChart(
    {
      grid: grid(context, { bottom: 48 }),
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        inverse: formats.rtl,
        name: labels.x,
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: axisLabel((value) => formats.percent(value, 0)),
        splitLine: { lineStyle: { color: PALETTE.grid } },
      },
      yAxis: valueAxis(context, (value) => formats.percent(value, 0), labels.y, { min: 0 }),
      series: [
        {
          type: 'line',
          data: points.map((point) => [point.x, point.y]),
          showSymbol: false,
          lineStyle: { width: 2, color: PALETTE.line },
          areaStyle: { color: 'rgba(31,111,139,0.10)' },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: PALETTE.accent, type: 'dashed' },
            label: { formatter: () => formats.percent(1, 0), color: PALETTE.text, position: 'insideEndTop' },
            data: [{ yAxis: 1 }],
          },
          markPoint: {
            symbol: 'circle',
            symbolSize: 8,
            itemStyle: { color: PALETTE.bad },
            label: { show: true, position: 'top', color: PALETTE.text, formatter: () => labels.peak },
            data: [{ name: 'peak', coord: [peak.x, peak.y] }],
          },
        },
      ],
    },
    300,
    context,
  );
}

/** Profit of each tier (bars), with the number of customers on each bar. */
export function ladderChart(tiers: { key: string; label: string; customers: number; profit: number }[], customersLabel: (count: number) => string, context: ChartContext): string {
  const { formats } = context;
  return renderChart(
    {
      grid: grid(context),
      xAxis: { type: 'category', inverse: formats.rtl, data: tiers.map((tier) => tier.label), axisLabel: { color: PALETTE.text, interval: 0, formatter: (value: string) => wrapLabel(value, 20) }, axisTick: { show: false } },
      yAxis: valueAxis(context, (value) => formats.moneyShort(value)),
      series: [
        {
          type: 'bar',
          barWidth: '46%',
          data: tiers.map((tier) => ({
            value: tier.profit,
            itemStyle: { color: TIER_COLORS[tier.key as keyof typeof TIER_COLORS] ?? PALETTE.line },
            label: { show: true, position: tier.profit >= 0 ? 'top' : 'bottom', color: PALETTE.text, formatter: () => `${formats.money(tier.profit)}\n${customersLabel(tier.customers)}` },
          })),
        },
      ],
    },
    280,
    context,
  );
}

/** A symmetric log scale: linear within ±1, then one unit per power of ten (2 → 10, 3 → 100…), sign kept. */
const squash = (value: number) => (Math.abs(value) <= 1 ? value : Math.sign(value) * (1 + Math.log10(Math.abs(value))));
const unsquash = (value: number) => (Math.abs(value) <= 1 ? value : Math.sign(value) * 10 ** (Math.abs(value) - 1));

/** Customers in the current × future plane, coloured by quadrant, on signed log scales. */
export function quadrantChart(
  points: { current: number; future: number; quadrant: number }[],
  quadrants: { key: string; label: string }[],
  thresholds: { current: number; future: number },
  labels: { x: string; y: string },
  context: ChartContext,
): string {
  const { formats } = context;
  const xs = points.map((point) => squash(point.current));
  const ys = points.map((point) => squash(point.future));
  const bound = (values: number[], threshold: number) => {
    const all = [...values, squash(threshold)];
    return { min: Math.floor(Math.min(...all, 0)), max: Math.ceil(Math.max(...all, 0)) };
  };
  const tick = (value: number) => (Math.abs(value) < 1e-9 ? formats.integer(0) : formats.moneyShort(Math.round(unsquash(value))));
  return renderChart(
    {
      grid: grid(context, { top: 36, bottom: 48 }),
      legend: { top: 0, [formats.rtl ? 'right' : 'left']: 'center', itemWidth: 10, itemHeight: 10, textStyle: { color: PALETTE.text } },
      xAxis: { type: 'value', ...bound(xs, thresholds.current), interval: 1, inverse: formats.rtl, name: labels.x, nameLocation: 'middle', nameGap: 28, axisLabel: axisLabel(tick), splitLine: { lineStyle: { color: PALETTE.grid } } },
      yAxis: valueAxis(context, tick, labels.y, { ...bound(ys, thresholds.future), interval: 1 }),
      series: quadrants.map((quadrant, q) => {
        const data = points.flatMap((point, i) => (point.quadrant === q ? [[xs[i] as number, ys[i] as number]] : []));
        return {
          type: 'scatter' as const,
          name: quadrant.label,
          symbol: 'rect',
          symbolSize: 3.5,
          // One path per series instead of one element per customer: small SVG, fast to render and print.
          // Not for an empty quadrant: ECharts' large mode cannot draw a path of no points.
          large: data.length > 0,
          largeThreshold: 0,
          itemStyle: { color: QUADRANT_COLORS[quadrant.key as keyof typeof QUADRANT_COLORS] ?? PALETTE.line, opacity: 0.6 },
          data,
          ...(q === 0
            ? {
                markLine: {
                  silent: true,
                  symbol: 'none',
                  label: { show: false },
                  lineStyle: { color: PALETTE.text, type: 'solid' as const, width: 1 },
                  data: [{ xAxis: squash(thresholds.current) }, { yAxis: squash(thresholds.future) }],
                },
              }
            : {}),
        };
      }),
    },
    330,
    context,
  );
}

/** Customer equity at past analysis dates. */
export function equityTrendChart(trend: { asOf: string; equity: number }[], context: ChartContext): string {
  const { formats } = context;
  const days = trend.map((point) => epochDayFromIso(point.asOf));
  const axis = timeAxis(days, formats.timeLabels);
  return renderChart(
    {
      useUTC: true,
      grid: grid(context),
      xAxis: { ...axis.axis, inverse: formats.rtl, axisLabel: { color: PALETTE.text, ...axis.axis.axisLabel }, splitLine: { show: false } },
      yAxis: valueAxis(context, (value) => formats.moneyShort(value)),
      series: [
        {
          type: 'line',
          data: trend.map((point, i) => [axis.x(days[i] as number), point.equity]),
          symbolSize: 6,
          lineStyle: { width: 2, color: PALETTE.line },
          itemStyle: { color: PALETTE.line },
          areaStyle: { color: 'rgba(31,111,139,0.10)' },
          label: { show: true, position: 'top', color: PALETTE.text, formatter: (params: { value?: unknown }) => formats.moneyShort(Number((params.value as number[] | undefined)?.[1])) },
        },
      ],
    },
    230,
    context,
  );
}

/** Share of each acquisition cohort still active k periods after its first purchase. */
export function retentionHeatmap(cohorts: { labels: string[]; retention: number[][] }, labels: { x: string; y: string }, context: ChartContext): string {
  const { formats } = context;
  const periods = Math.max(0, ...cohorts.retention.map((row) => row.length));
  const data: [number, number, number][] = [];
  cohorts.retention.forEach((row, c) => row.forEach((value, k) => Number.isFinite(value) && data.push([k, c, value])));
  // Colours spread over the retention after the first period (the first is 100 % by definition).
  const later = data.filter(([k]) => k > 0).map(([, , value]) => value);
  const top = Math.min(1, Math.max(0.05, ...later));
  const rowHeight = Math.max(8, Math.min(18, Math.floor(520 / Math.max(1, cohorts.labels.length))));
  const height = 70 + rowHeight * cohorts.labels.length;
  return renderChart(
    {
      grid: grid(context, { top: 10, bottom: 50, side: 70 }),
      xAxis: {
        type: 'category',
        inverse: formats.rtl,
        data: Array.from({ length: periods }, (_, k) => formats.integer(k)),
        name: labels.x,
        nameLocation: 'middle',
        nameGap: 26,
        axisLabel: { color: PALETTE.text, interval: periods > 24 ? 2 : 0, fontSize: 9 },
        splitArea: { show: false },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        position: formats.rtl ? 'right' : 'left',
        data: cohorts.labels.map((label) => formats.month(label)),
        axisLabel: { color: PALETTE.text, fontSize: 9, interval: cohorts.labels.length > 24 ? 1 : 0 },
      },
      visualMap: { show: false, min: 0, max: top, inRange: { color: ['#f5f7fa', '#9fd3c7', '#1f6f8b'] } },
      series: [{ type: 'heatmap', data, itemStyle: { borderColor: '#ffffff', borderWidth: 1 } }],
    },
    height,
    context,
  );
}

/** Average LTV per unit of acquisition cost, by channel, with the healthy ratio of 3 marked. */
export function ltvCacChart(channels: { channel: string; ratio: number }[], healthyLabel: string, context: ChartContext): string {
  const { formats } = context;
  const shown = channels.map((channel) => ({ ...channel, value: Math.max(0.01, channel.ratio) }));
  return renderChart(
    {
      grid: grid(context, { side: 110 }),
      yAxis: { type: 'category', inverse: true, position: formats.rtl ? 'right' : 'left', data: shown.map((channel) => channel.channel), axisLabel: { color: PALETTE.text }, axisTick: { show: false } },
      xAxis: { type: 'log', min: 0.1, inverse: formats.rtl, axisLabel: axisLabel((value) => formats.decimal(value, value < 1 ? 1 : 0)), splitLine: { lineStyle: { color: PALETTE.grid } } },
      series: [
        {
          type: 'bar',
          barWidth: '55%',
          data: shown.map((channel) => ({
            value: channel.value,
            itemStyle: { color: channel.ratio >= 3 ? PALETTE.good : PALETTE.bad },
            label: { show: true, position: formats.rtl ? 'left' : 'right', color: PALETTE.text, formatter: () => formats.decimal(channel.ratio, 1) },
          })),
          markLine: { silent: true, symbol: 'none', lineStyle: { color: PALETTE.accent, type: 'dashed' }, label: { formatter: () => healthyLabel, color: PALETTE.text, position: 'start' }, data: [{ xAxis: 3 }] },
        },
      ],
    },
    60 + 34 * Math.max(1, shown.length),
    context,
  );
}

/** The model's cumulative repeat purchases, actual against expected, with the end of calibration. */
export function trackingChart(
  tracking: { periodStart: string[]; cumulativeActual: number[]; cumulativeExpected: number[]; firstHoldoutPeriod: number },
  labels: { actual: string; expected: string; holdout: string },
  context: ChartContext,
): string {
  const { formats } = context;
  const days = tracking.periodStart.map((iso) => epochDayFromIso(iso));
  const axis = timeAxis(days, formats.timeLabels);
  const points = (values: number[]) => values.map((value, i) => [axis.x(days[i] as number), value]);
  const holdoutDay = days[tracking.firstHoldoutPeriod];
  const holdout = holdoutDay === undefined ? undefined : axis.x(holdoutDay);
  return renderChart(
    {
      useUTC: true,
      grid: grid(context, { top: 36 }),
      legend: { top: 0, [formats.rtl ? 'right' : 'left']: 'center', textStyle: { color: PALETTE.text } },
      xAxis: { ...axis.axis, inverse: formats.rtl, axisLabel: { color: PALETTE.text, ...axis.axis.axisLabel }, splitLine: { show: false } },
      yAxis: valueAxis(context, (value) => formats.integer(value)),
      series: [
        { type: 'line', name: labels.actual, data: points(tracking.cumulativeActual), showSymbol: false, lineStyle: { width: 2, color: PALETTE.line }, itemStyle: { color: PALETTE.line } },
        {
          type: 'line',
          name: labels.expected,
          data: points(tracking.cumulativeExpected),
          showSymbol: false,
          lineStyle: { width: 2, type: 'dashed', color: PALETTE.accent },
          itemStyle: { color: PALETTE.accent },
          ...(holdout !== undefined
            ? { markLine: { silent: true, symbol: 'none', lineStyle: { color: PALETTE.text, type: 'dotted' as const }, label: { formatter: () => labels.holdout, color: PALETTE.text }, data: [{ xAxis: holdout }] } }
            : {}),
        },
      ],
    },
    260,
    context,
  );
}

/** What a scenario changes, against the baseline: two bars per measure. */
export function scenarioChart(measures: { label: string; baseline: number; scenario: number }[], labels: { baseline: string; scenario: string }, context: ChartContext): string {
  const { formats } = context;
  return renderChart(
    {
      grid: grid(context, { top: 36 }),
      legend: { top: 0, [formats.rtl ? 'right' : 'left']: 'center', textStyle: { color: PALETTE.text } },
      xAxis: { type: 'category', inverse: formats.rtl, data: measures.map((measure) => measure.label), axisLabel: { color: PALETTE.text, interval: 0, formatter: (value: string) => wrapLabel(value, Math.floor((CHART_WIDTH - 140) / Math.max(1, measures.length) / 6.5)) }, axisTick: { show: false } },
      yAxis: valueAxis(context, (value) => formats.moneyShort(value)),
      series: [
        { type: 'bar', name: labels.baseline, data: measures.map((measure) => measure.baseline), itemStyle: { color: PALETTE.neutral } },
        { type: 'bar', name: labels.scenario, data: measures.map((measure) => measure.scenario), itemStyle: { color: PALETTE.line } },
      ],
    },
    230,
    context,
  );
}
