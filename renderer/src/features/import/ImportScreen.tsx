import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../i18n/format';
import { CheckStep } from './CheckStep';
import { ChooseStep } from './ChooseStep';
import { InlineProgress } from './InlineProgress';
import { PreviewStep } from './PreviewStep';
import { RunStep } from './RunStep';
import { useWindowFileDrop } from './window-drop';
import { effectiveMapping, holdingWarnings, missingFields, useWizard, wizardActions, type Step, type WizardState } from './wizard';

const STEPS: { step: Step; key: string }[] = [
  { step: 1, key: 'choose' },
  { step: 2, key: 'preview' },
  { step: 3, key: 'check' },
  { step: 4, key: 'import' },
];

/** Steps already reached can be revisited, as long as nothing is running and nothing was imported yet. */
function reachable(wizard: WizardState, step: Step): boolean {
  if (wizard.busy !== null || wizard.result !== null || step >= wizard.step) return false;
  if (step === 2) return wizard.preview !== null;
  if (step === 3) return wizard.summary !== null;
  return true;
}

function StepIndicator({ wizard }: { wizard: WizardState }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ol className="steps" aria-label={t('import.steps.label')} data-testid="steps">
      {STEPS.map(({ step, key }) => {
        const state = step < wizard.step || (step === 4 && wizard.result?.committed) ? 'done' : step === wizard.step ? 'current' : 'todo';
        return (
          <li key={step} className={`steps__item steps__item--${state}`} aria-current={state === 'current' ? 'step' : undefined} data-step={step}>
            <button type="button" className="steps__button" disabled={!reachable(wizard, step)} onClick={() => wizardActions.goTo(step)}>
              <span className="steps__number" aria-hidden="true">
                {state === 'done' ? '✓' : format.integer(step)}
              </span>
              <span className="steps__label">{t(`import.steps.${key}`)}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function Footer({ wizard }: { wizard: WizardState }) {
  const { t } = useTranslation();
  const app = useApp();
  const busy = wizard.busy !== null;
  if (wizard.step === 1 || wizard.step === 4) return null;
  const back = (
    <button type="button" className="button" onClick={() => (wizard.step === 2 ? wizardActions.startOver() : wizardActions.goTo(2))} disabled={busy} data-testid="step-back">
      {t('import.actions.back')}
    </button>
  );
  if (wizard.step === 2) {
    const preview = wizard.preview;
    const missing = preview ? missingFields(preview.detected.kind, effectiveMapping(wizard)) : [];
    const blocked = !preview || missing.length > 0;
    return (
      <footer className="wizard__footer">
        {back}
        <span className="wizard__footer-note muted">{missing.length > 0 ? t('import.preview.missingShort') : ''}</span>
        <button type="button" className="button button--primary" onClick={() => void wizardActions.check(app)} disabled={busy || blocked} data-testid="step-next">
          {t('import.actions.next')}
        </button>
      </footer>
    );
  }
  const summary = wizard.summary;
  const needsChoice = wizard.preview?.previousImport != null && !wizard.replacePrevious;
  const held = holdingWarnings(summary, wizard.acceptWarnings);
  return (
    <footer className="wizard__footer">
      {back}
      <span className="wizard__footer-note muted">
        {needsChoice
          ? t('import.previous.needChoice')
          : summary && summary.accepted === 0
            ? t('import.check.nothingToImport')
            : held.dates
              ? t('import.check.datesAmbiguousHint')
              : held.blocked
                ? t('import.check.needsAccept')
                : wizard.strict && summary && summary.rejectedCount > 0
                  ? t('import.check.strictWarning')
                  : ''}
      </span>
      <button type="button" className="button" onClick={() => void wizardActions.check(app)} disabled={busy} data-testid="step-check">
        {t('import.actions.check')}
      </button>
      <button type="button" className="button button--primary" onClick={() => void wizardActions.run(app)} disabled={busy || !summary || summary.accepted === 0 || needsChoice || held.blocked} data-testid="step-import">
        {t('import.actions.import')}
      </button>
    </footer>
  );
}

/**
 * The import wizard: choose (or drop) a file → preview and mapping → check every row → import,
 * with the parsing and writing done off the UI thread by the services.
 */
export function ImportScreen() {
  const { t } = useTranslation();
  const app = useApp();
  const workspacePath = app.workspace?.path ?? null;
  const wizard = useWizard(workspacePath);
  const dragging = useWindowFileDrop(app.workspace !== null, (file) => void wizardActions.drop(app, file));

  useEffect(() => wizardActions.attach(workspacePath), [workspacePath]);

  if (!app.workspace) return <EmptyState title={t('errors.noWorkspace')} />;
  const job = app.job?.screen === 'import' ? app.job : null;

  return (
    <div className={`screen import-screen${dragging ? ' import-screen--dragging' : ''}`} data-testid="import-screen" data-step={wizard.step}>
      <header className="screen__header import-screen__header">
        <div>
          <h1>{t('import.title')}</h1>
          <p className="muted import-screen__subtitle">{t('import.subtitle')}</p>
        </div>
      </header>
      <StepIndicator wizard={wizard} />
      {wizard.notice ? (
        <div className={`banner banner--${wizard.notice.tone}`} role="status" data-testid="import-notice">
          <span className="banner__text">{t(wizard.notice.key, wizard.notice.params)}</span>
        </div>
      ) : null}
      <div className="wizard__body">
        {wizard.step === 1 ? <ChooseStep wizard={wizard} dragging={dragging} /> : null}
        {wizard.step === 2 ? wizard.preview ? <PreviewStep wizard={wizard} /> : <InlineProgress job={job} title={t('import.jobs.preview')} /> : null}
        {wizard.step === 3 ? <CheckStep wizard={wizard} /> : null}
        {wizard.step === 4 ? <RunStep wizard={wizard} /> : null}
      </div>
      <Footer wizard={wizard} />
      {dragging && wizard.step !== 1 ? (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay__box">{t('import.choose.dropOverlay')}</div>
        </div>
      ) : null}
    </div>
  );
}
