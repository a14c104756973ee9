import { useTranslation } from 'react-i18next';
import type { RunningJob } from '../../app/AppContext';
import { useFormat } from '../../i18n/format';

/** The wizard's own progress bar and cancel button for its running job. */
export function InlineProgress({ job, title }: { job: RunningJob | null; title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const progress = job?.progress ?? null;
  // A stage reported as 0 of 1 has no measure yet: the bar runs without a share.
  const share = progress && progress.total > 1 ? Math.min(1, progress.done / progress.total) : null;
  const stage = progress ? t(`import.stages.${progress.stage}`, { defaultValue: t('import.stages.working') }) : t('import.stages.working');
  return (
    <div className="inline-progress card" role="status" aria-live="polite" data-testid="import-progress">
      <div className="inline-progress__head">
        <strong>{title}</strong>
        <span className="muted">
          {stage}
          {share !== null ? ` · ${format.percent(share)}` : ''}
        </span>
      </div>
      <progress className="inline-progress__bar" max={1} value={share ?? undefined} aria-label={title} />
      {job ? (
        <div className="inline-progress__actions">
          <button type="button" className="button" onClick={job.cancel} data-testid="cancel-job">
            {t('import.actions.cancel')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
