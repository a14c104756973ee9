import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhatIfEngine, WhatIfResult } from '../../../../shared/analytics/whatif';
import type { SavedScenario } from '../../../../shared/domain/whatif';
import { EChart } from '../../components/charts/EChart';
import { ExportableTable } from '../../components/TableExport';
import { dot, escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import type { ChartOption } from '../../components/charts/echarts';
import { useWhatIfFormat } from './format';

const COLORS = ['#2563eb', '#d97706', '#9333ea', '#0d9488'];

/** Two to four saved scenarios side by side: their figures, and their yearly contribution against the baseline. */
export function CompareView({ engine, entries }: { engine: WhatIfEngine; entries: SavedScenario[] }) {
  const { t } = useTranslation();
  const f = useWhatIfFormat();
  const theme = useChartTheme();
  const results = useMemo(() => entries.map((entry) => ({ entry, result: engine.compute(entry.scenario) })), [engine, entries]);
  const option = useMemo<ChartOption>(() => {
    const horizon = Math.max(...results.map(({ result }) => result.horizonYears));
    const longest = results.find(({ result }) => result.horizonYears === horizon)?.result;
    const years = Array.from({ length: horizon }, (_, index) => t('whatif.compare.yearN', { year: f.integer(index + 1) }));
    const line = (name: string, color: string, values: number[], dashed = false) => ({
      type: 'line' as const,
      name,
      data: values,
      symbolSize: 6,
      itemStyle: { color },
      lineStyle: { color, width: 2, type: dashed ? ('dashed' as const) : ('solid' as const) },
    });
    return {
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: theme.muted, fontFamily: theme.font } },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        formatter: (params: unknown) => {
          const list = params as { seriesName: string; value: number; color: string; name: string }[];
          return [`<strong>${escapeHtml(list[0]?.name ?? '')}</strong>`, ...list.map((p) => `${dot(p.color)}${escapeHtml(p.seriesName)}: ${escapeHtml(f.wholeMoney(p.value))}`)].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: years, inverse: theme.rtl, ...theme.axisStyle },
      yAxis: { type: 'value', position: theme.rtl ? 'right' : 'left', ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.compactMoney(value) } },
      series: [
        line(t('whatif.kpi.baseline'), '#94a3b8', longest ? longest.years.map((year) => year.baseline.contribution) : [], true),
        ...results.map(({ entry, result }, index) => line(entry.name, COLORS[index % COLORS.length] ?? '#2563eb', result.years.map((year) => year.scenario.contribution))),
      ],
    };
  }, [results, t, f, theme]);

  // `raw` is the figure a saved table gets (dom-table.ts): the years, the money, the customers.
  const rows: { key: string; label: string; value: (r: WhatIfResult) => string; raw: (r: WhatIfResult) => number; negative?: (r: WhatIfResult) => boolean }[] = [
    { key: 'horizon', label: t('whatif.compare.horizon'), value: (r) => t('whatif.compare.years', { n: f.integer(r.horizonYears) }), raw: (r) => r.horizonYears },
    { key: 'profit', label: t('whatif.compare.profit'), value: (r) => f.wholeMoney(r.scenario.profit), raw: (r) => r.scenario.profit },
    { key: 'delta', label: t('whatif.compare.delta'), value: (r) => `${f.signedWhole(r.delta.profit)}${r.delta.profitPercent !== null ? ` (${f.signedPercent(r.delta.profitPercent)})` : ''}`, raw: (r) => r.delta.profit, negative: (r) => r.delta.profit < 0 },
    { key: 'equity', label: t('whatif.kpi.equity'), value: (r) => f.wholeMoney(r.scenario.customerEquity), raw: (r) => r.scenario.customerEquity },
    { key: 'revenue', label: t('whatif.compare.revenue'), value: (r) => f.wholeMoney(r.scenario.revenue), raw: (r) => r.scenario.revenue },
    { key: 'campaign', label: t('whatif.compare.campaign'), value: (r) => f.wholeMoney(r.scenario.campaignCost), raw: (r) => r.scenario.campaignCost },
    { key: 'customers', label: t('whatif.kpi.customers'), value: (r) => f.integer(r.years[r.years.length - 1]?.scenario.customers ?? 0), raw: (r) => r.years[r.years.length - 1]?.scenario.customers ?? 0 },
  ];
  return (
    <div className="whatif-compare" data-testid="compare-view">
      <ExportableTable name="whatif-compare" sheet={t('whatif.compare.sheet')}>
        <div className="table-scroll">
          <table className="table table--compact" data-testid="compare-table">
            <thead>
              <tr>
                <th />
                {results.map(({ entry }, index) => (
                  <th key={entry.id} className="num" data-compare-id={entry.id} data-kind="number">
                    <span className="code-dot" style={{ background: COLORS[index % COLORS.length] }} /> <bdi>{entry.name}</bdi>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-compare-row={row.key}>
                  <th scope="row">{row.label}</th>
                  {results.map(({ entry, result }) => (
                    <td key={entry.id} className={`num${row.negative?.(result) ? ' negative' : ''}`} data-value={row.raw(result)}>
                      <bdi>{row.value(result)}</bdi>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ExportableTable>
      <EChart option={option} height={280} label={t('whatif.compare.chart')} testId="compare-chart" />
    </div>
  );
}
