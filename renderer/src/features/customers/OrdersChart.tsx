import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeAxis } from '../../../../shared/charts/time-axis';
import type { CustomerDetail } from '../../../../shared/domain/analysis';
import { epochDayFromIso } from '../../../../shared/domain/dates';
import { dot, escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { useAnalysisFormat } from '../analysis/format';

/** A customer's orders over time: amount and margin per order date, side by side. */
export function OrdersChart({ orders }: { orders: CustomerDetail['orders'] }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const theme = useChartTheme();
  const option = useMemo<ChartOption>(() => {
    const marginColor = theme.dark ? '#93c5fd' : '#2563eb';
    const amount = t('customers.detail.amount');
    const margin = t('customers.detail.margin');
    const days = orders.map((order) => epochDayFromIso(order.date));
    const axis = timeAxis(days, f.timeLabels);
    return {
      color: [theme.accent, marginColor],
      grid: { left: 8, right: 8, top: 30, bottom: 24 },
      legend: { top: 0, [theme.rtl ? 'right' : 'left']: 0, textStyle: { color: theme.text, fontFamily: theme.font, fontSize: 11 }, itemWidth: 10, itemHeight: 10 },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        formatter: (params: unknown) => {
          const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
          const order = orders[list[0]?.dataIndex ?? -1];
          if (!order) return '';
          return `<strong>${escapeHtml(f.date(order.date))}</strong><br/>${dot(theme.accent)}${escapeHtml(amount)}: ${escapeHtml(f.money(order.amount))}<br/>${dot(marginColor)}${escapeHtml(margin)}: ${escapeHtml(f.money(order.margin))}<br/>${escapeHtml(t('customers.detail.lines', { lines: f.integer(order.lines) }))}`;
        },
      },
      useUTC: true,
      xAxis: {
        ...axis.axis,
        inverse: theme.rtl,
        ...theme.axisStyle,
        splitLine: { show: false },
        axisLabel: { ...theme.axisStyle.axisLabel, ...axis.axis.axisLabel },
      },
      yAxis: { type: 'value', position: theme.rtl ? 'right' : 'left', ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.compactMoney(value) } },
      series: [
        { name: amount, type: 'bar', barMaxWidth: 14, barMinWidth: 2, barGap: '10%', data: orders.map((order, i) => [axis.x(days[i] as number), order.amount]) },
        { name: margin, type: 'bar', barMaxWidth: 14, barMinWidth: 2, data: orders.map((order, i) => [axis.x(days[i] as number), order.margin]) },
      ],
    };
  }, [orders, t, f, theme]);
  return <EChart option={option} height={190} label={t('customers.detail.orders')} testId="orders-chart" />;
}
