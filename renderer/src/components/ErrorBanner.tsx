import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/ipc/errors';
import { describeError } from '../i18n/errors';
import { useFormat } from '../i18n/format';

/** An error in words with what to do about it, in the person's language; never a stack trace. */
export function ErrorBanner({ error, onDismiss }: { error: AppError; onDismiss: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = describeError(error, t, format);
  return (
    <div className="error-banner" role="alert" data-error-key={error.key}>
      <div>
        <strong>{words.message}</strong>
        {words.hint ? <p>{words.hint}</p> : null}
      </div>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
