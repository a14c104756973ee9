import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { useApp } from '../../app/AppContext';
import { dot, escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { EmptyState } from '../../components/EmptyState';
import { QUADRANT_COLORS, QUADRANTS, type Quadrant } from '../analysis/codes';
import { useAnalysisFormat } from '../analysis/format';
import { columnIndex, KEYS } from '../customers/columns';
import { MAX_POINTS, readAllCustomers, type AllCustomers } from '../customers/customer-data';

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
 * At most this many points are drawn. Beyond a few thousand, 5-pixel dots on a chart this size
 * cover one another, and every redraw (a resize, a zoom, coming back to the screen) costs time in
 * proportion to the points: 100,000 took the canvas ~350 ms per redraw.
 */
export const SAMPLE_POINTS = 10_000;
/** Points drawn from each end of each axis whatever the sample (the outermost customers). */
const EXTREMES = 50;
/** A quadrant keeps at least this many points (all it has, when fewer), so small ones stay visible. */
const MIN_PER_QUADRANT = 200;

/** The columns the scatter plots (customer for the tooltip). */
const COLUMNS = [...KEYS.customer, ...KEYS.currentProfit, ...KEYS.futureProfit, ...KEYS.quadrant];

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] as number;
}

function toPoints(all: AllCustomers): Points | null {
  const x = columnIndex(all.columns, KEYS.currentProfit);
  const y = columnIndex(all.columns, KEYS.futureProfit);
  const q = columnIndex(all.columns, KEYS.quadrant);
  const id = columnIndex(all.columns, KEYS.customer);
  if (x < 0 || y < 0 || q < 0) return null;
  const counts = Object.fromEntries(QUADRANTS.map((name) => [name, 0])) as Record<Quadrant, number>;
  for (const row of all.rows) if (typeof row[x] === 'number' && typeof row[y] === 'number' && counts[row[q] as Quadrant] !== undefined) counts[row[q] as Quadrant]++;
  const byQuadrant = Object.fromEntries(QUADRANTS.map((name) => [name, new Float64Array(counts[name] * 2)])) as Record<Quadrant, Float64Array>;
  // The row of each point: the customers' ids are looked up only for the points drawn.
  const rowOf = Object.fromEntries(QUADRANTS.map((name) => [name, new Int32Array(counts[name])])) as Record<Quadrant, Int32Array>;
  const filled = Object.fromEntries(QUADRANTS.map((name) => [name, 0])) as Record<Quadrant, number>;
  const xs = new Float64Array(all.rows.length);
  const ys = new Float64Array(all.rows.length);
  let n = 0;
  for (let r = 0; r < all.rows.length; r++) {
    const row = all.rows[r] as AllCustomers['rows'][number];
    const current = row[x];
    const future = row[y];
    const quadrant = row[q] as Quadrant;
    if (typeof current !== 'number' || typeof future !== 'number' || counts[quadrant] === undefined) continue;
    const at = filled[quadrant]++;
    byQuadrant[quadrant][2 * at] = current;
    byQuadrant[quadrant][2 * at + 1] = future;
    rowOf[quadrant][at] = r;
    xs[n] = current;
    ys[n] = future;
    n++;
  }
  const sx = xs.slice(0, n).sort();
  const sy = ys.slice(0, n).sort();
  const idOf = (r: number) => (id >= 0 ? String(all.rows[r]?.[id] ?? '') : '');
  const sampled = n > SAMPLE_POINTS ? sample(byQuadrant, rowOf, idOf, sx, sy, n) : { byQuadrant, ids: Object.fromEntries(QUADRANTS.map((name) => [name, Array.from(rowOf[name], idOf)])) as Points['ids'], shown: n };
  // Round the view out to a step of the axis, so that its first and last labels are round numbers.
  const pad = (low: number, high: number): [number, number] => {
    const span = high - low || Math.abs(high) || 1;
    const step = 10 ** Math.floor(Math.log10(span / 5));
    return [Math.floor((low - span * 0.03) / step) * step, Math.ceil((high + span * 0.03) / step) * step];
  };
  return { ...sampled, view: { x: pad(quantile(sx, 0.005), quantile(sx, 0.995)), y: pad(quantile(sy, 0.005), quantile(sy, 0.995)) }, plotted: n, total: all.total };
}

/**
 * A representative sample of at most SAMPLE_POINTS points: always the EXTREMES outermost on each
 * side of each axis (the cloud keeps its shape and its outliers), then every quadrant in proportion
 * to its customers (at least MIN_PER_QUADRANT, or all it has), taken evenly through the customers'
 * order. Deterministic: the same run gives the same points.
 */
