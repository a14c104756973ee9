import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { BACKTEST_TOLERANCE, type BacktestRun } from '../../../../shared/domain/models';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { dot, escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import { ExportableTable } from '../../components/TableExport';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { useModelFormat } from './format';
import { MODEL_NAMES } from './model-data';

type Outlook = AnalysisRun['summary']['outlook'];
type Result = BacktestRun['result'];
const MEASURES = ['activeCustomers', 'purchases', 'revenue', 'profit'] as const;
const ACTUAL_LIGHT = '#2563eb';
const ACTUAL_DARK = '#93c5fd';

/** Where the analysis' forward-looking numbers come from: the model it used, or why none, and the observed retention by group. */
export function OutlookSummary({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const f = useModelFormat();
  const outlook: Outlook = run.summary.outlook;
  const p = outlook.projected;
  const months = f.integer(outlook.horizonMonths);
  return (
    <div className="outlook" data-testid="outlook" data-engine={outlook.engine} data-origin={outlook.model?.origin ?? 'none'}>
      <p>
        {outlook.model
          ? outlook.model.origin === 'fit'
            ? t('models.outlook.fit', { model: MODEL_NAMES[outlook.model.model], id: f.integer(outlook.model.fitId ?? 0) })
            : t('models.outlook.automatic', { model: MODEL_NAMES[outlook.model.model], date: f.date(run.summary.asOf), customers: f.integer(outlook.model.customers ?? 0), repeat: f.integer(outlook.model.repeatCustomers ?? 0) })
          : t(`models.outlook.${outlook.engine}`, { reason: t(`models.outlook.noModel.${outlook.noModel ?? 'turnedOff'}`) })}
      </p>
      <p className="muted" data-testid="outlook-projected">
        {t('models.outlook.projected', { months, customers: f.integer(Math.round(p.activeCustomers)), purchases: f.integer(Math.round(p.purchases)), revenue: f.wholeMoney(p.revenue), profit: f.wholeMoney(p.profit) })}
      </p>
      {outlook.observed ? (
        <table className="table table--compact" data-testid="observed-groups">
          <caption className="muted small">{t('models.outlook.groupsCaption', { date: f.date(outlook.observed.from), months: f.integer(outlook.observed.months) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('models.outlook.group')}</th>
              <th scope="col" className="num">
                {t('models.outlook.customers')}
              </th>
              <th scope="col" className="num">
                {t('models.outlook.retained')}
              </th>
              <th scope="col" className="num">
                {t('models.outlook.revenueRatio')}
              </th>
            </tr>
          </thead>
          <tbody>
            {outlook.observed.groups.map((group) => (
              <tr key={`${group.value}-${String(group.active)}`} data-group={`${group.value}-${group.active ? 'active' : 'lapsed'}`}>
                <th scope="row">
                  {t('models.outlook.groupName', { tier: t(`models.outlook.values.${group.value}`), activity: t(group.active ? 'models.outlook.active' : 'models.outlook.lapsed') })}
                  {group.rates !== 'own' ? <span className="muted small"> {t(`models.outlook.borrowed.${group.rates}`)}</span> : null}
                </th>
                <td className="num">{f.integer(group.customers)}</td>
                <td className="num">{f.percent(group.retained)}</td>
                <td className="num">{f.percent(group.revenueRatio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** The workspace's latest back-test: undefined while loading, null when there is none. */
function useLatestBacktest(): [BacktestRun | null | undefined, (run: BacktestRun) => void] {
  const app = useApp();
  const path = app.workspace?.path ?? null;
  const [state, setState] = useState<{ path: string | null; run: BacktestRun | null | undefined }>({ path: null, run: undefined });
  const { showError } = app;
  useEffect(() => {
    if (!path) return;
    let alive = true;
    api['models.latestBacktest']({})
      .then((run) => {
        if (alive) setState({ path, run });
      })
      .catch((error: unknown) => {
        if (!alive) return;
        setState({ path, run: null });
        showError(error);
      });
    return () => {
      alive = false;
    };
  }, [path, showError]);
  return [state.path === path ? state.run : undefined, (run) => setState({ path, run })];
}

/** "How good are these projections?": the back-test's form, its figures against what happened, per month and per tier. */
export function BacktestPanelBody() {
  const { t } = useTranslation();
  const app = useApp();
  const [latest, setLatest] = useLatestBacktest();
  const [asOf, setAsOf] = useState('');
  const [horizon, setHorizon] = useState('12');
  const months = Number(horizon);
  const valid = Number.isInteger(months) && months >= 1 && months <= 60 && (asOf === '' || /^\d{4}-\d{2}-\d{2}$/.test(asOf));
  const busy = app.job !== null;
  const run = async () => {
    const result = await app.runJob(t('models.backtest.running'), (options) => api['models.backtest']({ asOf: asOf === '' ? null : asOf, horizonMonths: months }, options), { screen: 'models' });
    if (result) setLatest(result);
  };
  return (
    <div className="backtest" data-testid="backtest">
      <p className="muted">{t('models.backtest.what')}</p>
      <form
        className="backtest__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid && !busy) void run();
        }}
      >
        <div className="facts__grid">
          <label className="fact">
            <span className="fact__label">{t('models.backtest.asOf')}</span>
            <input type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} data-testid="backtest-as-of" />
            <span className="fact__hint muted">{t('models.backtest.asOfHint')}</span>
          </label>
          <label className="fact">
            <span className="fact__label">{t('models.backtest.horizon')}</span>
            <input type="number" min={1} max={60} step={1} value={horizon} onChange={(event) => setHorizon(event.target.value)} aria-invalid={!valid || undefined} data-testid="backtest-horizon" />
          </label>
        </div>
        <div className="fit-form__footer">
          <button type="submit" className="button button--primary" disabled={!valid || busy || !app.workspace} data-testid="run-backtest">
            {t('models.backtest.run')}
          </button>
        </div>
      </form>
      {latest === undefined ? (
        <p className="muted" aria-busy="true">
          {t('analysis.loading')}
        </p>
      ) : latest === null ? (
        <p className="muted" data-testid="backtest-none">
          {t('models.backtest.none')}
        </p>
      ) : (
        <BacktestFigures run={latest} />
      )}
    </div>
  );
}

function BacktestFigures({ run }: { run: BacktestRun }) {
  const { t } = useTranslation();
  const f = useModelFormat();
  const { result } = run;
  const off = MEASURES.filter((measure) => {
    const error = result.errors[measure];
    return error !== null && Math.abs(error) > BACKTEST_TOLERANCE[measure];
  });
  const figure = (measure: (typeof MEASURES)[number], value: number) => (measure === 'revenue' || measure === 'profit' ? f.wholeMoney(value) : f.integer(Math.round(value)));
  const signed = (value: number | null) => (value === null ? '—' : f.signedPercentPoints(value * 100));
  return (
    <div data-testid="backtest-result" data-as-of={result.asOf}>
      <p>
        {t('models.backtest.summary', {
          date: f.date(result.asOf),
          months: f.integer(result.horizonMonths),
          customers: f.integer(result.customers),
          engine: result.outlook.model ? t('models.backtest.engines.model', { model: MODEL_NAMES[result.outlook.model.model] }) : t(`models.backtest.engines.${result.outlook.engine}`),
        })}
      </p>
      {run.stale ? (
        <p className="banner banner--warn" role="status" data-testid="backtest-stale">
          {t('models.backtest.stale', { when: f.dateTime(run.createdAt) })}
        </p>
      ) : null}
      {off.length > 0 ? (
        <div className="banner banner--warn" role="status" data-testid="backtest-warning">
          <span className="banner__icon" aria-hidden="true">
            !
          </span>
          <span className="banner__text">{t('models.backtest.warning', { measures: off.map((measure) => t(`models.backtest.measures.${measure}`)).join(', ') })}</span>
        </div>
      ) : (
        <p className="backtest__ok" data-testid="backtest-ok">
          <span className="status-pill status-pill--good">{t('models.backtest.holds')}</span>
        </p>
      )}
      <ExportableTable name={`backtest-${result.asOf}`} sheet={t('models.backtest.sheet')}>
        <table className="table table--compact" data-testid="backtest-table">
          <thead>
            <tr>
              <th scope="col"></th>
              <th scope="col" className="num" data-kind="number">
                {t('models.backtest.projected')}
              </th>
              <th scope="col" className="num" data-kind="number">
                {t('models.backtest.actual')}
              </th>
              <th scope="col" className="num" data-kind="percent">
                {t('models.backtest.error')}
              </th>
            </tr>
          </thead>
          <tbody>
            {MEASURES.map((measure) => (
              <tr key={measure} data-measure={measure} className={off.includes(measure) ? 'row--bad' : undefined}>
                <th scope="row">{t(`models.backtest.measures.${measure}`)}</th>
                <td className="num" data-value={result.projected[measure]}>
                  {figure(measure, result.projected[measure])}
                </td>
                <td className="num" data-value={result.actual[measure]}>
                  {figure(measure, result.actual[measure])}
                </td>
                <td className="num" data-error={result.errors[measure] ?? undefined} data-value={result.errors[measure] ?? ''}>
                  {signed(result.errors[measure])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ExportableTable>
      <BacktestChart result={result} />
      <table className="table table--compact" data-testid="backtest-tiers">
        <caption className="muted small">{t('models.backtest.byTier')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('models.backtest.tier')}</th>
            <th scope="col" className="num">
              {t('models.outlook.customers')}
            </th>
            <th scope="col" className="num">
              {t('models.backtest.tierBuying')}
            </th>
            <th scope="col" className="num">
              {t('models.backtest.tierRevenue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.byTier
            .filter((tier) => tier.customers > 0)
            .map((tier) => (
              <tr key={tier.tier} data-tier={tier.tier}>
                <th scope="row">{t(`codes.tier.${tier.tier}`)}</th>
                <td className="num">{f.integer(tier.customers)}</td>
                <td className="num">{`${f.integer(Math.round(tier.projected.activeCustomers))} / ${f.integer(tier.actual.activeCustomers)} (${signed(tier.errors.activeCustomers)})`}</td>
                <td className="num">{`${f.wholeMoney(tier.projected.revenue)} / ${f.wholeMoney(tier.actual.revenue)} (${signed(tier.errors.revenue)})`}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/** Revenue per month of the horizon: what the projection expected against what the customers known at the date spent. */
function BacktestChart({ result }: { result: Result }) {
  const { t } = useTranslation();
  const f = useModelFormat();
  const theme = useChartTheme();
  const option = useMemo<ChartOption>(() => {
    const actual = t('models.backtest.actual');
    const projected = t('models.backtest.projected');
    const actualColor = theme.dark ? ACTUAL_DARK : ACTUAL_LIGHT;
    const months = result.monthly;
    return {
      color: [actualColor, theme.accent],
      grid: { left: 16, right: 16, top: 40, bottom: 24, containLabel: true },
      legend: { top: 0, [theme.rtl ? 'right' : 'left']: 0, textStyle: { color: theme.text, fontFamily: theme.font } },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        formatter: (params: unknown) => {
          const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
          const month = months[list[0]?.dataIndex ?? 0];
          if (!month) return '';
          return [
            `<strong>${escapeHtml(f.period(month.month))}</strong>`,
            `${dot(actualColor)}${escapeHtml(actual)}: ${escapeHtml(f.wholeMoney(month.actual))}`,
            `${dot(theme.accent)}${escapeHtml(projected)}: ${escapeHtml(f.wholeMoney(month.projected))}`,
          ].join('<br/>');
        },
      },
      xAxis: { type: 'category', inverse: theme.rtl, data: months.map((month) => f.period(month.month)), ...theme.axisStyle, splitLine: { show: false } },
      yAxis: { type: 'value', position: theme.rtl ? 'right' : 'left', ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.compactMoney(value) } },
      series: [
        { name: actual, type: 'bar', barMaxWidth: 28, data: months.map((month) => month.actual), itemStyle: { borderRadius: [3, 3, 0, 0] } },
        { name: projected, type: 'line', data: months.map((month) => month.projected), symbolSize: 6, lineStyle: { width: 2.5 } },
      ],
    } as ChartOption;
  }, [result, t, f, theme]);
  return <EChart option={option} height={260} label={t('models.backtest.chart')} testId="backtest-chart" />;
}
