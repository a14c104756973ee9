import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportLogEntry } from '../../../../shared/domain/import';
import type { CallOutput } from '../../../../shared/ipc/contract';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { TableExport } from '../../components/TableExport';
import { Grid } from '../../components/grid/Grid';
import { useFormat } from '../../i18n/format';
import { FileValueCell } from './cells';
import { exportImportLog } from './export-log';
import { issueReason } from './issue-reason';

type LoggedIssue = CallOutput<'import.issues'>[number];
/** Up to this many imports the log is as tall as its rows; beyond, it scrolls. */
const AUTO_HEIGHT_ROWS = 8;

interface LogContext {
  onIssues(entry: ImportLogEntry): void;
  onExport(entry: ImportLogEntry): void;
}

function LogActions(props: ICellRendererParams<ImportLogEntry, unknown, LogContext>) {
  const { t } = useTranslation();
  const entry = props.data;
  if (!entry) return null;
  const problems = entry.rejected + entry.skipped + entry.duplicates;
  return (
    <div className="log-actions">
      <button
        type="button"
        className="button button--small"
        disabled={problems === 0}
        onClick={() => props.context.onIssues(entry)}
        data-testid={`log-issues-${entry.importId}`}
      >
        {t('import.log.issues')}
      </button>
      <button
        type="button"
        className="button button--small"
        title={t('import.log.export')}
        onClick={() => props.context.onExport(entry)}
        data-testid={`log-export-${entry.importId}`}
      >
        {t('import.log.exportShort')}
      </button>
    </div>
  );
}

function IssuesPanel({ entry, onClose }: { entry: ImportLogEntry; onClose(): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const [issues, setIssues] = useState<{ id: number; rows: LoggedIssue[] } | null>(null);

  useEffect(() => {
    let alive = true;
    api['import.issues']({ importId: entry.importId })
      .then((rows) => alive && setIssues({ id: entry.importId, rows }))
      .catch(app.showError);
    return () => {
      alive = false;
    };
  }, [entry.importId, app.showError]);

  const columns = useMemo<ColDef<LoggedIssue>[]>(
    () => [
      { colId: 'kind', field: 'kind', headerName: t('import.log.issueKind'), width: 130, valueFormatter: ({ value }) => t(`import.log.issueKinds.${String(value)}`, { defaultValue: String(value) }) },
      { colId: 'line', field: 'line', headerName: t('import.check.columns.line'), width: 100, type: 'rightAligned', sort: 'asc', valueFormatter: ({ value }) => format.integer(Number(value)) },
      { colId: 'column', field: 'column', headerName: t('import.check.columns.column'), width: 160, valueFormatter: ({ value }) => (value as string | null) ?? '—' },
      { colId: 'value', field: 'value', headerName: t('import.check.columns.value'), flex: 1, minWidth: 140, cellClass: 'cell--mono', cellRenderer: FileValueCell, tooltipField: 'value' },
      { colId: 'reason', headerName: t('import.check.columns.reason'), flex: 2, minWidth: 200, valueGetter: ({ data }) => (data ? issueReason(t, format.integer, data) : ''), tooltipValueGetter: ({ value }) => value as string },
    ],
    [t, format],
  );
  const rows = issues?.id === entry.importId ? issues.rows : null;

  return (
    <section className="log-issues" data-testid="log-issues" aria-label={t('import.log.issuesOf', { file: entry.fileName })}>
      <div className="log-issues__head">
        <h3>{t('import.log.issuesOf', { file: entry.fileName })}</h3>
        {rows && rows.length > 0 && rows.length <= 200_000 ? (
          <TableExport
            name={`import-${entry.importId}-issues`}
            testId="issues-export"
            table={() => ({
              sheet: t('import.log.issuesOf', { file: entry.fileName }),
              columns: [
                { header: t('import.log.issueKind'), kind: 'text' },
                { header: t('import.check.columns.line'), kind: 'integer' },
                { header: t('import.check.columns.column'), kind: 'text' },
                { header: t('import.check.columns.value'), kind: 'text' },
                { header: t('import.check.columns.reason'), kind: 'text' },
              ],
              rows: rows.map((issue) => [t(`import.log.issueKinds.${issue.kind}`, { defaultValue: issue.kind }), issue.line, issue.column ?? null, issue.value ?? null, issueReason(t, format.integer, issue)]),
            })}
          />
        ) : null}
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('import.log.hideIssues')}
        </button>
      </div>
      {rows && rows.length === 0 ? (
        <EmptyState title={t('import.log.noIssues')} />
      ) : (
        <div className="issue-grid">
          {rows ? <Grid<LoggedIssue> rowData={rows as (ImportIssue & LoggedIssue)[]} columnDefs={columns} defaultColDef={{ resizable: true, sortable: true }} tooltipShowDelay={400} /> : null}
        </div>
      )}
    </section>
  );
}

