/**
 * A whole analysis as of one date: metrics → activity → future profit → ladder, quadrants,
 * strategies, channels, RFM, and the trend of customer equity. Each stage goes through a
 * StageCache, so changing one setting re-runs only the stages that depend on it.
 */
import { isoFromEpochDay } from '../domain/dates';
import type { AnalysisSettings } from '../domain/settings';
import { computeActivity, inactivityWindowFromGaps, type ActivitySummary } from './activity';
import { purchaseOccasions } from './occasions';
import { addMonths, periodLabel } from './calendar';
import { channelEconomics, type ChannelRow } from './channels';
import { computeCohorts, type CohortTable } from './cohorts';
import { contactPlan, type ContactPlan } from './contacts';
import { boughtItems, crossSell, type CrossSellResult, type IdealItem } from './crosssell';
import { modelFutureProfit, type FittedModels, type ModelFuture } from './model-future';
import { lookalikeProfile, scoreProspects, type LiftEntry, type ProspectScores } from './lookalike';
import { LIFECYCLE_STAGES, lifecycleStages, stageMigration, type LifecycleStage } from './lifecycle';
import type { AnalysisDataset } from './dataset';
import { buildLadder, descendingOrder, ladderShape, NO_TIER, TIERS, type Ladder, type Tier } from './ladder';
import { computeMetrics, type CustomerMetrics } from './metrics';
import { projectFutureProfit } from './projection';
import { buildQuadrants, type Quadrant, type QuadrantSummary } from './quadrants';
import { computeRfm, RFM_SEGMENTS, type RfmScores, type RfmSegment } from './rfm';
import type { StageCache } from './session';
import { assignStrategies, strategyBasis, type Strategy, type StrategyResult } from './strategies';

/** A fitted lifetime-value model: its future profit replaces the simple projection (see model-future.ts). */
export interface ModelInput {
  /** Names the fit (for the stage cache and the summary), e.g. "bgnbd+gg #3". */
  source: string;
  fitted: FittedModels;
}

export interface AnalysisSummary {
  asOf: string;
  customers: number;
  revenue: number;
  profit: number;
  customerEquity: number;
  activeCustomers: number;
  activeShare: number;
  churnRate: number | null;
  ampu: number;
  simpleLtv: number | null;
  inactivityDays: number;
  futureSource: string;
  ladder: Record<Tier, { customers: number; profit: number }>;
  paretoShare: number;
  gini: number;
  whaleCurve: { x: number; y: number }[];
  whalePeak: { x: number; y: number };
  quadrants: QuadrantSummary['cells'];
  strategies: Record<Strategy, number>;
  rfmSegments: Record<RfmSegment, number>;
  channels: ChannelRow[];
  churnByMonth: { month: string; active: number; lost: number; rate: number | null }[];
  equityTrend: { asOf: string; equity: number; customers: number }[];
  ladderMigration: Migration;
  cohorts: Omit<CohortTable, 'asOf'>;
  lifecycle: Record<LifecycleStage, number>;
  lifecycleMigration: Migration;
  crossSell: {
    level: 'category' | 'product';
    segmentBy: 'tier' | 'region' | 'industry';
    segments: { segment: string; buyers: number; typicalProfit: number | null; ideal: Omit<IdealItem, 'item'>[] }[];
    customersWithGaps: number;
    potentialProfit: number;
    offers: number;
    /** Names of the items (categories or products) by code, as the offers refer to them. */
    itemLabels: string[];
  };
  lookalike: { entries: Omit<LiftEntry, 'value'>[]; prospects: number; startProspects: number; threshold: number };
  contacts: { planned: number; customers: number; horizonDays: number; minSpacingDays: number };
}

/** How many days ahead the contact plan looks. */
export const CONTACT_HORIZON_DAYS = 90;

/** Customers moving between codes (tiers, stages) from an earlier analysis date to this one. */
export interface Migration {
  from: string;
  labels: string[];
  matrix: number[][];
}

/** Per-customer results, in columns (the customers grid, exports and the report read them). */
export interface CustomerResults {
  metrics: CustomerMetrics;
  future: Float64Array;
  growth: Float64Array;
  active: Uint8Array;
  tier: Uint8Array;
  quadrant: Uint8Array;
  strategy: Uint8Array;
  reason: Uint8Array;
  rfm: RfmScores;
  lifecycle: Uint8Array;
  crossSell: CrossSellResult;
  prospects: ProspectScores;
  contacts: ContactPlan;
  /** The model's CLV and P(alive) per customer, when a model is used. */
  model: ModelFuture | null;
}

export interface Analysis {
  summary: AnalysisSummary;
  customers: CustomerResults;
  /** The stages that were computed for this run (the others were reused). */
  computedStages: string[];
}

