import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { JobBar } from '../components/JobBar';
import { DataScreen } from '../features/data/DataScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { AppProvider, useApp, type Route } from './AppContext';
import { useAppCommands } from './commands';

const SCREENS: Record<Route, () => React.JSX.Element | null> = {
  home: HomeScreen,
  data: DataScreen,
  import: ImportScreen,
  settings: SettingsScreen,
};

const NAVIGATION: { route: Route; needsWorkspace: boolean }[] = [
  { route: 'home', needsWorkspace: false },
  { route: 'data', needsWorkspace: true },
  { route: 'import', needsWorkspace: true },
  { route: 'settings', needsWorkspace: false },
];

function Shell() {
  const { t } = useTranslation();
  const app = useApp();
  useAppCommands();
  if (!app.settings) return <div className="splash">{t('app.name')}</div>;
  const Screen = SCREENS[app.route];
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('app.name')}>
        <div className="sidebar__brand">
          <span className="logo" aria-hidden="true" />
          {t('app.name')}
        </div>
        <div className="sidebar__workspace" data-testid="current-workspace">
          <span className="muted">{t('nav.workspace')}</span>
          <strong>{app.workspace?.name ?? t('nav.noWorkspace')}</strong>
        </div>
        <ul>
          {NAVIGATION.map(({ route, needsWorkspace }) => (
            <li key={route}>
              <button
                type="button"
                className={`nav-item${app.route === route ? ' nav-item--active' : ''}`}
                aria-current={app.route === route ? 'page' : undefined}
                disabled={needsWorkspace && !app.workspace}
                onClick={() => app.navigate(route)}
                data-route={route}
              >
                {t(`nav.${route}`)}
              </button>
            </li>
          ))}
        </ul>
        <p className="sidebar__hint muted">{t('shortcuts.hint')}</p>
      </nav>
      <main className="main">
        {app.error ? <ErrorBanner error={app.error} onDismiss={app.dismissError} /> : null}
        {app.job && app.job.screen !== app.route ? <JobBar job={app.job} /> : null}
        <Screen />
      </main>
    </div>
  );
}

export function App() {
  return (
    <AppProvider>
      <Shell />
    </AppProvider>
  );
}
