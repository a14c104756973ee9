import { AnalysisSummarySchema, type AnalysisRun, type CustomerDetail, type CustomerFilter, type CustomerPage, type ExportList } from '../../../shared/domain/analysis';
import { AppError } from '../../../shared/ipc/errors';
import type { ExportWords } from '../../../shared/domain/export';
import { exportList } from './list-export';
import { customerDetail, customerView, loadRun, page, prepareOrders, scatter, type LoadedRun } from './results';
import type { ScatterReply } from '../../../shared/ipc/contract';
import type { AnalysisSettings } from '../../../shared/domain/settings';
import { AnalysisSettings as SettingsSchema } from '../../../shared/domain/settings';
import { dataFingerprint, latestBacktest, latestFit, latestRun, readAnalysisSettings, writeAnalysisSettings } from '../../db/analysis-store';
import { BacktestResultSchema, ModelFitSummary, type BacktestRun } from '../../../shared/domain/models';
import type { RunOptions, WorkerPool } from '../../workers/pool';
import type { WorkspaceService } from '../workspace/workspace-service';

/** Analyses of the open workspace: settings, runs in the analysis worker, the last stored run. */
/** The worker that runs the analysis, the fits and the back-tests, and keeps their stage cache between them. */
export const ANALYSIS_AFFINITY = 'analysis';

export class AnalysisService {
  /** The last run's customers in memory, with the orders and filtered views the grid asked for (it pages through them). */
  private loaded: { path: string; run: LoadedRun } | null = null;
  /** When the grid last asked for customers (performance.now()); background work on orders waits for quiet. */
  private lastAsked = 0;

  constructor(private readonly deps: { workspaces: WorkspaceService; pool: WorkerPool }) {}

  private latestLoaded(): LoadedRun {
    const store = this.deps.workspaces.requireStore();
    const path = this.deps.workspaces.requirePath();
    const run = latestRun(store.db);
    if (!run) throw new AppError('notAnalysed');
    if (!this.loaded || this.loaded.path !== path || this.loaded.run.run.runId !== run.runId) {
      const loaded = { path, run: loadRun(store.db, run) };
      this.loaded = loaded;
      prepareOrders(loaded.run, () => this.loaded === loaded, () => this.lastAsked);
    }
    return this.loaded.run;
  }

  customers(request: { offset: number; limit: number; sort?: { column: string; direction: 'asc' | 'desc' } | undefined; filter?: CustomerFilter | undefined; columns?: string[] | undefined }): CustomerPage {
    this.lastAsked = performance.now();
    const loaded = this.latestLoaded();
    const reply = page(loaded, customerView(loaded, request.filter, request.sort), request.offset, request.limit, request.columns);
    this.lastAsked = performance.now();
    return reply;
  }

  /** The Strategies scatter of the last run, sampled (kept with the run). */
  scatter(): ScatterReply | null {
    return scatter(this.latestLoaded());
  }

  customer(customer: string): CustomerDetail {
    return customerDetail(this.deps.workspaces.requireStore().db, this.latestLoaded(), customer, this.settings());
  }

  export(list: ExportList, path: string, filter: CustomerFilter | undefined, words?: ExportWords): Promise<{ path: string; rows: number }> {
    return exportList(this.latestLoaded(), list, path, filter, this.settings(), words);
  }

  settings(): AnalysisSettings {
    return readAnalysisSettings(this.deps.workspaces.requireStore().db);
  }

  updateSettings(patch: Partial<AnalysisSettings>): AnalysisSettings {
    const db = this.deps.workspaces.requireStore().db;
    const settings = SettingsSchema.parse({ ...readAnalysisSettings(db), ...patch });
    writeAnalysisSettings(db, settings);
    return settings;
  }

  /** Runs an analysis; `asOf` and `horizonMonths` given here apply to this run only. */
  async run(overrides: { asOf?: string | null | undefined; horizonMonths?: number | undefined }, run: RunOptions): Promise<AnalysisRun> {
    const workspace = this.deps.workspaces.requirePath();
    const settings = {
      ...this.settings(),
      ...(overrides.asOf !== undefined ? { asOf: overrides.asOf } : {}),
      ...(overrides.horizonMonths !== undefined ? { horizonMonths: overrides.horizonMonths } : {}),
    };
    const result = await this.deps.pool.run('analysis.run', { workspace, settings, store: true }, { ...run, affinity: ANALYSIS_AFFINITY });
    this.deps.workspaces.changed();
    return { runId: result.runId, createdAt: result.createdAt, stale: false, settings, summary: result.summary, durationMs: result.durationMs, timings: result.timings, computedStages: result.computedStages };
  }

  async fit(model: 'bgnbd' | 'pareto-nbd', unit: 'day' | 'week' | 'month', calibrationEnd: string | null, run: RunOptions): Promise<ModelFitSummary> {
    const workspace = this.deps.workspaces.requirePath();
    return this.deps.pool.run('models.fit', { workspace, model, unit, calibrationEnd, settings: this.settings() }, { ...run, affinity: ANALYSIS_AFFINITY });
  }

  /** Back-tests the projections of the open workspace (shared/analytics/backtest.ts) with its analysis settings. */
  async backtest(asOf: string | null, horizonMonths: number, run: RunOptions): Promise<BacktestRun> {
    const workspace = this.deps.workspaces.requirePath();
    const result = await this.deps.pool.run('models.backtest', { workspace, settings: this.settings(), asOf, horizonMonths }, { ...run, affinity: ANALYSIS_AFFINITY });
    this.deps.workspaces.changed();
    return result;
  }

  latestBacktest(): BacktestRun | null {
    const db = this.deps.workspaces.requireStore().db;
    const stored = latestBacktest(db);
    if (!stored) return null;
    const result = BacktestResultSchema.safeParse(stored.result);
    // One from an older version that no longer fits is not shown.
    return result.success ? { createdAt: stored.createdAt, stale: stored.fingerprint !== dataFingerprint(db), result: result.data } : null;
  }

  latestFit(): ModelFitSummary | null {
    const fit = latestFit(this.deps.workspaces.requireStore().db, false);
    if (!fit) return null;
    const summary = ModelFitSummary.omit({ fitId: true }).safeParse(fit.summary);
    return summary.success ? { fitId: fit.fitId, ...summary.data } : null;
  }

  /** Starts reading the open workspace's data into the analysis worker in the background (after an import). */
  prepare(): void {
    const workspace = this.deps.workspaces.requirePath();
    this.deps.pool.run('analysis.prepare', { workspace }, { affinity: ANALYSIS_AFFINITY }).catch(() => {
      // Only a head start: the analysis reads the data itself if this did not happen.
    });
  }

  latest(): AnalysisRun | null {
    const db = this.deps.workspaces.requireStore().db;
    const run = latestRun(db);
    if (!run) return null;
    const summary = AnalysisSummarySchema.safeParse(run.summary);
    // A run from an older version whose summary no longer fits is simply not shown.
    if (!summary.success) return null;
    return {
      runId: run.runId,
      createdAt: run.createdAt,
      stale: run.fingerprint !== dataFingerprint(db),
      settings: run.settings,
      summary: summary.data,
      durationMs: run.durationMs,
      timings: [],
      computedStages: [],
    };
  }
}
