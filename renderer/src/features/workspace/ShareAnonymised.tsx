import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnonymisedCopyResult } from '../../../../shared/domain/workspace';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { Popover } from '../../components/Popover';
import { useFormat } from '../../i18n/format';

/**
 * "Share anonymised…": writes a copy of the open workspace to give a colleague or a client — ids
 * hashed (the key stays here), names and personal attributes gone, amounts and dates kept (or all
 * dates moved by the same number of weeks) — and says what it left out.
 */
export function ShareAnonymised({ onWritten }: { onWritten(copy: AnonymisedCopyResult): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const [shiftDates, setShiftDates] = useState(false);
  if (!app.workspace) return null;
  const name = app.workspace.name.replace(/\.vlw$/i, '');
  const share = async () => {
    try {
      const path = await api['dialog.chooseFile']({ purpose: 'createWorkspace', suggestedName: `${name}-anonymised.vlw` });
      if (!path) return;
      const copy = await app.runJob(t('workspace.anonymise.job'), (options) => api['workspace.anonymise']({ path, shiftDates, keepAttributes: [] }, options));
      if (copy) onWritten(copy);
    } catch (error) {
      app.showError(error);
    }
  };
  return (
    <Popover title={t('workspace.anonymise.title')} label={t('workspace.anonymise.button')} align="end" testId="share-anonymised">
        {(close) => (
          <div className="share-anonymised">
            <p className="muted small">{t('workspace.anonymise.what')}</p>
            <label className="field--check">
              <input type="checkbox" checked={shiftDates} onChange={(event) => setShiftDates(event.target.checked)} data-testid="anonymise-shift-dates" />
              <span>{t('workspace.anonymise.shiftDates')}</span>
            </label>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                close();
                void share();
              }}
              data-testid="anonymise-save"
            >
              {t('workspace.anonymise.save')}
            </button>
          </div>
        )}
    </Popover>
  );
}


/** What the copy holds and left out, said after it is written. */
export function AnonymisedNotice({ copy }: { copy: AnonymisedCopyResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p className="banner banner--success" role="status" data-testid="anonymised">
      {t('workspace.anonymise.done', { customers: format.integer(copy.customers), path: copy.path })}
      {copy.attributes.dropped.length > 0 ? ` ${t('workspace.anonymise.dropped', { names: copy.attributes.dropped.join(', ') })}` : ''}
      {copy.shiftDays !== 0 ? ` ${t('workspace.anonymise.shifted', { days: format.integer(copy.shiftDays) })}` : ''}
    </p>
  );
}
