import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/ipc/errors';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { useEscapeKey } from '../../components/useEscapeKey';
import { ErrorText } from './password-fields';

/**
 * Asks for the password of a protected workspace the person opened. A wrong password is said here
 * and the dialog stays; anything else goes to the error banner. Opening takes about a second: the
 * key is derived from the password with a deliberately slow function.
 */
export function UnlockDialog() {
  const { unlocking } = useApp();
  return unlocking === null ? null : <UnlockPanel key={unlocking} path={unlocking} />;
}

function UnlockPanel({ path }: { path: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEscapeKey(app.closePassword);
  const name = path.split(/[\\/]/).pop() ?? path;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    setWrong(false);
    try {
      await api['workspace.open']({ path, password });
      app.closePassword();
    } catch (error) {
      if (error instanceof AppError && error.code === 'workspace_locked') {
        setWrong(true);
        input.current?.select();
      } else {
        app.closePassword();
        app.showError(error);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal-backdrop">
      <form className="modal card" role="dialog" aria-modal="true" aria-labelledby="unlock-title" onSubmit={submit} data-testid="unlock-dialog">
        <h2 id="unlock-title">{t('workspace.password.unlockTitle')}</h2>
        <p>
          {t('workspace.password.unlockText', { name })}
        </p>
        <label className="field">
          <span>{t('workspace.password.password')}</span>
          <input ref={input} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} aria-invalid={wrong} data-testid="unlock-password" />
        </label>
        {wrong ? <ErrorText>{t('workspace.password.wrong')}</ErrorText> : null}
        <div className="modal__actions">
          <button type="button" className="button button--quiet" onClick={app.closePassword} data-testid="unlock-cancel">
            {t('workspace.password.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!password || busy} data-testid="unlock-open">
            {busy ? t('workspace.password.opening') : t('workspace.password.open')}
          </button>
        </div>
      </form>
    </div>
  );
}
