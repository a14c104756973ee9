import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale, type Theme } from '../../../../shared/domain/app-settings';
import type { AppInfo } from '../../../../shared/ipc/contract';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { LANGUAGE_NAMES } from '../../i18n';
import { AnalysisSettingsForm } from './AnalysisSettingsForm';

const THEMES: Theme[] = ['system', 'light', 'dark'];

export function SettingsScreen() {
  const { t } = useTranslation();
  const app = useApp();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    api['app.info']({}).then(setInfo).catch(app.showError);
  }, [app.showError]);
  if (!app.settings) return null;
  return (
    <div className="screen settings-screen">
      <header className="screen__header">
        <h1>{t('settings.title')}</h1>
      </header>
      <section className="card form">
        <h2>{t('settings.app')}</h2>
        <label className="field">
          <span>{t('settings.language')}</span>
          <select value={app.settings.locale} onChange={(event) => void app.updateSettings({ locale: event.target.value as Locale })} data-testid="language">
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {LANGUAGE_NAMES[locale]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('settings.theme')}</span>
          <select value={app.settings.theme} onChange={(event) => void app.updateSettings({ theme: event.target.value as Theme })}>
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`settings.themes.${theme}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--check">
          <input
            type="checkbox"
            checked={app.settings.keepRejectedValues}
            onChange={(event) => void app.updateSettings({ keepRejectedValues: event.target.checked })}
            data-testid="keep-rejected-values"
          />
          <span>{t('settings.keepRejectedValues')}</span>
        </label>
        <p className="muted small">{t('settings.keepRejectedValuesHelp')}</p>
      </section>
      <section className="card settings-analysis" aria-labelledby="analysis-settings-title">
        <h2 id="analysis-settings-title">
          {t('settings.analysis.title')}
          {app.workspace ? <span className="settings-analysis__workspace"> — {app.workspace.name}</span> : null}
        </h2>
        <AnalysisSettingsForm />
      </section>
      {info ? (
        <section className="card">
          <h2>{t('settings.about')}</h2>
          <p>
            {info.name} — {t('settings.version', { version: info.version })}
          </p>
          <p className="muted">
            {t('settings.dataDir')}: <code>{info.dataDir}</code>
          </p>
        </section>
      ) : null}
    </div>
  );
}
