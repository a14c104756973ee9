/**
 * The what-if baseline of the latest analysis (fetched once per run, kept with its engine so that
 * every slider move projects locally) and the scenarios saved in the workspace. Module state, so
 * that leaving the screen and coming back does not fetch them again.
 */
import { useSyncExternalStore } from 'react';
import { baselineFromPacked, createWhatIfEngine, type Scenario, type WhatIfEngine } from '../../../../shared/analytics/whatif';
import type { SavedScenario, WhatIfBaselineReply } from '../../../../shared/domain/whatif';
import { api } from '../../api';

export interface BaselineState {
  /** Which run (workspace path + run time) the state is for. */
  key: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  reply: Omit<WhatIfBaselineReply, 'columns'> | null;
  engine: WhatIfEngine | null;
  saved: SavedScenario[] | null;
}

let state: BaselineState = { key: null, status: 'idle', reply: null, engine: null, saved: null };
const listeners = new Set<() => void>();

function set(patch: Partial<BaselineState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useWhatIfState(): BaselineState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Loads the baseline and the saved scenarios for a run unless they are loaded (or loading) already. */
export function ensureBaseline(key: string, showError: (error: unknown) => void): void {
  if (state.key === key && state.status !== 'idle') return;
  set({ key, status: 'loading', reply: null, engine: null, saved: null });
  Promise.all([api['whatif.baseline']({}), api['whatif.list']({})])
    .then(([reply, saved]) => {
      if (state.key !== key) return;
      const { columns, ...rest } = reply;
      const engine = createWhatIfEngine(baselineFromPacked({ discountRate: reply.discountRate, columns }));
      set({ status: 'ready', reply: rest, engine, saved });
    })
    .catch((error: unknown) => {
      if (state.key !== key) return;
      set({ status: 'error' });
      showError(error);
    });
}

function replaceSaved(entry: SavedScenario): void {
  const list = state.saved ?? [];
  const index = list.findIndex((item) => item.id === entry.id);
  set({ saved: index >= 0 ? list.map((item) => (item.id === entry.id ? entry : item)) : [...list, entry] });
}

export const scenarioActions = {
  async save(input: { id?: number; name: string; scenario: Scenario; forReport?: boolean }): Promise<SavedScenario> {
    const saved = await api['whatif.save'](input);
    // Saving under a name that exists replaces that entry: read the list again.
    set({ saved: await api['whatif.list']({}) });
    return saved;
  },
  async duplicate(id: number): Promise<SavedScenario> {
    const copy = await api['whatif.duplicate']({ id });
    replaceSaved(copy);
    return copy;
  },
  async remove(id: number): Promise<void> {
    set({ saved: await api['whatif.delete']({ id }) });
  },
};
