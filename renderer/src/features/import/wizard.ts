/**
 * The import wizard's state. It lives outside the screen so that a check or an import that is
 * running keeps its result when the person looks at another screen meanwhile.
 */
import { useSyncExternalStore } from 'react';
import { IMPORT_FIELDS, type ImportKind, type ImportOptions, type ImportPreview, type ImportResult, type ImportSummary } from '../../../../shared/domain/import';
import type { CallOptions } from '../../../../shared/ipc/client';
import { AppError } from '../../../../shared/ipc/errors';
import { api } from '../../api';
import type { useApp } from '../../app/AppContext';
import { i18next } from '../../i18n';
import { analysisActions } from '../analysis/store';
import { fileToBase64, MAX_DROPPED_BYTES } from './stage-file';

type App = ReturnType<typeof useApp>;
export type Step = 1 | 2 | 3 | 4;
export type Mapping = Record<string, number | null>;
/** What the person set in the preview step instead of what was detected. */
export type Overrides = Pick<ImportOptions, 'kind' | 'encoding' | 'delimiter' | 'headerLine' | 'numberFormat' | 'dateFormat' | 'profile' | 'taxShipping'>;

export interface Notice {
  tone: 'info' | 'warn' | 'success';
  /** A key of the catalogue, translated when shown (so a change of language applies). */
  key: string;
  params?: Record<string, string>;
}

export interface WizardState {
  workspacePath: string | null;
  step: Step;
  /** The file the wizard reads; the name as the person knows it (a dropped file is staged under the same name). */
  path: string | null;
  overrides: Overrides;
  /** The mapping the person changed; null while it is the detected (or remembered) one. */
  mapping: Mapping | null;
  /** The overrides and mapping the shown preview was read with, restored when a change cannot be read. */
  applied: { overrides: Overrides; mapping: Mapping | null };
  keepDuplicates: boolean;
  /** Leave out identical rows that have no order id (kept by default). */
  dropPossibleDuplicates: boolean;
  strict: boolean;
  /** The person has read the check's warnings and imports anyway. */
  acceptWarnings: boolean;
  /** Replace the earlier import of the same file; required before importing such a file. */
  replacePrevious: boolean;
  preview: ImportPreview | null;
  summary: ImportSummary | null;
  result: ImportResult | null;
  busy: 'staging' | 'preview' | 'check' | 'run' | null;
  /** The name of the file being copied in after a drop. */
  staging: string | null;
  notice: Notice | null;
}

const initial = (workspacePath: string | null): WizardState => ({
  workspacePath,
  step: 1,
  path: null,
  overrides: {},
  mapping: null,
  applied: { overrides: {}, mapping: null },
  keepDuplicates: false,
  dropPossibleDuplicates: false,
  strict: false,
  acceptWarnings: false,
  replacePrevious: false,
  preview: null,
  summary: null,
  result: null,
  busy: null,
  staging: null,
  notice: null,
});

let state: WizardState = initial(null);
const listeners = new Set<() => void>();

function set(patch: Partial<WizardState>): void {
  const previous = state.path;
  state = { ...state, ...patch };
  // A file the wizard lets go of: its copy, if it was dropped, is not kept (the service ignores other paths).
  if (previous && previous !== state.path) void api['file.unstage']({ path: previous }).catch(() => undefined);
  for (const listener of listeners) listener();
}

