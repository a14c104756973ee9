import type { CellKeyDownEvent, ColDef, FirstDataRenderedEvent, GetRowIdParams, GridApi, GridReadyEvent, IDatasource, IGetRowsParams, RowClickedEvent, SortChangedEvent } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun, CustomerFilter, CustomerPage } from '../../../../shared/domain/analysis';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { DomGrid } from '../../components/grid/DomGrid';
import { AnalysisFrame, useHeaderSlot } from '../analysis/AnalysisFrame';
import { CODE_KINDS } from '../analysis/codes';
import { useAnalysisFormat } from '../analysis/format';
import { PillCell, type PillParams } from './cells';
import { ColumnChooser } from './ColumnChooser';
import { columnIndex, DEFAULT_VISIBLE, KEYS, PINNED, type CustomerColumn } from './columns';
import { CustomerPanel } from './CustomerPanel';
import { ExportMenu, type Exported } from './ExportMenu';
import { FilterBar } from './FilterBar';
import { isFilterEmpty, normalizeFilter, setCustomerFilter, useCustomerFilter } from './filter-store';
import { useHiddenColumns, useSavedViews, type SavedView } from './views';
import { formatValue, rememberWords, useCodeWord, useColumnName } from './values';
import { ViewsMenu } from './ViewsMenu';

type Row = Record<string, string | number | boolean | null>;
type Sort = { column: string; direction: 'asc' | 'desc' } | null;
const BLOCK = 200;
/** Rows drawn beyond the visible ones on each side (AG Grid's default is 10): every sort and filter draws them all again. */
const ROW_BUFFER = 3;
// Props the grid compares by identity: new objects on every render would make it rebuild its columns and rows.
const DEFAULT_COL_DEF: ColDef<Row> = { resizable: true };
const ROW_SELECTION = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const PILL_KINDS = new Set(['tier', 'quadrant', 'strategy', 'lifecycle', 'rfmSegment']);

/**
 * Blocks asked for ahead of the grid, by run and request: AG Grid calls the datasource from a
 * timer, after it has repainted the grid empty; asking in the person's own event saves that wait.
 */
const ahead = new Map<string, Promise<CustomerPage>>();

/** The request for one block of rows, the same for the grid's datasource and a block asked for ahead. */
function pageRequest(offset: number, limit: number, sort: Sort, filter: CustomerFilter) {
  return { offset, limit, sort: sort ?? undefined, filter: isFilterEmpty(filter) ? undefined : filter };
}

/** The grid's sort (one column) as the contract says it. */
function gridSort(grid: GridApi<Row>): Sort {
  const state = grid.getColumnState().find((column) => column.sort);
  return state?.sort ? { column: state.colId, direction: state.sort } : null;
}

/** A column's first width: enough for its values, so that the headers and figures are not cut. */
function widthOf(column: CustomerColumn, kind: string | undefined, pill: boolean): number {
  if (kind === 'reason') return 250;
  if (PINNED.has(column.key)) return 120;
  if (column.key === 'name' || column.key === 'customerName') return 200;
  if (pill) return 140;
  if (column.type === 'money') return 140;
  if (column.type === 'date') return 130;
  if (column.type === 'boolean') return 90;
  return 120;
}

/** The default hidden set: every column not in DEFAULT_VISIBLE (all shown when none of those exist). */
function defaultHidden(columns: CustomerColumn[]): string[] {
  const known = columns.filter((column) => DEFAULT_VISIBLE.includes(column.key));
  if (known.length === 0) return [];
  return columns.filter((column) => !DEFAULT_VISIBLE.includes(column.key)).map((column) => column.key);
}

/** The columns of the last run the screen showed: coming back to the screen does not ask for them again. */
let knownColumns: { key: string; list: CustomerColumn[] } | null = null;