export interface AnalysisInput {
  dataset: AnalysisDataset;
  settings: AnalysisSettings;
  asOf: number;
  cache: StageCache;
  model?: ModelInput;
}

interface Base {
  metrics: CustomerMetrics;
  activity: ActivitySummary;
  future: Float64Array;
  model: ModelFuture | null;
}

interface Core extends Base {
  growth: Float64Array;
  ladder: Ladder;
  lifecycle: Uint8Array;
}

/**
 * Metrics, activity and future profit at one date (what the equity trend needs). `window` fixes the
 * inactivity window (the trend uses today's, so that its points differ only by the data).
 */
function base(input: AnalysisInput, asOf: number, prefix: string, model?: ModelInput, window?: number, dataPrefix = prefix): Base {
  const { dataset, settings, cache } = input;
  const metricsInputs = { asOf, window: settings.currentWindowMonths, margin: settings.defaultMarginRate, perOrder: settings.costPerOrder };
  // Metrics and occasions depend on the date only: `dataPrefix` names them where another stage of the same date keeps them.
  const metrics = cache.get(`${dataPrefix}metrics`, metricsInputs, ['dataset'], () => computeMetrics(dataset, asOf, settings));
  const occasions = cache.get(`${dataPrefix}occasions`, { asOf }, ['dataset'], () => purchaseOccasions(dataset, asOf));
  const activity = cache.get(`${prefix}activity`, { w: settings.inactivityDays, p: settings.inactivityPercentile, window: settings.currentWindowMonths }, [`${dataPrefix}metrics`, `${dataPrefix}occasions`], () => {
    const days = window ?? settings.inactivityDays ?? inactivityWindowFromGaps(occasions, settings.inactivityPercentile) ?? 365;
    return computeActivity(occasions, metrics, days, settings.currentWindowMonths);
  });
  const modelled = model
    ? cache.get(`${prefix}modelFuture`, { h: settings.horizonMonths, d: settings.discountRateYearly, source: model.source }, [`${dataPrefix}metrics`], () => modelFutureProfit(dataset, metrics, model.fitted, settings))
    : null;
  const projected = cache.get(`${prefix}future`, { h: settings.horizonMonths, d: settings.discountRateYearly, source: model?.source ?? null }, [`${prefix}activity`], () => {
    const simple = projectFutureProfit(metrics, activity.inactivityDays, activity.churnRate, settings);
    if (!modelled) return simple;
    // The model's estimate where it has one; the simple projection elsewhere.
    return simple.map((value, c) => (Number.isNaN(modelled.futureProfit[c] as number) ? value : (modelled.futureProfit[c] as number)));
  });
  return { metrics, activity, future: projected, model: modelled };
}

/** The base plus growth, ladder and lifecycle stages at one date: what the migration tables need too. */
function core(input: AnalysisInput, asOf: number, prefix: string, model?: ModelInput, dataPrefix = prefix): Core {
  const { dataset, settings, cache } = input;
  const { metrics, activity, future: projected, model: modelled } = base(input, asOf, prefix, model, undefined, dataPrefix);
  const growth = cache.get(`${prefix}growth`, null, [`${prefix}future`], () => projected.map((value, c) => value - (metrics.currentProfit[c] as number)));
  const orders = cache.get(`${prefix}ladderOrders`, null, [`${prefix}growth`], () => {
    const byProfit = descendingOrder(metrics.currentProfit, metrics.present);
    return { byProfit, byGrowth: descendingOrder(growth, metrics.present), shape: ladderShape(metrics.currentProfit, byProfit) };
  });
  const ladder = cache.get(`${prefix}ladder`, { mvc: settings.mvcProfitShare, mgc: settings.mgcShare }, [`${prefix}ladderOrders`], () =>
    buildLadder(metrics.currentProfit, growth, metrics.present, settings, orders),
  );
  const lifecycle = cache.get(`${prefix}lifecycle`, null, [`${prefix}activity`], () => lifecycleStages(dataset, metrics, activity.inactivityDays));
  return { metrics, activity, future: projected, model: modelled, growth, ladder, lifecycle };
}

function sumWhere(values: Float64Array, present: Uint8Array): number {
  let total = 0;
  for (let c = 0; c < values.length; c++) if (present[c]) total += values[c] as number;
  return total;
}

/** Customers per code (255: none), by name. */
function countCodes<N extends string>(codes: Uint8Array, count: number, names: readonly N[]): Record<N, number> {
  const counts = new Int32Array(names.length);
  for (let c = 0; c < count; c++) {
    const code = codes[c] as number;
    if (code < names.length) counts[code] = (counts[code] as number) + 1;
  }
  return Object.fromEntries(names.map((name, k) => [name, counts[k] as number])) as Record<N, number>;
}

