import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../shared/domain/import';
import { useApp } from '../../app/AppContext';
import { useAnalysis } from '../analysis/store';
import type { TFunction } from 'i18next';
import { errorWords } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { SummaryFigures } from './CheckStep';
import { exportImportLog } from './export-log';
import { InlineProgress } from './InlineProgress';
import { wizardActions, type WizardState } from './wizard';

/** Why nothing was written, in the person's language when the case is known. */
function notCommittedText(t: TFunction, format: ReturnType<typeof useFormat>, result: ImportResult, count: string, wizard: WizardState): string {
  const previous = wizard.preview?.previousImport != null && !wizard.replacePrevious;
  if (previous && result.accepted === 0 && result.rejectedCount === 0 && result.skippedCount === 0 && result.duplicateCount === 0) return t('import.run.previousKept');
  if (wizard.strict && result.rejectedCount > 0) return t('import.run.strictReason', { rejected: count });
  if (result.accepted === 0) return t('import.run.noRows');
  return result.notCommitted ? errorWords(result.notCommitted.key, result.notCommitted.params, t, format).message : t('import.run.noRows');
}

/** Step 4: the import running, then what it did. */
export function RunStep({ wizard }: { wizard: WizardState }) {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const [saved, setSaved] = useState<string | null>(null);
  const analysis = useAnalysis();
  const job = app.job?.screen === 'import' ? app.job : null;
  const { result } = wizard;

  if (wizard.busy === 'run' || !result) return <InlineProgress job={job} title={t('import.jobs.run')} />;

  const fileName = wizard.preview?.file.name ?? '';
  if (!result.committed) {
    return (
      <div className="run-step">
        <section className="result result--warn card" data-testid="import-result" data-committed="false">
          <span className="result__icon" aria-hidden="true">
            !
          </span>
          <div className="result__body">
            <h2 className="result__title">{t('import.run.notCommittedTitle')}</h2>
            <p>{notCommittedText(t, format, result, format.integer(result.rejectedCount), wizard)}</p>
            <SummaryFigures summary={result} />
            <div className="result__actions">
              <button type="button" className="button" onClick={() => wizardActions.goTo(3)} data-testid="back-to-check">
                {t('import.run.backToCheck')}
              </button>
              <button type="button" className="button" onClick={() => wizardActions.startOver()} data-testid="import-another">
                {t('import.run.another')}
              </button>
            </div>
          </div>
        </section>
      </div>
    );
  }

  return (
    <div className="run-step">
      <section className="result result--success card" data-testid="import-result" data-committed="true">
        <span className="result__icon" aria-hidden="true">
          ✓
        </span>
        <div className="result__body">
          <h2 className="result__title">{t('import.run.doneTitle')}</h2>
          <p>{t('import.run.doneText', { file: fileName, workspace: app.workspace?.name ?? '' })}</p>
          {result.replacedImportId !== null ? <p className="muted">{t('import.run.replaced', { id: format.integer(result.replacedImportId) })}</p> : null}
          <SummaryFigures summary={result} />
          {analysis.running ? (
            <div data-testid="import-analysing">
              <InlineProgress job={job} title={t('import.run.analysing')} />
            </div>
          ) : analysis.latest && !analysis.latest.stale ? (
            <p className="muted" role="status" data-testid="import-analysed">
              {t('import.run.analysed', { customers: format.integer(analysis.latest.summary.customers) })}
            </p>
          ) : null}
          <div className="result__actions">
            {analysis.latest && !analysis.running ? (
              <button type="button" className="button button--primary" onClick={() => app.navigate('ladder')} data-testid="open-ladder">
                {t('import.run.openLadder')}
              </button>
            ) : null}
            <button type="button" className={`button${analysis.latest && !analysis.running ? '' : ' button--primary'}`} onClick={() => app.navigate('data')} data-testid="open-data">
              {t('import.run.openData')}
            </button>
            {result.importId !== null ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  const id = result.importId;
                  if (id !== null) void exportImportLog(app, id).then((written) => written && setSaved(written.path));
                }}
                data-testid="result-export-log"
              >
                {t('import.log.export')}
              </button>
            ) : null}
            <button type="button" className="button" onClick={() => wizardActions.startOver()} data-testid="import-another">
              {t('import.run.another')}
            </button>
          </div>
          {saved ? (
            <p className="muted" role="status">
              {t('import.log.exported', { path: saved })}
            </p>
          ) : null}
        </div>
      </section>
    </div>
  );
}