function CustomersBody({ run }: { run: AnalysisRun }) {
  const { t, i18n } = useTranslation();
  const app = useApp();
  const f = useAnalysisFormat();
  const translate = useCodeWord();
  // The words of codes, each looked up once: a page of rows asks for the same few hundreds of times.
  const word = useMemo(() => rememberWords(translate), [translate]);
  const columnName = useColumnName();
  const rtl = i18n.dir(i18n.language) === 'rtl';
  const workspacePath = app.workspace?.path ?? '';
  const filter = useCustomerFilter(workspacePath);
  const filterKey = JSON.stringify(normalizeFilter(filter));
  const runKey = `${workspacePath}#${run.runId ?? run.createdAt}`;
  const [columns, setColumns] = useState<{ key: string; list: CustomerColumn[] } | null>(() => knownColumns);
  const [failed, setFailed] = useState<string | null>(null);
  const [total, setTotal] = useState<{ key: string; count: number } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  // The sort is only read when a view is saved: a ref, so that sorting does not render the screen again.
  const sortRef = useRef<Sort>(null);
  const [exported, setExported] = useState<Exported | null>(null);
  const [hidden, setHidden] = useHiddenColumns(workspacePath);
  const views = useSavedViews(workspacePath);
  const gridApi = useRef<GridApi<Row> | null>(null);
  const headerSlot = useHeaderSlot();
  const { showError } = app;

  useEffect(() => {
    if (knownColumns?.key === runKey) return;
    let alive = true;
    api['analysis.customers']({ offset: 0, limit: 1 })
      .then((page) => {
        knownColumns = { key: runKey, list: page.columns };
        if (alive) setColumns(knownColumns);
      })
      .catch((error: unknown) => {
        if (!alive) return;
        setFailed(runKey);
        showError(error);
      });
    return () => {
      alive = false;
    };
  }, [runKey, showError]);

  const list = useMemo(() => (columns?.key === runKey ? columns.list : knownColumns?.key === runKey ? knownColumns.list : null), [columns, runKey]);
  const hiddenSet = useMemo(() => new Set(hidden ?? (list ? defaultHidden(list) : [])), [hidden, list]);
  const customerKey = list ? (list[columnIndex(list, KEYS.customer)]?.key ?? null) : null;
  const profitKey = list ? (list[columnIndex(list, KEYS.currentProfit)]?.key ?? null) : null;

  const columnDefs = useMemo<ColDef<Row>[]>(() => {
    if (!list) return [];
    const yesNo: [string, string] = [t('customers.yes'), t('customers.no')];
    const ordered = [...list].sort((a, b) => {
      const ia = DEFAULT_VISIBLE.indexOf(a.key);
      const ib = DEFAULT_VISIBLE.indexOf(b.key);
      return (ia < 0 ? 1000 : ia) - (ib < 0 ? 1000 : ib);
    });
    return ordered.map((column) => {
      const numeric = column.type === 'money' || column.type === 'number' || column.type === 'integer' || column.type === 'share';
      const kind = CODE_KINDS[column.key];
      const pill = column.type === 'code' && PILL_KINDS.has(kind ?? '');
      const text = (value: unknown) => formatValue(column, value as Row[string], f, word, yesNo);
      return {
        colId: column.key,
        field: column.key,
        headerName: columnName(column.key),
        headerTooltip: columnName(column.key),
        hide: hiddenSet.has(column.key),
        sortable: true,
        pinned: PINNED.has(column.key) ? (rtl ? 'right' : 'left') : undefined,
        initialSort: column.key === profitKey ? 'desc' : undefined,
        type: numeric ? 'rightAligned' : undefined,
        width: widthOf(column, kind, pill),
        minWidth: 80,
        // Sized to the first rows' content (onFirstDataRendered), a long name no wider than this.
        maxWidth: numeric ? undefined : 420,
        cellRenderer: pill ? PillCell : undefined,
        cellRendererParams: pill ? ({ word } satisfies PillParams) : undefined,
        valueFormatter: pill ? undefined : ({ value }) => text(value),
        tooltipValueGetter: !numeric && !pill ? ({ value }) => text(value) : undefined,
        cellClassRules: column.type === 'money' ? { negative: ({ value }) => typeof value === 'number' && value < 0 } : undefined,
      } satisfies ColDef<Row>;
    });
  }, [list, hiddenSet, t, f, word, columnName, rtl, profitKey]);

  const datasource = useMemo<IDatasource | null>(() => {
    if (!list) return null;
    const request = normalizeFilter(JSON.parse(filterKey) as CustomerFilter);
    return {
      getRows(params: IGetRowsParams) {
        const order = params.sortModel[0];
        const input = pageRequest(params.startRow, params.endRow - params.startRow, order ? { column: order.colId, direction: order.sort } : null, request);
        const key = `${runKey}|${JSON.stringify(input)}`;
        const early = ahead.get(key);
        ahead.delete(key);
        (early ?? api['analysis.customers'](input))
          .then((page) => {
            const keys = page.columns.map((column) => column.key);
            const rows = page.rows.map((values) => {
              const row: Row = {};
              for (let index = 0; index < keys.length; index++) row[keys[index] as string] = values[index] ?? null;
              return row;
            });
            params.successCallback(rows, page.total);
            const key = `${runKey}|${filterKey}`;
            setTotal((known) => (known?.key === key && known.count === page.total ? known : { key, count: page.total }));
          })
          .catch((error: unknown) => {
            params.failCallback();
            showError(error);
          });
      },
    };
  }, [list, filterKey, runKey, showError]);

  /** Asks for the block the grid will show first, for a sort or a filter the grid has not seen yet. */
  const fetchAhead = useCallback((sort: Sort, filter: CustomerFilter) => {
    const grid = gridApi.current;
    if (!grid || grid.isDestroyed()) return;
    const offset = Math.floor(Math.max(0, grid.getFirstDisplayedRowIndex()) / BLOCK) * BLOCK;
    const input = pageRequest(offset, BLOCK, sort, normalizeFilter(filter));
    const key = `${runKey}|${JSON.stringify(input)}`;
    if (ahead.has(key)) return;
    const page = api['analysis.customers'](input);
    page.catch(() => undefined);
    ahead.clear();
    ahead.set(key, page);
  }, [runKey]);
  const onFilter = useCallback(
    (next: CustomerFilter) => {
      fetchAhead(sortRef.current, next);
      setCustomerFilter(workspacePath, next);
    },
    [workspacePath, fetchAhead],
  );
  /**
   * Before the grid sees a click on a column's header: its next sort is foreseeable (AG Grid's
   * order: ascending, descending, none; a plain click sorts by that column alone), so its first
   * block is asked for before the grid spends its time clearing the rows. A wrong guess costs one
   * block read for nothing: the grid then asks for its own.
   */
  const onHostClickCapture = useCallback(
    (event: React.MouseEvent<HTMLDivElement>) => {
      const grid = gridApi.current;
      const target = event.target as Element;
      if (!grid || grid.isDestroyed() || event.shiftKey || event.ctrlKey || event.metaKey) return;
      if (target.closest('.ag-header-cell-resize, .ag-header-cell-menu-button, .ag-header-cell-filter-button')) return;
      const colId = target.closest('.ag-header-cell')?.getAttribute('col-id');
      if (!colId || !grid.getColumn(colId)?.isSortable()) return;
      const current = grid.getColumnState().find((column) => column.colId === colId)?.sort ?? null;
      const next = current === 'asc' ? 'desc' : current === 'desc' ? null : 'asc';
      fetchAhead(next ? { column: colId, direction: next } : null, filter);
    },
    [fetchAhead, filter],
  );
  /**
   * After the grid has handled a click or a key on a header (its listeners are on the header cells,
   * below this host): a new sort is known here at once, while AG Grid's sortChanged event comes later.
   */
  const onHostEvent = useCallback(() => {
    const grid = gridApi.current;
    if (!grid || grid.isDestroyed()) return;
    const next = gridSort(grid);
    if (JSON.stringify(next) === JSON.stringify(sortRef.current)) return;
    sortRef.current = next;
    fetchAhead(next, filter);
  }, [fetchAhead, filter]);
  const select = useCallback(
    (row: Row | undefined) => {
      const id = row && customerKey ? row[customerKey] : null;
      if (id !== null && id !== undefined) setSelected(String(id));
    },
    [customerKey],
  );
  const getRowId = useMemo(() => (customerKey ? ({ data }: GetRowIdParams<Row>) => String(data[customerKey] ?? '') : undefined), [customerKey]);
  const onGridReady = useCallback(({ api: grid }: GridReadyEvent<Row>) => {
    gridApi.current = grid;
    sortRef.current = gridSort(grid);
  }, []);
  // Columns as wide as their header and first rows need: no figure cut ("£61" for £619,672).
  const onFirstDataRendered = useCallback(({ api: grid }: FirstDataRenderedEvent<Row>) => {
    const ids = (grid.getColumns() ?? []).filter((column) => column.isVisible() && CODE_KINDS[column.getColId()] !== 'reason').map((column) => column.getColId());
    grid.autoSizeColumns(ids);
  }, []);
  const onRowClicked = useCallback((event: RowClickedEvent<Row>) => select(event.data), [select]);
  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<Row>) => {
      if ((event.event as KeyboardEvent | undefined)?.key === 'Enter') select(event.data);
    },
    [select],
  );
  const onSortChanged = useCallback((event: SortChangedEvent<Row>) => {
    sortRef.current = gridSort(event.api);
  }, []);
  const toggleColumn = (key: string) => {
    const next = new Set(hiddenSet);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setHidden([...next]);
  };
  const applyView = (view: SavedView) => {
    setHidden(view.hidden);
    setCustomerFilter(workspacePath, view.filter);
    gridApi.current?.applyColumnState({ state: view.sort ? [{ colId: view.sort.column, sort: view.sort.direction }] : [], defaultState: { sort: null } });
  };

  if (failed === runKey) return <EmptyState title={t('customers.failed')} />;
  const tools = (
    <>
      <ViewsMenu views={views.views} onApply={applyView} onSave={(name) => views.save({ name, filter, sort: sortRef.current ?? (profitKey ? { column: profitKey, direction: 'desc' } : null), hidden })} onRemove={views.remove} />
      {list ? <ColumnChooser columns={list} isVisible={(key) => !hiddenSet.has(key)} onToggle={toggleColumn} onDefaults={() => setHidden(null)} onAll={() => setHidden([])} /> : null}
      <ExportMenu filter={normalizeFilter(filter)} asOf={run.summary.asOf} filtered={!isFilterEmpty(filter)} onExported={setExported} />
    </>
  );
  const count = total?.key === `${runKey}|${filterKey}` ? total.count : null;
  const filtered = !isFilterEmpty(filter);

  return (
    <div className="customers">
      <div className="customers__toolbar">
        <FilterBar run={run} filter={filter} onChange={onFilter} />
        <span className="customers__count muted" data-testid="customer-count" aria-live="polite">
          {count === null ? '' : filtered ? t('customers.countFiltered', { n: f.integer(count), total: f.integer(run.summary.customers) }) : t('customers.count', { n: f.integer(count) })}
        </span>
      </div>
      {headerSlot ? createPortal(tools, headerSlot) : null}
      {exported ? (
        <div className="banner banner--success" role="status" data-testid="export-done">
          <span className="banner__text">{t('export.done', { rows: f.integer(exported.rows), path: exported.path })}</span>
          <button type="button" className="button button--quiet button--small" onClick={() => setExported(null)}>
            {t('errors.dismiss')}
          </button>
        </div>
      ) : null}
      <div className={`customers__body${selected ? ' customers__body--panel' : ''}`}>
        <div className="grid-host customers__grid" data-testid="customers-grid" onClickCapture={onHostClickCapture} onClick={onHostEvent} onKeyDown={onHostEvent}>
          {list && datasource ? (
            <DomGrid<Row>
              key={runKey}
              columnDefs={columnDefs}
              defaultColDef={DEFAULT_COL_DEF}
              rowModelType="infinite"
              datasource={datasource}
              cacheBlockSize={BLOCK}
              maxBlocksInCache={60}
              rowBuffer={ROW_BUFFER}
              animateRows={false}
              suppressAnimationFrame
              suppressColumnVirtualisation
              tooltipShowDelay={500}
              getRowId={getRowId}
              rowSelection={ROW_SELECTION}
              onGridReady={onGridReady}
              onFirstDataRendered={onFirstDataRendered}
              onRowClicked={onRowClicked}
              onCellKeyDown={onCellKeyDown}
              onSortChanged={onSortChanged}
            />
          ) : null}
        </div>
        {selected && list ? <CustomerPanel key={selected} customer={selected} columns={list} onClose={() => setSelected(null)} /> : null}
      </div>
    </div>
  );
}

/** Every customer of the analysis with every metric: search, filters, saved views, columns, exports, and a drill-down per customer. */
export function CustomersScreen() {
  const { t } = useTranslation();
  return (
    <AnalysisFrame title={t('customers.title')} name="customers">
      {(run) => <CustomersBody run={run} />}
    </AnalysisFrame>
  );
}
