import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { Popover } from '../../components/Popover';
import { useNewPassword } from './password-fields';

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
  const newPassword = useNewPassword();
  const set = async (next: string | null) => {
    close();
    await app.runJob(next === null ? t('workspace.password.removing') : t('workspace.password.encrypting'), (options) => api['workspace.setPassword']({ password: next }, options));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const password = newPassword.check();
    if (password !== null) void set(password);
  };
  return (
    <form className="workspace-password" onSubmit={submit}>
      <p className="muted small">{isProtected ? t('workspace.password.isProtected') : t('workspace.password.what')}</p>
      {newPassword.fields(isProtected ? t('workspace.password.newPassword') : t('workspace.password.password'))}
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
