import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelFitSummary } from '../../../../shared/domain/models';
import { escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { useModelFormat } from './format';
import { aliveGrid, FREQUENCY_BUCKETS, histogram, MODEL_NAMES, RECENCY_BUCKETS, type CustomerColumns } from './model-data';

/** How many customers have each CLV (or future profit), in bins; the long tail above the 99th percentile in the last bin. */
export function ClvHistogram({ customers }: { customers: CustomerColumns }) {
  const { t } = useTranslation();
  const f = useModelFormat();
  const theme = useChartTheme();
  const bins = useMemo(() => histogram(customers.value), [customers]);
  const option = useMemo<ChartOption | null>(() => {
    if (!bins) return null;
    const last = bins.counts.length - 1;
    const range = (bin: number) => {
      const from = bins.edges[bin] as number;
      return bin === last && bins.openTop ? t('models.clv.atLeast', { from: f.money(from) }) : t('models.clv.range', { from: f.money(from), to: f.money(from + bins.width) });
    };
    const negative = theme.danger;
    return {
      grid: { left: 16, right: 16, top: 16, bottom: 28, containLabel: true },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
          const bin = list[0]?.dataIndex ?? 0;
          const count = bins.counts[bin] ?? 0;
          return `<strong>${escapeHtml(range(bin))}</strong><br/>${escapeHtml(t('analysis.customersCount', { n: f.integer(count) }))} · ${escapeHtml(f.percent(count / bins.count))}`;
        },
      },
      xAxis: {
        type: 'category',
        inverse: theme.rtl,
        data: bins.edges.map((edge, bin) => (bin === last && bins.openTop ? `≥ ${f.compactMoney(edge)}` : f.compactMoney(edge))),
        ...theme.axisStyle,
        splitLine: { show: false },
      },
      yAxis: { type: 'value', position: theme.rtl ? 'right' : 'left', ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.integer(value) } },
      series: [
        {
          type: 'bar',
          barCategoryGap: '8%',
          data: bins.counts.map((count, bin) => ({ value: count, itemStyle: { color: (bins.edges[bin] as number) + bins.width <= 0 ? negative : theme.accent, borderRadius: [2, 2, 0, 0] } })),
        },
      ],
    } as ChartOption;
  }, [bins, t, f, theme]);
  if (!bins || !option) return <p className="muted chart-note">{t('models.clv.empty')}</p>;
  return (
    <>
      <dl className="figures" data-testid="clv-figures">
        <div>
          <dt>{t('models.clv.mean')}</dt>
          <dd title={f.money(bins.mean)}>{f.money(bins.mean)}</dd>
        </div>
        <div>
          <dt>{t('models.clv.median')}</dt>
          <dd title={f.money(bins.median)}>{f.money(bins.median)}</dd>
        </div>
        <div>
          <dt>{t('models.clv.total')}</dt>
          <dd title={f.money(bins.sum)}>{f.wholeMoney(bins.sum)}</dd>
        </div>
      </dl>
      <EChart option={option} height={280} label={t('models.clv.title')} testId="clv-chart" />
      {customers.count < customers.total ? <p className="muted small">{t('models.clv.partial', { shown: f.integer(customers.count), total: f.integer(customers.total) })}</p> : null}
    </>
  );
}

/** Mean P(alive) by repeat purchases × months since the last purchase. */
export function AliveHeatmap({ customers, fit }: { customers: CustomerColumns; fit: ModelFitSummary | null }) {
  const { t } = useTranslation();
  const f = useModelFormat();
  const theme = useChartTheme();
  const grid = useMemo(() => aliveGrid(customers, fit), [customers, fit]);
  const option = useMemo<ChartOption | null>(() => {
    if (!grid) return null;
    const data: { value: [number, number, number]; label: { color: string } }[] = [];
    grid.mean.forEach((row, y) =>
      row.forEach((value, x) => {
        if (Number.isFinite(value)) data.push({ value: [x, y, value], label: { color: value > 0.75 && !theme.dark ? '#ffffff' : value > 0.75 ? '#0b1f1d' : theme.dark ? '#f1f5f9' : '#1c2330' } });
      }),
    );
    const recencyLabels = RECENCY_BUCKETS.map(([from, to]) =>
      Number.isFinite(to) ? t('models.alive.months', { from: f.integer(from), to: f.integer(to) }) : t('models.alive.monthsOver', { from: f.integer(from) }),
    );
    const frequencyLabels = FREQUENCY_BUCKETS.map((label) => (label.endsWith('+') ? `${f.integer(Number(label.slice(0, -1)))}+` : f.integer(Number(label))));
    const palette = theme.dark ? ['#3b1d1d', '#7c2d12', '#a16207', '#0d9488', '#5eead4'] : ['#fee2e2', '#fdba74', '#fde68a', '#5eead4', '#0f766e'];
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 84, containLabel: true },
      tooltip: {
        ...theme.tooltip,
        formatter: (params: unknown) => {
          const [x, y, value] = (params as { value: [number, number, number] }).value;
          const count = grid.customers[y]?.[x] ?? 0;
          return `<strong>${escapeHtml(t('models.alive.cell', { x: frequencyLabels[x] ?? '', recency: recencyLabels[y] ?? '' }))}</strong><br/>${escapeHtml(t('models.alive.meanAlive'))}: <strong>${escapeHtml(f.percent(value))}</strong><br/>${escapeHtml(t('analysis.customersCount', { n: f.integer(count) }))}`;
        },
      },
      xAxis: {
        type: 'category',
        inverse: theme.rtl,
        data: frequencyLabels,
        name: t('models.alive.frequencyAxis'),
        nameLocation: 'middle',
        nameGap: 26,
        ...theme.axisStyle,
        splitLine: { show: false },
      },
      yAxis: { type: 'category', inverse: true, position: theme.rtl ? 'right' : 'left', data: recencyLabels, ...theme.axisStyle, splitLine: { show: false } },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: 1,
        calculable: false,
        orient: 'horizontal',
        bottom: 0,
        left: 'center',
        itemHeight: 160,
        itemWidth: 10,
        inverse: theme.rtl,
        textStyle: { color: theme.muted, fontFamily: theme.font },
        text: [f.percent0(1), f.percent0(0)],
        inRange: { color: palette },
      },
      series: [
        {
          type: 'heatmap',
          data,
          progressive: 0,
          label: { show: true, fontSize: 10, formatter: (params: { value: unknown }) => f.percent0((params.value as [number, number, number])[2]) },
          itemStyle: { borderColor: theme.surface, borderWidth: 1 },
          emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } },
        },
      ],
    } as ChartOption;
  }, [grid, t, f, theme]);
  if (!grid || !option) return <p className="muted chart-note">{t('models.alive.empty')}</p>;
  return (
    <>
      <p className="muted small" data-testid="alive-source" data-source={grid.source}>
        {grid.source === 'stored'
          ? t('models.alive.stored', { date: f.date(customers.asOf) })
          : t('models.alive.computed', { model: fit ? MODEL_NAMES[fit.model] : '', date: f.date(customers.asOf), mean: f.percent(grid.overall) })}
        {fit?.model === 'bgnbd' ? ` ${t('models.alive.bgnbdZero')}` : ''}
      </p>
      <EChart option={option} height={340} label={t('models.alive.title')} testId="alive-chart" />
    </>
  );
}
