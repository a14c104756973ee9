/**
 * An analysis of a workspace, in a worker thread: read the data (kept in memory with its
 * fingerprint for the next run), analyse it, store the run. The stage cache lives as long as the
 * worker and the data do, so a changed threshold re-runs only what depends on it.
 */
import { analyze, type Analysis, type AnalysisSummary, type ModelInput } from '../../../shared/analytics/analyze';
import type { AnalysisDataset } from '../../../shared/analytics/dataset';
import { StageCache } from '../../../shared/analytics/session';
import { epochDayFromIso, isoFromEpochDay } from '../../../shared/domain/dates';
import type { AnalysisSettings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/ipc/errors';
import { dataFingerprint, latestFit, loadDatasetSnapshot, saveBacktest, saveDatasetSnapshot, saveRun, type ColumnArray } from '../../db/analysis-store';
import { backtest, defaultBacktestDate } from '../../../shared/analytics/backtest';
import { addMonths } from '../../../shared/analytics/calendar';
import type { BacktestRun } from '../../../shared/domain/models';
import type { SqliteDatabase } from '../../db/sqlite';
import type { FittedModels } from '../../../shared/analytics/model-outlook';
import { readAnalysisDataset, readCustomerIds } from '../../db/analysis-reader';
import { attachWorkspaceDatabase } from '../../db/connection';
import type { SqliteOptions } from '../../db/sqlite';

export interface AnalysisContext {
  sqlite: SqliteOptions;
  progress(stage: string, done: number, total: number): void;
  shouldStop(): boolean;
}

export interface RunAnalysisInput {
  workspace: string;
  settings: AnalysisSettings;
  /** Store the run in the workspace (the CLI's `--as-of` experiments and the app do; benches may not). */
  store: boolean;
}

export interface RunAnalysisOutput {
  runId: number | null;
  createdAt: string;
  fingerprint: string;
  summary: AnalysisSummary;
  durationMs: number;
  timings: { stage: string; ms: number }[];
  computedStages: string[];
}

interface Session {
  workspace: string;
  /** Column arrays already stored in the workspace, so unchanged ones are referenced, not written. */
  written: WeakMap<ColumnArray, number>;
  fingerprint: string;
  dataset: AnalysisDataset;
  cache: StageCache;
  firstDay: number;
  lastDay: number;
  customerIds?: Int32Array;
}

/** One workspace's data and stage cache per worker: the analyses of the open workspace reuse them. */
let session: Session | null = null;

function transactionDays(dataset: AnalysisDataset): { firstDay: number; lastDay: number } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const days = dataset.transactions.day;
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    if (day > last) last = day;
    if (day < first) first = day;
  }
  return { firstDay: first, lastDay: last };
}