export const wizardStore = {
  get: (): WizardState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The wizard's state; it starts over when another workspace is opened. */
export function useWizard(workspacePath: string | null): WizardState {
  const current = useSyncExternalStore(wizardStore.subscribe, wizardStore.get);
  return current.workspacePath === workspacePath ? current : initial(workspacePath);
}

/** The mapping in effect: the person's, else the detected one. */
export function effectiveMapping(current: WizardState): Mapping {
  return current.mapping ?? current.preview?.detected.mapping ?? {};
}

/** Warnings of a check that hold the import: all but ambiguous dates can be accepted; those need the date format said. */
export function holdingWarnings(summary: ImportSummary | null, accepted: boolean): { blocked: boolean; dates: boolean } {
  const warnings = summary?.warnings ?? [];
  const dates = warnings.some((warning) => warning.code === 'ambiguous_dates');
  return { dates, blocked: dates || (warnings.length > 0 && !accepted) };
}

/** Fields of the kind that are required and have no column (amount may come as quantity × unit price). */
export function missingFields(kind: ImportKind, mapping: Mapping): string[] {
  const mapped = (field: string) => mapping[field] !== null && mapping[field] !== undefined;
  const fields = IMPORT_FIELDS[kind] as Record<string, { required: boolean }>;
  return Object.entries(fields).flatMap(([field, spec]) => {
    if (!spec.required || mapped(field)) return [];
    if (kind === 'transactions' && field === 'amount' && mapped('quantity') && mapped('unitPrice')) return [];
    return [field];
  });
}

function importOptions(current: WizardState): ImportOptions {
  const options: ImportOptions = { ...current.overrides };
  if (current.mapping) options.mapping = current.mapping;
  if (current.keepDuplicates) options.keepDuplicates = true;
  if (current.dropPossibleDuplicates) options.dropPossibleDuplicates = true;
  return options;
}

function isCancel(error: unknown): boolean {
  return error instanceof AppError && error.code === 'cancelled';
}

let previewRequest = 0;
let previewAbort: AbortController | null = null;

/** Cancels with the job bar's button, or when a newer preview replaces this one. */
function withAbort(options: CallOptions, controller: AbortController): CallOptions {
  return { ...options, signal: options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal };
}

async function preview(app: App): Promise<void> {
  const { path } = state;
  if (!path) return;
  previewAbort?.abort();
  const controller = new AbortController();
  previewAbort = controller;
  const request = ++previewRequest;
  set({ busy: 'preview' });
  const tried = { overrides: state.overrides, mapping: state.mapping };
  const input = { path, options: importOptions(state) };
  const result = await app.runJob(i18next.t('import.jobs.preview'), (options) => api['import.preview'](input, withAbort(options, controller)), { screen: 'import' });
  if (request !== previewRequest) return;
  previewAbort = null;
  if (!result) {
    // A change that cannot be read is undone (the error says why); when even the first reading
    // failed (or was cancelled) there is nothing to preview, so back to choosing a file.
    set(state.preview ? { busy: null, overrides: state.applied.overrides, mapping: state.applied.mapping } : { busy: null, step: 1, path: null });
    return;
  }
  set({ busy: null, preview: result, summary: null, applied: tried });
}

export const wizardActions = {
  /** Keeps the state with the workspace it belongs to. */
  attach(workspacePath: string | null): void {
    if (state.workspacePath !== workspacePath) {
      previewAbort?.abort();
      set(initial(workspacePath));
    }
  },

  startOver(): void {
    previewAbort?.abort();
    set({ ...initial(state.workspacePath) });
  },

  goTo(step: Step): void {
    set({ step, notice: null });
  },

  async openPath(app: App, path: string): Promise<void> {
    app.dismissError();
    set({ ...initial(state.workspacePath), path, step: 2 });
    await preview(app);
  },

  async choose(app: App): Promise<void> {
    try {
      const path = await api['dialog.chooseFile']({ purpose: 'importFile' });
      if (path) await wizardActions.openPath(app, path);
    } catch (error) {
      app.showError(error);
    }
  },

  /** A file dropped on the window: copied into the app data folder, then read from there. */
  async drop(app: App, file: File): Promise<void> {
    if (state.busy) return;
    if (file.size > MAX_DROPPED_BYTES) {
      app.showError(new AppError('droppedFileTooLarge', { name: file.name }));
      return;
    }
    set({ busy: 'staging', staging: file.name, notice: null });
    try {
      const base64 = await fileToBase64(file);
      const { path } = await api['file.stage']({ name: file.name, base64 });
      set({ busy: null, staging: null });
      await wizardActions.openPath(app, path);
    } catch (error) {
      set({ busy: null, staging: null });
      if (error instanceof DOMException || error instanceof TypeError) {
        app.showError(new AppError('droppedFileUnreadable', { name: file.name }));
      } else app.showError(error);
    }
  },

  /**
   * A detected fact changed by the person. A change that moves the columns (what the file is, its
   * encoding, delimiter or header line) lets the mapping be detected again.
   */
  async override(app: App, patch: Overrides): Promise<void> {
    const structural = 'kind' in patch || 'encoding' in patch || 'delimiter' in patch || 'headerLine' in patch;
    set({ overrides: { ...state.overrides, ...patch }, mapping: structural || 'profile' in patch ? null : state.mapping, summary: null, acceptWarnings: false });
    await preview(app);
  },

  /** Maps a column to a field (or to nothing); a field fills one column only. */
  async map(app: App, column: number, field: string | null): Promise<void> {
    const next: Mapping = { ...effectiveMapping(state) };
    for (const [name, index] of Object.entries(next)) if (index === column) next[name] = null;
    if (field) next[field] = column;
    set({ mapping: next, summary: null, acceptWarnings: false });
    // Read again: the number and date formats are detected from the mapped columns.
    await preview(app);
  },

  setReplacePrevious(replace: boolean): void {
    set({ replacePrevious: replace });
  },

  /** The earlier import of the same file stays; this one is not made. */
  skipPrevious(): void {
    const name = state.preview?.file.name ?? '';
    previewAbort?.abort();
    set({ ...initial(state.workspacePath), notice: { tone: 'info', key: 'import.previous.skipped', params: { file: name } } });
  },

  setStrict(strict: boolean): void {
    set({ strict });
  },

  async setKeepDuplicates(app: App, keep: boolean): Promise<void> {
    set({ keepDuplicates: keep, summary: null });
    if (state.step === 3) await wizardActions.check(app);
  },

  async setDropPossibleDuplicates(app: App, drop: boolean): Promise<void> {
    set({ dropPossibleDuplicates: drop, summary: null });
    if (state.step === 3) await wizardActions.check(app);
  },

  setAcceptWarnings(accept: boolean): void {
    set({ acceptWarnings: accept });
  },

  async check(app: App): Promise<void> {
    const { path } = state;
    if (!path || state.busy) return;
    app.dismissError();
    set({ step: 3, busy: 'check', notice: null, acceptWarnings: false });
    let cancelled = false;
    const input = { path, options: importOptions(state) };
    const summary = await app.runJob(
      i18next.t('import.jobs.check'),
      (options) =>
        api['import.check'](input, options).catch((error: unknown) => {
          cancelled = isCancel(error);
          throw error;
        }),
      { screen: 'import' },
    );
    set({ busy: null, summary: summary ?? null, notice: cancelled ? { tone: 'warn', key: 'import.check.cancelled' } : null });
  },

  async run(app: App): Promise<void> {
    const { path } = state;
    if (!path || state.busy) return;
    app.dismissError();
    set({ step: 4, busy: 'run', notice: null, result: null });
    let cancelled = false;
    const input = { path, options: importOptions(state), onPreviousImport: state.replacePrevious ? ('replace' as const) : ('skip' as const), strict: state.strict, acceptWarnings: state.acceptWarnings };
    const result = await app.runJob(
      i18next.t('import.jobs.run'),
      (options) =>
        api['import.run'](input, options).catch((error: unknown) => {
          cancelled = isCancel(error);
          throw error;
        }),
      { screen: 'import' },
    );
    if (!result) {
      set({ busy: null, step: 3, notice: cancelled ? { tone: 'warn', key: 'import.run.cancelled' } : null });
      return;
    }
    set({ busy: null, result });
    if (result.committed && result.accepted > 0) analysisActions.afterImport(app);
  },
};
