import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { Popover } from '../../components/Popover';
import { workspaceActions } from './actions';
import { useNewPassword } from './password-fields';

/**
 * "New workspace…": where the new file goes is asked next; protected with a password from the
 * start when the person asks, so that nothing of theirs is ever written to it unencrypted.
 */
export function NewWorkspace() {
  const { t } = useTranslation();
  return (
    <Popover title={t('home.newWorkspace')} label={t('home.newWorkspace')} align="end" testId="new-workspace">
      {(close) => <NewWorkspaceForm close={close} />}
    </Popover>
  );
}

function NewWorkspaceForm({ close }: { close(): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const [protect, setProtect] = useState(false);
  const newPassword = useNewPassword();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const password = protect ? newPassword.check() : undefined;
    if (password === null) return;
    close();
    void workspaceActions.create(app, password);
  };
  return (
    <form className="workspace-password" onSubmit={submit}>
      <label className="field--check">
        <input type="checkbox" checked={protect} onChange={(event) => setProtect(event.target.checked)} data-testid="new-workspace-protect" />
        <span>{t('workspace.password.onCreate')}</span>
      </label>
      {protect ? newPassword.fields(t('workspace.password.password')) : null}
      <button type="submit" className="button button--primary" data-testid="new-workspace-create">
        {t('workspace.password.chooseWhere')}
      </button>
    </form>
  );
}