/** The per-customer columns kept with a run. */
export function resultColumns(analysis: Analysis, customerIds: Int32Array): Record<string, ColumnArray> {
  const { metrics, rfm, ...rest } = analysis.customers;
  return {
    customerId: customerIds,
    firstDay: metrics.firstDay,
    lastDay: metrics.lastDay,
    tenureDays: metrics.tenureDays,
    recencyDays: metrics.recencyDays,
    orders: metrics.orders,
    revenue: metrics.revenue,
    grossMargin: metrics.grossMargin,
    costToServe: metrics.costToServe,
    contribution: metrics.contribution,
    averageOrder: metrics.averageOrder,
    currentOrders: metrics.currentOrders,
    currentRevenue: metrics.currentRevenue,
    currentMargin: metrics.currentMargin,
    currentCostToServe: metrics.currentCostToServe,
    currentProfit: metrics.currentProfit,
    previousRevenue: metrics.previousRevenue,
    previousProfit: metrics.previousProfit,
    recentHalfRevenue: metrics.recentHalfRevenue,
    earlierHalfRevenue: metrics.earlierHalfRevenue,
    hasPurchase: metrics.hasPurchase,
    present: metrics.present,
    future: rest.future,
    growth: rest.growth,
    active: rest.active,
    tier: rest.tier,
    quadrant: rest.quadrant,
    strategy: rest.strategy,
    reason: rest.reason,
    rfmRecency: rfm.recency,
    rfmFrequency: rfm.frequency,
    rfmMonetary: rfm.monetary,
    rfmSegment: rfm.segment,
    lifecycle: rest.lifecycle,
    crossSellMissing: rest.crossSell.missingCount,
    crossSellPotential: rest.crossSell.potentialProfit,
    nextContact: rest.contacts.nextContact,
    // Lists of other lengths: the cross-sell offers, the contact plan, the prospects' scores.
    offerCustomer: rest.crossSell.offers.customer,
    offerItem: rest.crossSell.offers.item,
    offerRank: rest.crossSell.offers.rank,
    offerScore: rest.crossSell.offers.score,
    contactCustomer: rest.contacts.customer,
    contactDay: rest.contacts.day,
    contactReason: rest.contacts.reason,
    prospectScore: rest.prospects.score,
    // What each customer is expected to do next (the what-if baseline and the exports read these).
    activeChance: rest.outlook.activeChance,
    expectedPurchases: rest.outlook.purchases,
    expectedRevenue: rest.outlook.revenue,
    alive: rest.outlook.alive,
    retention: rest.outlook.retention,
    yearPurchases: rest.outlook.yearPurchases,
    yearRevenue: rest.outlook.yearRevenue,
    yearMargin: rest.outlook.yearMargin,
    yearCost: rest.outlook.yearCost,
    ...(rest.outlook.model ? { clv: rest.outlook.model.clv, probabilityAlive: rest.outlook.model.probabilityAlive } : {}),
    prospectStart: rest.prospects.start,
  };
}

type Timer = <T>(stage: string, work: () => T) => T;

/** The workspace's data in this worker: kept in memory while its fingerprint holds, else read from the snapshot or the rows. */
export function workspaceSession(db: SqliteDatabase, workspace: string, keepSnapshot: boolean, time: Timer): Session {
  const fingerprint = time('fingerprint', () => dataFingerprint(db));
  if (!session || session.workspace !== workspace || session.fingerprint !== fingerprint) {
    const kept = time('load snapshot', () => loadDatasetSnapshot<AnalysisDataset>(db, fingerprint));
    const dataset = kept ?? time('load rows', () => readAnalysisDataset(db));
    if (!kept && keepSnapshot) time('keep snapshot', () => saveDatasetSnapshot(db, fingerprint, dataset));
    const cache = new StageCache();
    cache.get('dataset', fingerprint, [], () => dataset);
    session = { workspace, fingerprint, dataset, cache, written: new WeakMap(), ...transactionDays(dataset) };
  }
  if (session.dataset.transactions.count === 0) {
    throw new AppError('nothingToAnalyse');
  }
  return session;
}

export function stageTimer(timings: { stage: string; ms: number }[]): Timer {
  return (stage, work) => {
    const from = performance.now();
    const value = work();
    timings.push({ stage, ms: performance.now() - from });
    return value;
  };
}

/**
 * The person's latest usable fit, when it was made on these very data and saw nothing after the
 * analysis date; otherwise the analysis fits a model itself (or goes without, and says why).
 */
function modelInput(db: SqliteDatabase, settings: AnalysisSettings, fingerprint: string, asOf: number): ModelInput | undefined {
  if (!settings.useModel) return undefined;
  const fit = latestFit(db, true);
  if (!fit || fit.fingerprint !== fingerprint) return undefined;
  const calibrationEnd = (fit.summary as { calibrationEnd?: unknown }).calibrationEnd;
  if (typeof calibrationEnd !== 'string' || epochDayFromIso(calibrationEnd) > asOf) return undefined;
  return { fitId: fit.fitId, fitted: fit.fitted as FittedModels };
}

/**
 * The worker's own connection to the workspace, with a small page cache: the analysis reads each
 * table once from start to end and writes column blobs once, so the connection's usual 64 MB cache
 * would only add to the worker's peak memory (by about 50 MB at a million lines).
 */
function attachForAnalysis(workspace: string, context: Pick<AnalysisContext, 'sqlite'>, readonly: boolean): SqliteDatabase {
  const db = attachWorkspaceDatabase(workspace, { ...context.sqlite, readonly });
  db.pragma('cache_size = -8192');
  return db;
}

