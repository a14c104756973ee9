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
import { AUTOMATIC_UNIT, automaticModel, modelHistory, modelOutlook, type AutomaticModel, type FittedModels, type ModelHistory, type NoModelReason } from './model-outlook';
import { lookalikeProfile, scoreProspects, type LiftEntry, type ProspectScores } from './lookalike';
import { LIFECYCLE_STAGES, lifecycleStages, stageMigration, type LifecycleStage } from './lifecycle';
import type { AnalysisDataset } from './dataset';
import { buildLadder, descendingOrder, ladderShape, NO_TIER, profitTiers, TIERS, type Ladder, type Tier } from './ladder';
import { computeMetrics, type CustomerMetrics } from './metrics';
import { churnOutlook, measureRetention, observedOutlook, outlookTotals, type CustomerOutlook, type CustomerState, type OutlookEngine, type RetentionGroup, type RetentionTable } from './outlook';
import { buildQuadrants, type Quadrant, type QuadrantSummary } from './quadrants';
import { computeRfm, RFM_SEGMENTS, type RfmScores, type RfmSegment } from './rfm';
import type { StageCache } from './session';
import type { TimeUnit } from './models';
import { assignStrategies, strategyBasis, type Strategy, type StrategyResult } from './strategies';

/** A model the person fitted (the Models screen, `value-ladder fit`) for these data, up to the analysis date: used instead of an automatic fit. */
export interface ModelInput {
  fitId: number;
  fitted: FittedModels;
}

/** The fitted model the outlook uses, as the summary tells it. */
export interface OutlookModel {
  /** The person's fit, or one the analysis made itself. */
  origin: 'fit' | 'automatic';
  fitId: number | null;
  model: 'bgnbd' | 'pareto-nbd';
  unit: 'day' | 'week' | 'month';
  params: Record<string, number>;
  spend: Record<string, number>;
  /** Customers and repeat customers the automatic fit saw (null for a person's fit). */
  customers: number | null;
  repeatCustomers: number | null;
}

/** How the forward-looking numbers were made, and what they add up to over the horizon. */
export interface OutlookSummary {
  engine: OutlookEngine;
  horizonMonths: number;
  model: OutlookModel | null;
  /** Why no model was used (null when one was). */
  noModel: NoModelReason | null;
  /** The observed 12-month retention by group (the observed engine). */
  observed: { from: string; months: number; groups: RetentionGroup[] } | null;
  /** Over the horizon, not discounted: expected customers buying, purchases, revenue, contribution. */
  projected: { activeCustomers: number; purchases: number; revenue: number; profit: number };
}

function retentionSummary(table: RetentionTable): OutlookSummary['observed'] {
  return { from: isoFromEpochDay(table.from), months: table.months, groups: table.groups };
}

