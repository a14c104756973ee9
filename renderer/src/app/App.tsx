import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { JobBar } from '../components/JobBar';
import { useAnalysisSync } from '../features/analysis/store';
import { useDropToImport } from '../features/import/window-drop';
import { Glossary } from '../features/help/Glossary';
import { UnlockDialog } from '../features/workspace/UnlockDialog';
import { ChannelsScreen } from '../features/channels/ChannelsScreen';
import { CohortsScreen } from '../features/cohorts/CohortsScreen';
import { CustomersScreen } from '../features/customers/CustomersScreen';
import { DataScreen } from '../features/data/DataScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { LadderScreen } from '../features/ladder/LadderScreen';
import { ModelsScreen } from '../features/models/ModelsScreen';
import { ReportScreen } from '../features/report/ReportScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { StrategiesScreen } from '../features/strategies/StrategiesScreen';
import { WhatIfScreen } from '../features/whatif/WhatIfScreen';
import { AppProvider, useApp, type Route } from './AppContext';
import { SCREEN_SHORTCUTS, useAppCommands } from './commands';

const SCREENS: Record<Route, () => React.JSX.Element | null> = {
  home: HomeScreen,
  data: DataScreen,
  import: ImportScreen,
  ladder: LadderScreen,
  strategies: StrategiesScreen,
  customers: CustomersScreen,
  cohorts: CohortsScreen,
  channels: ChannelsScreen,
  whatif: WhatIfScreen,
  models: ModelsScreen,
  report: ReportScreen,
  settings: SettingsScreen,
};

/** The sidebar: the analysis screens first (what the app is for), then the data they are made from. */
const NAVIGATION: { group: string | null; items: { route: Route; needsWorkspace: boolean }[] }[] = [
  { group: null, items: [{ route: 'home', needsWorkspace: false }] },
  {
    group: 'analysis',
    items: [
      { route: 'ladder', needsWorkspace: true },
      { route: 'strategies', needsWorkspace: true },
      { route: 'customers', needsWorkspace: true },
      { route: 'cohorts', needsWorkspace: true },
      { route: 'channels', needsWorkspace: true },
      { route: 'whatif', needsWorkspace: true },
      { route: 'models', needsWorkspace: true },
      { route: 'report', needsWorkspace: true },
    ],
  },
  {
    group: 'data',
    items: [
      { route: 'data', needsWorkspace: true },
      { route: 'import', needsWorkspace: true },
    ],
  },
  { group: null, items: [{ route: 'settings', needsWorkspace: false }] },
];

const shortcutOf = (route: Route) => Object.entries(SCREEN_SHORTCUTS).find(([, target]) => target === route)?.[0];

function Shell() {
  const { t } = useTranslation();
  const app = useApp();
  useAppCommands();
  useAnalysisSync(app);
  useDropToImport(app);
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
        {NAVIGATION.map(({ group, items }, index) => (
          <div className="nav-group" key={group ?? `group-${index}`}>
            {group ? <div className="nav-group__title">{t(`nav.groups.${group}`)}</div> : null}
            <ul>
              {items.map(({ route, needsWorkspace }) => {
                const digit = shortcutOf(route);
                return (
                  <li key={route}>
                    <button
                      type="button"
                      className={`nav-item${app.route === route ? ' nav-item--active' : ''}`}
                      aria-current={app.route === route ? 'page' : undefined}
                      aria-keyshortcuts={digit ? `Control+${digit}` : undefined}
                      disabled={needsWorkspace && !app.workspace}
                      onClick={() => app.navigate(route)}
                      data-route={route}
                    >
                      <span>{t(`nav.${route}`)}</span>
                      {digit ? <kbd className="nav-item__key">{`Ctrl+${digit}`}</kbd> : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
        <button type="button" className="button button--quiet help-button" onClick={() => app.openGlossary()} aria-keyshortcuts="F1" data-testid="help">
          {t('glossary.button')}
        </button>
        <p className="sidebar__hint muted">{t('shortcuts.hint')}</p>
      </nav>
      <main className="main">
        {app.error ? <ErrorBanner error={app.error} onDismiss={app.dismissError} /> : null}
        {app.workspace?.viewOnly ? (
          <p className="view-only-banner" role="status" data-testid="view-only">
            {t('workspace.viewOnly', { path: app.workspace.path })}
          </p>
        ) : null}
        {app.job && app.job.screen !== app.route ? <JobBar job={app.job} /> : null}
        <ErrorBoundary key={app.route} area={`screen/${app.route}`} variant="screen">
          <Screen />
        </ErrorBoundary>
      </main>
      <Glossary />
      <UnlockDialog />
    </div>
  );
}

export function App() {
  return (
    <ErrorBoundary area="app" variant="screen">
      <AppProvider>
        <Shell />
      </AppProvider>
    </ErrorBoundary>
  );
}
