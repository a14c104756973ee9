import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelFitSummary } from '../../../../shared/domain/models';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { AnalyseButton, Panel } from '../analysis/AnalysisFrame';
import { useAnalysis } from '../analysis/store';
import { AliveHeatmap, ClvHistogram } from './ClvCharts';
import { BacktestPanelBody, OutlookSummary } from './Backtest';
import { FitForm, type FitInput } from './FitForm';
import { FitStatus } from './FitStatus';
import { useModelFormat } from './format';
import { JobProgress } from './JobProgress';
import { customerColumnsOf, MODEL_NAMES, type CustomerColumns } from './model-data';
import { Parameters } from './Parameters';
import { BucketChart, TrackingChart, ValidationMetrics } from './ValidationCharts';

/** The latest fit of the open workspace: undefined while loading, null when there is none. */
function useLatestFit(): [ModelFitSummary | null | undefined, (fit: ModelFitSummary) => void] {
  const app = useApp();
  const path = app.workspace?.path ?? null;
  const [state, setState] = useState<{ path: string | null; fit: ModelFitSummary | null | undefined }>({ path: null, fit: undefined });
  const { showError } = app;
  useEffect(() => {
    let alive = true;
    if (!path) return;
    api['models.latest']({})
      .then((fit) => {
        if (alive) setState({ path, fit });
      })
      .catch((error: unknown) => {
        if (!alive) return;
        setState({ path, fit: null });
        showError(error);
      });
    return () => {
      alive = false;
    };
  }, [path, showError]);
  const set = useCallback((fit: ModelFitSummary) => setState({ path, fit }), [path]);
  return [state.path === path ? state.fit : undefined, set];
}

/** The customers of the latest analysis (for the CLV histogram and the P(alive) grid), read again when a new analysis is stored. */
function useCustomerColumns(): CustomerColumns | null | undefined {
  const app = useApp();
  const analysis = useAnalysis();
  const run = analysis.latest;
  const key = run ? `${app.workspace?.path ?? ''}|${run.runId ?? ''}@${run.createdAt}` : null;
  const [state, setState] = useState<{ key: string | null; customers: CustomerColumns | null }>({ key: null, customers: null });
  const { showError } = app;
  useEffect(() => {
    if (!key) return;
    let alive = true;
    customerColumnsOf(key)
      .then((customers) => {
        if (alive) setState({ key, customers });
      })
      .catch((error: unknown) => {
        if (!alive) return;
        setState({ key, customers: null });
        showError(error);
      });
    return () => {
      alive = false;
    };
  }, [key, showError]);
  if (run === undefined) return undefined;
  if (run === null) return null;
  return state.key === key ? state.customers : undefined;
}

/**
 * Lifetime-value models (BG/NBD or Pareto/NBD with Gamma-Gamma): fit one with a calibration
 * period, see whether it converged and what the analysis does with it, its parameters, how well
 * it predicted the holdout, and the CLV and P(alive) of the customers.
 */
export function ModelsScreen() {
  const { t } = useTranslation();
  const app = useApp();
  const f = useModelFormat();
  const analysis = useAnalysis();
  const [fit, setFit] = useLatestFit();
  const customers = useCustomerColumns();
  const run = analysis.latest;

  if (!app.workspace) return <EmptyState title={t('errors.noWorkspace')} />;

  const onFit = async (input: FitInput) => {
    const result = await app.runJob(t('models.fitting', { model: MODEL_NAMES[input.model] }), (options) => api['models.fit'](input, options), { screen: 'models' });
    if (result) setFit(result);
  };

  return (
    <div className="screen analysis-screen models-screen" data-testid="models-screen">
      <header className="screen__header analysis-header">
        <div className="analysis-header__title">
          <h1>{t('models.title')}</h1>
          <p className="muted analysis-header__meta">{t('models.subtitle')}</p>
        </div>
      </header>
      <JobProgress screen="models" stageKey="models.stages" testId="models-progress" />
      {fit === undefined ? (
        <div className="analysis-loading muted" aria-busy="true">
          {t('analysis.loading')}
        </div>
      ) : (
        <div className="dashboard models">
          <Panel title={t('models.form.title')} subtitle={t('models.form.subtitle')} testId="fit-panel">
            <FitForm key={app.workspace.path} fit={fit} onFit={(input) => void onFit(input)} />
          </Panel>
          <Panel title={t('models.status.title')} testId="status-panel">
            <FitStatus fit={fit} />
          </Panel>
          {run ? (
            <Panel title={t('models.outlook.title')} subtitle={t('models.outlook.subtitle', { date: f.date(run.summary.asOf) })} className="dashboard__wide" testId="outlook-panel">
              <OutlookSummary run={run} />
            </Panel>
          ) : null}
          <Panel title={t('models.backtest.title')} subtitle={t('models.backtest.subtitle')} className="dashboard__wide" testId="backtest-panel">
            <BacktestPanelBody />
          </Panel>
          {fit ? (
            <>
              <Panel title={t('models.params.title')} subtitle={t('models.params.subtitle', { unit: t(`models.units.${fit.unit}`) })} className="dashboard__wide" testId="params-panel">
                <Parameters fit={fit} />
              </Panel>
              {fit.validation ? (
                <>
                  <div className="dashboard__wide">
                    <ValidationMetrics validation={fit.validation} unit={fit.unit} />
                  </div>
                  <Panel title={t('models.validation.bucketTitle')} subtitle={t('models.validation.bucketSubtitle', { end: f.date(fit.calibrationEnd), last: f.date(fit.observationEnd) })} testId="bucket-panel">
                    <BucketChart validation={fit.validation} />
                  </Panel>
                  <Panel title={t('models.validation.trackingTitle')} subtitle={t('models.validation.trackingSubtitle')} testId="tracking-panel">
                    <TrackingChart validation={fit.validation} calibrationEnd={fit.calibrationEnd} />
                  </Panel>
                </>
              ) : (
                <Panel title={t('models.validation.title')} className="dashboard__wide" testId="no-validation">
                  <p className="muted">{t('models.validation.none')}</p>
                </Panel>
              )}
            </>
          ) : null}
          {run === null ? (
            <Panel title={t('models.clv.title')} className="dashboard__wide">
              <p className="muted">{t('models.clv.noAnalysis')}</p>
              <div>
                <AnalyseButton testId="models-analyse" inlineProgress={false} />
              </div>
            </Panel>
          ) : customers === undefined ? (
            <div className="analysis-loading muted dashboard__wide" aria-busy="true">
              {t('analysis.loading')}
            </div>
          ) : customers ? (
            <>
              <Panel
                title={customers.valueKind === 'clv' ? t('models.clv.title') : t('models.clv.titleFuture')}
                subtitle={
                  customers.valueKind === 'clv'
                    ? t('models.clv.subtitleClv', { months: f.integer(run?.settings.horizonMonths ?? 12), date: f.date(customers.asOf) })
                    : run && run.summary.outlook.model
                      ? t('models.clv.subtitleModel', { months: f.integer(run.settings.horizonMonths), date: f.date(customers.asOf) })
                      : t('models.clv.subtitleObserved', { months: f.integer(run?.settings.horizonMonths ?? 12), date: f.date(customers.asOf) })
                }
                testId="clv-panel"
              >
                <ClvHistogram customers={customers} />
              </Panel>
              <Panel title={t('models.alive.title')} subtitle={t('models.alive.subtitle')} testId="alive-panel">
                <AliveHeatmap customers={customers} fit={fit} />
              </Panel>
            </>
          ) : null}
        </div>
      )}
    </div>
  );
}