function sample(byQuadrant: Record<Quadrant, Float64Array>, rowOf: Record<Quadrant, Int32Array>, idOf: (row: number) => string, sx: Float64Array, sy: Float64Array, n: number): Pick<Points, 'byQuadrant' | 'ids' | 'shown'> {
  const k = Math.min(EXTREMES, Math.floor(n / 2) - 1);
  const [xLow, xHigh, yLow, yHigh] = [sx[k] as number, sx[n - 1 - k] as number, sy[k] as number, sy[n - 1 - k] as number];
  // First the outermost points of every quadrant; the rest of the budget shared in proportion.
  const keeps = {} as Record<Quadrant, Uint8Array>;
  const rests = {} as Record<Quadrant, number>;
  let extremes = 0;
  for (const quadrant of QUADRANTS) {
    const points = byQuadrant[quadrant];
    const count = points.length / 2;
    const keep = new Uint8Array(count);
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const x = points[2 * i] as number;
      const y = points[2 * i + 1] as number;
      if (x < xLow || x > xHigh || y < yLow || y > yHigh) {
        keep[i] = 1;
        kept++;
      }
    }
    keeps[quadrant] = keep;
    rests[quadrant] = count - kept;
    extremes += kept;
  }
  const restTotal = QUADRANTS.reduce((sum, quadrant) => sum + rests[quadrant], 0);
  const reserved = QUADRANTS.reduce((sum, quadrant) => sum + Math.min(rests[quadrant], MIN_PER_QUADRANT), 0);
  const shared = Math.max(0, SAMPLE_POINTS - extremes - reserved);
  const outBy = {} as Record<Quadrant, Float64Array>;
  const outIds = {} as Record<Quadrant, string[]>;
  let shown = 0;
  for (const quadrant of QUADRANTS) {
    const points = byQuadrant[quadrant];
    const count = points.length / 2;
    const keep = keeps[quadrant];
    const rest = rests[quadrant];
    // At least MIN_PER_QUADRANT (or all), else its share of the budget: the total stays ≤ SAMPLE_POINTS.
    const wanted = Math.min(rest, Math.max(Math.min(rest, MIN_PER_QUADRANT), Math.floor((shared * rest) / Math.max(1, restTotal))));
    // Evenly through the rest: one point every (rest / wanted).
    if (wanted >= rest) keep.fill(1);
    else if (wanted > 0) {
      const step = rest / wanted;
      let next = step / 2;
      let seen = 0;
      for (let i = 0; i < count; i++) {
        if (keep[i]) continue;
        if (seen >= next) {
          keep[i] = 1;
          next += step;
        }
        seen++;
      }
    }
    let total = 0;
    for (let i = 0; i < count; i++) total += keep[i] as number;
    const out = new Float64Array(total * 2);
    const outId: string[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (!keep[i]) continue;
      out[2 * at] = points[2 * i] as number;
      out[2 * at + 1] = points[2 * i + 1] as number;
      outId.push(idOf(rowOf[quadrant][i] as number));
      at++;
    }
    outBy[quadrant] = out;
    outIds[quadrant] = outId;
    shown += total;
  }
  return { byQuadrant: outBy, ids: outIds, shown };
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
  const [progress, setProgress] = useState<{ read: number; total: number } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const { showError } = app;

  useEffect(() => {
    if (knownPoints?.key === runKey) return;
    let alive = true;
    readAllCustomers(runKey, COLUMNS, (read, total) => alive && setProgress({ read, total }))
      .then((all) => {
        knownPoints = { key: runKey, points: toPoints(all) };
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
                data: [{ xAxis: run.settings.currentThreshold }, { yAxis: run.settings.futureThreshold }],
              },
            }
          : {}),
      })),
    };
  }, [points, t, f, theme, run.settings]);

  if (failed === runKey) return <EmptyState title={t('strategies.scatter.failed')} />;
  if (points === null) return <EmptyState title={t('strategies.scatter.noColumns')} />;
  if (!option || !points) {
    return (
      <div className="chart-loading muted" aria-busy="true" data-testid="scatter-loading">
        {progress ? t('strategies.scatter.loading', { read: f.integer(progress.read), total: f.integer(progress.total) }) : t('analysis.loading')}
      </div>
    );
  }
  return (
    <>
      <EChart option={option} height={420} label={t('strategies.scatter.title')} testId="scatter-chart" />
      <p className="chart-note muted" data-testid="scatter-count">
        {points.total > MAX_POINTS
          ? t('strategies.scatter.capped', { shown: f.integer(points.plotted), total: f.integer(points.total) })
          : points.shown < points.plotted
            ? t('strategies.scatter.sampled', { shown: f.integer(points.shown), total: f.integer(points.plotted) })
            : t('strategies.scatter.count', { shown: f.integer(points.shown) })}
        {' · '}
        {t('strategies.scatter.zoomHint')}
      </p>
    </>
  );
}