export interface AnalysisSummary {
  asOf: string;
  customers: number;
  revenue: number;
  profit: number;
  /** Cost to serve of the current window (service costs + cost per order): 0 when the data says nothing of it. */
  costToServe: number;
  customerEquity: number;
  activeCustomers: number;
  activeShare: number;
  churnRate: number | null;
  ampu: number;
  simpleLtv: number | null;
  inactivityDays: number;
  outlook: OutlookSummary;
  ladder: Record<Tier, { customers: number; profit: number }>;
  paretoShare: number;
  gini: number;
  whaleCurve: { x: number; y: number }[];
  whalePeak: { x: number; y: number };
  quadrants: QuadrantSummary['cells'];
  /** The quadrants' thresholds as applied (the future one from the data unless set), and one order's average profit. */
  thresholds: { current: number; future: number; orderProfit: number };
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
  /** What each customer is expected to do next (outlook.ts). */
  outlook: CustomerOutlook;
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

/** Metrics, activity and value tiers at one date: what every stage at that date starts from. */
interface DateState extends CustomerState {
  activity: ActivitySummary;
}

interface Base extends DateState {
  outlook: CustomerOutlook;
  future: Float64Array;
}

interface Core extends Base {
  growth: Float64Array;
  ladder: Ladder;
  lifecycle: Uint8Array;
  /** The average profit of one order in the current window. */
  orderProfit: number;
}

/**
 * The cache slot of a date `months` before the analysis date: stages of one date share it, so the
 * trend's year-ago point, the observed retention and the migration tables read one computation.
 */
const slotOf = (months: number) => (months === 0 ? '' : `m${months}:`);

function metricsAt(input: AnalysisInput, months: number): CustomerMetrics {
  const { dataset, settings, cache } = input;
  const asOf = addMonths(input.asOf, -months);
  const metricsInputs = { asOf, window: settings.currentWindowMonths, margin: settings.defaultMarginRate, perOrder: settings.costPerOrder };
  return cache.get(`${slotOf(months)}metrics`, metricsInputs, ['dataset'], () => computeMetrics(dataset, asOf, settings));
}

function stateAt(input: AnalysisInput, months: number): DateState {
  const { dataset, settings, cache } = input;
  const slot = slotOf(months);
  const asOf = addMonths(input.asOf, -months);
  const metrics = metricsAt(input, months);
  const occasions = cache.get(`${slot}occasions`, { asOf }, ['dataset'], () => purchaseOccasions(dataset, asOf));
  // Each date's own inactivity window: the gaps seen by then (a window from later data would keep
  // everyone active at early dates).
  const activity = cache.get(`${slot}activity`, { w: settings.inactivityDays, p: settings.inactivityPercentile, window: settings.currentWindowMonths }, [`${slot}metrics`, `${slot}occasions`], () => {
    const days = settings.inactivityDays ?? inactivityWindowFromGaps(occasions, settings.inactivityPercentile) ?? 365;
    return computeActivity(occasions, metrics, days, settings.currentWindowMonths);
  });
  const value = cache.get(`${slot}value`, { mvc: settings.mvcProfitShare }, [`${slot}metrics`], () => profitTiers(metrics.currentProfit, metrics.present, settings.mvcProfitShare));
  return { metrics, activity, active: activity.active, value, inactivityDays: activity.inactivityDays };
}

/** Which engine the outlook uses at the analysis date, and what it needs (outlook.ts). */
type Engine =
  | { engine: 'model'; fitted: FittedModels; model: OutlookModel; noModel: null }
  | { engine: 'observed'; horizon: RetentionTable; year: RetentionTable; noModel: NoModelReason }
  | { engine: 'churn'; noModel: NoModelReason };

function engineOf(input: AnalysisInput, now: DateState): Engine {
  const { settings, cache } = input;
  // Whether a model runs does not depend on the ladder's shares or the activity rule: a change of
  // those keeps the model outlooks (the stage's key is the choice alone).
  const choice = cache.get('modelChoice', { useModel: settings.useModel, fit: input.model?.fitId ?? null }, ['dataset'], (): { fitted: FittedModels; model: OutlookModel } | NoModelReason => {
    if (!settings.useModel) return 'turnedOff';
    if (input.model) return { fitted: input.model.fitted, model: modelInfo('fit', input.model.fitId, input.model.fitted, null) };
    const automatic = automaticModel(historyAt(input, 0, AUTOMATIC_UNIT));
    if (automatic.fitted) return { fitted: automatic.fitted, model: modelInfo('automatic', null, automatic.fitted, automatic) };
    return automatic.reason ?? 'notConverged';
  });
  if (typeof choice !== 'string') return { engine: 'model', fitted: choice.fitted, model: choice.model, noModel: null };
  const inputs = { h: settings.horizonMonths, window: settings.currentWindowMonths, mvc: settings.mvcProfitShare, w: settings.inactivityDays, p: settings.inactivityPercentile };
  return cache.get('engine', inputs, ['modelChoice', 'metrics', 'activity'], (): Engine => {
    const yearAgo = stateAt(input, 12);
    const year = measureRetention(yearAgo, now.metrics, 12, settings.currentWindowMonths);
    const horizon = settings.horizonMonths === 12 ? year : measureRetention(stateAt(input, settings.horizonMonths), now.metrics, settings.horizonMonths, settings.currentWindowMonths);
    if (year && horizon) return { engine: 'observed', horizon, year, noModel: choice };
    return { engine: 'churn', noModel: choice };
  });
}

/** Each customer's purchase history as of a date `months` before the analysis date, in a model's unit. */
function historyAt(input: AnalysisInput, months: number, unit: TimeUnit): ModelHistory {
  const asOf = addMonths(input.asOf, -months);
  return input.cache.get(`${slotOf(months)}history:${unit}`, { asOf }, ['dataset'], () => modelHistory(input.dataset, asOf, unit));
}

function modelInfo(origin: 'fit' | 'automatic', fitId: number | null, fitted: FittedModels, automatic: AutomaticModel | null): OutlookModel {
  return {
    origin,
    fitId,
    model: fitted.purchase.model,
    unit: fitted.unit,
    params: { ...fitted.purchase.params } as Record<string, number>,
    spend: { ...fitted.gammaGamma } as Record<string, number>,
    customers: automatic?.customers ?? null,
    repeatCustomers: automatic?.repeatCustomers ?? null,
  };
}

/**
 * The outlook at a date `months` before the analysis date, by the analysis date's engine. The model
 * engine reads the model, the metrics and the date's history only, so the trend's past dates skip
 * the activity and tiers there; the other engines read the groups and activity too.
 */
function outlookAt(input: AnalysisInput, months: number, engine: Engine): CustomerOutlook {
  const { settings, cache } = input;
  const slot = slotOf(months);
  const inputs = { h: settings.horizonMonths, d: settings.discountRateYearly, margin: settings.defaultMarginRate, perOrder: settings.costPerOrder, window: settings.currentWindowMonths };
  const upstream = engine.engine === 'model' ? ['modelChoice', `${slot}metrics`] : ['engine', `${slot}metrics`, `${slot}activity`, `${slot}value`];
  return cache.get(`${slot}outlook`, inputs, upstream, () => {
    if (engine.engine === 'model') return modelOutlook(historyAt(input, months, engine.fitted.unit), metricsAt(input, months), engine.fitted, settings, months === 0);
    const state = stateAt(input, months);
    if (engine.engine === 'observed') return observedOutlook(state, engine.horizon, engine.year, settings);
    return churnOutlook(state, state.activity.churnRate, settings);
  });
}

/** The state, outlook and future profit at a date `months` before the analysis date. */
function base(input: AnalysisInput, months: number, engine: Engine): Base {
  const state = stateAt(input, months);
  const outlook = outlookAt(input, months, engine);
  return { ...state, outlook, future: outlook.futureProfit };
}

/** The base plus growth, ladder and lifecycle stages at one date: what the migration tables need too. */
function core(input: AnalysisInput, months: number, engine: Engine): Core {
  const { dataset, settings, cache } = input;
  const slot = slotOf(months);
  const at = base(input, months, engine);
  const { metrics, activity, future: projected } = at;
  const growth = cache.get(`${slot}growth`, null, [`${slot}outlook`], () => projected.map((value, c) => value - (metrics.currentProfit[c] as number)));
  const orders = cache.get(`${slot}ladderOrders`, null, [`${slot}growth`], () => {
    const byProfit = descendingOrder(metrics.currentProfit, metrics.present);
    return { byProfit, byGrowth: descendingOrder(growth, metrics.present), shape: ladderShape(metrics.currentProfit, byProfit) };
  });
  const orderProfit = cache.get(`${slot}orderProfit`, null, [`${slot}metrics`], () => averageOrderProfit(metrics));
  const ladder = cache.get(`${slot}ladder`, { mvc: settings.mvcProfitShare, mgc: settings.mgcShare }, [`${slot}ladderOrders`, `${slot}orderProfit`], () =>
    buildLadder(metrics.currentProfit, growth, metrics.present, { ...settings, minGrowth: orderProfit }, orders),
  );
  const lifecycle = cache.get(`${slot}lifecycle`, null, [`${slot}activity`], () => lifecycleStages(dataset, metrics, activity.inactivityDays));
  return { ...at, growth, ladder, lifecycle, orderProfit };
}

/** The average profit of one order in the current window (at least 0): what counts as a material amount. */
function averageOrderProfit(metrics: CustomerMetrics): number {
  let profit = 0;
  let orders = 0;
  for (let c = 0; c < metrics.count; c++) {
    if (!metrics.present[c]) continue;
    profit += metrics.currentProfit[c] as number;
    orders += metrics.currentOrders[c] as number;
  }
  return orders > 0 ? Math.max(0, profit / orders) : 0;
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
  const engine = engineOf(input, stateAt(input, 0));
  const now = core(input, 0, engine);
  const { metrics, activity, ladder } = now;
  const thresholds = { current: settings.currentThreshold, future: settings.futureThreshold ?? now.orderProfit, orderProfit: now.orderProfit };
  const quadrants = cache.get('quadrants', thresholds, ['outlook'], () =>
    buildQuadrants(metrics.currentProfit, now.future, metrics.present, { currentThreshold: thresholds.current, futureThreshold: thresholds.future }),
  );
  // Look-alike: which attributes the customers with the most future profit share; prospects scored by them.
  const lookalike = cache.get('lookalike', null, ['outlook'], () => {
    const profile = lookalikeProfile(input.dataset, now.future);
    const scores = scoreProspects(input.dataset, profile);
    return { profile, scores, startProspects: scores.start.reduce((sum, value) => sum + value, 0) };
  });
  const startProspects = lookalike.startProspects;
  // What decides a strategy apart from the tier, kept while the ladder's shares change.
  const basis = cache.get('strategyBasis', null, ['activity', 'outlook'], () => strategyBasis(metrics, now.future, activity.active));
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
    // The potential of the customers who miss items of their profile: what the offers may bring.
    for (let c = 0; c < result.missingCount.length; c++) {
      if ((result.missingCount[c] as number) === 0) continue;
      customersWithGaps++;
      potentialProfit += result.potentialProfit[c] as number;
    }
    return { names, result, customersWithGaps, potentialProfit };
  });
  const contacts = cache.get('contacts', { lead: settings.contactLeadDays, cap: settings.contactCap, years: settings.contactCapYears }, ['activity'], () =>
    contactPlan(input.dataset, metrics, settings, { inactivityDays: activity.inactivityDays, horizonDays: CONTACT_HORIZON_DAYS }),
  );
  const rfm = cache.get('rfm', null, ['metrics'], () => computeRfm(metrics));
  const channels = cache.get('channels', null, ['outlook'], () => channelEconomics(input.dataset, metrics, now.future, settings.currentWindowMonths));

  // Customer equity now and at the ends of the four previous quarters: the analysis date's engine
  // (the model's parameters, or the observed retention) applied to the customers as they were then.
  const equityTrend = cache.get('equityTrend', { asOf }, ['outlook'], () => {
    const points: AnalysisSummary['equityTrend'] = [];
    const count = (present: Uint8Array) => present.reduce((sum, value) => sum + value, 0);
    for (let q = 4; q >= 1; q--) {
      const pastMetrics = metricsAt(input, 3 * q);
      const pastFuture = outlookAt(input, 3 * q, engine).futureProfit;
      points.push({ asOf: isoFromEpochDay(pastMetrics.asOf), equity: sumWhere(pastFuture, pastMetrics.present), customers: count(pastMetrics.present) });
    }
    points.push({ asOf: isoFromEpochDay(asOf), equity: sumWhere(now.future, metrics.present), customers: ladder.customers });
    return points;
  });
  const migrations = cache.get('migrations', { months: settings.comparisonMonths }, ['ladder', 'lifecycle'], () => {
    const earlier = core(input, settings.comparisonMonths, engine);
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
  const totals = cache.get('totals', null, ['metrics', 'outlook'], () => ({
    revenue: sumWhere(metrics.currentRevenue, metrics.present),
    costToServe: sumWhere(metrics.currentCostToServe, metrics.present),
    customerEquity: sumWhere(now.future, metrics.present),
    projected: outlookTotals(now.outlook, metrics.present),
  }));
  const contactCustomers = cache.get('contactCustomers', null, ['contacts'], () => new Set(contacts.customer).size);
  const summary: AnalysisSummary = {
    asOf: isoFromEpochDay(asOf),
    customers: ladder.customers,
    revenue: totals.revenue,
    profit: ladder.totalProfit,
    costToServe: totals.costToServe,
    customerEquity: totals.customerEquity,
    activeCustomers: activity.activeCustomers,
    activeShare: ladder.customers > 0 ? activity.activeCustomers / ladder.customers : 0,
    churnRate: activity.churnRate,
    ampu: activity.ampu,
    simpleLtv: activity.simpleLtv,
    inactivityDays: activity.inactivityDays,
    outlook: {
      engine: engine.engine,
      horizonMonths: settings.horizonMonths,
      model: engine.engine === 'model' ? engine.model : null,
      noModel: engine.noModel,
      observed: engine.engine === 'observed' ? retentionSummary(engine.year) : null,
      projected: { activeCustomers: totals.projected.activeCustomers, purchases: totals.projected.purchases, revenue: totals.projected.revenue, profit: totals.projected.profit },
    },
    ladder: ladder.tiers,
    paretoShare: ladder.paretoShare,
    gini: ladder.gini,
    whaleCurve: ladder.whaleCurve,
    whalePeak: ladder.whalePeak,
    quadrants: quadrants.cells,
    thresholds,
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
      outlook: now.outlook,
    },
    computedStages: cache.takeComputed(),
  };
}

export type { Quadrant };
