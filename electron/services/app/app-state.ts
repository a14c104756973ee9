import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppSettings, DEFAULT_APP_SETTINGS } from '../../../shared/domain/app-settings';
import { WorkspaceSummary } from '../../../shared/domain/workspace';

const MAX_RECENT = 12;

const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

const RecentEntry = z.object({ path: z.string(), openedAt: z.string(), summary: WorkspaceSummary.nullable() });
type RecentEntry = z.infer<typeof RecentEntry>;

const StateFile = z.object({
  settings: AppSettings.catch(DEFAULT_APP_SETTINGS),
  recent: z.array(RecentEntry).catch([]),
  window: WindowState.nullable().catch(null),
});
type StateFile = z.infer<typeof StateFile>;

/**
 * What the app remembers between runs (settings, recent workspaces, window): one small JSON
 * file in the app's data folder, written atomically. A damaged file falls back to defaults.
 */
export class AppState {
  private state: StateFile;

  /** `file` null keeps the state in memory only (the CLI does not touch the app's recent list). */
  constructor(private readonly file: string | null) {
    this.state = AppState.read(file);
  }

  private static read(file: string | null): StateFile {
    if (file === null) return { settings: DEFAULT_APP_SETTINGS, recent: [], window: null };
    try {
      return StateFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      return { settings: DEFAULT_APP_SETTINGS, recent: [], window: null };
    }
  }

  private save(): void {
    if (this.file === null) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state, null, 2));
    renameSync(temp, this.file);
  }

  get isFirstRun(): boolean {
    return this.state.recent.length === 0;
  }

  settings(): AppSettings {
    return this.state.settings;
  }

  updateSettings(patch: Partial<AppSettings>): AppSettings {
    this.state.settings = AppSettings.parse({ ...this.state.settings, ...patch });
    this.save();
    return this.state.settings;
  }

  recent(): readonly RecentEntry[] {
    return this.state.recent;
  }

  /** Put a workspace at the top of the recent list with what we now know of it. */
  remember(path: string, summary: WorkspaceSummary | null): void {
    const rest = this.state.recent.filter((entry) => entry.path !== path);
    this.state.recent = [{ path, openedAt: new Date().toISOString(), summary }, ...rest].slice(0, MAX_RECENT);
    this.save();
  }

  forget(path: string): void {
    this.state.recent = this.state.recent.filter((entry) => entry.path !== path);
    this.save();
  }

  windowState(): WindowState | null {
    return this.state.window;
  }

  setWindowState(window: WindowState): void {
    const parsed = WindowState.safeParse(window);
    if (!parsed.success) return;
    this.state.window = parsed.data;
    this.save();
  }
}
