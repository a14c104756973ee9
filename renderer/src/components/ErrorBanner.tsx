import { useTranslation } from 'react-i18next';
import type { ShownError } from '../app/AppContext';

/** An error in words with what to do about it; never a stack trace. */
export function ErrorBanner({ error, onDismiss }: { error: ShownError; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-banner" role="alert">
      <div>
        <strong>{error.message}</strong>
        {error.hint ? <p>{error.hint}</p> : null}
      </div>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
