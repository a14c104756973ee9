import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { useAnalysisFormat } from '../analysis/format';

interface Props {
  labels: string[];
  sizes: number[];
  /** Rows = cohorts, columns = periods since acquisition. */
  values: number[][];
  kind: 'share' | 'money';
  title: string;
  testId: string;
  period: 'month' | 'quarter';
  /** Leave out period 0 when choosing the colour scale (retention is always 100 % there). */
  scaleFromFirstPeriod?: boolean;
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] as number;
}

/** The chart's height for this many cohorts (18 px a row, room for the axis and the scale). */
export function heatmapHeight(cohorts: number): number {
  return Math.max(260, cohorts * 18 + 90);
}

/** Room the y axis' labels take, roughly (the cell labels are left out unless a cell has room). */
const AXIS_ROOM = 80;
/** A cell needs this width and height for its label ("100 %", "1.2K"). */
const LABEL_WIDTH = 34;
const LABEL_HEIGHT = 14;

/** A cohort × period heatmap (retention or margin per customer), oldest cohort on top. */
export function CohortHeatmap({ labels, sizes, values, kind, title, testId, period, scaleFromFirstPeriod = false }: Props) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const theme = useChartTheme();
  const periods = Math.max(0, ...values.map((row) => row.length));
  const height = heatmapHeight(labels.length);
  // The width the chart gets, read once before the first paint: labels only in cells big enough.
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    setWidth(box.current?.clientWidth ?? 0);
  }, []);
  const labelled = width > 0 && periods > 0 && (width - AXIS_ROOM) / periods >= LABEL_WIDTH && (height - 92) / Math.max(1, labels.length) >= LABEL_HEIGHT;
  const option = useMemo<ChartOption | null>(() => {
    // Nothing to draw before the width is known (the chart mounts with it, before the first paint).
    if (width === 0) return null;
    const data: [number, number, number][] = [];
    const scale: number[] = [];
    values.forEach((row, y) =>
      row.forEach((value, x) => {
        if (!Number.isFinite(value)) return;
        data.push([x, y, value]);
        if (!scaleFromFirstPeriod || x > 0) scale.push(value);
      }),
    );
    const low = kind === 'share' ? 0 : Math.min(0, quantile(scale, 0.02));
    const high = Math.max(kind === 'share' ? 0.05 : 1, quantile(scale, 0.98));
    const show = (value: number) => (kind === 'share' ? f.percent0(value) : f.compactMoney(value));
    const palette = theme.dark ? ['#1b2431', '#134e4a', '#0d9488', '#5eead4'] : ['#f0fdfa', '#99f6e4', '#14b8a6', '#0f5f59'];
    const cohortLabels = labels.map((label) => f.period(label));
    return {
      // Drawn at once: the screen shows its charts in their first frames.
      animation: false,
      grid: { left: 8, right: 8, top: 8, bottom: 84 },
      tooltip: {
        ...theme.tooltip,
        formatter: (params: unknown) => {
          const [x, y, value] = (params as { value: [number, number, number] }).value;
          return `<strong>${escapeHtml(cohortLabels[y] ?? '')}</strong> · ${escapeHtml(t('cohorts.customersInCohort', { n: f.integer(sizes[y] ?? 0) }))}<br/>${escapeHtml(t(`cohorts.periodAfter.${period}`, { k: f.integer(x) }))}: <strong>${escapeHtml(kind === 'share' ? f.percent(value) : f.money(value))}</strong>`;
        },
      },
      xAxis: {
        type: 'category',
        inverse: theme.rtl,
        data: Array.from({ length: periods }, (_, k) => f.integer(k)),
        name: t(`cohorts.periodsAxis.${period}`),
        nameLocation: 'middle',
        nameGap: 26,
        ...theme.axisStyle,
        splitArea: { show: false },
        axisLabel: { ...theme.axisStyle.axisLabel, interval: periods > 24 ? 2 : 0 },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        position: theme.rtl ? 'right' : 'left',
        data: cohortLabels,
        ...theme.axisStyle,
        axisLabel: { ...theme.axisStyle.axisLabel, interval: labels.length > 24 ? 1 : 0 },
      },
      visualMap: {
        type: 'continuous',
        min: low,
        max: high,
        calculable: false,
        orient: 'horizontal',
        bottom: 0,
        left: 'center',
        itemHeight: 160,
        itemWidth: 10,
        inverse: theme.rtl,
        textStyle: { color: theme.muted, fontFamily: theme.font },
        // text[0] labels the high end, wherever inverse puts it.
        text: [show(high), show(low)],
        inRange: { color: palette },
      },
      series: [
        {
          type: 'heatmap',
          data,
          progressive: 0,
          label: { show: labelled, fontSize: 10, formatter: (params: { value: unknown }) => show((params.value as [number, number, number])[2]) },
          itemStyle: { borderColor: theme.surface, borderWidth: 1 },
          emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } },
        },
      ],
    } as ChartOption;
  }, [values, labels, sizes, kind, f, t, theme, periods, period, scaleFromFirstPeriod, labelled, width]);
  return (
    <div ref={box}>
      {option ? <EChart option={option} height={height} label={title} testId={testId} /> : <div style={{ height }} />}
    </div>
  );
}
