import { useTranslation } from 'react-i18next';
import { fitFailureOf } from '../../../../shared/analytics/models/fit-report';
import type { ModelFitSummary } from '../../../../shared/domain/models';
import { useApp } from '../../app/AppContext';
import { analysisActions, useAnalysis } from '../analysis/store';
import { useModelFormat } from './format';
import { fitUsage, GAMMA_GAMMA, HOLDOUT_TOLERANCE_PERCENT, MODEL_NAMES } from './model-data';

/** Whether the latest fit converged (or why not), whether the analysis uses it, and "Analyse again". */
export function FitStatus({ fit }: { fit: ModelFitSummary | null }) {
  const { t } = useTranslation();
  const app = useApp();
  const f = useModelFormat();
  const analysis = useAnalysis();
  const run = analysis.latest ?? null;
  const useModel = analysis.settings?.useModel ?? run?.settings.useModel ?? true;
  const used = run ? fitUsage(run.summary.outlook, fit?.fitId ?? null) : null;
  const busy = app.job !== null || analysis.running;
  const suggestRun = fit?.usable === true && useModel && used !== 'this';

  if (!fit) {
    return (
      <div className="fit-status" data-testid="fit-status" data-state="none">
        <p>{t('models.status.none')}</p>
        <p className="muted">{t('models.status.noneHint')}</p>
      </div>
    );
  }

  const failures = [
    fit.purchase.converged ? null : { name: MODEL_NAMES[fit.model], reason: fit.purchase.reason },
    fit.gammaGamma.converged ? null : { name: GAMMA_GAMMA, reason: fit.gammaGamma.reason },
  ].filter((item): item is { name: string; reason: string | null } => item !== null);

  // A fit that converged but missed its own holdout is not one to take at its word.
  const holdoutError = fit.validation ? fit.validation.metrics.totalPercentError : null;
  const offHoldout = holdoutError !== null && Math.abs(holdoutError) > HOLDOUT_TOLERANCE_PERCENT;

  return (
    <div className="fit-status" data-testid="fit-status" data-state={fit.usable ? (offHoldout ? 'off' : 'usable') : 'unusable'}>
      {fit.usable && offHoldout ? (
        <div className="banner banner--warn" role="status" data-testid="fit-off-holdout">
          <span className="banner__icon" aria-hidden="true">
            !
          </span>
          <span className="banner__text">
            <strong>{t('models.status.convergedButOff', { error: f.signedPercentPoints(holdoutError) })}</strong>
            <p>{t('models.status.offHint', { tolerance: f.percent0(HOLDOUT_TOLERANCE_PERCENT / 100) })}</p>
          </span>
        </div>
      ) : fit.usable ? (
        <p className="fit-status__line">
          <span className="status-pill status-pill--good">{t('models.status.converged')}</span>
          <span>{t('models.status.usable', { model: MODEL_NAMES[fit.model] })}</span>
        </p>
      ) : (
        <div className="banner banner--warn" role="status" data-testid="fit-unusable">
          <span className="banner__icon" aria-hidden="true">
            !
          </span>
          <span className="banner__text">
            <strong>{t('models.status.notConverged')}</strong>
            {failures.map((failure) => (
              <p key={failure.name} data-failure={fitFailureOf(failure.reason)}>
                {t('models.status.reason', { model: failure.name, reason: t(`models.status.failures.${fitFailureOf(failure.reason)}`) })}
              </p>
            ))}
            <p>{t('models.status.fallback')}</p>
          </span>
        </div>
      )}
      <dl className="fit-status__facts">
        <div>
          <dt>{t('models.status.model')}</dt>
          <dd data-testid="fit-model-name">{`${MODEL_NAMES[fit.model]} + ${GAMMA_GAMMA}`}</dd>
        </div>
        <div>
          <dt>{t('models.status.unit')}</dt>
          <dd>{t(`models.units.${fit.unit}`)}</dd>
        </div>
        <div>
          <dt>{t('models.status.calibration')}</dt>
          <dd data-testid="fit-calibration" data-value={fit.calibrationEnd}>
            {fit.calibrationEnd < fit.observationEnd ? t('models.status.until', { date: f.date(fit.calibrationEnd) }) : t('models.status.allData')}
          </dd>
        </div>
        <div>
          <dt>{t('models.status.customers')}</dt>
          <dd>{t('models.status.customersValue', { included: f.integer(fit.customers.included), repeat: f.integer(fit.customers.repeat) })}</dd>
        </div>
        <div>
          <dt>{t('models.status.equity')}</dt>
          <dd title={f.money(fit.customerEquity)}>{f.wholeMoney(fit.customerEquity)}</dd>
        </div>
        <div>
          <dt>{t('models.status.fittedAt')}</dt>
          <dd>{f.dateTime(fit.createdAt)}</dd>
        </div>
      </dl>
      <div className={`fit-status__usage${used === 'this' ? ' fit-status__usage--used' : ''}`} data-testid="fit-usage" data-used={used ?? 'none'}>
        <p>
          {run === null
            ? t('models.status.noAnalysis')
            : used === 'this'
              ? t('models.status.usedThis', { date: f.date(run.summary.asOf) })
              : used === 'other'
                ? t('models.status.usedOther', { date: f.date(run.summary.asOf), id: f.integer(run.summary.outlook.model?.fitId ?? 0) })
                : used === 'automatic'
                  ? t('models.status.usedAutomatic', { date: f.date(run.summary.asOf) })
                  : t('models.status.usedNone', { date: f.date(run.summary.asOf), reason: t(`models.outlook.noModel.${run.summary.outlook.noModel ?? 'turnedOff'}`) })}
        </p>
        {!useModel ? (
          <p className="fit-status__off">
            <span>{t('models.status.modelOff')}</span>{' '}
            <button type="button" className="button button--small" disabled={busy} onClick={() => void analysisActions.updateSettings(app, { useModel: true })} data-testid="use-model">
              {t('models.status.turnOn')}
            </button>
          </p>
        ) : null}
        {fit.usable || used !== null ? (
          <div className="fit-status__actions">
            <button type="button" className={`button${suggestRun ? ' button--primary' : ''}`} disabled={busy || !app.workspace} onClick={() => void analysisActions.run(app, 'models')} data-testid="analyse-again">
              {analysis.running ? t('analysis.analysing') : t('models.status.analyseAgain')}
            </button>
            {suggestRun ? <span className="muted small">{t('models.status.analyseHint')}</span> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
