import type { ColDef, IDatasource, IGetRowsParams } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revealBidi } from '../../../../shared/domain/bidi';
import { TABLE_NAMES, type AnonymisedCopyResult, type TableName } from '../../../../shared/domain/workspace';
import type { TableColumn } from '../../../../shared/ipc/contract';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { Grid } from '../../components/grid/Grid';
import { useFormat } from '../../i18n/format';
import { ImportLog } from '../import/ImportLog';
import { AnonymisedNotice, ShareAnonymised } from '../workspace/ShareAnonymised';
import { WorkspacePassword } from '../workspace/WorkspacePassword';

type Row = Record<string, string | number | null>;
const BLOCK = 200;

/** The tables of the workspace, read page by page from the workspace as the grid scrolls. */
export function DataScreen() {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const [table, setTable] = useState<TableName>('transactions');
  const [showLog, setShowLog] = useState(false);
  const [anonymised, setAnonymised] = useState<AnonymisedCopyResult | null>(null);
  const [loaded, setLoaded] = useState<{ key: string; columns: TableColumn[] } | null>(null);
  const counts = app.workspace?.tables;
  const gridKey = `${app.workspace?.path ?? ''}:${table}`;
  const columns = loaded?.key === gridKey ? loaded.columns : null;

  useEffect(() => {
    api['data.page']({ table, offset: 0, limit: 1 })
      .then((page) => setLoaded({ key: gridKey, columns: page.columns }))
      .catch(app.showError);
  }, [table, gridKey, app.showError]);

  const columnDefs = useMemo<ColDef<Row>[]>(
    () =>
      (columns ?? []).map((column) => {
        const numeric = column.type === 'money' || column.type === 'number' || column.type === 'integer';
        return {
          field: column.key,
          colId: column.key,
          headerName: t(`data.columns.${column.key}`),
          sortable: true,
          type: numeric ? 'rightAligned' : undefined,
          // A text wider than its column's limit shows whole on hover.
          tooltipValueGetter: numeric ? undefined : ({ valueFormatted }: { valueFormatted?: string | null }) => valueFormatted ?? undefined,
          valueFormatter: ({ value }: { value: unknown }) => {
            if (value === null || value === undefined) return '';
            if (typeof value === 'number') return column.type === 'money' ? format.money(value) : column.type === 'integer' ? format.integer(value) : format.decimal(value);
            return column.type === 'date' ? format.date(String(value)) : revealBidi(String(value));
          },
        };
      }),
    [columns, t, format],
  );

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params: IGetRowsParams) {
        const sort = params.sortModel[0];
        api['data.page']({ table, offset: params.startRow, limit: params.endRow - params.startRow, sort: sort ? { column: sort.colId, direction: sort.sort } : undefined })
          .then((page) => {
            const rows = page.rows.map((values) => Object.fromEntries(page.columns.map((column, index) => [column.key, values[index] ?? null])));
            params.successCallback(rows, page.total);
          })
          .catch((error: unknown) => {
            params.failCallback();
            app.showError(error);
          });
      },
    }),
    [table, app],
  );

  if (!app.workspace) return <EmptyState title={t('errors.noWorkspace')} />;

  return (
    <div className="screen data-screen">
      <header className="screen__header">
        <h1>{t('data.title')}</h1>
        <div className="toolbar">
          <WorkspacePassword />
          <ShareAnonymised onWritten={setAnonymised} />
          <button type="button" className="button button--primary" onClick={() => app.navigate('import')} data-testid="data-import">
            {t('import.openWizard')}
          </button>
        </div>
      </header>
      {anonymised ? <AnonymisedNotice copy={anonymised} /> : null}
      <div className="tabs" role="tablist">
        {TABLE_NAMES.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={!showLog && name === table}
            className={`tab${!showLog && name === table ? ' tab--active' : ''}`}
            onClick={() => {
              setTable(name);
              setShowLog(false);
            }}
          >
            {t(`data.tables.${name}`)}
            <span className="tab__count">{format.integer(counts?.[name] ?? 0)}</span>
          </button>
        ))}
        <button type="button" role="tab" aria-selected={showLog} className={`tab tab--end${showLog ? ' tab--active' : ''}`} onClick={() => setShowLog(true)} data-testid="data-import-log">
          {t('import.log.title')}
        </button>
      </div>
      {showLog ? (
        <ImportLog height={420} />
      ) : counts && counts[table] === 0 ? (
        <EmptyState title={t('data.empty')} />
      ) : (
        <div className="grid-host" data-testid="data-grid">
          {columns ? (
            <Grid<Row>
              key={gridKey}
              columnDefs={columnDefs}
              defaultColDef={{ resizable: true, minWidth: 90, maxWidth: 420, flex: 1 }}
              // Columns as wide as their header and first rows need (a long name or amount is not cut).
              onFirstDataRendered={({ api: grid }) => grid.autoSizeAllColumns()}
              tooltipShowDelay={400}
              rowModelType="infinite"
              datasource={datasource}
              cacheBlockSize={BLOCK}
              maxBlocksInCache={50}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}
