import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grouping, WhatIfResult } from '../../../../shared/analytics/whatif';
import { wrapLabel } from '../../../../shared/charts/wrap-label';
import { EChart } from '../../components/charts/EChart';
import { FitFigure } from '../../components/FitFigure';
import { ExportableTable } from '../../components/TableExport';
import { dot, escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import type { ChartOption } from '../../components/charts/echarts';
import type { GlossaryTerm } from '../help/Glossary';
import { TermHelp } from '../help/TermHelp';
import { useWhatIfFormat } from './format';
import { useGroupName, useStrategyName } from './ScenarioEditor';

const GOOD = '#16a34a';
const BAD = '#dc2626';
const BASE = '#94a3b8';

// The charts and tables are memoised: the screen renders on every frame of a slider drag, they
// only when the result they are given (the settled scenario's) changes.
const tone = (value: number) => (value > 1e-9 ? 'up' : value < -1e-9 ? 'down' : 'flat');


/** One figure, baseline against scenario, with the difference. */
function KpiCard({ id, term, label, hint, baseline, scenario, format, compact, signed, signedCompact, percent }: { id: string; term?: GlossaryTerm; label: string; hint: string; baseline: number; scenario: number; format: (v: number) => string; compact: (v: number) => string; signed: (v: number) => string; signedCompact: (v: number) => string; percent: number | null }) {
  const { t } = useTranslation();
  const f = useWhatIfFormat();
  const delta = scenario - baseline;
  return (
    <div className={`whatif-kpi whatif-kpi--${tone(delta)}`} data-kpi={id} data-baseline={baseline} data-scenario={scenario} data-delta={delta}>
      <div className="whatif-kpi__label">
        {label}
        {term ? <TermHelp term={term} /> : null}
      </div>
      <div className="whatif-kpi__delta">
        <bdi data-testid={`delta-${id}`}>
          <FitFigure value={signed(delta)} compact={signedCompact(delta)} />
        </bdi>
        {percent !== null ? <bdi className="whatif-kpi__percent">{f.signedPercent(percent)}</bdi> : null}
      </div>
      <dl className="whatif-kpi__pair">
        <div>
          <dt>{t('whatif.kpi.baseline')}</dt>
          <dd>
            <FitFigure value={format(baseline)} compact={compact(baseline)} />
          </dd>
        </div>
        <div>
          <dt>{t('whatif.kpi.scenario')}</dt>
          <dd data-testid={`scenario-${id}`}>
            <FitFigure value={format(scenario)} compact={compact(scenario)} />
          </dd>
        </div>
      </dl>
      <div className="whatif-kpi__hint muted">{hint}</div>
    </div>
  );
}

export function WhatIfKpis({ result }: { result: WhatIfResult }) {
  const { t } = useTranslation();
  const f = useWhatIfFormat();
  const years = f.integer(result.horizonYears);
  const lastYear = result.years[result.years.length - 1];
  const rel = (a: number, b: number) => (Math.abs(a) > 1e-9 ? (b - a) / Math.abs(a) : null);
  const customersBase = lastYear?.baseline.customers ?? 0;
  const customersScen = lastYear?.scenario.customers ?? 0;
  return (
    <div className="whatif-kpis" data-testid="whatif-kpis">
      <KpiCard id="profit" term="customerProfit" label={t('whatif.kpi.profit', { years })} hint={t('whatif.kpi.profitHint')} baseline={result.baseline.profit} scenario={result.scenario.profit} format={f.wholeMoney} compact={f.compactMoney} signed={f.signedWhole} signedCompact={f.signedCompactMoney} percent={result.delta.profitPercent} />
      <KpiCard id="equity" term="customerEquity" label={t('whatif.kpi.equity')} hint={t('whatif.kpi.equityHint')} baseline={result.baseline.customerEquity} scenario={result.scenario.customerEquity} format={f.wholeMoney} compact={f.compactMoney} signed={f.signedWhole} signedCompact={f.signedCompactMoney} percent={result.delta.customerEquityPercent} />
      <KpiCard id="revenue" label={t('whatif.kpi.revenue', { years })} hint={t('whatif.kpi.revenueHint')} baseline={result.baseline.revenue} scenario={result.scenario.revenue} format={f.wholeMoney} compact={f.compactMoney} signed={f.signedWhole} signedCompact={f.signedCompactMoney} percent={rel(result.baseline.revenue, result.scenario.revenue)} />
      <KpiCard id="customers" term="retention" label={t('whatif.kpi.customers')} hint={t('whatif.kpi.customersHint', { years })} baseline={customersBase} scenario={customersScen} format={f.integer} compact={f.compactNumber} signed={f.signedInteger} signedCompact={f.signedCompactNumber} percent={rel(customersBase, customersScen)} />
    </div>
  );
}

/** Profit from the baseline to the scenario, one bar per lever (a bar on an invisible base). */
export const ProfitWaterfall = memo(function ProfitWaterfall({ result }: { result: WhatIfResult }) {
  const { t } = useTranslation();
  const f = useWhatIfFormat();
  const theme = useChartTheme();
  const option = useMemo<ChartOption>(() => {
    const w = result.waterfall;
    const steps = w.steps.filter((step) => Math.abs(step.change) > 0.005);
    const names = [t('whatif.waterfall.baseline'), ...steps.map((step) => t(`whatif.leverShort.${step.lever}`)), t('whatif.waterfall.scenario')];
    const base: number[] = [];
    const up: { value: number; itemStyle: { color: string } }[] = [];
    const down: { value: number; itemStyle: { color: string } }[] = [];
    const changes: number[] = [];
    const push = (low: number, high: number, color: string, change: number, total: boolean) => {
      changes.push(change);
      if (total || (low < 0 && high > 0)) {
        base.push(0);
        up.push({ value: total ? Math.max(0, change) : high, itemStyle: { color } });
        down.push({ value: total ? Math.min(0, change) : low, itemStyle: { color } });
      } else if (low >= 0) {
        base.push(low);
        up.push({ value: high - low, itemStyle: { color } });
        down.push({ value: 0, itemStyle: { color } });
      } else {
        base.push(high);
        up.push({ value: 0, itemStyle: { color } });
        down.push({ value: low - high, itemStyle: { color } });
      }
    };
    push(0, w.baseline, BASE, w.baseline, true);
    let before = w.baseline;
    for (const step of steps) {
      const after = before + step.change;
      push(Math.min(before, after), Math.max(before, after), step.change >= 0 ? GOOD : BAD, step.change, false);
      before = after;
    }
    push(0, w.scenario, theme.accent, w.scenario, true);
    const stack = 'waterfall';
    return {
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const change = changes[index] ?? 0;
          const total = index === 0 || index === names.length - 1;
          return `${escapeHtml(names[index] ?? '')}<br/><strong>${escapeHtml(total ? f.money(change) : f.signedWhole(change))}</strong>`;
        },
      },
      xAxis: { type: 'category', data: names, inverse: theme.rtl, ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, interval: 0, hideOverlap: false, formatter: (value: string) => wrapLabel(value, 14) } },
      yAxis: { type: 'value', position: theme.rtl ? 'right' : 'left', ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.compactMoney(value) } },
      series: [
        { type: 'bar', stack, data: base, itemStyle: { color: 'transparent', borderColor: 'transparent' }, emphasis: { disabled: true }, silent: true, barMaxWidth: 56 },
        { type: 'bar', stack, data: up, barMaxWidth: 56 },
        { type: 'bar', stack, data: down, barMaxWidth: 56 },
      ],
    };
  }, [result, t, f, theme]);
  return <EChart option={option} height={280} label={t('whatif.waterfall.title')} testId="waterfall-chart" />;
});

