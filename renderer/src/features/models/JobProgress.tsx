import { useTranslation } from 'react-i18next';
import { useApp, type Route } from '../../app/AppContext';
import { useFormat } from '../../i18n/format';

/** The progress of the long job this screen started (a fit, an analysis, a report), with its cancel button. */
export function JobProgress({ screen, stageKey, testId }: { screen: Route; stageKey: string; testId: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const job = app.job;
  if (!job || job.screen !== screen) return null;
  const progress = job.progress;
  const share = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  const working = t('job.stages.working');
  const stage = progress ? t(`${stageKey}.${progress.stage}`, { defaultValue: t(`job.stages.${progress.stage}`, { defaultValue: working }) }) : working;
  return (
    <div className="run-progress" role="status" aria-live="polite" data-testid={testId}>
      <span className="run-progress__label">
        {job.label} <span className="muted">{`${stage}${share !== null ? ` · ${format.percent(share)}` : ''}`}</span>
      </span>
      <progress className="run-progress__bar" max={1} value={share ?? undefined} aria-label={job.label} />
      <button type="button" className="button button--quiet button--small" onClick={job.cancel} data-testid={`${testId}-cancel`}>
        {t('job.cancel')}
      </button>
    </div>
  );
}
