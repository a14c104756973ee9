/**
 * The filter of the customers grid. It lives outside the screen so that the other screens can open
 * the customers of a tier, quadrant, strategy or lifecycle stage, and so that the filter is still
 * there when the person comes back. It starts over when another workspace is opened.
 */
import { useSyncExternalStore } from 'react';
import type { CustomerFilter } from '../../../../shared/domain/analysis';
import type { useApp } from '../../app/AppContext';

type App = ReturnType<typeof useApp>;

/** The filter lists the chips edit. */
export const FILTER_KINDS = ['tier', 'quadrant', 'strategy', 'lifecycle'] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];

interface FilterState {
  workspacePath: string | null;
  filter: CustomerFilter;
}

let state: FilterState = { workspacePath: null, filter: {} };
const listeners = new Set<() => void>();

const store = {
  get: (): FilterState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Drops empty lists and an empty search, so that equal filters look equal. */
export function normalizeFilter(filter: CustomerFilter): CustomerFilter {
  const out: CustomerFilter = {};
  for (const kind of FILTER_KINDS) {
    const values = filter[kind];
    if (values && values.length > 0) (out as Record<string, unknown>)[kind] = [...values];
  }
  if (filter.rfmSegment && filter.rfmSegment.length > 0) out.rfmSegment = [...filter.rfmSegment];
  if (filter.active !== undefined) out.active = filter.active;
  const search = filter.search?.trim();
  if (search) out.search = search;
  return out;
}

export function setCustomerFilter(workspacePath: string | null, filter: CustomerFilter): void {
  state = { workspacePath, filter: normalizeFilter(filter) };
  for (const listener of listeners) listener();
}

export function useCustomerFilter(workspacePath: string | null): CustomerFilter {
  const current = useSyncExternalStore(store.subscribe, store.get);
  return current.workspacePath === workspacePath ? current.filter : {};
}

/** Opens the customers screen showing only the customers the filter keeps. */
export function openCustomers(app: App, filter: CustomerFilter): void {
  setCustomerFilter(app.workspace?.path ?? null, filter);
  app.navigate('customers');
}

export function isFilterEmpty(filter: CustomerFilter): boolean {
  return Object.keys(normalizeFilter(filter)).length === 0;
}
