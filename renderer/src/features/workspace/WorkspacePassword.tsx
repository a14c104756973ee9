import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/domain/workspace';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { Popover } from '../../components/Popover';
import { ErrorText } from './password-fields';

/**
 * "Password…": protects the open workspace with a password (the whole file is encrypted), changes
 * it, or removes it. There is no way back from a forgotten password, and the panel says so.
 */
export function WorkspacePassword() {
  const { t } = useTranslation();
  const app = useApp();
  if (!app.workspace) return null;
  const isProtected = app.workspace.protected;
  return (
    <Popover title={t('workspace.password.title')} label={isProtected ? t('workspace.password.buttonProtected') : t('workspace.password.button')} align="end" testId="workspace-password">
      {(close) => <PasswordForm isProtected={isProtected} close={close} />}
    </Popover>
  );
}

function PasswordForm({ isProtected, close }: { isProtected: boolean; close(): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const edit = (setField: (value: string) => void, value: string) => {
    setField(value);
    setProblem(null);
  };
  const set = async (next: string | null) => {
    close();
    await app.runJob(next === null ? t('workspace.password.removing') : t('workspace.password.encrypting'), (options) => api['workspace.setPassword']({ password: next }, options));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if ([...password].length < MIN_PASSWORD_LENGTH) return setProblem(t('workspace.password.tooShort', { min: MIN_PASSWORD_LENGTH }));
    if (password !== again) return setProblem(t('workspace.password.differ'));
    void set(password);
  };
  return (
    <form className="workspace-password" onSubmit={submit}>
      <p className="muted small">{isProtected ? t('workspace.password.isProtected') : t('workspace.password.what')}</p>
      <label className="field">
        <span>{isProtected ? t('workspace.password.newPassword') : t('workspace.password.password')}</span>
        <input type="password" autoComplete="new-password" value={password} onChange={(event) => edit(setPassword, event.target.value)} data-testid="password-new" />
      </label>
      <label className="field">
        <span>{t('workspace.password.again')}</span>
        <input type="password" autoComplete="new-password" value={again} onChange={(event) => edit(setAgain, event.target.value)} data-testid="password-again" />
      </label>
      {problem ? <ErrorText>{problem}</ErrorText> : null}
      <p className="muted small">{t('workspace.password.noRecovery')}</p>
      <button type="submit" className="button button--primary" data-testid="password-set">
        {isProtected ? t('workspace.password.change') : t('workspace.password.protect')}
      </button>
      {isProtected ? (
        <button type="button" className="button" onClick={() => void set(null)} data-testid="password-remove">
          {t('workspace.password.remove')}
        </button>
      ) : null}
    </form>
  );
}
