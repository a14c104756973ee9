import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { dot, escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { useAnalysisFormat } from '../analysis/format';

const COLORS = ['#0f766e', '#2563eb', '#7c3aed', '#d97706', '#db2777', '#0891b2'];
const LINES = 6;
export const LTV_HEIGHT = 320;

/** A few cohorts spread over the history (oldest first), each with enough periods to draw a curve. */
export function pickCohorts(cohorts: AnalysisRun['summary']['cohorts'], count = LINES): number[] {
  const candidates = cohorts.labels.map((_, index) => index).filter((index) => (cohorts.cumulativeMarginPerCustomer[index]?.length ?? 0) >= 2 && (cohorts.size[index] ?? 0) > 0);
  if (candidates.length <= count) return candidates;
  const step = (candidates.length - 1) / (count - 1);
  return [...new Set(Array.from({ length: count }, (_, i) => candidates[Math.round(i * step)] as number))];
}

/** LTV curves: cumulative margin per acquired customer, period by period after acquisition, for a few cohorts. */
export function LtvCurves({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const theme = useChartTheme();
  const cohorts = run.summary.cohorts;
  const option = useMemo<ChartOption>(() => {
    const chosen = pickCohorts(cohorts);
    const periods = Math.max(0, ...chosen.map((index) => cohorts.cumulativeMarginPerCustomer[index]?.length ?? 0));
    const names = chosen.map((index) => f.period(cohorts.labels[index] ?? ''));
    return {
      // Drawn at once: the screen shows its charts in their first frames.
      animation: false,
      color: COLORS,
      grid: { left: 12, right: 16, top: 66, bottom: 36 },
      legend: { top: 0, left: 0, right: 0, type: 'plain', itemGap: 12, textStyle: { color: theme.text, fontFamily: theme.font }, data: names },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        formatter: (params: unknown) => {
          const list = (Array.isArray(params) ? params : [params]) as { seriesName: string; value: number; color: string; dataIndex: number }[];
          const k = list[0]?.dataIndex ?? 0;
          const lines = list.filter((item) => Number.isFinite(item.value)).map((item) => `${dot(item.color)}${escapeHtml(item.seriesName)}: ${escapeHtml(f.money(item.value))}`);
          return `<strong>${escapeHtml(t(`cohorts.periodAfter.${cohorts.period}`, { k: f.integer(k) }))}</strong><br/>${lines.join('<br/>')}`;
        },
      },
      xAxis: {
        type: 'category',
        inverse: theme.rtl,
        boundaryGap: false,
        data: Array.from({ length: periods }, (_, k) => f.integer(k)),
        name: t(`cohorts.periodsAxis.${cohorts.period}`),
        nameLocation: 'middle',
        nameGap: 26,
        ...theme.axisStyle,
        splitLine: { show: false },
      },
      yAxis: { type: 'value', position: theme.rtl ? 'right' : 'left', ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.compactMoney(value) } },
      series: chosen.map((index, i) => ({
        name: names[i] ?? '',
        type: 'line' as const,
        showSymbol: false,
        lineStyle: { width: 2 },
        data: cohorts.cumulativeMarginPerCustomer[index] ?? [],
      })),
    };
  }, [cohorts, t, f, theme]);
  return <EChart option={option} height={LTV_HEIGHT} label={t('cohorts.ltv.title')} testId="ltv-chart" />;
}
