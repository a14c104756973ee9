/**
 * Saved views of the customers grid (filter, sort and columns under a name) and the columns last
 * chosen, kept in the browser's local storage per workspace file.
 */
import { useCallback, useState } from 'react';
import type { CustomerFilter } from '../../../../shared/domain/analysis';
import { normalizeFilter } from './filter-store';

export interface SavedView {
  name: string;
  filter: CustomerFilter;
  sort: { column: string; direction: 'asc' | 'desc' } | null;
  /** Columns hidden in this view (null: the default columns). */
  hidden: string[] | null;
}

const viewsKey = (workspacePath: string) => `value-ladder:customer-views:${workspacePath}`;
const columnsKey = (workspacePath: string) => `value-ladder:customer-columns:${workspacePath}`;

function read<T>(key: string, fallback: T, check: (value: unknown) => value is T): T {
  try {
    const text = window.localStorage.getItem(key);
    if (text === null) return fallback;
    const value = JSON.parse(text) as unknown;
    return check(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable: the views simply are not kept.
  }
}

const isViewList = (value: unknown): value is SavedView[] =>
  Array.isArray(value) && value.every((view) => typeof view === 'object' && view !== null && typeof (view as SavedView).name === 'string' && typeof (view as SavedView).filter === 'object');
const isHidden = (value: unknown): value is string[] | null => value === null || (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/** The saved views of one workspace, with save (replacing one of the same name) and remove. */
export function useSavedViews(workspacePath: string) {
  const [state, setState] = useState(() => ({ path: workspacePath, views: read(viewsKey(workspacePath), [], isViewList) }));
  const views = state.path === workspacePath ? state.views : read(viewsKey(workspacePath), [], isViewList);
  const update = useCallback(
    (next: SavedView[]) => {
      write(viewsKey(workspacePath), next);
      setState({ path: workspacePath, views: next });
    },
    [workspacePath],
  );
  return {
    views,
    save: (view: SavedView) => update([...views.filter((existing) => existing.name !== view.name), { ...view, filter: normalizeFilter(view.filter) }].sort((a, b) => a.name.localeCompare(b.name))),
    remove: (name: string) => update(views.filter((view) => view.name !== name)),
  };
}

/** The columns hidden in the grid of one workspace (null: the defaults). */
export function useHiddenColumns(workspacePath: string): [string[] | null, (hidden: string[] | null) => void] {
  const [state, setState] = useState(() => ({ path: workspacePath, hidden: read(columnsKey(workspacePath), null, isHidden) }));
  const hidden = state.path === workspacePath ? state.hidden : read(columnsKey(workspacePath), null, isHidden);
  const set = useCallback(
    (next: string[] | null) => {
      write(columnsKey(workspacePath), next);
      setState({ path: workspacePath, hidden: next });
    },
    [workspacePath],
  );
  return [hidden, set];
}