export function runAnalysis(input: RunAnalysisInput, context: AnalysisContext): RunAnalysisOutput {
  const started = performance.now();
  const timings: { stage: string; ms: number }[] = [];
  const time = stageTimer(timings);
  const db = attachForAnalysis(input.workspace, context, !input.store);
  try {
    context.progress('reading', 0, 3);
    const current = workspaceSession(db, input.workspace, input.store, time);
    if (context.shouldStop()) throw new AppError('cancelled');
    const asOf = input.settings.asOf ? epochDayFromIso(input.settings.asOf) : current.lastDay;
    // An analysis before the first purchase would be all zeros: say so instead.
    if (asOf < current.firstDay) throw new AppError('asOfBeforeData', { date: isoFromEpochDay(asOf), first: isoFromEpochDay(current.firstDay) });
    context.progress('analysing', 1, 3);
    const model = modelInput(db, input.settings, current.fingerprint, asOf);
    const analysis = time('analyse', () => analyze({ dataset: current.dataset, settings: input.settings, asOf, cache: current.cache, ...(model ? { model } : {}) }));
    const createdAt = new Date().toISOString();
    let runId: number | null = null;
    if (input.store) {
      context.progress('saving', 2, 3);
      const durationMs = performance.now() - started;
      runId = time('store', () =>
        saveRun(db, { createdAt, asOf, fingerprint: current.fingerprint, settings: input.settings, summary: analysis.summary, durationMs }, resultColumns(analysis, current.customerIds ?? (current.customerIds = readCustomerIds(db))), current.written),
      );
    }
    context.progress('saving', 3, 3);
    return { runId, createdAt, fingerprint: current.fingerprint, summary: analysis.summary, durationMs: performance.now() - started, timings, computedStages: analysis.computedStages };
  } finally {
    db.close();
  }
}

/**
 * Reads new data into the analysis worker and keeps its columnar snapshot, right after an import:
 * the analysis that follows then starts from memory.
 */
export function prepareAnalysis(input: { workspace: string }, context: AnalysisContext): { customers: number; transactions: number } {
  const db = attachForAnalysis(input.workspace, context, false);
  try {
    const current = workspaceSession(db, input.workspace, true, stageTimer([]));
    return { customers: current.dataset.customers.count, transactions: current.dataset.transactions.count };
  } finally {
    db.close();
  }
}

export interface RunBacktestInput {
  workspace: string;
  settings: AnalysisSettings;
  /** ISO; null = the horizon's length before the last date. */
  asOf: string | null;
  horizonMonths: number;
}

/** Back-tests the projections (shared/analytics/backtest.ts) on the worker's data and keeps the result in the workspace. */
export function runBacktest(input: RunBacktestInput, context: AnalysisContext): BacktestRun {
  const db = attachForAnalysis(input.workspace, context, false);
  try {
    context.progress('reading', 0, 2);
    const current = workspaceSession(db, input.workspace, true, stageTimer([]));
    const asOf = input.asOf ? epochDayFromIso(input.asOf) : defaultBacktestDate(current.lastDay, input.horizonMonths);
    const latest = defaultBacktestDate(current.lastDay, input.horizonMonths);
    if (addMonths(asOf, input.horizonMonths) > current.lastDay) throw new AppError('backtestTooLate', { date: isoFromEpochDay(asOf), months: input.horizonMonths, latest: isoFromEpochDay(latest), last: isoFromEpochDay(current.lastDay) });
    if (asOf < current.firstDay) throw new AppError('asOfBeforeData', { date: isoFromEpochDay(asOf), first: isoFromEpochDay(current.firstDay) });
    if (context.shouldStop()) throw new AppError('cancelled');
    context.progress('analysing', 1, 2);
    const model = modelInput(db, input.settings, current.fingerprint, asOf);
    const result = backtest(current.dataset, input.settings, asOf, input.horizonMonths, model);
    const createdAt = new Date().toISOString();
    saveBacktest(db, { createdAt, fingerprint: current.fingerprint, settings: input.settings, result });
    context.progress('analysing', 2, 2);
    return { createdAt, stale: false, result };
  } finally {
    db.close();
  }
}
