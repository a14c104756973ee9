import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { UploadIcon } from './icons';
import { ImportLog } from './ImportLog';
import { wizardActions, type WizardState } from './wizard';

/** Step 1: a file from the dialog, or dropped anywhere on the screen; below, the imports made so far. */
export function ChooseStep({ wizard, dragging }: { wizard: WizardState; dragging: boolean }) {
  const { t } = useTranslation();
  const app = useApp();
  const staging = wizard.busy === 'staging';
  return (
    <div className="choose-step">
      <div className={`drop-zone${dragging ? ' drop-zone--active' : ''}`} data-testid="drop-zone">
        <span className="drop-zone__icon">
          <UploadIcon />
        </span>
        {staging ? (
          <>
            <p className="drop-zone__title">{t('import.choose.staging', { name: wizard.staging ?? '' })}</p>
            <progress className="drop-zone__progress" aria-label={t('import.choose.staging', { name: wizard.staging ?? '' })} />
          </>
        ) : (
          <>
            <p className="drop-zone__title">{t('import.choose.dropTitle')}</p>
            <p className="drop-zone__text muted">{t('import.choose.dropText')}</p>
            <button type="button" className="button button--primary" onClick={() => void wizardActions.choose(app)} disabled={wizard.busy !== null} data-testid="choose-file">
              {t('import.choose.chooseButton')}
            </button>
            <p className="drop-zone__formats muted">{t('import.choose.formats')}</p>
          </>
        )}
      </div>
      <section className="choose-step__log">
        <h2>{t('import.log.recent')}</h2>
        <ImportLog height={260} />
      </section>
    </div>
  );
}
