import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { useChartTheme } from '../../components/charts/chart-theme';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { useAnalysisFormat } from '../analysis/format';

/**
 * The whale curve: customers from the most to the least profitable (x, share of customers) against
 * the cumulative share of total profit (y). It climbs above 100 % and falls back where the
 * loss-makers start; the peak, the 100 % line and the Pareto point are marked.
 */
export function WhaleCurve({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const theme = useChartTheme();
  const s = run.summary;
  const option = useMemo<ChartOption>(() => {
    const name = t('ladder.whale.series');
    const percent = (value: number) => f.percent0(value);
    return {
      color: [theme.accent],
      grid: { left: 16, right: 24, top: 56, bottom: 36 },
      legend: {
        top: 0,
        [theme.rtl ? 'right' : 'left']: 0,
        textStyle: { color: theme.text, fontFamily: theme.font },
        data: [name, t('ladder.whale.full')],
        formatter: (label: string) => (label === name ? `${label}  (${t('ladder.whale.legendFigures', { pareto: f.percent(s.paretoShare), gini: f.twoDecimals(s.gini) })})` : label),
      },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        formatter: (params: unknown) => {
          const first = (Array.isArray(params) ? params[0] : params) as { value: [number, number] } | undefined;
          if (!first) return '';
          const [x, y] = first.value;
          return t('ladder.whale.tooltip', { customers: f.percent(x), profit: f.percent(y) });
        },
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        inverse: theme.rtl,
        name: t('ladder.whale.xAxis'),
        nameLocation: 'middle',
        nameGap: 26,
        ...theme.axisStyle,
        splitLine: { show: false },
        axisLabel: { ...theme.axisStyle.axisLabel, formatter: percent },
      },
      yAxis: {
        type: 'value',
        min: 0,
        position: theme.rtl ? 'right' : 'left',
        ...theme.axisStyle,
        axisLabel: { ...theme.axisStyle.axisLabel, formatter: percent },
      },
      series: [
        {
          name,
          type: 'line',
          showSymbol: false,
          smooth: false,
          data: s.whaleCurve.map((point) => [point.x, point.y]),
          lineStyle: { width: 2.5 },
          areaStyle: { opacity: 0.12 },
          markPoint: {
            symbol: 'pin',
            symbolSize: 44,
            itemStyle: { color: theme.accent },
            label: { color: theme.dark ? '#062925' : '#ffffff', fontSize: 10, formatter: () => f.percent0(s.whalePeak.y) },
            data: [{ name: t('ladder.whale.peak'), coord: [s.whalePeak.x, s.whalePeak.y] }],
            tooltip: { show: false },
          },
          markLine: {
            silent: true,
            symbol: 'none',
            label: { color: theme.muted, fontFamily: theme.font, position: 'insideEndTop' },
            data: [
              { xAxis: s.paretoShare, lineStyle: { type: 'dashed', color: theme.muted }, label: { formatter: () => t('ladder.whale.paretoLine', { share: f.percent(s.paretoShare) }), position: 'end', fontSize: 11 } },
            ],
          },
        },
        {
          name: t('ladder.whale.full'),
          type: 'line',
          showSymbol: false,
          silent: true,
          data: [
            [0, 1],
            [1, 1],
          ],
          lineStyle: { type: 'dashed', width: 1.5, color: theme.danger },
          itemStyle: { color: theme.danger },
          tooltip: { show: false },
        },
      ],
    };
  }, [s, t, f, theme]);
  return <EChart option={option} height={320} label={t('ladder.whale.title')} testId="whale-chart" />;
}
