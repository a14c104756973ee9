import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppSettings } from '../../../shared/domain/app-settings';
import type { WorkspaceSummary } from '../../../shared/domain/workspace';
import type { CallOptions } from '../../../shared/ipc/client';
import type { JobProgress } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { api } from '../api';
import { logRendererError } from '../api/log';
import { applyLocale } from '../i18n';

export type Route = 'home' | 'data' | 'import' | 'ladder' | 'strategies' | 'customers' | 'cohorts' | 'channels' | 'whatif' | 'models' | 'report' | 'settings';

export interface RunningJob {
  label: string;
  /** The screen that shows this job's progress itself; the shell's job bar stays hidden there. */
  screen: Route | null;
  progress: JobProgress | null;
  cancel(): void;
}


interface AppContextValue {
  settings: AppSettings | null;
  updateSettings(patch: Partial<AppSettings>): Promise<void>;
  workspace: WorkspaceSummary | null;
  route: Route;
  navigate(route: Route): void;
  job: RunningJob | null;
  /** Runs a long call with a progress bar and a cancel button; errors are shown, cancels are silent. */
  runJob<T>(label: string, call: (options: CallOptions) => Promise<T>, options?: { screen?: Route }): Promise<T | undefined>;
  /** The error the banner shows, said in the person's language when it is drawn. */
  error: AppError | null;
  showError(error: unknown): void;
  dismissError(): void;
  /** The glossary when open: the entry to show ('' for the top), else null. */
  glossary: string | null;
  openGlossary(entry?: string): void;
  closeGlossary(): void;
  /** A protected workspace waiting for its password (features/workspace/UnlockDialog), else null. */
  unlocking: string | null;
  askPassword(path: string): void;
  closePassword(): void;
}

const Context = createContext<AppContextValue | null>(null);

/** Anything caught becomes an AppError; one that is not (a bug here) goes to the log with its stack first. */
export function toAppError(error: unknown, area: string): AppError {
  if (error instanceof AppError) return error;
  logRendererError(area, error);
  return new AppError('internal');
}

function applyTheme(theme: AppSettings['theme']): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceSummary | null>(null);
  const [route, setRoute] = useState<Route>('home');
  const [job, setJob] = useState<RunningJob | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [glossary, setGlossary] = useState<string | null>(null);
  const [unlocking, setUnlocking] = useState<string | null>(null);
  const jobRef = useRef<AbortController | null>(null);

  const showError = useCallback((value: unknown) => {
    if (value instanceof AppError && value.code === 'cancelled') return;
    setError(toAppError(value, 'error banner'));
  }, []);

  useEffect(() => {
    let alive = true;
    Promise.all([api['app.settings']({}), api['workspace.current']({})])
      .then(([loaded, current]) => {
        if (!alive) return;
        setSettings(loaded);
        setWorkspace(current);
      })
      .catch(showError);
    const offWorkspace = api.on('workspace.changed', ({ current }) => setWorkspace(current));
    const offLocked = api.on('workspace.needsPassword', ({ path }) => setUnlocking(path));
    return () => {
      alive = false;
      offWorkspace();
      offLocked();
    };
  }, [showError]);

  useEffect(() => {
    if (!settings) return;
    applyLocale(settings.locale);
    applyTheme(settings.theme);
  }, [settings]);

  const updateSettings = useCallback(
    async (patch: Partial<AppSettings>) => {
      try {
        setSettings(await api['app.updateSettings'](patch));
      } catch (caught) {
        showError(caught);
      }
    },
    [showError],
  );

  const runJob = useCallback(
    async <T,>(label: string, call: (options: CallOptions) => Promise<T>, options: { screen?: Route } = {}): Promise<T | undefined> => {
      const controller = new AbortController();
      jobRef.current = controller;
      setJob({ label, screen: options.screen ?? null, progress: null, cancel: () => controller.abort() });
      try {
        return await call({
          signal: controller.signal,
          onProgress: (progress) => setJob((current) => (current ? { ...current, progress } : current)),
        });
      } catch (caught) {
        showError(caught);
        return undefined;
      } finally {
        if (jobRef.current === controller) {
          jobRef.current = null;
          setJob(null);
        }
      }
    },
    [showError],
  );

  const value = useMemo<AppContextValue>(
    () => ({
      settings,
      updateSettings,
      workspace,
      route,
      navigate: setRoute,
      job,
      runJob,
      error,
      showError,
      dismissError: () => setError(null),
      glossary,
      openGlossary: (entry = '') => setGlossary(entry),
      closeGlossary: () => setGlossary(null),
      unlocking,
      askPassword: setUnlocking,
      closePassword: () => setUnlocking(null),
    }),
    [settings, updateSettings, workspace, route, job, runJob, error, showError, glossary, unlocking],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useApp(): AppContextValue {
  const value = useContext(Context);
  if (!value) throw new Error('useApp outside AppProvider');
  return value;
}
