import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeAxis } from '../../../../shared/charts/time-axis';
import { epochDayFromIso } from '../../../../shared/domain/dates';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { dot, escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { useAnalysisFormat } from '../analysis/format';

/** Customer equity (expected profit of the customer list) at the ends of the last quarters, with the number of customers. */
export function EquityTrend({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const theme = useChartTheme();
  const points = run.summary.equityTrend;
  const option = useMemo<ChartOption>(() => {
    const equity = t('ladder.equity.equity');
    const customers = t('ladder.equity.customers');
    const customersColor = theme.dark ? '#93c5fd' : '#2563eb';
    const days = points.map((point) => epochDayFromIso(point.asOf));
    const axis = timeAxis(days, f.timeLabels);
    const at = (i: number) => axis.x(days[i] as number);
    return {
      useUTC: true,
      color: [theme.accent, customersColor],
      grid: { left: 16, right: 16, top: 44, bottom: 28 },
      legend: { top: 0, [theme.rtl ? 'right' : 'left']: 0, textStyle: { color: theme.text, fontFamily: theme.font } },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        formatter: (params: unknown) => {
          const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
          const point = points[list[0]?.dataIndex ?? 0];
          if (!point) return '';
          return `<strong>${escapeHtml(f.date(point.asOf))}</strong><br/>${dot(theme.accent)}${escapeHtml(equity)}: ${escapeHtml(f.money(point.equity))}<br/>${dot(customersColor)}${escapeHtml(customers)}: ${escapeHtml(f.integer(point.customers))}`;
        },
      },
      xAxis: { ...axis.axis, inverse: theme.rtl, ...theme.axisStyle, splitLine: { show: false }, axisLabel: { ...theme.axisStyle.axisLabel, ...axis.axis.axisLabel } },
      yAxis: [
        { type: 'value', position: theme.rtl ? 'right' : 'left', ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.compactMoney(value) } },
        { type: 'value', position: theme.rtl ? 'left' : 'right', ...theme.axisStyle, splitLine: { show: false }, axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.integer(value) } },
      ],
      series: [
        { name: equity, type: 'bar', barMaxWidth: 42, data: points.map((point, i) => [at(i), point.equity]), itemStyle: { borderRadius: [4, 4, 0, 0] } },
        { name: customers, type: 'line', yAxisIndex: 1, data: points.map((point, i) => [at(i), point.customers]), symbolSize: 7, lineStyle: { width: 2 } },
      ],
    };
  }, [points, t, f, theme]);
  return <EChart option={option} height={300} label={t('ladder.equity.title')} testId="equity-chart" />;
}
