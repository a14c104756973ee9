/**
 * The what-if baseline of a workspace's latest analysis run, from the run's stored columns: on the
 * thread that serves the UI when it is asked for and not built yet, else in a worker as soon as a
 * workspace with a run is open or an analysis has finished (WhatIfService warms its cache with it).
 */
import { averageRetention, GROUP_LABELS, whatIfBaselineFromRun, type WhatIfBaseline, type WhatIfRunColumns } from '../../../shared/analytics/whatif';
import { isoFromEpochDay } from '../../../shared/domain/dates';
import type { WhatIfBaselineReply } from '../../../shared/domain/whatif';
import { AppError } from '../../../shared/ipc/errors';
import { latestRun, readRunColumns } from '../../db/analysis-store';
import { attachWorkspaceDatabase } from '../../db/connection';
import type { SqliteDatabase, SqliteOptions } from '../../db/sqlite';

/** The run columns the baseline is made from. */
const NEEDED = ['tier', 'quadrant', 'strategy', 'alive', 'retention', 'yearPurchases', 'yearRevenue', 'yearMargin', 'yearCost', 'future', 'crossSellPotential'] as const;

export interface BuiltBaseline {
  runId: number;
  createdAt: string;
  fingerprint: string;
  /** The reply without its columns and `stale` (checked on every call). */
  meta: Omit<WhatIfBaselineReply, 'stale' | 'columns'>;
  baseline: WhatIfBaseline;
}

/** The run's identity, to tell whether a built baseline is still the latest one; null without a run. */
export function latestRunKey(db: SqliteDatabase): { runId: number; createdAt: string } | null {
  const run = latestRun(db);
  return run ? { runId: run.runId, createdAt: run.createdAt } : null;
}

export function buildWhatIfBaseline(db: SqliteDatabase): BuiltBaseline {
  const run = latestRun(db);
  if (!run) throw new AppError('notAnalysed');
  const columns = readRunColumns(db, run.runId, [...NEEDED]);
  const missing = NEEDED.filter((name) => !columns[name]);
  if (missing.length > 0) {
    throw new AppError('analysisOutdated');
  }
  const engine = (run.summary as { outlook?: { engine?: unknown } } | null)?.outlook?.engine;
  if (engine !== 'model' && engine !== 'observed' && engine !== 'churn') throw new AppError('analysisOutdated');
  const settings = run.settings;
  const baseline = whatIfBaselineFromRun(columns as unknown as WhatIfRunColumns, {
    windowMonths: settings.currentWindowMonths,
    costPerOrder: settings.costPerOrder,
    defaultMarginRate: settings.defaultMarginRate,
    discountRate: settings.discountRateYearly,
  });
  const meta: BuiltBaseline['meta'] = {
    runId: run.runId,
    createdAt: run.createdAt,
    asOf: isoFromEpochDay(run.asOf),
    settings,
    engine,
    yearlyRetention: averageRetention(baseline),
    windowMonths: settings.currentWindowMonths,
    discountRate: baseline.discountRate,
    customers: baseline.count,
    labels: { tier: [...GROUP_LABELS.tier], quadrant: [...GROUP_LABELS.quadrant], strategy: [...GROUP_LABELS.strategy] },
  };
  return { runId: run.runId, createdAt: run.createdAt, fingerprint: run.fingerprint, meta, baseline };
}

/** The worker task: the same from the workspace file, opened read-only for the time of the build. */
export function buildWhatIfBaselineTask(input: { workspace: string }, context: { sqlite: SqliteOptions }): BuiltBaseline {
  const db = attachWorkspaceDatabase(input.workspace, { ...context.sqlite, readonly: true });
  try {
    return buildWhatIfBaseline(db);
  } finally {
    db.close();
  }
}