/** The ladder's tiers as cross-sell segments (−1 for no tier). */
function tierSegments(tier: Uint8Array): Int32Array {
  const segments = new Int32Array(tier.length);
  for (let c = 0; c < tier.length; c++) segments[c] = tier[c] === NO_TIER ? -1 : (tier[c] as number);
  return segments;
}

export function analyze(input: AnalysisInput): Analysis {
  const { settings, cache, asOf } = input;
  const now = core(input, asOf, '', input.model);
  const { metrics, activity, ladder } = now;
  const quadrants = cache.get('quadrants', { c: settings.currentThreshold, f: settings.futureThreshold }, ['future'], () =>
    buildQuadrants(metrics.currentProfit, now.future, metrics.present, settings),
  );
  // Look-alike: which attributes the customers with the most future profit share; prospects scored by them.
  const lookalike = cache.get('lookalike', null, ['future'], () => {
    const profile = lookalikeProfile(input.dataset, now.future);
    const scores = scoreProspects(input.dataset, profile);
    return { profile, scores, startProspects: scores.start.reduce((sum, value) => sum + value, 0) };
  });
  const startProspects = lookalike.startProspects;
  // What decides a strategy apart from the tier, kept while the ladder's shares change.
  const basis = cache.get('strategyBasis', null, ['activity', 'future'], () => strategyBasis(metrics, now.future, activity.active));
  const strategies: StrategyResult = cache.get('strategies', { start: startProspects }, ['ladder', 'strategyBasis'], () =>
    assignStrategies(metrics, ladder, now.future, activity.active, startProspects, basis),
  );
  // What each customer bought does not depend on the segments: kept while the ladder changes.
  const bought = cache.get('crossSellItems', { level: settings.crossSellLevel, margin: settings.defaultMarginRate }, ['metrics'], () => boughtItems(input.dataset, metrics, settings));
  // Segments by tier follow the ladder; by region or industry only the metrics.
  const crossSellResult = cache.get('crossSell', { by: settings.crossSellSegment, level: settings.crossSellLevel, adoption: settings.idealProfileAdoption }, [settings.crossSellSegment === 'tier' ? 'ladder' : 'metrics', 'crossSellItems'], () => {
    const { customers } = input.dataset;
    const segmentOf = settings.crossSellSegment === 'tier' ? tierSegments(ladder.tier) : settings.crossSellSegment === 'region' ? customers.region : customers.industry;
    const names = settings.crossSellSegment === 'tier' ? [...TIERS] : settings.crossSellSegment === 'region' ? input.dataset.dictionaries.regions : input.dataset.dictionaries.industries;
    const result = crossSell(input.dataset, metrics, segmentOf, names.length, settings, { bought });
    let customersWithGaps = 0;
    let potentialProfit = 0;
    for (let c = 0; c < result.missingCount.length; c++) if ((result.missingCount[c] as number) > 0) customersWithGaps++;
    for (let c = 0; c < result.potentialProfit.length; c++) potentialProfit += result.potentialProfit[c] as number;
    return { names, result, customersWithGaps, potentialProfit };
  });
  const contacts = cache.get('contacts', { lead: settings.contactLeadDays, cap: settings.contactCap, years: settings.contactCapYears }, ['activity'], () =>
    contactPlan(input.dataset, metrics, settings, { inactivityDays: activity.inactivityDays, horizonDays: CONTACT_HORIZON_DAYS }),
  );
  const rfm = cache.get('rfm', null, ['metrics'], () => computeRfm(metrics));
  const channels = cache.get('channels', null, ['future'], () => channelEconomics(input.dataset, metrics, now.future, settings.currentWindowMonths));

  // Customer equity now and at the ends of the four previous quarters (the simple projection there).
  const equityTrend = cache.get('equityTrend', { asOf }, ['activity', 'future'], () => {
    const points: AnalysisSummary['equityTrend'] = [];
    const count = (present: Uint8Array) => present.reduce((sum, value) => sum + value, 0);
    for (let q = 4; q >= 1; q--) {
      const past = base(input, addMonths(asOf, -3 * q), `past${q}:`, undefined, activity.inactivityDays);
      points.push({ asOf: isoFromEpochDay(past.metrics.asOf), equity: sumWhere(past.future, past.metrics.present), customers: count(past.metrics.present) });
    }
    points.push({ asOf: isoFromEpochDay(asOf), equity: sumWhere(now.future, metrics.present), customers: ladder.customers });
    return points;
  });
  const migrations = cache.get('migrations', { months: settings.comparisonMonths }, ['ladder', 'lifecycle'], () => {
    const compareDay = addMonths(asOf, -settings.comparisonMonths);
    // The comparison date is usually one of the trend's quarter ends (3 months by default): its metrics are those.
    const quarter = [1, 2, 3, 4].find((q) => addMonths(asOf, -3 * q) === compareDay);
    const earlier = core(input, compareDay, 'compare:', undefined, quarter === undefined ? 'compare:' : `past${quarter}:`);
    const from = isoFromEpochDay(earlier.metrics.asOf);
    const tiers = stageMigration(earlier.ladder.tier, ladder.tier, TIERS);
    const stages = stageMigration(earlier.lifecycle, now.lifecycle, LIFECYCLE_STAGES);
    return {
      ladder: { from, labels: tiers.labels, matrix: tiers.counts },
      lifecycle: { from, labels: stages.labels, matrix: stages.counts },
    };
  });
  const cohorts = cache.get('cohorts', { period: settings.cohortPeriod }, ['activity'], () => {
    const { asOf: _asOf, ...table } = computeCohorts(input.dataset, asOf, settings, activity.inactivityDays);
    return table;
  });
  // The summary's counts and totals, kept with the stages they are read from.
  const lifecycle = cache.get('lifecycleCounts', null, ['lifecycle'], () => countCodes(now.lifecycle, metrics.count, LIFECYCLE_STAGES));
  const rfmSegments = cache.get('rfmCounts', null, ['rfm'], () => countCodes(rfm.segment, metrics.count, RFM_SEGMENTS));
  const totals = cache.get('totals', null, ['metrics', 'future'], () => ({
    revenue: sumWhere(metrics.currentRevenue, metrics.present),
    customerEquity: sumWhere(now.future, metrics.present),
  }));
  const contactCustomers = cache.get('contactCustomers', null, ['contacts'], () => new Set(contacts.customer).size);
  const summary: AnalysisSummary = {
    asOf: isoFromEpochDay(asOf),
    customers: ladder.customers,
    revenue: totals.revenue,
    profit: ladder.totalProfit,
    customerEquity: totals.customerEquity,
    activeCustomers: activity.activeCustomers,
    activeShare: ladder.customers > 0 ? activity.activeCustomers / ladder.customers : 0,
    churnRate: activity.churnRate,
    ampu: activity.ampu,
    simpleLtv: activity.simpleLtv,
    inactivityDays: activity.inactivityDays,
    futureSource: input.model?.source ?? 'projection',
    ladder: ladder.tiers,
    paretoShare: ladder.paretoShare,
    gini: ladder.gini,
    whaleCurve: ladder.whaleCurve,
    whalePeak: ladder.whalePeak,
    quadrants: quadrants.cells,
    strategies: strategies.counts,
    rfmSegments,
    channels,
    churnByMonth: activity.churn.months.slice(activity.windowFrom).map((month, k) => {
      const index = activity.windowFrom + k;
      return { month: periodLabel(month, 'month'), active: activity.churn.activeAtEnd[index] ?? 0, lost: activity.churn.lost[index] ?? 0, rate: activity.churn.churnRate[index] ?? null };
    }),
    equityTrend,
    ladderMigration: migrations.ladder,
    cohorts,
    lifecycle,
    lifecycleMigration: migrations.lifecycle,
    crossSell: {
      level: crossSellResult.result.level,
      segmentBy: settings.crossSellSegment,
      segments: crossSellResult.result.segments.map((segment) => ({
        segment: crossSellResult.names[segment.segment] ?? String(segment.segment),
        buyers: segment.buyers,
        typicalProfit: segment.typicalProfit,
        ideal: segment.ideal.map(({ item: _item, ...rest }) => rest),
      })),
      customersWithGaps: crossSellResult.customersWithGaps,
      potentialProfit: crossSellResult.potentialProfit,
      offers: crossSellResult.result.offers.count,
      itemLabels: crossSellResult.result.level === 'product' ? input.dataset.dictionaries.products : input.dataset.dictionaries.categories,
    },
    lookalike: {
      entries: lookalike.profile.entries.slice(0, 40).map(({ value: _value, ...rest }) => rest),
      prospects: input.dataset.prospects.count,
      startProspects,
      threshold: lookalike.scores.threshold,
    },
    contacts: {
      planned: contacts.count,
      customers: contactCustomers,
      horizonDays: CONTACT_HORIZON_DAYS,
      minSpacingDays: contacts.minSpacingDays,
    },
  };
  return {
    summary,
    customers: {
      metrics,
      future: now.future,
      growth: now.growth,
      active: activity.active,
      tier: ladder.tier,
      quadrant: quadrants.quadrant,
      strategy: strategies.strategy,
      reason: strategies.reason,
      rfm,
      lifecycle: now.lifecycle,
      crossSell: crossSellResult.result,
      prospects: lookalike.scores,
      contacts,
      model: now.model,
    },
    computedStages: cache.takeComputed(),
  };
}

export type { Quadrant };
