import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DuplicateRow, type ImportIssue, type ImportKind, type ImportSummary, type ImportWarning } from '../../../../shared/domain/import';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { Grid } from '../../components/grid/Grid';
import { useFormat } from '../../i18n/format';
import { FileValueCell } from './cells';
import { InlineProgress } from './InlineProgress';
import { issueReason, profileName } from './issue-reason';
import { PreviousImportBanner } from './PreviousImportBanner';
import { wizardActions, type WizardState } from './wizard';

type Tab = 'rejected' | 'duplicates' | 'skipped';
/** Kinds whose rows carry an amount to add up (amount, cost or spend). */
const TOTALLED: ReadonlySet<ImportKind> = new Set(['transactions', 'costs', 'marketing']);

export type FigureName = 'accepted' | 'rejected' | 'skipped' | 'duplicates' | 'total';

export function Figure({ name, value, unit, label, hint, tone }: { name: FigureName; value: string; unit?: string | null; label: string; hint?: string; tone?: 'good' | 'bad' | 'warn' | undefined }) {
  return (
    <div className={`figure figure--${name}${tone ? ` figure--${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd data-figure={name} title={unit ? `${value} ${unit}` : value}>
        <bdi>{value}</bdi>
        {unit ? (
          <>
            {' '}
            <span className="figure__unit">{unit}</span>
          </>
        ) : null}
      </dd>
      {hint ? <span className="figure__hint muted">{hint}</span> : null}
    </div>
  );
}

export function SummaryFigures({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="summary-figures" data-testid="summary">
      <Figure name="accepted" label={t('import.check.accepted')} hint={t('import.check.acceptedHint')} value={format.integer(summary.accepted)} tone="good" />
      <Figure name="rejected" label={t('import.check.rejected')} hint={t('import.check.rejectedHint')} value={format.integer(summary.rejectedCount)} tone={summary.rejectedCount > 0 ? 'bad' : undefined} />
      <Figure name="skipped" label={t('import.check.skipped')} hint={t('import.check.skippedHint')} value={format.integer(summary.skippedCount)} />
      <Figure name="duplicates" label={t('import.check.duplicates')} hint={t('import.check.duplicatesHint')} value={format.integer(summary.duplicateCount)} tone={summary.duplicateCount > 0 ? 'warn' : undefined} />
      {TOTALLED.has(summary.kind) ? <Figure name="total" label={t(`import.check.total.${summary.kind}`)} hint={t('import.check.totalHint')} value={format.money(summary.total)} unit={summary.detected.currency} /> : null}
    </dl>
  );
}

function IssueGrid<T>({ rows, columns, testId }: { rows: T[]; columns: ColDef<T>[]; testId: string }) {
  return (
    <div className="issue-grid" data-testid={testId}>
      <Grid<T>
        rowData={rows}
        columnDefs={columns}
        defaultColDef={{ resizable: true, sortable: true, filter: false, minWidth: 90 }}
        tooltipShowDelay={400}
      />
    </div>
  );
}

function IssueTabs({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [tab, setTab] = useState<Tab>('rejected');
  const line = t('import.check.columns.line');

  const rejectedColumns = useMemo<ColDef<ImportIssue>[]>(
    () => [
      { colId: 'line', field: 'line', headerName: line, width: 100, type: 'rightAligned', sort: 'asc', valueFormatter: ({ value }) => format.integer(Number(value)) },
      { colId: 'column', field: 'column', headerName: t('import.check.columns.column'), width: 170, valueFormatter: ({ value }) => (value as string | null) ?? '—' },
      { colId: 'value', field: 'value', headerName: t('import.check.columns.value'), flex: 1, minWidth: 160, cellClass: 'cell--mono', cellRenderer: FileValueCell, tooltipField: 'value' },
      { colId: 'reason', headerName: t('import.check.columns.reason'), flex: 2, minWidth: 220, valueGetter: ({ data }) => (data ? issueReason(t, format.integer, data) : ''), tooltipValueGetter: ({ value }) => value as string },
    ],
    [t, line, format],
  );
  const duplicateColumns = useMemo<ColDef<DuplicateRow>[]>(
    () => [
      { colId: 'line', field: 'line', headerName: line, width: 120, type: 'rightAligned', sort: 'asc', valueFormatter: ({ value }) => format.integer(Number(value)) },
      { colId: 'of', field: 'of', headerName: t('import.check.columns.of'), flex: 1, valueFormatter: ({ value }) => format.integer(Number(value)) },
    ],
    [t, line, format],
  );
  const skippedColumns = useMemo<ColDef<ImportSummary['skipped'][number]>[]>(
    () => [
      { colId: 'line', field: 'line', headerName: line, width: 120, type: 'rightAligned', sort: 'asc', valueFormatter: ({ value }) => format.integer(Number(value)) },
      { colId: 'reason', headerName: t('import.check.columns.reason'), flex: 1, valueGetter: ({ data }) => (data ? issueReason(t, format.integer, data) : '') },
    ],
    [t, line, format],
  );

  const tabs: { id: Tab; count: number; shown: number }[] = [
    { id: 'rejected', count: summary.rejectedCount, shown: summary.rejected.length },
    { id: 'duplicates', count: summary.duplicateCount + summary.possibleDuplicateCount, shown: summary.duplicates.length },
    { id: 'skipped', count: summary.skippedCount, shown: summary.skipped.length },
  ];
  const current = tabs.find((candidate) => candidate.id === tab) ?? tabs[0];

  return (
    <section className="card issues" aria-label={t('import.check.issuesTitle')}>
      <div className="tabs" role="tablist">
        {tabs.map(({ id, count }) => (
          <button key={id} type="button" role="tab" aria-selected={id === tab} className={`tab${id === tab ? ' tab--active' : ''}`} onClick={() => setTab(id)} data-testid={`issues-tab-${id}`}>
            {t(`import.check.tabs.${id}`)}
            <span className={`tab__count${count > 0 && id === 'rejected' ? ' tab__count--bad' : ''}`}>{format.integer(count)}</span>
          </button>
        ))}
      </div>
      {current && current.count > current.shown ? (
        <p className="muted issues__truncated">{t('import.check.truncated', { shown: format.integer(current.shown), total: format.integer(current.count) })}</p>
      ) : null}
      {tab === 'rejected' ? (
        summary.rejectedCount === 0 ? (
          <EmptyState title={t('import.check.noRejected')} />
        ) : (
          <IssueGrid rows={summary.rejected} columns={rejectedColumns} testId="rejected-grid" />
        )
      ) : tab === 'duplicates' ? (
        summary.duplicateCount + summary.possibleDuplicateCount === 0 ? (
          <EmptyState title={t('import.check.noDuplicates')} />
        ) : (
          <IssueGrid rows={summary.duplicates} columns={duplicateColumns} testId="duplicates-grid" />
        )
      ) : summary.skippedCount === 0 ? (
        <EmptyState title={t('import.check.noSkipped')} />
      ) : (
        <IssueGrid rows={summary.skipped} columns={skippedColumns} testId="skipped-grid" />
      )}
    </section>
  );
}

/** What the check found besides the counts: the export it recognised, refunds netted, rows without a customer, repeats kept. */
function CheckFacts({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (value: number) => `${format.money(value)}${summary.detected.currency ? ` ${summary.detected.currency}` : ''}`;
  const lines = [
    summary.detected.profile ? { key: 'profile', text: t('import.check.profile', { profile: profileName(t, summary.detected.profile) }) } : null,
    summary.refunds.count > 0 ? { key: 'refunds', text: t('import.check.refunds', { count: format.integer(summary.refunds.count), amount: money(summary.refunds.amount) }) } : null,
    summary.unknownCustomer.rows > 0 ? { key: 'unknown', text: t('import.check.unknownCustomer', { rows: format.integer(summary.unknownCustomer.rows), amount: money(summary.unknownCustomer.amount) }) } : null,
    summary.possibleDuplicateCount > 0 ? { key: 'possible', text: `${t('import.check.possibleDuplicates')}: ${format.integer(summary.possibleDuplicateCount)} — ${t('import.check.possibleDuplicatesHint')}` } : null,
  ].filter((line): line is { key: string; text: string } => line !== null);
  if (lines.length === 0) return null;
  return (
    <ul className="card check-facts" data-testid="check-facts">
      {lines.map((line) => (
        <li key={line.key} data-fact={line.key}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}

/** What needs the person's yes before the import, in words, with the yes (ambiguous dates need the date format instead). */
function Warnings({ summary, accepted }: { summary: ImportSummary; accepted: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dates = summary.warnings.some((warning) => warning.code === 'ambiguous_dates');
  const words = (warning: ImportWarning) => {
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(warning.params)) {
      if (name === 'share') values[name] = format.percent(Number(value));
      else if (name === 'amount') values[name] = format.money(Number(value));
      else if (name === 'kind') values[name] = t(`import.kinds.${String(value)}`);
      else values[name] = typeof value === 'number' ? format.integer(value) : value;
    }
    return t(`import.check.warnings.${warning.code}`, values);
  };
  return (
    <section className="card check-warnings" role="alert" data-testid="import-warnings">
      <h3>{t('import.check.warningsTitle')}</h3>
      <ul>
        {summary.warnings.map((warning) => (
          <li key={warning.code} data-warning={warning.code}>
            {words(warning)}
          </li>
        ))}
      </ul>
      {dates ? (
        <p className="muted">{t('import.check.datesAmbiguousHint')}</p>
      ) : (
        <label className="check-option">
          <input type="checkbox" checked={accepted} onChange={(event) => wizardActions.setAcceptWarnings(event.target.checked)} data-testid="accept-warnings" />
          <strong>{t('import.check.acceptWarnings')}</strong>
        </label>
      )}
    </section>
  );
}

/** Step 3: every row checked, nothing written; the summary, the options of the import and the rows it leaves out. */
export function CheckStep({ wizard }: { wizard: WizardState }) {
  const { t } = useTranslation();
  const app = useApp();
  const { summary, preview } = wizard;
  const job = app.job?.screen === 'import' ? app.job : null;

  return (
    <div className="check-step">
      {preview?.previousImport ? <PreviousImportBanner previous={preview.previousImport} replace={wizard.replacePrevious} /> : null}
      {wizard.busy === 'check' ? (
        <InlineProgress job={job} title={t('import.jobs.check')} />
      ) : summary ? (
        <>
          <SummaryFigures summary={summary} />
          <CheckFacts summary={summary} />
          {summary.warnings.length > 0 ? <Warnings summary={summary} accepted={wizard.acceptWarnings} /> : null}
          <section className="card check-options" aria-label={t('import.check.optionsTitle')}>
            <label className="check-option">
              <input type="checkbox" checked={wizard.keepDuplicates} disabled={wizard.busy !== null} onChange={(event) => void wizardActions.setKeepDuplicates(app, event.target.checked)} data-testid="keep-duplicates" />
              <span>
                <strong>{t('import.check.keepDuplicates')}</strong>
                <span className="muted">{t('import.check.keepDuplicatesHint')}</span>
              </span>
            </label>
            <label className="check-option">
              <input
                type="checkbox"
                checked={wizard.dropPossibleDuplicates}
                disabled={wizard.busy !== null || wizard.keepDuplicates}
                onChange={(event) => void wizardActions.setDropPossibleDuplicates(app, event.target.checked)}
                data-testid="drop-possible-duplicates"
              />
              <span>
                <strong>{t('import.check.dropPossibleDuplicates')}</strong>
                <span className="muted">{t('import.check.dropPossibleDuplicatesHint')}</span>
              </span>
            </label>
            <label className="check-option">
              <input type="checkbox" checked={wizard.strict} disabled={wizard.busy !== null} onChange={(event) => wizardActions.setStrict(event.target.checked)} data-testid="strict" />
              <span>
                <strong>{t('import.check.strict')}</strong>
                <span className="muted">{t('import.check.strictHint')}</span>
              </span>
            </label>
          </section>
          <IssueTabs summary={summary} />
        </>
      ) : (
        <EmptyState title={t('import.check.notChecked')}>
          <button type="button" className="button button--primary" onClick={() => void wizardActions.check(app)} disabled={wizard.busy !== null}>
            {t('import.actions.checkRows')}
          </button>
        </EmptyState>
      )}
    </div>
  );
}
