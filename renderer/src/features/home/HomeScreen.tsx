import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentWorkspace, SampleName, WorkspaceSummary } from '../../../../shared/domain/workspace';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { FitFigure } from '../../components/FitFigure';
import { useFormat } from '../../i18n/format';
import { workspaceActions } from '../workspace/actions';
import { NewWorkspace } from '../workspace/NewWorkspace';

function Figures({ summary }: { summary: WorkspaceSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = summary.firstDate && summary.lastDate ? `${format.date(summary.firstDate)} – ${format.date(summary.lastDate)}` : '—';
  return (
    <dl className="figures">
      <div>
        <dt>{t('home.customers')}</dt>
        <dd data-figure="customers">{format.integer(summary.customers)}</dd>
      </div>
      <div>
        <dt>{t('home.transactions')}</dt>
        <dd data-figure="transactions">{format.integer(summary.transactions)}</dd>
      </div>
      <div>
        <dt>{t('home.revenue')}</dt>
        <dd data-figure="revenue">
          <FitFigure value={format.money(summary.revenue)} compact={format.compactMoney(summary.revenue)} />
        </dd>
      </div>
      <div>
        <dt>{t('home.period')}</dt>
        <dd className="figures__text">{period}</dd>
      </div>
      <div>
        <dt>{t('home.size')}</dt>
        <dd className="figures__text">{format.bytes(summary.sizeBytes)}</dd>
      </div>
      <div>
        <dt>{t('home.lastAnalysis')}</dt>
        <dd className="figures__text">{summary.lastAnalysisAt ? format.dateTime(summary.lastAnalysisAt) : t('home.never')}</dd>
      </div>
    </dl>
  );
}

function RecentCard({ entry, isOpen, onChanged }: { entry: RecentWorkspace; isOpen: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const forget = async () => {
    try {
      await api['workspace.forget']({ path: entry.path });
      onChanged();
    } catch (error) {
      app.showError(error);
    }
  };
  return (
    <li className={`card workspace-card${isOpen ? ' workspace-card--open' : ''}`} data-testid="recent-workspace" data-path={entry.path}>
      <div className="workspace-card__head">
        <h3>{entry.name}</h3>
        {isOpen ? <span className="badge">{t('home.current_badge')}</span> : null}
        {!entry.exists ? <span className="badge badge--warn">{t('home.missing')}</span> : null}
        {entry.protected ? (
          <span className="badge" data-testid="protected-badge">
            {t('home.protectedBadge')}
          </span>
        ) : null}
      </div>
      <p className="workspace-card__path" title={entry.path}>
        {entry.path}
      </p>
      {entry.summary ? <Figures summary={entry.summary} /> : entry.protected ? <p className="muted">{t('home.protectedText')}</p> : null}
      <div className="workspace-card__actions">
        <span className="muted">{t('home.opened', { when: format.dateTime(entry.openedAt) })}</span>
        <button type="button" className="button button--quiet" onClick={() => void forget()}>
          {t('home.forget')}
        </button>
        <button type="button" className="button" disabled={!entry.exists || isOpen} onClick={() => void workspaceActions.openPath(app, entry.path).then(onChanged)}>
          {t('home.open')}
        </button>
      </div>
    </li>
  );
}

const SAMPLES: { sample: SampleName; title: string; text: string }[] = [
  { sample: 'demo', title: 'home.demoTitle', text: 'home.demoText' },
  { sample: 'cdnow', title: 'home.cdnowTitle', text: 'home.cdnowText' },
];

export function HomeScreen() {
  const { t } = useTranslation();
  const app = useApp();
  const [recent, setRecent] = useState<RecentWorkspace[] | null>(null);
  const refresh = useCallback(() => {
    api['workspace.recent']({}).then(setRecent).catch(app.showError);
  }, [app.showError]);
  useEffect(refresh, [refresh, app.workspace]);

  return (
    <div className="screen home-screen">
      <header className="screen__header">
        <div>
          <h1>{t('home.title')}</h1>
          <p className="muted">{t('app.tagline')}</p>
        </div>
        <div className="toolbar">
          <NewWorkspace />
          <button type="button" className="button button--primary" onClick={() => void workspaceActions.open(app)} data-testid="open-workspace">
            {t('home.openWorkspace')}
          </button>
        </div>
      </header>

      <section className="card start-card" aria-labelledby="start-heading" data-testid="start-card">
        <div>
          <h2 id="start-heading" className="start-card__title">
            {t('home.start.title')}
          </h2>
          <p className="muted">{t('home.start.text')}</p>
        </div>
        <button
          type="button"
          className="button button--primary"
          disabled={app.job !== null}
          onClick={() =>
            void workspaceActions.forOwnData(app).then((workspace) => {
              if (workspace) app.navigate('import');
            })
          }
          data-testid="import-own-data"
        >
          {t('home.start.import')}
        </button>
      </section>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('home.recent')}</h2>
        {recent && recent.length === 0 ? <EmptyState title={t('home.noRecent')} /> : null}
        <ul className="card-grid">
          {(recent ?? []).map((entry) => (
            <RecentCard key={entry.path} entry={entry} isOpen={app.workspace?.path === entry.path} onChanged={refresh} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="samples-heading">
        <h2 id="samples-heading">{t('home.samples')}</h2>
        <ul className="card-grid">
          {SAMPLES.map(({ sample, title, text }) => (
            <li key={sample} className="card sample-card" data-testid={`sample-${sample}`}>
              <h3>{t(title)}</h3>
              <p className="muted">{t(text)}</p>
              <button type="button" className="button" disabled={app.job !== null} onClick={() => void workspaceActions.openSample(app, sample)}>
                {t('home.openSample')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