/** Customers still buying at the end of the horizon per tier: today, the baseline, the scenario. */
export const LadderBeforeAfter = memo(function LadderBeforeAfter({ result }: { result: WhatIfResult }) {
  const { t } = useTranslation();
  const f = useWhatIfFormat();
  const theme = useChartTheme();
  const option = useMemo<ChartOption>(() => {
    const tiers = result.tiersAtEnd;
    const series = [
      { name: t('whatif.ladder.baseline'), color: BASE, data: tiers.map((tier) => tier.baseline) },
      { name: t('whatif.ladder.scenario'), color: theme.accent, data: tiers.map((tier) => tier.scenario) },
    ];
    return {
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: theme.muted, fontFamily: theme.font } },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const list = params as { seriesName: string; value: number; color: string; name: string }[];
          const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const today = tiers[index]?.aliveAtStart ?? 0;
          return [`<strong>${escapeHtml(list[0]?.name ?? '')}</strong>`, `${escapeHtml(t('whatif.ladder.today'))}: ${escapeHtml(f.integer(today))}`, ...list.map((p) => `${dot(p.color)}${escapeHtml(p.seriesName)}: ${escapeHtml(f.integer(p.value))}`)].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: tiers.map((tier) => t(`codes.tier.${tier.tier}`)), inverse: theme.rtl, ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, interval: 0 } },
      // Whole customers on the axis: with a handful expected, fractional ticks all read "0".
      yAxis: { type: 'value', minInterval: 1, position: theme.rtl ? 'right' : 'left', ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.integer(value) } },
      series: series.map((s) => ({ type: 'bar' as const, name: s.name, data: s.data, itemStyle: { color: s.color }, barMaxWidth: 40 })),
    };
  }, [result, t, f, theme]);
  return <EChart option={option} height={280} label={t('whatif.ladder.title')} testId="ladder-chart" />;
});

