import { randomUUID } from 'node:crypto';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { RecentWorkspace, SampleName, WorkspaceSummary } from '../../../shared/domain/workspace';
import { MIN_PASSWORD_LENGTH, WORKSPACE_EXTENSION } from '../../../shared/domain/workspace';
import { AppError } from '../../../shared/ipc/errors';
import { openWorkspaceDatabase } from '../../db/connection';
import { isProtectedFile, keyForFile, looksProtected, newKey, type WorkspaceKey } from '../../db/encryption';
import { WorkspaceStore, type Page, type PageRequest } from '../../db/queries';
import type { SqliteOptions } from '../../db/sqlite';
import type { RunOptions, WorkerPool } from '../../workers/pool';
import type { AnonymisedCopyResult } from '../../../shared/domain/workspace';
import type { AppState } from '../app/app-state';
import type { EventBus } from '../api/events';
import { removeAbandonedFolders } from '../app/scratch-folders';
import { summarize, workspaceName } from './summary';

export interface WorkspaceServiceOptions {
  appState: AppState;
  events: EventBus;
  pool: WorkerPool;
  /** Its key ring is this service's to fill: a workspace's key goes in when its password opens it, and out when it closes. */
  sqlite: SqliteOptions & { keys: Map<string, WorkspaceKey> };
  /** The app's data folder; samples without a chosen path are created in its `samples/`. */
  dataDir: string;
  /** Where the shipped sample files are. */
  samplesDir: string;
}

/** One open workspace at a time (per window), plus the recent list. */
export class WorkspaceService {
  /**
   * The open workspace: `path` is the file the app works on, `shown` the one the person opened —
   * the same file, except for a workspace opened for viewing from a folder the app cannot write to,
   * whose private copy the app works on (deleted when it closes).
   */
  private open_: { path: string; shown: string; store: WorkspaceStore } | null = null;

  private readonly keys: Map<string, WorkspaceKey>;

  constructor(private readonly options: WorkspaceServiceOptions) {
    this.keys = options.sqlite.keys;
    removeAbandonedFolders(this.viewingDir());
  }

  /** The store of the open workspace; other services use it. */
  requireStore(): WorkspaceStore {
    if (!this.open_) throw new AppError('noWorkspace');
    return this.open_.store;
  }

  /** The file of the open workspace (workers open their own connection to it). */
  requirePath(): string {
    if (!this.open_) throw new AppError('noWorkspace');
    return this.open_.path;
  }

  /** The file of the open workspace as the person opened it, or null. */
  openPath(): string | null {
    return this.open_?.shown ?? null;
  }

  /** Refuses what would be lost with the copy of a workspace opened for viewing. */
  requireWritable(): void {
    if (this.open_ && this.open_.path !== this.open_.shown) throw new AppError('workspaceViewOnly', { path: this.open_.shown });
  }

  /** Tell everyone the open workspace's content changed (after an import). */
  changed(): void {
    const summary = this.current();
    if (summary) this.remember(summary);
    this.options.events.emit('workspace.changed', { current: summary });
  }

  current(): WorkspaceSummary | null {
    if (!this.open_) return null;
    const { path, shown, store } = this.open_;
    return path === shown ? summarize(path, store) : { ...summarize(path, store), path: shown, name: workspaceName(shown), viewOnly: true };
  }

  /** Opens a workspace; a protected one needs its password (else AppError workspaceLocked). */
  open(path: string, password?: string): WorkspaceSummary {
    const target = resolve(path);
    if (password === undefined || this.open_?.shown === target || !existsSync(target) || !looksProtected(target)) return this.attachOrView(target);
    const known = this.keys.get(target);
    this.keys.set(target, keyForFile(target, password));
    try {
      return this.attachOrView(target);
    } catch (error) {
      if (known) this.keys.set(target, known);
      else this.keys.delete(target);
      throw error;
    }
  }

