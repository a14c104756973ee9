import { useTranslation } from 'react-i18next';
import type { RunningJob } from '../app/AppContext';

/** The progress of the running long job, with its cancel button. */
export function JobBar({ job }: { job: RunningJob }) {
  const { t } = useTranslation();
  const progress = job.progress;
  const share = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  const stage = progress ? t(`job.stages.${progress.stage}`, { defaultValue: t('job.stages.working') }) : t('job.stages.working');
  return (
    <div className="job-bar" role="status" aria-live="polite">
      <span className="job-bar__label">{job.label}</span>
      <span className="job-bar__stage">{stage}</span>
      <progress className="job-bar__progress" max={1} value={share ?? undefined} aria-label={job.label} />
      <button type="button" className="button button--quiet" onClick={job.cancel}>
        {t('job.cancel')}
      </button>
    </div>
  );
}