/** Which lever matters most: total profit with each lever 10 % lower and higher. */
export const Tornado = memo(function Tornado({ result }: { result: WhatIfResult }) {
  const { t } = useTranslation();
  const f = useWhatIfFormat();
  const theme = useChartTheme();
  const groupName = useGroupName();
  const [all, setAll] = useState(false);
  const entries = useMemo(() => result.tornado.filter((entry) => all || entry.value !== 0).slice(0, 14), [result, all]);
  const option = useMemo<ChartOption>(() => {
    // Largest swing on top.
    const rows = [...entries].reverse();
    const label = (entry: (typeof rows)[number]) => `${groupName(result.grouping as Grouping, entry.group)} · ${t(`whatif.leverShort.${entry.lever}`)}`;
    return {
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: theme.muted, fontFamily: theme.font } },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const entry = rows[index];
          if (!entry) return '';
          return [`<strong>${escapeHtml(label(entry))}</strong>`, `${dot(BAD)}${escapeHtml(t('whatif.tornado.low'))}: ${escapeHtml(f.signedWhole(entry.low.change))}`, `${dot(GOOD)}${escapeHtml(t('whatif.tornado.high'))}: ${escapeHtml(f.signedWhole(entry.high.change))}`].join('<br/>');
        },
      },
      xAxis: { type: 'value', inverse: theme.rtl, ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, hideOverlap: true, formatter: (value: number) => f.compactMoney(value) } },
      yAxis: { type: 'category', data: rows.map(label), position: theme.rtl ? 'right' : 'left', ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, width: 150, overflow: 'truncate' } },
      series: [
        { type: 'bar', name: t('whatif.tornado.low'), data: rows.map((entry) => entry.low.change), itemStyle: { color: BAD }, barGap: '-100%', barMaxWidth: 18 },
        { type: 'bar', name: t('whatif.tornado.high'), data: rows.map((entry) => entry.high.change), itemStyle: { color: GOOD }, barMaxWidth: 18 },
      ],
    };
  }, [entries, result.grouping, t, f, theme, groupName]);
  return (
    <div className="whatif-tornado" data-top-swing={entries[0]?.swing ?? 0}>
      <label className="check-inline small">
        <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} data-testid="tornado-all" />
        {t('whatif.tornado.showAll')}
      </label>
      {entries.length === 0 ? (
        <p className="muted small">{t('whatif.tornado.empty')}</p>
      ) : (
        <EChart option={option} height={Math.max(140, 48 + entries.length * 28)} label={t('whatif.tornado.title')} testId="tornado-chart" />
      )}
    </div>
  );
});

/** A signed whole amount in a table cell, red when negative. */
function SignedAmount({ value }: { value: number }) {
  const f = useWhatIfFormat();
  return (
    <td className={`num${value < 0 ? ' negative' : ''}`} data-value={value}>
      <bdi>{f.signedWhole(value)}</bdi>
    </td>
  );
}

