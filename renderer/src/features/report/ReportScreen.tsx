import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../shared/domain/app-settings';
import { REPORT_PAGE_SIZES, REPORT_SECTIONS, type ReportPageSize, type ReportResult, type ReportSection } from '../../../../shared/domain/report';
import type { SavedScenario } from '../../../../shared/domain/whatif';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { LANGUAGE_NAMES } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { Panel } from '../analysis/AnalysisFrame';
import { useAnalysis } from '../analysis/store';
import { JobProgress } from '../models/JobProgress';

/** A file name from the workspace's name: letters, digits, dashes. */
function suggestedName(workspace: string, locale: Locale): string {
  const base = workspace.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'report';
  return `${base}-report-${locale}.pdf`;
}

/** The saved what-if scenarios marked for the report; null while loading, an error message when they cannot be read. */
function useReportScenarios(): { scenarios: SavedScenario[] | null; failed: boolean } {
  const app = useApp();
  const path = app.workspace?.path ?? null;
  const [state, setState] = useState<{ path: string | null; scenarios: SavedScenario[] | null; failed: boolean }>({ path: null, scenarios: null, failed: false });
  useEffect(() => {
    let alive = true;
    if (!path) return;
    api['whatif.list']({})
      .then((list) => {
        if (alive) setState({ path, scenarios: list.filter((saved) => saved.forReport), failed: false });
      })
      .catch(() => {
        if (alive) setState({ path, scenarios: [], failed: true });
      });
    return () => {
      alive = false;
    };
  }, [path]);
  return state.path === path ? { scenarios: state.scenarios, failed: state.failed } : { scenarios: null, failed: false };
}

/** The choices and the last result of the screen, kept while the workspace stays open (moving to another screen and back keeps them). */
interface Draft {
  workspacePath: string | null;
  sections: Set<ReportSection>;
  locale: Locale | null;
  pageSize: ReportPageSize;
  client: string | null;
  author: string | null;
  result: ReportResult | null;
}
let kept: Draft | null = null;

