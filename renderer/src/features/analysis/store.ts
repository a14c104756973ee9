/**
 * The stored analysis of the open workspace and its analysis settings, shared by every analysis
 * screen. It lives outside the screens so that moving between them does not fetch it again, and a
 * run started on one screen updates them all.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import type { AnalysisSettings } from '../../../../shared/domain/settings';
import { api } from '../../api';
import type { Route, useApp } from '../../app/AppContext';
import { i18next } from '../../i18n';

type App = ReturnType<typeof useApp>;

export interface AnalysisState {
  workspacePath: string | null;
  /** undefined while loading; null when the workspace has no stored analysis. */
  latest: AnalysisRun | null | undefined;
  settings: AnalysisSettings | null;
  /** An analysis is running (started from any screen). */
  running: boolean;
}

let state: AnalysisState = { workspacePath: null, latest: undefined, settings: null, running: false };
const listeners = new Set<() => void>();

function set(patch: Partial<AnalysisState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

const store = {
  get: (): AnalysisState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useAnalysis(): AnalysisState {
  return useSyncExternalStore(store.subscribe, store.get);
}

let loadRequest = 0;

async function load(showError: (error: unknown) => void, workspacePath: string | null): Promise<void> {
  const request = ++loadRequest;
  if (workspacePath !== state.workspacePath) set({ workspacePath, latest: undefined, settings: null });
  if (!workspacePath) return;
  try {
    const [latest, settings] = await Promise.all([api['analysis.latest']({}), api['analysis.settings']({})]);
    if (request === loadRequest) set({ latest, settings });
  } catch (error) {
    if (request !== loadRequest) return;
    set({ latest: null });
    showError(error);
  }
}

/**
 * Keeps the store in step with the open workspace: loaded when one is opened, reloaded when its
 * content changes (an import makes the stored analysis stale; a run stores a new one).
 */
export function useAnalysisSync(app: App): void {
  const { workspace, showError } = app;
  useEffect(() => {
    // Every change of the workspace (a new object from workspace.changed) may change the stored analysis.
    void load(showError, workspace?.path ?? null);
  }, [workspace, showError]);
}

export const analysisActions = {
  /** Analyses the open workspace with its settings (a long job with progress and cancel); the new run, or undefined. */
  async run(app: App, screen: Route | null = app.route): Promise<AnalysisRun | undefined> {
    if (state.running) return undefined;
    set({ running: true });
    try {
      const run = await app.runJob(i18next.t('analysis.running'), (options) => api['analysis.run']({}, options), screen ? { screen } : {});
      if (run) set({ latest: run, settings: state.settings ?? run.settings });
      return run;
    } finally {
      set({ running: false });
    }
  },

  /**
   * Saves some analysis settings; all of them, or null when they could not be saved (the error is
   * shown). A change that alters the analysis analyses again at once, as a job (progress, cancel):
   * nobody should look at figures made with the previous settings.
   */
  async updateSettings(app: App, patch: Partial<AnalysisSettings>): Promise<AnalysisSettings | null> {
    const before = state.settings;
    let settings: AnalysisSettings;
    try {
      settings = await api['analysis.updateSettings'](patch);
    } catch (error) {
      app.showError(error);
      return null;
    }
    set({ settings });
    if (state.latest && (before === null || analysisDiffers(before, settings))) void analysisActions.run(app, null);
    return settings;
  },

  /** After an import wrote rows: the analysis follows without a click. */
  afterImport(app: App): void {
    void analysisActions.run(app, 'import');
  },
};

/** Settings that change how results are shown or reported, not the analysis itself. */
const presentationOnly = (key: string) => key === 'currency' || key.startsWith('report');

/** Two sets of settings would give different analyses (how money is shown and the report's cover aside). */
function analysisDiffers(a: AnalysisSettings, b: AnalysisSettings): boolean {
  return (Object.keys(b) as (keyof AnalysisSettings)[]).some((key) => !presentationOnly(key) && a[key] !== b[key]);
}

/** The settings that produced the run differ from the workspace's current ones (ignoring how money is shown and the report's cover). */
export function settingsChangedSince(run: AnalysisRun, settings: AnalysisSettings | null): boolean {
  return settings !== null && analysisDiffers(run.settings, settings);
}