  /** Creates an empty workspace, protected from the start when a password is given. */
  create(path: string, password?: string): WorkspaceSummary {
    const target = resolve(path);
    mkdirSync(dirname(target), { recursive: true });
    if (password !== undefined) this.keys.set(target, newKey(checkPassword(password)));
    try {
      return this.attach(target, 'create', (store) => store.setMeta('createdAt', new Date().toISOString()));
    } catch (error) {
      if (password !== undefined) this.keys.delete(target);
      throw error;
    }
  }

  /**
   * Protects the open workspace with a password, changes its password, or (null) removes it: the
   * whole file is re-encrypted in place in one transaction (encryption.ts).
   */
  async setPassword(password: string | null, run: RunOptions = {}): Promise<WorkspaceSummary> {
    const path = this.requirePath();
    this.requireWritable();
    if (password !== null) checkPassword(password);
    if (password === null && !isProtectedFile(path)) return this.current() as WorkspaceSummary;
    // Re-encrypting needs the only connection: the app's goes while the worker works, then comes back.
    this.closeQuietly(true);
    try {
      const { key } = await this.options.pool.run('workspace.setPassword', { workspace: path, password }, run);
      if (key === null) this.keys.delete(path);
      else this.keys.set(path, key);
    } finally {
      this.attach(path, 'open');
    }
    return this.current() as WorkspaceSummary;
  }

  private attach(path: string, mode: 'open' | 'create', init?: (store: WorkspaceStore) => void, shown = path): WorkspaceSummary {
    if (this.open_?.shown === shown) return this.current() as WorkspaceSummary;
    const store = new WorkspaceStore(openWorkspaceDatabase(path, { ...this.options.sqlite, mode }));
    init?.(store);
    this.closeQuietly();
    this.open_ = { path, shown, store };
    const summary = this.current() as WorkspaceSummary;
    this.remember(summary);
    this.options.events.emit('workspace.changed', { current: summary });
    return summary;
  }

