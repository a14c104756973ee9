import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import type { ScatterReply } from '../../../../shared/ipc/contract';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { dot, escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { EmptyState } from '../../components/EmptyState';
import { QUADRANT_COLORS, QUADRANTS, type Quadrant } from '../analysis/codes';
import { useAnalysisFormat } from '../analysis/format';

interface Points {
  /** Per quadrant, the points as x0, y0, x1, y1, … (ECharts draws a typed array without a small array per point). */
  byQuadrant: Record<Quadrant, Float64Array>;
  /** The customer of each point, by quadrant and point. */
  ids: Record<Quadrant, string[]>;
  /** A view that leaves out the farthest 0.5 % on each side (the person can zoom out). */
  view: { x: [number, number]; y: [number, number] };
  shown: number;
  /** Customers with both profits (all of them could be drawn). */
  plotted: number;
  total: number;
}

/**
 * The scatter's points as the main process sampled them (`analysis.scatter`: at most 10,000 — the
 * outermost on each axis, then each quadrant in proportion; see shared/analytics/scatter-sample.ts).
 * Beyond a few thousand, 5-pixel dots on a chart this size cover one another, and every redraw
 * costs time in proportion to the points.
 */
function toPoints(reply: ScatterReply | null): Points | null {
  if (!reply) return null;
  const byQuadrant = Object.fromEntries(QUADRANTS.map((name) => [name, new Float64Array(0)])) as Record<Quadrant, Float64Array>;
  const ids = Object.fromEntries(QUADRANTS.map((name) => [name, [] as string[]])) as Record<Quadrant, string[]>;
  for (const series of reply.quadrants) {
    byQuadrant[series.quadrant] = Float64Array.from(series.points);
    ids[series.quadrant] = series.customers;
  }
  return { byQuadrant, ids, view: reply.view, shown: reply.shown, plotted: reply.plotted, total: reply.total };
}

/** The points of the last run shown, so that coming back to the screen draws at once. */
let knownPoints: { key: string; points: Points | null } | null = null;

/** Every customer as a point: current profit (x) against future profit (y), coloured by quadrant. */
export function QuadrantScatter({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const app = useApp();
  const f = useAnalysisFormat();
  const theme = useChartTheme();
  const runKey = `${app.workspace?.path ?? ''}#${run.runId ?? run.createdAt}`;
  const [loaded, setLoaded] = useState<{ key: string; points: Points | null } | null>(() => knownPoints);
  const [failed, setFailed] = useState<string | null>(null);
  const { showError } = app;

  useEffect(() => {
    if (knownPoints?.key === runKey) return;
    let alive = true;
    api['analysis.scatter']({})
      .then((reply) => {
        knownPoints = { key: runKey, points: toPoints(reply) };
        if (alive) setLoaded(knownPoints);
      })
      .catch((error: unknown) => {
        if (!alive) return;
        setFailed(runKey);
        showError(error);
      });
    return () => {
      alive = false;
    };
  }, [runKey, showError]);

  const points = loaded?.key === runKey ? loaded.points : knownPoints?.key === runKey ? knownPoints.points : undefined;
  const option = useMemo<ChartOption | null>(() => {
    if (!points) return null;
    const money = (value: number) => f.compactMoney(value);
    return {
      // Drawn at once (no animation, no progressive passes): the chart is ready in its first frame.
      animation: false,
      grid: { left: 16, right: 20, top: 40, bottom: 40 },
      legend: { top: 0, [theme.rtl ? 'right' : 'left']: 0, textStyle: { color: theme.text, fontFamily: theme.font }, itemWidth: 10, itemHeight: 10 },
      tooltip: {
        ...theme.tooltip,
        trigger: 'item',
        formatter: (params: unknown) => {
          const p = params as { seriesIndex: number; dataIndex: number; seriesName: string; color: string };
          const quadrant = QUADRANTS[p.seriesIndex];
          const id = quadrant ? (points.ids[quadrant][p.dataIndex] ?? '') : '';
          const current = quadrant ? (points.byQuadrant[quadrant][2 * p.dataIndex] ?? 0) : 0;
          const future = quadrant ? (points.byQuadrant[quadrant][2 * p.dataIndex + 1] ?? 0) : 0;
          return `${dot(p.color)}<strong>${escapeHtml(id)}</strong> · ${escapeHtml(p.seriesName)}<br/>${escapeHtml(t('strategies.scatter.current'))}: ${escapeHtml(f.money(current))}<br/>${escapeHtml(t('strategies.scatter.future'))}: ${escapeHtml(f.money(future))}`;
        },
      },
      dataZoom: [
        { type: 'inside', xAxisIndex: 0, filterMode: 'none', startValue: points.view.x[0], endValue: points.view.x[1] },
        { type: 'inside', yAxisIndex: 0, filterMode: 'none', startValue: points.view.y[0], endValue: points.view.y[1] },
      ],
      xAxis: {
        type: 'value',
        inverse: theme.rtl,
        scale: true,
        name: t('strategies.scatter.xAxis', { months: f.integer(run.settings.currentWindowMonths) }),
        nameLocation: 'middle',
        nameGap: 28,
        ...theme.axisStyle,
        axisLabel: { ...theme.axisStyle.axisLabel, formatter: money, hideOverlap: true, showMinLabel: false, showMaxLabel: false },
      },
      yAxis: {
        type: 'value',
        scale: true,
        position: theme.rtl ? 'right' : 'left',
        name: t('strategies.scatter.yAxis', { months: f.integer(run.settings.horizonMonths) }),
        nameLocation: 'middle',
        nameGap: 44,
        nameRotate: theme.rtl ? -90 : 90,
        ...theme.axisStyle,
        axisLabel: { ...theme.axisStyle.axisLabel, formatter: money, showMinLabel: false, showMaxLabel: false },
      },
      series: QUADRANTS.map((quadrant, index) => ({
        name: t(`codes.quadrant.${quadrant}`),
        type: 'scatter' as const,
        large: true,
        largeThreshold: 2000,
        progressive: 0,
        symbolSize: 5,
        itemStyle: { color: QUADRANT_COLORS[quadrant], opacity: 0.6 },
        dimensions: ['x', 'y'],
        data: points.byQuadrant[quadrant],
        ...(index === 0
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: theme.muted, type: 'dashed' as const },
                label: { show: false },
                data: [{ xAxis: run.summary.thresholds.current }, { yAxis: run.summary.thresholds.future }],
              },
            }
          : {}),
      })),
    };
  }, [points, t, f, theme, run.settings, run.summary.thresholds]);

  if (failed === runKey) return <EmptyState title={t('strategies.scatter.failed')} />;
  if (points === null) return <EmptyState title={t('strategies.scatter.noColumns')} />;
  if (!option || !points) {
    return (
      <div className="chart-loading muted" aria-busy="true" data-testid="scatter-loading">
        {t('analysis.loading')}
      </div>
    );
  }
  return (
    <>
      <EChart option={option} height={420} label={t('strategies.scatter.title')} testId="scatter-chart" />
      <p className="chart-note muted" data-testid="scatter-count">
        {points.shown < points.plotted
            ? t('strategies.scatter.sampled', { shown: f.integer(points.shown), total: f.integer(points.plotted) })
            : t('strategies.scatter.count', { shown: f.integer(points.shown) })}
        {' · '}
        {t('strategies.scatter.zoomHint')}
      </p>
    </>
  );
}
