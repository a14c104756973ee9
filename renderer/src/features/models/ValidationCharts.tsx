import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeAxis } from '../../../../shared/charts/time-axis';
import { epochDayFromIso } from '../../../../shared/domain/dates';
import type { ModelFitSummary } from '../../../../shared/domain/models';
import { dot, escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { useModelFormat } from './format';
import { HOLDOUT_TOLERANCE_PERCENT } from './model-data';

type Validation = NonNullable<ModelFitSummary['validation']>;

const ACTUAL_LIGHT = '#2563eb';
const ACTUAL_DARK = '#93c5fd';

/** Mean holdout purchases per number of repeat purchases in the calibration period: what the customers did, what the model predicted. */
export function BucketChart({ validation }: { validation: Validation }) {
  const { t } = useTranslation();
  const f = useModelFormat();
  const theme = useChartTheme();
  const buckets = validation.buckets;
  const option = useMemo<ChartOption>(() => {
    const actual = t('models.validation.actual');
    const predicted = t('models.validation.predicted');
    const actualColor = theme.dark ? ACTUAL_DARK : ACTUAL_LIGHT;
    return {
      color: [actualColor, theme.accent],
      grid: { left: 16, right: 16, top: 40, bottom: 44, containLabel: true },
      legend: { top: 0, [theme.rtl ? 'right' : 'left']: 0, textStyle: { color: theme.text, fontFamily: theme.font } },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        formatter: (params: unknown) => {
          const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
          const bucket = buckets[list[0]?.dataIndex ?? 0];
          if (!bucket) return '';
          return [
            `<strong>${escapeHtml(t('models.validation.bucketTooltip', { x: bucket.label.endsWith('+') ? `${f.integer(bucket.frequency)}+` : f.integer(bucket.frequency) }))}</strong> · ${escapeHtml(t('analysis.customersCount', { n: f.integer(bucket.customers) }))}`,
            `${dot(actualColor)}${escapeHtml(actual)}: ${escapeHtml(f.twoDecimals(bucket.actualMean))}`,
            `${dot(theme.accent)}${escapeHtml(predicted)}: ${escapeHtml(f.twoDecimals(bucket.predictedMean))}`,
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        inverse: theme.rtl,
        data: buckets.map((bucket) => (bucket.label.endsWith('+') ? `${f.integer(bucket.frequency)}+` : f.integer(bucket.frequency))),
        name: t('models.validation.bucketAxis'),
        nameLocation: 'middle',
        nameGap: 28,
        ...theme.axisStyle,
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        position: theme.rtl ? 'right' : 'left',
        ...theme.axisStyle,
        axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.decimal(value) },
      },
      series: [
        { name: actual, type: 'bar', barMaxWidth: 34, data: buckets.map((bucket) => bucket.actualMean), itemStyle: { borderRadius: [3, 3, 0, 0] } },
        { name: predicted, type: 'line', data: buckets.map((bucket) => bucket.predictedMean), symbolSize: 8, lineStyle: { width: 2.5 } },
      ],
    } as ChartOption;
  }, [buckets, t, f, theme]);
  return <EChart option={option} height={300} label={t('models.validation.bucketTitle')} testId="bucket-chart" />;
}

/** Repeat purchases over time, cumulative or per period: actual against the model's expectation, with the calibration end marked. */
export function TrackingChart({ validation, calibrationEnd }: { validation: Validation; calibrationEnd: string }) {
  const { t } = useTranslation();
  const f = useModelFormat();
  const theme = useChartTheme();
  const [cumulative, setCumulative] = useState(true);
  const tracking = validation.tracking;
  const option = useMemo<ChartOption>(() => {
    const actual = t('models.validation.actual');
    const expected = t('models.validation.expected');
    const actualColor = theme.dark ? ACTUAL_DARK : ACTUAL_LIGHT;
    const actualData = cumulative ? tracking.cumulativeActual : tracking.actual;
    const expectedData = cumulative ? tracking.cumulativeExpected : tracking.expected;
    const days = tracking.periodStart.map((start) => epochDayFromIso(start));
    const axis = timeAxis(days, f.timeLabels);
    const at = (i: number) => axis.x(days[i] as number);
    const marker = days[Math.max(0, Math.min(days.length - 1, tracking.firstHoldoutPeriod))];
    return {
      useUTC: true,
      color: [actualColor, theme.accent],
      grid: { outerBoundsMode: 'none', top: 64, bottom: 28, [theme.rtl ? 'right' : 'left']: 56, [theme.rtl ? 'left' : 'right']: 36 },
      legend: { top: 0, [theme.rtl ? 'right' : 'left']: 0, textStyle: { color: theme.text, fontFamily: theme.font } },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        formatter: (params: unknown) => {
          const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
          const index = list[0]?.dataIndex ?? 0;
          const start = tracking.periodStart[index];
          if (!start) return '';
          const phase = index >= tracking.firstHoldoutPeriod ? t('models.validation.holdout') : t('models.validation.calibration');
          return [
            `<strong>${escapeHtml(t('models.validation.periodFrom', { date: f.date(start) }))}</strong> · ${escapeHtml(phase)}`,
            `${dot(actualColor)}${escapeHtml(actual)}: ${escapeHtml(f.integer(actualData[index] ?? 0))}`,
            `${dot(theme.accent)}${escapeHtml(expected)}: ${escapeHtml(f.fixed1(expectedData[index] ?? 0))}`,
          ].join('<br/>');
        },
      },
      xAxis: { ...axis.axis, inverse: theme.rtl, ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, ...axis.axis.axisLabel }, splitLine: { show: false } },
      yAxis: {
        type: 'value',
        position: theme.rtl ? 'right' : 'left',
        ...theme.axisStyle,
        axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.integer(value) },
      },
      series: [
        {
          name: actual,
          type: 'line',
          data: actualData.map((value, i) => [at(i), value]),
          showSymbol: false,
          lineStyle: { width: 2 },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: theme.muted, type: 'dashed', width: 1.5 },
            label: { formatter: t('models.validation.calibrationEnd', { date: f.date(calibrationEnd) }), color: theme.text, fontFamily: theme.font, position: 'end' },
            data: marker === undefined ? [] : [{ xAxis: axis.x(marker) }],
          },
        },
        { name: expected, type: 'line', data: expectedData.map((value, i) => [at(i), value]), showSymbol: false, lineStyle: { width: 2, type: [6, 3] } },
      ],
    } as ChartOption;
  }, [tracking, cumulative, calibrationEnd, t, f, theme]);
  return (
    <div className="tracking" data-testid="tracking">
      <div className="tabs tracking__tabs" role="tablist" aria-label={t('models.validation.trackingTitle')}>
        {[true, false].map((value) => (
          <button
            key={String(value)}
            type="button"
            role="tab"
            aria-selected={cumulative === value}
            className={`tab${cumulative === value ? ' tab--active' : ''}`}
            onClick={() => setCumulative(value)}
            data-testid={value ? 'tracking-cumulative' : 'tracking-period'}
          >
            {value ? t('models.validation.cumulative') : t('models.validation.perPeriod', { days: f.integer(tracking.periodDays) })}
          </button>
        ))}
      </div>
      <EChart option={option} height={300} label={t('models.validation.trackingTitle')} testId="tracking-chart" />
    </div>
  );
}

