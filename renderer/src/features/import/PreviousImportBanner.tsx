import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/domain/import';
import { useFormat } from '../../i18n/format';
import { wizardActions } from './wizard';

/** The same file (by content) was imported before: replace that import, or skip this file. */
export function PreviousImportBanner({ previous, replace }: { previous: NonNullable<ImportPreview['previousImport']>; replace: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className={`banner ${replace ? 'banner--info' : 'banner--warn'} previous-import`} role="status" data-testid="previous-import">
      <span className="banner__icon" aria-hidden="true">
        !
      </span>
      <div className="banner__text">
        <strong>{t('import.previous.title')}</strong>
        <p>{t('import.previous.text', { date: format.dateTime(previous.importedAt), file: previous.fileName, id: format.integer(previous.importId) })}</p>
        <p className="muted">{replace ? t('import.previous.replaceChosen') : t('import.previous.choose')}</p>
      </div>
      <div className="banner__actions" role="group" aria-label={t('import.previous.title')}>
        <button
          type="button"
          className={`button${replace ? ' button--primary' : ''}`}
          aria-pressed={replace}
          onClick={() => wizardActions.setReplacePrevious(!replace)}
          data-testid="previous-replace"
        >
          {t('import.previous.replace')}
        </button>
        <button type="button" className="button" onClick={() => wizardActions.skipPrevious()} data-testid="previous-skip">
          {t('import.previous.skip')}
        </button>
      </div>
    </div>
  );
}