export const YearTable = memo(function YearTable({ result }: { result: WhatIfResult }) {
  const { t } = useTranslation();
  const f = useWhatIfFormat();
  const cell = (value: number) => (
    <td className={`num${value < 0 ? ' negative' : ''}`} data-value={value}>
      {f.wholeMoney(value)}
    </td>
  );
  return (
    <ExportableTable name="whatif-years" sheet={t('whatif.years.sheet')}>
      <div className="table-scroll">
        <table className="table table--compact whatif-years" data-testid="year-table">
          <thead>
            <tr>
              <th data-kind="integer">{t('whatif.years.year')}</th>
              <th className="num" data-kind="money">{t('whatif.years.revenueBase')}</th>
              <th className="num" data-kind="money">{t('whatif.years.revenueScen')}</th>
              <th className="num" data-kind="money">{t('whatif.years.contributionBase')}</th>
              <th className="num" data-kind="money">{t('whatif.years.contributionScen')}</th>
              <th className="num" data-kind="money">{t('whatif.years.change')}</th>
              <th className="num" data-kind="integer">{t('whatif.years.customersBase')}</th>
              <th className="num" data-kind="integer">{t('whatif.years.customersScen')}</th>
            </tr>
          </thead>
          <tbody>
            {result.years.map((year) => (
              <tr key={year.year} data-year={year.year}>
                <th scope="row" data-value={year.year}>{f.integer(year.year)}</th>
                {cell(year.baseline.revenue)}
                {cell(year.scenario.revenue)}
                {cell(year.baseline.contribution)}
                {cell(year.scenario.contribution)}
                <SignedAmount value={year.scenario.contribution - year.baseline.contribution} />
                <td className="num" data-value={year.baseline.customers}>{f.integer(year.baseline.customers)}</td>
                <td className="num" data-value={year.scenario.customers}>{f.integer(year.scenario.customers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ExportableTable>
  );
});

/** Incremental profit, campaign cost and ROI per group with a plan, and per strategy. */
export const RoiTable = memo(function RoiTable({ result }: { result: WhatIfResult }) {
  const { t } = useTranslation();
  const f = useWhatIfFormat();
  const strategyName = useStrategyName();
  const groupName = useGroupName();
  const groups = result.groups.filter((group) => group.strategy !== null);
  if (groups.length === 0) return <p className="muted small">{t('whatif.roi.empty')}</p>;
  const roi = (value: number | null) => (value === null ? '—' : f.signedPercent(value));
  return (
    <ExportableTable name="whatif-roi" sheet={t('whatif.roi.sheet')}>
      <div className="table-scroll">
        <table className="table table--compact whatif-years" data-testid="roi-table">
          <thead>
            <tr>
              <th>{t('whatif.roi.group')}</th>
              <th>{t('whatif.roi.strategy')}</th>
              <th className="num" data-kind="integer">{t('whatif.roi.customers')}</th>
              <th className="num" data-kind="money">{t('whatif.roi.incremental')}</th>
              <th className="num" data-kind="money">{t('whatif.roi.campaign')}</th>
              <th className="num" data-kind="money">{t('whatif.roi.net')}</th>
              <th className="num" data-kind="percent">{t('whatif.roi.roi')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.group} data-roi-group={group.group}>
                <th scope="row">{groupName(result.grouping, group.group)}</th>
                <td>
                  {group.strategy ? strategyName(group.strategy) : ''}
                  {group.dropped ? <span className="muted small">{` · ${t('whatif.roi.dropped')}`}</span> : null}
                </td>
                <td className="num" data-value={group.customers}>{f.integer(group.customers)}</td>
                <SignedAmount value={group.incrementalProfit} />
                <td className="num" data-value={group.campaignCost}>{f.wholeMoney(group.campaignCost)}</td>
                <SignedAmount value={group.netIncrement} />
                <td className="num" data-value={group.roi ?? ''}>{roi(group.roi)}</td>
              </tr>
            ))}
          </tbody>
          {result.strategies.length > 1 || result.strategies.some((s) => s.groups.length > 1) ? (
            <tbody className="whatif-roi__strategies">
              {result.strategies.map((strategy) => (
                <tr key={strategy.strategy} data-roi-strategy={strategy.strategy}>
                  <th scope="row">{t('whatif.roi.strategyTotal')}</th>
                  <td>{strategyName(strategy.strategy)}</td>
                  <td className="num" data-value={strategy.customers}>{f.integer(strategy.customers)}</td>
                  <SignedAmount value={strategy.incrementalProfit} />
                  <td className="num" data-value={strategy.campaignCost}>{f.wholeMoney(strategy.campaignCost)}</td>
                  <SignedAmount value={strategy.netIncrement} />
                  <td className="num" data-value={strategy.roi ?? ''}>{roi(strategy.roi)}</td>
                </tr>
              ))}
            </tbody>
          ) : null}
        </table>
      </div>
    </ExportableTable>
  );
});
