import { AnalysisSummarySchema, type AnalysisRun } from '../../../shared/domain/analysis';
import type { AnalysisSettings } from '../../../shared/domain/settings';
import { AnalysisSettings as SettingsSchema } from '../../../shared/domain/settings';
import { dataFingerprint, latestRun, readAnalysisSettings, writeAnalysisSettings } from '../../db/analysis-store';
import type { RunOptions, WorkerPool } from '../../workers/pool';
import type { WorkspaceService } from '../workspace/workspace-service';

/** Analyses of the open workspace: settings, runs in the analysis worker, the last stored run. */
export class AnalysisService {
  constructor(private readonly deps: { workspaces: WorkspaceService; pool: WorkerPool }) {}

  settings(): AnalysisSettings {
    return readAnalysisSettings(this.deps.workspaces.requireStore().db);
  }

  updateSettings(patch: Partial<AnalysisSettings>): AnalysisSettings {
    const db = this.deps.workspaces.requireStore().db;
    const settings = SettingsSchema.parse({ ...readAnalysisSettings(db), ...patch });
    writeAnalysisSettings(db, settings);
    return settings;
  }

  async run(asOf: string | null | undefined, run: RunOptions): Promise<AnalysisRun> {
    const workspace = this.deps.workspaces.requirePath();
    const settings = { ...this.settings(), ...(asOf !== undefined ? { asOf } : {}) };
    const result = await this.deps.pool.run('analysis.run', { workspace, settings, store: true }, { ...run, affinity: 'analysis' });
    this.deps.workspaces.changed();
    return { runId: result.runId, createdAt: result.createdAt, stale: false, settings, summary: result.summary, durationMs: result.durationMs, timings: result.timings, computedStages: result.computedStages };
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
