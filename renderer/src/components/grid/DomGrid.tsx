import { createGrid, type GridApi, type GridOptions, type ManagedGridOptionKey } from 'ag-grid-community';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDarkTheme } from '../../app/useDarkTheme';
import { ErrorBoundary } from '../ErrorBoundary';
import { copyOnKey } from './copy';
import { useCopyMenu } from './CopyMenu';
import { gridLocaleText } from './locale';
import { gridTheme } from './theme';

/** Options the grid reads only when it is created: changing them re-creates it. */
const INITIAL_ONLY = new Set<string>(['rowModelType', 'getRowId', 'cacheBlockSize', 'suppressColumnVirtualisation', 'enableRtl', 'localeText']);

/**
 * A grid like Grid (the app's theme, right to left for Persian, AG Grid's own texts in the UI
 * language), drawn by AG Grid's own DOM renderer instead of ag-grid-react's React components: a
 * sort or a filter of a large grid repaints every visible row at once, and the plain DOM renderer
 * does it in about half the script time. Cell renderers must be plain DOM components (a class with
 * getGui), not React components. Options are passed on to the grid when their identity changes;
 * those the grid reads only at creation (INITIAL_ONLY, and the language) create it anew.
 */
export function DomGrid<TData>(props: GridOptions<TData> & { className?: string }) {
  return (
    <ErrorBoundary area="grid">
      <DomGridHost<TData> {...props} />
    </ErrorBoundary>
  );
}

function DomGridHost<TData>(props: GridOptions<TData> & { className?: string }) {
  const { i18n } = useTranslation();
  const dark = useDarkTheme();
  const language = i18n.language;
  const rtl = i18n.dir(language) === 'rtl';
  const host = useRef<HTMLDivElement>(null);
  const grid = useRef<GridApi<TData> | null>(null);
  const applied = useRef<Record<string, unknown>>({});
  const { className, ...options } = props;
  const copyMenu = useCopyMenu();
  const latest = useRef({ options, dark, openCopyMenu: copyMenu.open });
  // A new object whenever an option the grid reads only at creation changes.
  const { rowModelType, getRowId, cacheBlockSize, suppressColumnVirtualisation } = options;
  const creation = useMemo(() => ({ rowModelType, getRowId, cacheBlockSize, suppressColumnVirtualisation }), [rowModelType, getRowId, cacheBlockSize, suppressColumnVirtualisation]);

  useEffect(() => {
    latest.current = { options, dark, openCopyMenu: copyMenu.open };
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const full: GridOptions<TData> = {
      ...latest.current.options,
      ...creation,
      theme: gridTheme(latest.current.dark),
      enableRtl: rtl,
      localeText: gridLocaleText(language),
      // Ctrl+C copies (copy.ts), after the screen's own key handling (read when the key is pressed).
      onCellKeyDown: (event) => {
        latest.current.options.onCellKeyDown?.(event);
        copyOnKey(event);
      },
      // The right-click copy menu (CopyMenu.tsx) instead of the browser's.
      preventDefaultOnContextMenu: true,
      onCellContextMenu: (event) => {
        latest.current.options.onCellContextMenu?.(event);
        latest.current.openCopyMenu(event);
      },
    };
    applied.current = { ...full };
    const api = createGrid<TData>(element, full);
    grid.current = api;
    return () => {
      grid.current = null;
      api.destroy();
    };
  }, [language, rtl, creation]);

  useEffect(() => {
    const api = grid.current;
    if (!api || api.isDestroyed()) return;
    // The key handler stays the creation's, which calls the latest options' own.
    const { onCellKeyDown: _ownKeys, onCellContextMenu: _ownMenu, ...rest } = options;
    const next: Record<string, unknown> = { ...rest, theme: gridTheme(dark) };
    const changed: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(next)) {
      if (INITIAL_ONLY.has(name)) continue;
      if (applied.current[name] !== value) changed[name] = value;
    }
    for (const name of Object.keys(applied.current)) if (!(name in next) && !INITIAL_ONLY.has(name) && name !== 'onCellKeyDown' && name !== 'onCellContextMenu' && name !== 'preventDefaultOnContextMenu') changed[name] = undefined;
    if (Object.keys(changed).length === 0) return;
    applied.current = { ...applied.current, ...changed };
    api.updateGridOptions(changed as Partial<Pick<GridOptions<TData>, ManagedGridOptionKey>>);
  });

  return (
    <>
      <div ref={host} className={className} style={{ height: '100%', width: '100%' }} />
      {copyMenu.menu}
    </>
  );
}
