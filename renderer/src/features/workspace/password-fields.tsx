import { useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/domain/workspace';

/** A message under a field that is wrong, read out when it appears. */
export function ErrorText({ children }: { children: ReactNode }) {
  return (
    <p className="field-error" role="alert">
      {children}
    </p>
  );
}

/** A new password typed twice: its fields, and the check that says what is wrong before anything is sent. */
export function useNewPassword() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  /** The password when it may be used, else null (and the problem is shown). */
  const check = (): string | null => {
    if ([...password].length < MIN_PASSWORD_LENGTH) setProblem(t('workspace.password.tooShort', { min: MIN_PASSWORD_LENGTH }));
    else if (password !== again) setProblem(t('workspace.password.differ'));
    else return password;
    return null;
  };
  const edit = (setField: (value: string) => void) => (event: ChangeEvent<HTMLInputElement>) => {
    setField(event.target.value);
    setProblem(null);
  };
  const fields = (label: string) => (
    <>
      <label className="field">
        <span>{label}</span>
        <input type="password" autoComplete="new-password" value={password} onChange={edit(setPassword)} data-testid="password-new" />
      </label>
      <label className="field">
        <span>{t('workspace.password.again')}</span>
        <input type="password" autoComplete="new-password" value={again} onChange={edit(setAgain)} data-testid="password-again" />
      </label>
      {problem ? <ErrorText>{problem}</ErrorText> : null}
      <p className="muted small">{t('workspace.password.noRecovery')}</p>
    </>
  );
  return { check, fields };
}
