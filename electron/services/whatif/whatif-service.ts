/**
 * What-if scenarios of the open workspace: the baseline from the latest stored analysis run (built
 * once per run from its columns), projections of scenarios against it (the CLI and the report;
 * the renderer projects locally from the same baseline), and the scenarios saved in the workspace.
 *
 * The baseline is built ahead, in a worker, a moment after the open workspace changes (opened,
 * analysed, imported into): the first visit to the What-if screen then only has to send it. The
 * moment's wait keeps the build off the two cores while the person's own first request (the
 * dashboard of a workspace just opened, the next analysis) runs. Asked before that build is done,
 * it is built here at once (the worker's result is then kept only if still wanted).
 */
import { BASELINE_CODE_COLUMNS, BASELINE_VALUE_COLUMNS, createWhatIfEngine, type Scenario, type WhatIfEngine, type WhatIfResult } from '../../../shared/analytics/whatif';
import { ScenarioSchema, type SavedScenario, type WhatIfBaselineReply } from '../../../shared/domain/whatif';
import { AppError } from '../../../shared/ipc/errors';
import { dataFingerprint } from '../../db/analysis-store';
import { deleteScenario, duplicateScenario, listScenarios, saveScenario, type StoredScenario } from '../../db/scenario-store';
import type { WorkerPool } from '../../workers/pool';
import type { EventBus } from '../api/events';
import type { WorkspaceService } from '../workspace/workspace-service';
import { buildWhatIfBaseline, latestRunKey, type BuiltBaseline } from './build-baseline';

interface Cached {
  path: string;
  runId: number;
  /** With the run id: a workspace file replaced by another under the same path starts its runs at 1 again. */
  createdAt: string;
  fingerprint: string;
  /** The reply without `stale`, which is checked on every call. */
  reply: Omit<WhatIfBaselineReply, 'stale'>;
  engine: WhatIfEngine;
}

export interface WhatIfServiceDeps {
  workspaces: WorkspaceService;
  /** With both, the baseline is built in a worker as soon as a workspace with a run is open or analysed. */
  pool?: Pick<WorkerPool, 'run'>;
  events?: EventBus;
}

/** How long after a change of the workspace the baseline is built ahead. */
const WARM_DELAY_MS = 2_000;

export class WhatIfService {
  private cached: Cached | null = null;
  private warmTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  /** The build under way in the worker, for this workspace and run. */
  private warming: { path: string; runId: number; createdAt: string } | null = null;

  constructor(private readonly deps: WhatIfServiceDeps) {
    deps.events?.subscribe((event) => {
      if (event === 'workspace.changed') this.warmSoon();
    });
  }

  /** No build ahead any more (the backend is closing its workers). */
  dispose(): void {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = null;
    this.disposed = true;
  }

  /** Builds the baseline ahead once the workspace has not changed for a moment. */
  private warmSoon(): void {
    if (!this.deps.pool || this.disposed) return;
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => {
      this.warmTimer = null;
      this.warm();
    }, WARM_DELAY_MS);
    // Never what keeps a CLI or test process alive.
    this.warmTimer.unref?.();
  }

  /**
   * Builds the latest run's baseline in the worker unless it is built (or being built) already.
   * Off the request path: errors are left for the call that asks for the baseline to report.
   */
  warm(): void {
    const pool = this.deps.pool;
    if (!pool || this.disposed) return;
    const open = this.open();
    if (!open) return;
    const { path, store } = open;
    const key = latestRunKey(store.db);
    if (!key || this.isFor(this.cached, path, key) || this.isFor(this.warming, path, key)) return;
    const warming = { path, ...key };
    this.warming = warming;
    pool
      .run('whatif.baseline', { workspace: path })
      .then((built) => {
        // Kept only while it is still the open workspace's latest run and nothing built it meanwhile.
        if (this.warming !== warming || this.isFor(this.cached, path, built)) return;
        const now = this.open();
        const latest = now?.path === path ? latestRunKey(now.store.db) : null;
        if (latest && latest.runId === built.runId && latest.createdAt === built.createdAt) this.cached = toCached(path, built);
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.warming === warming) this.warming = null;
      });
  }

  private open(): { path: string; store: ReturnType<WorkspaceService['requireStore']> } | null {
    try {
      return { path: this.deps.workspaces.requirePath(), store: this.deps.workspaces.requireStore() };
    } catch {
      return null;
    }
  }

  private isFor(entry: { path: string; runId: number; createdAt: string } | null, path: string, key: { runId: number; createdAt: string }): boolean {
    return entry !== null && entry.path === path && entry.runId === key.runId && entry.createdAt === key.createdAt;
  }

  /** The baseline of the latest run, built once per run (and per workspace). */
  private current(): Cached {
    const store = this.deps.workspaces.requireStore();
    const path = this.deps.workspaces.requirePath();
    const key = latestRunKey(store.db);
    if (key && this.isFor(this.cached, path, key)) return this.cached as Cached;
    this.cached = toCached(path, buildWhatIfBaseline(store.db));
    return this.cached;
  }

  baseline(): WhatIfBaselineReply {
    const cached = this.current();
    return { ...cached.reply, stale: cached.fingerprint !== dataFingerprint(this.deps.workspaces.requireStore().db) };
  }

  compute(scenario: Scenario): WhatIfResult {
    return this.current().engine.compute(scenario);
  }

  list(): SavedScenario[] {
    return listScenarios(this.deps.workspaces.requireStore().db).flatMap((entry) => {
      const saved = toSaved(entry);
      return saved ? [saved] : [];
    });
  }

  save(entry: { id?: number | undefined; name: string; scenario: Scenario; forReport?: boolean | undefined }): SavedScenario {
    const stored = saveScenario(this.deps.workspaces.requireStore().db, { id: entry.id, name: entry.name, scenario: entry.scenario, forReport: entry.forReport ?? false, now: new Date().toISOString() });
    return toSaved(stored) as SavedScenario;
  }

  delete(id: number): SavedScenario[] {
    if (!deleteScenario(this.deps.workspaces.requireStore().db, id)) throw new AppError('scenarioMissing', { id });
    return this.list();
  }

  duplicate(id: number): SavedScenario {
    return toSaved(duplicateScenario(this.deps.workspaces.requireStore().db, id, new Date().toISOString())) as SavedScenario;
  }
}

function toCached(path: string, built: BuiltBaseline): Cached {
  const columns = {} as Cached['reply']['columns'];
  for (const name of [...BASELINE_CODE_COLUMNS, ...BASELINE_VALUE_COLUMNS]) {
    const values = built.baseline[name];
    columns[name] = Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
  }
  const reply: Cached['reply'] = { ...built.meta, columns };
  return { path, runId: built.runId, createdAt: built.createdAt, fingerprint: built.fingerprint, reply, engine: createWhatIfEngine(built.baseline) };
}

/** A stored scenario as the contract carries it; null when it no longer reads as a scenario (an older format). */
function toSaved(entry: StoredScenario): SavedScenario | null {
  const scenario = ScenarioSchema.safeParse(entry.scenario);
  if (!scenario.success) return null;
  return { id: entry.id, name: entry.name, forReport: entry.forReport, createdAt: entry.createdAt, updatedAt: entry.updatedAt, scenario: scenario.data };
}