/** The imports of the open workspace, newest first: counts, the issues of each, and its log as CSV. */
export function ImportLog({ height = 300 }: { height?: number }) {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const [log, setLog] = useState<{ workspace: unknown; entries: ImportLogEntry[] } | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [saved, setSaved] = useState<{ path: string; rows: number } | null>(null);
  const [cleared, setCleared] = useState<{ issues: number; times: number }>({ issues: 0, times: 0 });
  const forgetValues = async () => {
    try {
      const { issues } = await api['import.forgetValues']({ importId: null });
      setCleared((previous) => ({ issues, times: previous.times + 1 }));
    } catch (error) {
      app.showError(error);
    }
  };
  const workspace = app.workspace;

  useEffect(() => {
    if (!workspace) return;
    let alive = true;
    api['import.log']({})
      .then((entries) => alive && setLog({ workspace, entries }))
      .catch(app.showError);
    return () => {
      alive = false;
    };
  }, [workspace, app.showError]);

  const context = useMemo<LogContext>(
    () => ({
      onIssues: (entry) => setSelected((current) => (current === entry.importId ? null : entry.importId)),
      onExport: (entry) => void exportImportLog(app, entry.importId).then((written) => written && setSaved(written)),
    }),
    [app],
  );

  const columns = useMemo<ColDef<ImportLogEntry>[]>(() => {
    const count = (field: 'accepted' | 'rejected' | 'skipped' | 'duplicates', label: string): ColDef<ImportLogEntry> => ({
      colId: field,
      field,
      headerName: label,
      flex: 0.9,
      minWidth: 96,
      type: 'rightAligned',
      valueFormatter: ({ value }) => format.integer(Number(value)),
      cellClass: field === 'rejected' ? (params) => (Number(params.value) > 0 ? ['ag-right-aligned-cell', 'cell--bad'] : 'ag-right-aligned-cell') : undefined,
    });
    return [
      { colId: 'importedAt', field: 'importedAt', headerName: t('import.log.date'), flex: 1.3, minWidth: 140, sort: 'desc', valueFormatter: ({ value }) => format.dateTime(String(value)) },
      {
        colId: 'fileName',
        field: 'fileName',
        headerName: t('import.log.file'),
        flex: 2,
        minWidth: 150,
        tooltipValueGetter: ({ data }) => (data ? `${data.fileName}\n${t('import.log.hash')}: ${data.hash}` : undefined),
      },
      { colId: 'kind', field: 'kind', headerName: t('import.log.kind'), flex: 1.2, minWidth: 110, valueFormatter: ({ value }) => t(`import.kinds.${String(value)}`) },
      count('accepted', t('import.check.accepted')),
      count('rejected', t('import.check.rejected')),
      count('skipped', t('import.check.skipped')),
      count('duplicates', t('import.check.duplicates')),
      { colId: 'actions', headerName: '', width: 176, sortable: false, resizable: false, cellRenderer: LogActions, cellClass: 'cell--actions' },
    ];
  }, [t, format]);

  if (!workspace) return null;
  const entries = log?.workspace === workspace ? log.entries : null;
  const selectedEntry = entries?.find((entry) => entry.importId === selected) ?? null;

  return (
    <div className="import-log" data-testid="import-log">
      {entries && entries.length === 0 ? (
        <EmptyState title={t('import.log.empty')} />
      ) : (
        <div className="import-log__grid" style={entries && entries.length <= AUTO_HEIGHT_ROWS ? undefined : { height }}>
          {entries ? (
            <Grid<ImportLogEntry>
              rowData={entries}
              columnDefs={columns}
              context={context}
              getRowId={({ data }) => String(data.importId)}
              domLayout={entries.length <= AUTO_HEIGHT_ROWS ? 'autoHeight' : 'normal'}
              defaultColDef={{ resizable: true, sortable: true }}
              suppressCellFocus
              tooltipShowDelay={400}
            />
          ) : null}
        </div>
      )}
      {saved ? (
        <p className="import-log__saved muted" role="status" data-testid="log-saved">
          {t('import.log.exported', { path: saved.path })}
        </p>
      ) : null}
      {entries && entries.some((entry) => entry.rejected > 0) ? (
        <p className="import-log__privacy muted small">
          <button type="button" className="button button--small" onClick={() => void forgetValues()} data-testid="forget-values">
            {t('import.log.forgetValues')}
          </button>{' '}
          <span role="status" data-testid="forgot-values">
            {cleared.times > 0 ? t('import.log.forgotValues', { n: format.integer(cleared.issues) }) : t('import.log.forgetValuesHint')}
          </span>
        </p>
      ) : null}
      {selectedEntry ? <IssuesPanel key={`${selectedEntry.importId}-${cleared.times}`} entry={selectedEntry} onClose={() => setSelected(null)} /> : null}
    </div>
  );
}