/** The PDF report for a client: sections, the client's language, page size and cover, then Create PDF. */
export function ReportScreen() {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const analysis = useAnalysis();
  const settings = analysis.settings;
  const workspacePath = app.workspace?.path ?? null;
  const [draft] = useState<Draft | null>(() => (kept && kept.workspacePath === workspacePath ? kept : null));
  const [sections, setSections] = useState<Set<ReportSection>>(() => draft?.sections ?? new Set(REPORT_SECTIONS));
  const [locale, setLocale] = useState<Locale>(draft?.locale ?? app.settings?.locale ?? 'en');
  const [pageSize, setPageSize] = useState<ReportPageSize>(draft?.pageSize ?? 'A4');
  const [client, setClient] = useState<string | null>(draft?.client ?? null);
  const [author, setAuthor] = useState<string | null>(draft?.author ?? null);
  const [result, setResult] = useState<ReportResult | null>(draft?.result ?? null);
  const { scenarios, failed } = useReportScenarios();
  useEffect(() => {
    kept = { workspacePath, sections, locale, pageSize, client, author, result };
  }, [workspacePath, sections, locale, pageSize, client, author, result]);

  if (!app.workspace) return <EmptyState title={t('errors.noWorkspace')} />;
  const workspace = app.workspace;
  const clientValue = client ?? settings?.reportClient ?? '';
  const authorValue = author ?? settings?.reportAuthor ?? '';
  const run = analysis.latest;
  const busy = app.job !== null;
  const noData = workspace.transactions === 0;

  const toggle = (section: ReportSection, on: boolean) =>
    setSections((current) => {
      const next = new Set(current);
      if (on) next.add(section);
      else next.delete(section);
      return next;
    });

  const create = async () => {
    const chosen = REPORT_SECTIONS.filter((section) => sections.has(section));
    if (chosen.length === 0 || busy) return;
    let path: string | null;
    try {
      path = await api['dialog.chooseFile']({ purpose: 'savePdf', suggestedName: suggestedName(workspace.name, locale) });
    } catch (error) {
      app.showError(error);
      return;
    }
    if (!path) return;
    setResult(null);
    const cover = { ...(clientValue.trim() ? { client: clientValue.trim() } : {}), ...(authorValue.trim() ? { author: authorValue.trim() } : {}) };
    const written = await app.runJob(t('report.creating'), (options) => api['report.create']({ path, locale, sections: chosen, pageSize, ...cover }, options), { screen: 'report' });
    if (written) setResult(written);
  };

  return (
    <div className="screen analysis-screen report-screen" data-testid="report-screen">
      <header className="screen__header analysis-header">
        <div className="analysis-header__title">
          <h1>{t('report.title')}</h1>
          <p className="muted analysis-header__meta" data-testid="report-basis">
            {noData
              ? t('report.basis.noData')
              : run
                ? run.stale
                  ? t('report.basis.stale', { date: format.date(run.summary.asOf) })
                  : t('report.basis.latest', { date: format.date(run.summary.asOf), when: format.dateTime(run.createdAt) })
                : t('report.basis.none')}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button button--primary" disabled={busy || sections.size === 0 || noData} onClick={() => void create()} data-testid="report-create">
            {t('report.create')}
          </button>
        </div>
      </header>
      <JobProgress screen="report" stageKey="report.stages" testId="report-progress" />
      {result ? (
        <div className="result card report-result" role="status" data-testid="report-result">
          <span className="result__icon" aria-hidden="true">
            ✓
          </span>
          <div className="result__body">
            <h2 className="result__title">{t('report.done.title')}</h2>
            <p data-testid="report-result-figures">{t('report.done.figures', { pages: format.integer(result.pages), size: format.bytes(result.bytes) })}</p>
            <p className="report-result__path">
              <span className="muted">{t('report.done.savedTo')}</span> <code dir="ltr" data-testid="report-result-path">{result.path}</code>
            </p>
            <div className="result__actions">
              <button type="button" className="button button--primary" onClick={() => void api['report.show']({ how: 'open' }).catch(app.showError)} data-testid="report-open">
                {t('report.done.open')}
              </button>
              <button type="button" className="button" onClick={() => void api['report.show']({ how: 'folder' }).catch(app.showError)} data-testid="report-show-folder">
                {t('report.done.showInFolder')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
      <div className="dashboard report">
        <Panel
          title={t('report.sections.title')}
          subtitle={t('report.sections.subtitle', { n: format.integer(sections.size), total: format.integer(REPORT_SECTIONS.length) })}
          actions={
            <>
              <button type="button" className="button button--quiet button--small" onClick={() => setSections(new Set(REPORT_SECTIONS))} data-testid="sections-all">
                {t('report.sections.all')}
              </button>
              <button type="button" className="button button--quiet button--small" onClick={() => setSections(new Set())} data-testid="sections-none">
                {t('report.sections.none')}
              </button>
            </>
          }
          testId="report-sections"
        >
          <div className="report-sections">
            {REPORT_SECTIONS.map((section) => (
              <label key={section} className="check-option">
                <input type="checkbox" checked={sections.has(section)} onChange={(event) => toggle(section, event.target.checked)} data-section={section} />
                <span>
                  <strong>{t(`report.sections.${section}.name`)}</strong>
                  <span className="muted">{t(`report.sections.${section}.description`)}</span>
                </span>
              </label>
            ))}
          </div>
          {sections.size === 0 ? <p className="setting__error">{t('report.sections.chooseOne')}</p> : null}
        </Panel>
        <div className="report__side">
          <Panel title={t('report.options.title')} testId="report-options">
            <div className="facts__grid report-options">
              <label className="fact">
                <span className="fact__label">{t('report.options.language')}</span>
                <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)} data-testid="report-locale">
                  {LOCALES.map((code) => (
                    <option key={code} value={code}>
                      {LANGUAGE_NAMES[code]}
                    </option>
                  ))}
                </select>
                <span className="fact__hint muted">{t('report.options.languageHint')}</span>
              </label>
              <fieldset className="fact report-options__pages">
                <legend className="fact__label">{t('report.options.pageSize')}</legend>
                <div className="report-options__radios">
                  {REPORT_PAGE_SIZES.map((size) => (
                    <label key={size} className="check-inline">
                      <input type="radio" name="report-page-size" value={size} checked={pageSize === size} onChange={() => setPageSize(size)} data-testid={`page-${size}`} />
                      {t(`report.options.pages.${size}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
              <label className="fact">
                <span className="fact__label">{t('report.options.client')}</span>
                <input type="text" value={clientValue} maxLength={200} placeholder={workspace.name} onChange={(event) => setClient(event.target.value.replace(/[\r\n]+/g, ' '))} data-testid="report-client" />
              </label>
              <label className="fact">
                <span className="fact__label">{t('report.options.author')}</span>
                <input type="text" value={authorValue} maxLength={200} onChange={(event) => setAuthor(event.target.value.replace(/[\r\n]+/g, ' '))} data-testid="report-author" />
              </label>
            </div>
            <p className="muted small">{t('report.options.coverHint')}</p>
          </Panel>
          <Panel title={t('report.whatif.title')} testId="report-whatif">
            {scenarios === null ? (
              <p className="muted">{t('analysis.loading')}</p>
            ) : scenarios.length === 0 ? (
              <p className="muted" data-testid="report-whatif-none">
                {failed ? t('report.whatif.failed') : t('report.whatif.none')}
              </p>
            ) : (
              <ul className="report-scenarios" data-testid="report-scenarios">
                {scenarios.map((saved) => (
                  <li key={saved.id}>
                    <strong>{saved.name}</strong> <span className="muted small">{t('report.whatif.updated', { when: format.dateTime(saved.updatedAt) })}</span>
                  </li>
                ))}
              </ul>
            )}
            {!sections.has('whatif') && scenarios && scenarios.length > 0 ? <p className="muted small">{t('report.whatif.sectionOff')}</p> : null}
            <div>
              <button type="button" className="button button--small" onClick={() => app.navigate('whatif')} data-testid="open-whatif">
                {t('report.whatif.open')}
              </button>
            </div>
          </Panel>
        </div>
      </div>
    </div>
  );
}