  /**
   * Opens a workspace; one in a folder the app cannot write to (a read-only disk, a locked share),
   * which SQLite cannot open for its WAL, is copied into the app's data folder and opened for
   * viewing: analyses work on the copy, imports and password changes are refused, and the copy
   * goes when the workspace closes. The original is never written.
   */
  private attachOrView(target: string): WorkspaceSummary {
    try {
      return this.attach(target, 'open');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if ((code !== 'SQLITE_CANTOPEN' && code !== 'SQLITE_READONLY') || isWritable(target)) throw error;
    }
    const folder = join(this.viewingDir(), randomUUID());
    mkdirSync(folder, { recursive: true });
    const copy = join(folder, basename(target));
    try {
      copyFileSync(target, copy);
      // Committed pages not yet checkpointed into the file live in its WAL.
      if (existsSync(`${target}-wal`)) copyFileSync(`${target}-wal`, `${copy}-wal`);
      const key = this.keys.get(target);
      if (key) this.keys.set(copy, key);
      return this.attach(copy, 'open', undefined, target);
    } catch (error) {
      this.keys.delete(copy);
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  private viewingDir(): string {
    return join(this.options.dataDir, 'viewing');
  }

  /** The recent list keeps no counts or revenue of a protected workspace: the app's state file is not encrypted. */
  private remember(summary: WorkspaceSummary): void {
    this.options.appState.remember(summary.path, summary.protected ? null : summary);
  }

  close(): void {
    if (!this.open_) return;
    this.closeQuietly();
    this.options.events.emit('workspace.changed', { current: null });
  }

  /** Closes the connection; the key of a protected workspace goes too (opening it again asks for the password) unless it is kept for re-encrypting. */
  private closeQuietly(keepKey = false): void {
    if (!this.open_) return;
    const { path, shown, store } = this.open_;
    store.close();
    this.open_ = null;
    // A copy opened for viewing never keeps its key: re-encrypting is refused for it.
    if (!keepKey) for (const file of new Set([path, shown])) this.keys.delete(file);
    if (path !== shown) rmSync(dirname(path), { recursive: true, force: true });
  }

  /** Where a sample goes when the person does not choose a file. */
  defaultSamplePath(sample: SampleName): string {
    return join(this.options.dataDir, 'samples', `${sample}.${WORKSPACE_EXTENSION}`);
  }

  /** Builds a sample workspace in a worker, then opens it. */
  async createSample(sample: SampleName, path: string | undefined, replace: boolean, run: RunOptions): Promise<WorkspaceSummary> {
    const target = resolve(path ?? this.defaultSamplePath(sample));
    mkdirSync(dirname(target), { recursive: true });
    if (this.open_?.shown === target) {
      if (!replace) throw new AppError('workspaceAlreadyOpen', { path: target });
      this.close();
    }
    await this.options.pool.run('sample.build', { sample, target, replace, samplesDir: this.options.samplesDir }, run);
    return this.open(target);
  }

  /**
   * Writes an anonymised copy of the open workspace (electron/db/anonymise.ts) in a worker; the key
   * that tells the copy's ids from the real ones stays in this workspace, never in the copy.
   */
  async anonymise(path: string, options: { keepAttributes: string[]; shiftDates: boolean }, run: RunOptions): Promise<AnonymisedCopyResult> {
    const source = this.requirePath();
    this.requireWritable();
    const target = resolve(path);
    if (target === source) throw new AppError('workspaceExists', { path: target });
    const { keyHex, ...copy } = await this.options.pool.run('workspace.anonymise', { workspace: source, target, ...options }, run);
    this.requireStore().setMeta(`anonymisedCopy:${new Date().toISOString()}`, JSON.stringify({ path: target, key: keyHex, shiftDays: copy.shiftDays }));
    return copy;
  }

  /** Opens the sample, creating it first if it is not there yet. */
  async openSample(sample: SampleName, run: RunOptions = {}): Promise<WorkspaceSummary> {
    const target = this.defaultSamplePath(sample);
    return existsSync(target) ? this.open(target) : this.createSample(sample, target, false, run);
  }

  recent(): RecentWorkspace[] {
    return this.options.appState.recent().map((entry) => {
      const exists = existsSync(entry.path);
      return {
        path: entry.path,
        name: workspaceName(entry.path),
        openedAt: entry.openedAt,
        exists,
        protected: exists && isProtectedFile(entry.path),
        summary: this.open_?.shown === entry.path ? this.current() : entry.summary,
      };
    });
  }

  forget(path: string): RecentWorkspace[] {
    this.options.appState.forget(resolve(path));
    return this.recent();
  }

  page(request: PageRequest): Page {
    return this.requireStore().page(request);
  }

  /**
   * What to show when the app starts: the workspace asked for, else the last one that still
   * opens, else (first start, or nothing left) the demo sample.
   */
  async restore(requested: string | undefined, run: RunOptions = {}): Promise<WorkspaceSummary> {
    if (requested) {
      const opened = this.openRequested(requested);
      if (opened) return opened;
    }
    for (const entry of this.options.appState.recent()) {
      if (!existsSync(entry.path)) continue;
      try {
        return this.open(entry.path);
      } catch {
        // A recent workspace that no longer opens is shown on the home screen with its error; try the next.
      }
    }
    return this.openSample('demo', run);
  }

  /**
   * Opens a workspace asked for from outside the window (the command line, a second start of the
   * app). A protected one cannot be opened without a person: it goes to the top of the recent list
   * and the window is asked to prompt for its password (null then).
   */
  openRequested(path: string): WorkspaceSummary | null {
    try {
      return this.open(path);
    } catch (error) {
      if (!(error instanceof AppError) || error.key !== 'workspaceLocked') throw error;
      const target = resolve(path);
      this.options.appState.remember(target, null);
      this.options.events.emit('workspace.needsPassword', { path: target });
      return null;
    }
  }

  dispose(): void {
    this.closeQuietly();
  }
}

/** Whether the app may write beside the file (SQLite needs to, for its WAL) and to the file itself. */
function isWritable(file: string): boolean {
  try {
    accessSync(dirname(file), constants.W_OK);
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function checkPassword(password: string): string {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new AppError('passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  return password;
}
