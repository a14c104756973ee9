import { createContext, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../i18n/format';
import { analysisActions, settingsChangedSince, useAnalysis } from './store';

/** The Analyse button; disabled while any long job runs. Its progress shows in the screen's header (analysis screens) or the shell's job bar. */
export function AnalyseButton({ primary = true, testId = 'analyse', inlineProgress = true }: { primary?: boolean; testId?: string; inlineProgress?: boolean }) {
  const { t } = useTranslation();
  const app = useApp();
  const { running } = useAnalysis();
  return (
    <button type="button" className={`button${primary ? ' button--primary' : ''}`} disabled={running || !app.workspace || app.job !== null} onClick={() => void analysisActions.run(app, inlineProgress ? app.route : null)} data-testid={testId}>
      {running ? t('analysis.analysing') : t('analysis.analyse')}
    </button>
  );
}

/** The running analysis' progress with its cancel button, in the screen's header. */
function RunProgress() {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const job = app.job;
  if (!job) return null;
  const progress = job.progress;
  const share = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  const stage = progress ? t(`job.stages.${progress.stage}`, { defaultValue: t('job.stages.working') }) : t('job.stages.working');
  return (
    <div className="run-progress" role="status" aria-live="polite" data-testid="analysis-progress">
      <span className="run-progress__label">
        {t('analysis.running')} <span className="muted">{`${stage}${share !== null ? ` · ${format.percent(share)}` : ''}`}</span>
      </span>
      <progress className="run-progress__bar" max={1} value={share ?? undefined} aria-label={t('analysis.running')} />
      <button type="button" className="button button--quiet button--small" onClick={job.cancel} data-testid="analysis-cancel">
        {t('job.cancel')}
      </button>
    </div>
  );
}

/** Where a screen can put its own buttons in the header, beside Analyse (through a portal). */
const HeaderSlot = createContext<HTMLElement | null>(null);

export function useHeaderSlot(): HTMLElement | null {
  return useContext(HeaderSlot);
}

interface Props {
  title: string;
  /** Added to the screen's class and test id. */
  name: string;
  /** Buttons beside Analyse. */
  actions?: (run: AnalysisRun) => ReactNode;
  children: (run: AnalysisRun) => ReactNode;
}

/**
 * The frame of every analysis screen: title with the analysis date, the Analyse button with its
 * progress, a banner when the stored analysis no longer matches the data or the settings, and an
 * empty state that says what to do when there is no analysis yet.
 */
export function AnalysisFrame({ title, name, actions, children }: Props) {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const analysis = useAnalysis();
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);
  if (!app.workspace) return <EmptyState title={t('errors.noWorkspace')} />;
  const run = analysis.workspacePath === app.workspace.path ? analysis.latest : undefined;
  const showProgress = analysis.running && app.job !== null && app.job.screen === app.route;
  const noData = app.workspace.transactions === 0;

  return (
    <div className={`screen analysis-screen ${name}-screen`} data-testid={`${name}-screen`}>
      <header className="screen__header analysis-header">
        <div className="analysis-header__title">
          <h1>{title}</h1>
          {run ? (
            <p className="muted analysis-header__meta" data-testid="as-of">
              {t('analysis.asOf', { date: format.date(run.summary.asOf) })}
              <span aria-hidden="true"> · </span>
              {t('analysis.customersCount', { n: format.integer(run.summary.customers) })}
              <span aria-hidden="true"> · </span>
              {t('analysis.madeAt', { when: format.dateTime(run.createdAt) })}
            </p>
          ) : null}
        </div>
        <div className="toolbar">
          <div className="toolbar toolbar__slot" ref={setSlot} />
          {run ? actions?.(run) : null}
          <AnalyseButton />
        </div>
      </header>
      {showProgress ? <RunProgress /> : null}
      {run === undefined ? (
        <div className="analysis-loading muted" aria-busy="true">
          {t('analysis.loading')}
        </div>
      ) : run === null ? (
        <EmptyState title={noData ? t('analysis.noData') : t('analysis.none')}>
          <p className="empty-state__text">{noData ? t('analysis.noDataHint') : t('analysis.noneHint')}</p>
          <div className="empty-state__actions">
            {noData ? (
              <button type="button" className="button button--primary" onClick={() => app.navigate('import')}>
                {t('import.openWizard')}
              </button>
            ) : (
              <AnalyseButton testId="analyse-empty" />
            )}
          </div>
        </EmptyState>
      ) : (
        <>
          {run.stale ? (
            <div className="banner banner--warn" role="status" data-testid="stale-banner">
              <span className="banner__icon" aria-hidden="true">
                !
              </span>
              <span className="banner__text">
                <strong>{t('analysis.staleTitle')}</strong>
                <p>{t('analysis.staleText', { when: format.dateTime(run.createdAt) })}</p>
              </span>
              <div className="banner__actions">
                <AnalyseButton primary={false} testId="analyse-stale" />
              </div>
            </div>
          ) : settingsChangedSince(run, analysis.settings) ? (
            <div className="banner banner--info" role="status" data-testid="settings-banner">
              <span className="banner__icon" aria-hidden="true">
                i
              </span>
              <span className="banner__text">
                <strong>{t('analysis.settingsChangedTitle')}</strong>
                <p>{t('analysis.settingsChangedText')}</p>
              </span>
              <div className="banner__actions">
                <AnalyseButton primary={false} testId="analyse-settings" />
              </div>
            </div>
          ) : null}
          <HeaderSlot.Provider value={slot}>{children(run)}</HeaderSlot.Provider>
        </>
      )}
    </div>
  );
}

/** A titled card of an analysis screen. */
export function Panel({ title, subtitle, actions, children, className, testId }: { title: string; subtitle?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; testId?: string }) {
  return (
    <section className={`card panel${className ? ` ${className}` : ''}`} data-testid={testId} aria-label={title}>
      <header className="panel__header">
        <div className="panel__titles">
          <h2 className="panel__title">{title}</h2>
          {subtitle ? <p className="panel__subtitle muted">{subtitle}</p> : null}
        </div>
        {actions ? <div className="panel__actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