/** The error metrics of the holdout validation. */
export function ValidationMetrics({ validation, unit }: { validation: Validation; unit: ModelFitSummary['unit'] }) {
  const { t } = useTranslation();
  const f = useModelFormat();
  const m = validation.metrics;
  const items: { id: string; label: string; value: string; hint: string; bad?: boolean }[] = [
    { id: 'holdout', label: t('models.metrics.holdout'), value: t(`models.unitsCount.${unit}`, { n: f.fixed1(validation.holdoutLength) }), hint: t('models.metrics.holdoutHint', { n: f.integer(m.customers) }) },
    {
      id: 'total',
      label: t('models.metrics.total'),
      value: f.signedPercentPoints(m.totalPercentError),
      hint: t('models.metrics.totalHint', { predicted: f.integer(m.totalPredicted), actual: f.integer(m.totalActual) }),
      bad: Math.abs(m.totalPercentError) > HOLDOUT_TOLERANCE_PERCENT,
    },
    { id: 'mae', label: t('models.metrics.mae'), value: f.threeDecimals(m.mae), hint: t('models.metrics.maeHint') },
    { id: 'rmse', label: t('models.metrics.rmse'), value: f.threeDecimals(m.rmse), hint: t('models.metrics.rmseHint') },
    { id: 'tracking', label: t('models.metrics.tracking'), value: f.signedPercentPoints(m.trackingHoldoutPercentError), hint: t('models.metrics.trackingHint'), bad: Math.abs(m.trackingHoldoutPercentError) > HOLDOUT_TOLERANCE_PERCENT },
    { id: 'periodMae', label: t('models.metrics.periodMae'), value: f.fixed1(m.periodMae), hint: t('models.metrics.periodHint', { rmse: f.fixed1(m.periodRmse) }) },
  ];
  return (
    <dl className="kpis kpis--compact" data-testid="validation-metrics">
      {items.map((item) => (
        <div key={item.id} className={`kpi${item.bad ? ' kpi--bad' : ''}`} data-metric={item.id}>
          <dt className="kpi__label" title={item.label}>
            {item.label}
          </dt>
          <dd className="kpi__value">{item.value}</dd>
          <dd className="kpi__hint muted">{item.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
