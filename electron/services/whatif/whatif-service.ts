/**
 * What-if scenarios of the open workspace: the baseline from the latest stored analysis run (built
 * once per run from its columns), projections of scenarios against it (the CLI and the report;
 * the renderer projects locally from the same baseline), and the scenarios saved in the workspace.
 */
import { baselineToArrays, createWhatIfEngine, GROUP_LABELS, whatIfBaselineFromRun, yearlyRetention, type Scenario, type WhatIfEngine, type WhatIfResult, type WhatIfRunColumns } from '../../../shared/analytics/whatif';
import { isoFromEpochDay } from '../../../shared/domain/dates';
import { ScenarioSchema, type SavedScenario, type WhatIfBaselineReply } from '../../../shared/domain/whatif';
import { AppError } from '../../../shared/ipc/errors';
import { dataFingerprint, latestRun, readRunColumns } from '../../db/analysis-store';
import { deleteScenario, duplicateScenario, listScenarios, saveScenario, type StoredScenario } from '../../db/scenario-store';
import type { WorkspaceService } from '../workspace/workspace-service';

/** The run columns the baseline is made from (probabilityAlive only when the analysis used a model). */
const NEEDED = ['tier', 'quadrant', 'strategy', 'currentRevenue', 'currentMargin', 'currentCostToServe', 'currentOrders', 'hasPurchase', 'tenureDays', 'recencyDays', 'future', 'crossSellPotential'] as const;
const OPTIONAL = ['probabilityAlive'] as const;

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

export class WhatIfService {
  private cached: Cached | null = null;

  constructor(private readonly deps: { workspaces: WorkspaceService }) {}

  /** The baseline of the latest run, built once per run (and per workspace). */
  private current(): Cached {
    const store = this.deps.workspaces.requireStore();
    const path = this.deps.workspaces.requirePath();
    const run = latestRun(store.db);
    if (!run) throw new AppError('not_found', 'This workspace has not been analysed yet.', { hint: 'Run the analysis first (Analyse, or value-ladder analyze): what-if scenarios start from its results.' });
    if (this.cached?.path === path && this.cached.runId === run.runId && this.cached.createdAt === run.createdAt) return this.cached;

    const columns = readRunColumns(store.db, run.runId, [...NEEDED, ...OPTIONAL]);
    const missing = NEEDED.filter((name) => !columns[name]);
    if (missing.length > 0) {
      throw new AppError('not_found', 'The last analysis was made by an older version and lacks what the what-if projection needs.', { hint: 'Run the analysis again.' });
    }
    const summary = (run.summary ?? {}) as { churnRate?: unknown; inactivityDays?: unknown; futureSource?: unknown };
    const monthlyChurn = typeof summary.churnRate === 'number' && Number.isFinite(summary.churnRate) ? summary.churnRate : null;
    const inactivityDays = typeof summary.inactivityDays === 'number' && summary.inactivityDays > 0 ? summary.inactivityDays : (run.settings.inactivityDays ?? 365);
    const settings = run.settings;
    const baseline = whatIfBaselineFromRun(columns as unknown as WhatIfRunColumns, {
      windowMonths: settings.currentWindowMonths,
      costPerOrder: settings.costPerOrder,
      defaultMarginRate: settings.defaultMarginRate,
      inactivityDays,
      monthlyChurn,
      discountRate: settings.discountRateYearly,
    });
    const arrays = baselineToArrays(baseline);
    const reply: Cached['reply'] = {
      runId: run.runId,
      createdAt: run.createdAt,
      asOf: isoFromEpochDay(run.asOf),
      settings,
      futureSource: typeof summary.futureSource === 'string' ? summary.futureSource : 'projection',
      aliveSource: columns.probabilityAlive ? 'model' : 'activity',
      monthlyChurn,
      yearlyRetention: baseline.count > 0 ? (baseline.retention[0] as number) : yearlyRetention(monthlyChurn),
      windowMonths: settings.currentWindowMonths,
      discountRate: baseline.discountRate,
      customers: baseline.count,
      labels: { tier: [...GROUP_LABELS.tier], quadrant: [...GROUP_LABELS.quadrant], strategy: [...GROUP_LABELS.strategy] },
      columns: arrays.columns,
    };
    this.cached = { path, runId: run.runId, createdAt: run.createdAt, fingerprint: run.fingerprint, reply, engine: createWhatIfEngine(baseline) };
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
    if (!deleteScenario(this.deps.workspaces.requireStore().db, id)) throw new AppError('not_found', `There is no saved scenario number ${id}.`, { hint: 'It may have been deleted already: list the scenarios again.' });
    return this.list();
  }

  duplicate(id: number): SavedScenario {
    return toSaved(duplicateScenario(this.deps.workspaces.requireStore().db, id, new Date().toISOString())) as SavedScenario;
  }
}

/** A stored scenario as the contract carries it; null when it no longer reads as a scenario (an older format). */
function toSaved(entry: StoredScenario): SavedScenario | null {
  const scenario = ScenarioSchema.safeParse(entry.scenario);
  if (!scenario.success) return null;
  return { id: entry.id, name: entry.name, forReport: entry.forReport, createdAt: entry.createdAt, updatedAt: entry.updatedAt, scenario: scenario.data };
}
