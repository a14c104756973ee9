/**
 * What-if projection (DOMAIN.md "What-if strategy simulation"): what a strategy per group of
 * customers would do to profit over the next years, against the baseline of doing nothing new.
 *
 * Baseline, one row per customer on the ladder of the latest analysis, from the run's columns —
 * the analysis' outlook (outlook.ts: the fitted model, else the observed retention of the
 * customer's group), so that the baseline's first year is the analysis' own expectation:
 * - alive = P(still buying at the analysis date) and r = the yearly retention of a customer still
 *   buying, from the outlook;
 * - yearly revenue, gross margin and cost to serve while buying = the outlook's expected first-year
 *   figures / (alive × r^½), so that year 1 below gives back exactly the outlook's first year; the
 *   per-order part of cost to serve (the settings' cost per order × the expected purchases) is kept
 *   apart, because it follows the number of orders;
 * - cross-sell potential per year = the analysis' potential profit (the segment's typical profit −
 *   the customer's own, over the window) × 12 / window months; the revenue it takes = that profit /
 *   the customer's margin rate (first-year margin / revenue when that is in (0, 1], else the
 *   default margin rate). Cross-sell is added as it is: the other levers do not scale it.
 * - future profit (the analysis' own CLV) is carried for reference only.
 *
 * Projection, years y = 1..H (default 3), for a customer in group g of the chosen grouping (tier,
 * quadrant or strategy), with g's levers (a group the scenario does not set keeps all at zero):
 *   r′           = clamp(r + retentionChange, 0, 1)                      (percentage points)
 *   survivors_y  = alive × r′^(y − ½): the expected share of year y in which the customer still
 *                  buys (survival at mid-year); 0 in every year when the group is dropped
 *                  (Terminate/Exit: its revenue and its costs both go)
 *   f = 1 + frequencyChange, s = 1 + spendChange, k = 1 + costToServeChange (each at least 0),
 *   u = crossSellUptake (0–1: the share of the cross-sell potential realised per year)
 *   revenue_y      = survivors_y × (revenue × f × s + u × cross-sell revenue)
 *   gross margin_y = survivors_y × ((margin + marginChange × revenue) × f × s + u × cross-sell potential)
 *   cost to serve_y = survivors_y × (other cost to serve + per-order cost × f) × k
 *   contribution_y = gross margin_y − cost to serve_y; discounted by 1 / (1 + d)^y, d the scenario's
 *                  yearly discount rate (else the analysis')
 *   customer equity = the sum over customers and years of discounted contribution
 *   campaign cost  = campaignCostFixed + campaignCostPerCustomer × the group's customers, spent at
 *                  the start (not discounted)
 *   profit         = customer equity − campaign costs (the baseline has none: profit = equity)
 *   customers in year y = Σ alive × r′^y, still buying at the end of the year; at the end of the
 *                  horizon (y = H) by starting tier, dropped groups counting 0
 * Only today's customers are projected: no new ones are acquired, and a customer's yearly figures do
 * not grow with tenure.
 * Per group (and per strategy name, over its groups): incremental profit = the group's scenario
 * equity − its baseline equity; ROI = (incremental profit − campaign cost) / campaign cost, null
 * when the group has no campaign cost.
 * Profit waterfall: the levers are switched on one after another, in every group at once, in the
 * order drop customers, retention, frequency, spend, margin, cost to serve, cross-sell, campaign
 * cost; each step is the change of total profit it brings, so the steps add up to scenario −
 * baseline exactly (an interaction between two levers is credited to the later one).
 * Sensitivity (tornado): each numeric lever of each group the scenario sets and does not drop is
 * moved by ±10 % of its value — by ±0.01 (one point, or one per cent) when its value is 0 — with
 * everything else held; the bars are the changes of total profit, ranked by their spread
 * (high − low). Campaign cost (fixed and per customer together) appears when it is not 0.
 *
 * Cost: one pass over the customers per retention setting (baseline, scenario and the tornado's two)
 * adds per-group, per-year sums; every other lever acts on those sums. Typed arrays only, no
 * allocation per customer, no Node API: it runs in the renderer on every slider move.
 */
import { TIERS } from './ladder';
import { QUADRANTS } from './quadrants';
import { STRATEGIES } from './strategies';

export const GROUPINGS = ['tier', 'quadrant', 'strategy'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The groups of each grouping, by code (the analysis' tier, quadrant and strategy codes). */
export const GROUP_LABELS: Record<Grouping, readonly string[]> = { tier: TIERS, quadrant: QUADRANTS, strategy: STRATEGIES };

/** What a group's plan may be called: the seven relationship strategies, the four quadrant strategies, or a custom one. */
export const SCENARIO_STRATEGIES = ['retain', 'redesign', 'enhance', 'harvest', 'terminate', 'winBack', 'start', 'reward', 'manage', 'develop', 'exit', 'custom'] as const;
export type ScenarioStrategy = (typeof SCENARIO_STRATEGIES)[number];

export const DEFAULT_HORIZON_YEARS = 3;
export const MAX_HORIZON_YEARS = 20;

/** A group's levers; a missing one is 0 (false for dropCustomers). */
export interface Levers {
  /** Percentage points of yearly retention, as a fraction: +0.05 = 5 points more. */
  retentionChange?: number;
  /** Relative change of the number of orders: +0.10 = 10 % more orders. */
  frequencyChange?: number;
  /** Relative change of the spend per order. */
  spendChange?: number;
  /** Percentage points of gross margin rate, as a fraction. */
  marginChange?: number;
  /** Relative change of cost to serve. */
  costToServeChange?: number;
  /** Share (0–1) of the customer's cross-sell potential profit realised per year. */
  crossSellUptake?: number;
  /** Terminate/Exit: the group's customers go, with their revenue and their costs. */
  dropCustomers?: boolean;
  /** Campaign cost per customer of the group, spent once at the start. */
  campaignCostPerCustomer?: number;
  /** Campaign cost for the group as a whole, spent once at the start. */
  campaignCostFixed?: number;
}

export interface GroupPlan extends Levers {
  strategy: ScenarioStrategy;
}

export interface Scenario {
  grouping: Grouping;
  /** Plans by group label (e.g. "mvc"); groups without a plan keep the baseline. */
  groups: { [group: string]: GroupPlan };
  /** Years projected (default 3). */
  horizonYears?: number | undefined;
  /** Yearly discount rate; null or missing: the analysis' rate. */
  discountRate?: number | null | undefined;
}

/** The waterfall's steps, in the order the levers are switched on. */
export const WATERFALL_STEPS = ['dropCustomers', 'retentionChange', 'frequencyChange', 'spendChange', 'marginChange', 'costToServeChange', 'crossSellUptake', 'campaignCost'] as const;
export type WaterfallLever = (typeof WATERFALL_STEPS)[number];

/** The levers the tornado moves, and the step used when a lever is 0 (campaign cost only shows when it is not). */
export const TORNADO_LEVERS = ['retentionChange', 'frequencyChange', 'spendChange', 'marginChange', 'costToServeChange', 'crossSellUptake', 'campaignCost'] as const;
export type TornadoLever = (typeof TORNADO_LEVERS)[number];
export const TORNADO_RELATIVE_STEP = 0.1;
export const TORNADO_ZERO_STEP = 0.01;

/** The "+5 % retention for everyone" of the literature (Reichheld & Sasser): 5 points more yearly retention in every tier, nothing else. */
export function plusFiveRetentionScenario(): Scenario {
  const groups: Scenario['groups'] = {};
  for (const tier of TIERS) groups[tier] = { strategy: 'retain', retentionChange: 0.05 };
  return { grouping: 'tier', horizonYears: DEFAULT_HORIZON_YEARS, groups };
}

// ---------------------------------------------------------------------------------------------
// Baseline

/** One row per customer on the ladder; money per year. */
export interface WhatIfBaseline {
  count: number;
  /** Group codes (indexes into GROUP_LABELS); 255 = in no group. */
  tier: Uint8Array;
  quadrant: Uint8Array;
  strategy: Uint8Array;
  revenue: Float64Array;
  margin: Float64Array;
  /** All of cost to serve, the per-order part included. */
  costToServe: Float64Array;
  /** The per-order part of cost to serve: it follows the number of orders. */
  orderCost: Float64Array;
  /** P(still buying) at the analysis date. */
  alive: Float64Array;
  /** Yearly retention of a customer still buying. */
  retention: Float64Array;
  /** The analysis' future profit (reference). */
  future: Float64Array;
  /** Cross-sell potential profit per year, and the revenue it would take. */
  crossSell: Float64Array;
  crossSellRevenue: Float64Array;
  /** The analysis' yearly discount rate: used when a scenario gives none. */
  discountRate: number;
}

export const BASELINE_CODE_COLUMNS = ['tier', 'quadrant', 'strategy'] as const;
export const BASELINE_VALUE_COLUMNS = ['revenue', 'margin', 'costToServe', 'orderCost', 'alive', 'retention', 'future', 'crossSell', 'crossSellRevenue'] as const;
export type BaselineColumnName = (typeof BASELINE_CODE_COLUMNS)[number] | (typeof BASELINE_VALUE_COLUMNS)[number];

/**
 * The baseline as `whatif.baseline` carries it: each column the base64 text of its typed array's
 * bytes (group codes one byte each, values 8-byte floats, little-endian), a fraction of the size
 * and of the time of the same numbers as JSON, and the very same numbers.
 */
export interface WhatIfBaselinePacked {
  discountRate: number;
  columns: Record<BaselineColumnName, string>;
}

function bytesFromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The typed baseline from its packed columns (in the renderer, from `whatif.baseline`). */
export function baselineFromPacked(data: WhatIfBaselinePacked): WhatIfBaseline {
  const codes = (name: (typeof BASELINE_CODE_COLUMNS)[number]) => bytesFromBase64(data.columns[name]);
  const values = (name: (typeof BASELINE_VALUE_COLUMNS)[number]) => {
    const bytes = bytesFromBase64(data.columns[name]);
    if (bytes.byteLength % 8 !== 0) throw new RangeError(`baseline column ${name} has ${bytes.byteLength} bytes, not 8 per value`);
    return bytes.byteOffset % 8 === 0 ? new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8) : new Float64Array(bytes.slice().buffer);
  };
  const baseline: WhatIfBaseline = {
    count: 0,
    tier: codes('tier'),
    quadrant: codes('quadrant'),
    strategy: codes('strategy'),
    revenue: values('revenue'),
    margin: values('margin'),
    costToServe: values('costToServe'),
    orderCost: values('orderCost'),
    alive: values('alive'),
    retention: values('retention'),
    future: values('future'),
    crossSell: values('crossSell'),
    crossSellRevenue: values('crossSellRevenue'),
    discountRate: data.discountRate,
  };
  baseline.count = baseline.tier.length;
  for (const name of [...BASELINE_CODE_COLUMNS, ...BASELINE_VALUE_COLUMNS]) {
    if (baseline[name].length !== baseline.count) throw new RangeError(`baseline column ${name} has ${baseline[name].length} values for ${baseline.count} customers`);
  }
  return baseline;
}

/** The stored run's per-customer columns the baseline is made from (see resultColumns in run-analysis.ts). */
export interface WhatIfRunColumns {
  tier: ArrayLike<number>;
  quadrant: ArrayLike<number>;
  strategy: ArrayLike<number>;
  /** The outlook's first-year expectations and survival (outlook.ts). */
  alive: ArrayLike<number>;
  retention: ArrayLike<number>;
  yearPurchases: ArrayLike<number>;
  yearRevenue: ArrayLike<number>;
  yearMargin: ArrayLike<number>;
  yearCost: ArrayLike<number>;
  future: ArrayLike<number>;
  crossSellPotential: ArrayLike<number>;
}

/** The run's settings the baseline needs. */
export interface WhatIfRunFacts {
  windowMonths: number;
  costPerOrder: number;
  defaultMarginRate: number;
  discountRate: number;
}

const NO_GROUP = 255;
const cents = (value: number) => (Number.isFinite(value) ? Math.round(value * 100) / 100 : 0);
const micro = (value: number) => (Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : 0);

/**
 * The baseline from a stored run (the method's "Baseline" in the module comment). Only customers
 * on the ladder (with a tier) are kept. Money is rounded to cents and probabilities to 6 decimals,
 * so that the baseline travels compactly and every computation from it sees the same numbers.
 */
export function whatIfBaselineFromRun(columns: WhatIfRunColumns, facts: WhatIfRunFacts): WhatIfBaseline {
  const n = columns.tier.length;
  let count = 0;
  for (let c = 0; c < n; c++) if (columns.tier[c] !== NO_GROUP) count++;
  const windowMonths = Math.max(1, facts.windowMonths);
  const b: WhatIfBaseline = {
    count,
    tier: new Uint8Array(count),
    quadrant: new Uint8Array(count),
    strategy: new Uint8Array(count),
    revenue: new Float64Array(count),
    margin: new Float64Array(count),
    costToServe: new Float64Array(count),
    orderCost: new Float64Array(count),
    alive: new Float64Array(count),
    retention: new Float64Array(count),
    future: new Float64Array(count),
    crossSell: new Float64Array(count),
    crossSellRevenue: new Float64Array(count),
    discountRate: facts.discountRate,
  };
  let k = 0;
  for (let c = 0; c < n; c++) {
    if (columns.tier[c] === NO_GROUP) continue;
    b.tier[k] = columns.tier[c] as number;
    b.quadrant[k] = columns.quadrant[c] as number;
    b.strategy[k] = columns.strategy[c] as number;
    const alive = micro(Math.min(1, Math.max(0, columns.alive[c] as number)));
    const retention = micro(Math.min(1, Math.max(0, columns.retention[c] as number)));
    b.alive[k] = alive;
    b.retention[k] = retention;
    // While buying: the first year's expectation over the first year's mid-year survival.
    const firstYear = alive * Math.sqrt(retention);
    const perYear = (value: number) => (firstYear > 0 ? value / firstYear : 0);
    const yearRevenue = columns.yearRevenue[c] as number;
    const yearMargin = columns.yearMargin[c] as number;
    b.revenue[k] = cents(perYear(yearRevenue));
    b.margin[k] = cents(perYear(yearMargin));
    b.costToServe[k] = cents(perYear(columns.yearCost[c] as number));
    b.orderCost[k] = cents(perYear(facts.costPerOrder * (columns.yearPurchases[c] as number)));
    b.future[k] = cents(columns.future[c] as number);
    const potential = cents(((columns.crossSellPotential[c] as number) * 12) / windowMonths);
    b.crossSell[k] = potential;
    const rate = yearRevenue > 0 ? yearMargin / yearRevenue : Number.NaN;
    const marginRate = rate > 0 && rate <= 1 ? rate : facts.defaultMarginRate;
    b.crossSellRevenue[k] = marginRate > 0 ? cents(potential / marginRate) : 0;
    k++;
  }
  return b;
}

/** The yearly retention of the customers still buying, weighted by their chance to be (the "+5 %" scenario's starting point). */
export function averageRetention(baseline: WhatIfBaseline): number {
  let weight = 0;
  let sum = 0;
  for (let k = 0; k < baseline.count; k++) {
    weight += baseline.alive[k] as number;
    sum += (baseline.alive[k] as number) * (baseline.retention[k] as number);
  }
  return weight > 0 ? sum / weight : 0;
}

// ---------------------------------------------------------------------------------------------
// Results

export interface YearFigures {
  revenue: number;
  grossMargin: number;
  costToServe: number;
  contribution: number;
  /** Expected customers still buying at the end of the year. */
  customers: number;
}

export interface WhatIfYear {
  year: number;
  discountFactor: number;
  baseline: YearFigures;
  scenario: YearFigures;
}

export interface WhatIfTotals {
  /** Sums over the horizon, not discounted. */
  revenue: number;
  grossMargin: number;
  costToServe: number;
  contribution: number;
  /** Discounted contribution over the horizon. */
  customerEquity: number;
  campaignCost: number;
  /** customerEquity − campaignCost. */
  profit: number;
}

export interface WhatIfGroupResult {
  group: string;
  strategy: ScenarioStrategy | null;
  dropped: boolean;
  customers: number;
  /** The analysis' own future profit of the group (reference). */
  analysisFutureProfit: number;
  baselineEquity: number;
  scenarioEquity: number;
  /** scenarioEquity − baselineEquity. */
  incrementalProfit: number;
  campaignCost: number;
  /** incrementalProfit − campaignCost. */
  netIncrement: number;
  /** netIncrement / campaignCost; null without campaign cost. */
  roi: number | null;
}

export interface WhatIfStrategyResult {
  strategy: ScenarioStrategy;
  groups: string[];
  customers: number;
  incrementalProfit: number;
  campaignCost: number;
  netIncrement: number;
  roi: number | null;
}

export interface WhatIfTierEnd {
  tier: string;
  customers: number;
  /** Expected customers still buying at the start (Σ alive). */
  aliveAtStart: number;
  /** Expected customers still buying at the end of the horizon. */
  baseline: number;
  scenario: number;
}

export interface WaterfallStep {
  lever: WaterfallLever;
  change: number;
  /** Total profit after this step. */
  profit: number;
}

export interface Waterfall {
  baseline: number;
  steps: WaterfallStep[];
  scenario: number;
}

export interface TornadoEntry {
  group: string;
  lever: TornadoLever;
  /** The lever's value in the scenario (campaignCost: the group's total campaign cost). */
  value: number;
  /** How far it was moved: ±10 % of its value, or the fixed step when it is 0. */
  basis: 'relative' | 'step';
  low: { value: number; change: number };
  high: { value: number; change: number };
  /** |high.change − low.change|: what the bars are ranked by. */
  swing: number;
}

export interface WhatIfResult {
  grouping: Grouping;
  horizonYears: number;
  discountRate: number;
  customers: number;
  baseline: WhatIfTotals;
  scenario: WhatIfTotals;
  delta: {
    profit: number;
    /** (scenario − baseline profit) / |baseline profit|; null when the baseline profit is 0. */
    profitPercent: number | null;
    customerEquity: number;
    customerEquityPercent: number | null;
    revenue: number;
    campaignCost: number;
  };
  years: WhatIfYear[];
  groups: WhatIfGroupResult[];
  strategies: WhatIfStrategyResult[];
  tiersAtEnd: WhatIfTierEnd[];
  waterfall: Waterfall;
  tornado: TornadoEntry[];
}

// ---------------------------------------------------------------------------------------------
// Engine

/** Per-group, per-year sums of one pass (index g × H + y), and survivors at the end by (group, tier). */
interface Sums {
  revenue: Float64Array;
  margin: Float64Array;
  otherCost: Float64Array;
  orderCost: Float64Array;
  crossSell: Float64Array;
  crossSellRevenue: Float64Array;
  /** Expected customers at the end of the year. */
  customers: Float64Array;
  tierEnd: Float64Array;
}

/** A group's levers with their defaults, as the formulas use them. */
interface GroupLevers {
  configured: boolean;
  strategy: ScenarioStrategy | null;
  drop: boolean;
  retention: number;
  frequency: number;
  spend: number;
  margin: number;
  cost: number;
  uptake: number;
  perCustomer: number;
  fixed: number;
}

/** Which levers are switched on (the waterfall switches them on one by one). */
interface Switches {
  drop: boolean;
  frequency: boolean;
  spend: boolean;
  margin: boolean;
  cost: boolean;
  crossSell: boolean;
}

/** Parts of passes (one group, one retention change; a few hundred bytes each) an engine keeps. */
const PART_CACHE_SIZE = 64;
const ALL_ON: Switches = { drop: true, frequency: true, spend: true, margin: true, cost: true, crossSell: true };
const TIER_COUNT = TIERS.length;

function newSums(groups: number, horizon: number): Sums {
  const size = groups * horizon;
  return {
    revenue: new Float64Array(size),
    margin: new Float64Array(size),
    otherCost: new Float64Array(size),
    orderCost: new Float64Array(size),
    crossSell: new Float64Array(size),
    crossSellRevenue: new Float64Array(size),
    customers: new Float64Array(size),
    tierEnd: new Float64Array(groups * TIER_COUNT),
  };
}

const SUM_COLUMNS = ['revenue', 'margin', 'otherCost', 'orderCost', 'crossSell', 'crossSellRevenue', 'customers'] as const;

/** Group g's part of a pass over all groups, as views (no copy). */
function partOf(sums: Sums, g: number, horizon: number): Sums {
  const part = { tierEnd: sums.tierEnd.subarray(g * TIER_COUNT, (g + 1) * TIER_COUNT) } as Sums;
  for (const column of SUM_COLUMNS) part[column] = sums[column].subarray(g * horizon, (g + 1) * horizon);
  return part;
}

/** A pass over groups 0 … groups (the last: customers in none) put together from each group's part. */
function joinParts(groups: number, horizon: number, partFor: (g: number) => Sums): Sums {
  const sums = newSums(groups + 1, horizon);
  for (let g = 0; g <= groups; g++) {
    const part = partFor(g);
    for (const column of SUM_COLUMNS) sums[column].set(part[column], g * horizon);
    sums.tierEnd.set(part.tierEnd, g * TIER_COUNT);
  }
  return sums;
}

const finite = (value: number | undefined, fallback = 0) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const clamp01 = (value: number) => (value < 0 ? 0 : value > 1 ? 1 : value);
const atLeastZero = (value: number) => (value < 0 ? 0 : value);

function resolveLevers(plan: GroupPlan | undefined): GroupLevers {
  return {
    configured: plan !== undefined,
    strategy: plan?.strategy ?? null,
    drop: plan?.dropCustomers === true,
    retention: finite(plan?.retentionChange),
    frequency: finite(plan?.frequencyChange),
    spend: finite(plan?.spendChange),
    margin: finite(plan?.marginChange),
    cost: finite(plan?.costToServeChange),
    uptake: finite(plan?.crossSellUptake),
    perCustomer: finite(plan?.campaignCostPerCustomer),
    fixed: finite(plan?.campaignCostFixed),
  };
}

/** A group's yearly figures from a pass's sums with its levers (the formulas of the module comment). */
function groupYear(sums: Sums, index: number, levers: GroupLevers, on: Switches, out: YearFigures): YearFigures {
  if (on.drop && levers.drop) {
    out.revenue = out.grossMargin = out.costToServe = out.contribution = out.customers = 0;
    return out;
  }
  const f = on.frequency ? atLeastZero(1 + levers.frequency) : 1;
  const s = on.spend ? atLeastZero(1 + levers.spend) : 1;
  const dm = on.margin ? levers.margin : 0;
  const k = on.cost ? atLeastZero(1 + levers.cost) : 1;
  const u = on.crossSell ? clamp01(levers.uptake) : 0;
  const revenue = sums.revenue[index] as number;
  out.revenue = revenue * f * s + u * (sums.crossSellRevenue[index] as number);
  out.grossMargin = ((sums.margin[index] as number) + dm * revenue) * f * s + u * (sums.crossSell[index] as number);
  out.costToServe = ((sums.otherCost[index] as number) + (sums.orderCost[index] as number) * f) * k;
  out.contribution = out.grossMargin - out.costToServe;
  out.customers = sums.customers[index] as number;
  return out;
}

const scratchYear = (): YearFigures => ({ revenue: 0, grossMargin: 0, costToServe: 0, contribution: 0, customers: 0 });

/** Discounted contribution of one group over the horizon. */
function groupEquity(sums: Sums, g: number, horizon: number, discount: Float64Array, levers: GroupLevers, on: Switches, year: YearFigures): number {
  let total = 0;
  for (let y = 0; y < horizon; y++) total += (discount[y] as number) * groupYear(sums, g * horizon + y, levers, on, year).contribution;
  return total;
}

function campaignCost(levers: GroupLevers, customers: number): number {
  return levers.fixed + levers.perCustomer * customers;
}

interface GroupStats {
  groups: number;
  customers: Float64Array;
  future: Float64Array;
}

/** What a computation leaves out, for a caller that does not show it (a slider being dragged). */
export interface ComputeOptions {
  /**
   * false: no sensitivity (the tornado is empty), which saves its two passes over the customers —
   * two thirds of a recompute. Every other figure is the same as with it.
   */
  sensitivity?: boolean;
}

export interface WhatIfEngine {
  readonly baseline: WhatIfBaseline;
  compute(scenario: Scenario, options?: ComputeOptions): WhatIfResult;
}

/**
 * An engine over one baseline: keeps the derived column and the baseline passes (per grouping and
 * horizon), so that recomputing a scenario costs the scenario's passes only.
 */
export function createWhatIfEngine(baseline: WhatIfBaseline): WhatIfEngine {
  const n = baseline.count;
  for (const name of [...BASELINE_CODE_COLUMNS, ...BASELINE_VALUE_COLUMNS]) {
    if (baseline[name].length !== n) throw new RangeError(`baseline column ${name} has ${baseline[name].length} values for ${n} customers`);
  }
  for (let c = 0; c < n; c++) if ((baseline.tier[c] as number) >= TIER_COUNT) throw new RangeError(`customer ${c} has no tier: the baseline holds customers on the ladder only`);
  const otherCost = new Float64Array(n);
  for (let c = 0; c < n; c++) otherCost[c] = (baseline.costToServe[c] as number) - (baseline.orderCost[c] as number);

  // Customers and expected customers still buying per tier at the start.
  const tierStart = TIERS.map((tier) => ({ tier: tier as string, customers: 0, aliveAtStart: 0 }));
  for (let c = 0; c < n; c++) {
    const row = tierStart[baseline.tier[c] as number] as (typeof tierStart)[number];
    row.customers++;
    row.aliveAtStart += baseline.alive[c] as number;
  }
  const statsCache = new Map<Grouping, GroupStats>();
  const baseCache = new Map<string, Sums>();

  /** Customers and analysis future profit per group (the last group index holds the ungrouped). */
  function groupStats(grouping: Grouping): GroupStats {
    let stats = statsCache.get(grouping);
    if (!stats) {
      const groups = GROUP_LABELS[grouping].length;
      const codes = baseline[grouping];
      stats = { groups, customers: new Float64Array(groups + 1), future: new Float64Array(groups + 1) };
      for (let c = 0; c < n; c++) {
        const code = codes[c] as number;
        const g = code < groups ? code : groups;
        stats.customers[g] = (stats.customers[g] as number) + 1;
        stats.future[g] = (stats.future[g] as number) + (baseline.future[c] as number);
      }
      statsCache.set(grouping, stats);
    }
    return stats;
  }

  /** The customers still buying of each group, in customer order: group g's are index[start[g]] … index[start[g + 1] − 1]. */
  const membersCache = new Map<Grouping, { start: Int32Array; index: Int32Array }>();
  function members(grouping: Grouping): { start: Int32Array; index: Int32Array } {
    let found = membersCache.get(grouping);
    if (!found) {
      const groups = GROUP_LABELS[grouping].length;
      const codes = baseline[grouping];
      const start = new Int32Array(groups + 2);
      for (let c = 0; c < n; c++) {
        if (!((baseline.alive[c] as number) > 0)) continue;
        const after = Math.min(codes[c] as number, groups) + 1;
        start[after] = (start[after] as number) + 1;
      }
      for (let g = 0; g <= groups; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
      const index = new Int32Array(start[groups + 1] as number);
      const next = start.slice(0, groups + 1);
      for (let c = 0; c < n; c++) {
        if (!((baseline.alive[c] as number) > 0)) continue;
        const g = Math.min(codes[c] as number, groups);
        index[next[g] as number] = c;
        next[g] = (next[g] as number) + 1;
      }
      found = { start, index };
      membersCache.set(grouping, found);
    }
    return found;
  }

  /**
   * One group's part of a pass: for each of its customers still buying, in customer order, the
   * survivors at mid-year and at the end of each year with the group's retention change, added
   * into the group's yearly sums of each column, and its survivors at the end by tier.
   */
  function groupPass(grouping: Grouping, g: number, shiftOfGroup: number, horizon: number): Sums {
    const part = newSums(1, horizon);
    const { revenue: sR, margin: sM, otherCost: sK, orderCost: sO, crossSell: sX, crossSellRevenue: sXR, customers: sN, tierEnd } = part;
    const { alive, retention, revenue, margin, orderCost, crossSell, crossSellRevenue, tier } = baseline;
    const { start, index } = members(grouping);
    const last = start[g + 1] as number;
    for (let k = start[g] as number; k < last; k++) {
      const c = index[k] as number;
      const a = alive[c] as number;
      let r = (retention[c] as number) + shiftOfGroup;
      r = r < 0 ? 0 : r > 1 ? 1 : r;
      let mid = a * Math.sqrt(r);
      let end = a;
      const vR = revenue[c] as number;
      const vM = margin[c] as number;
      const vK = otherCost[c] as number;
      const vO = orderCost[c] as number;
      const vX = crossSell[c] as number;
      const vXR = crossSellRevenue[c] as number;
      for (let i = 0; i < horizon; i++) {
        end *= r;
        sR[i] = (sR[i] as number) + mid * vR;
        sM[i] = (sM[i] as number) + mid * vM;
        sK[i] = (sK[i] as number) + mid * vK;
        sO[i] = (sO[i] as number) + mid * vO;
        sX[i] = (sX[i] as number) + mid * vX;
        sXR[i] = (sXR[i] as number) + mid * vXR;
        sN[i] = (sN[i] as number) + end;
        mid *= r;
      }
      const t = tier[c] as number;
      tierEnd[t] = (tierEnd[t] as number) + end;
    }
    return part;
  }

  /**
   * A pass with retention shifts, put together group by group: a group's part depends on its own
   * retention change only, so it is taken from the baseline pass when the change is 0 and else
   * from the last parts made (moving one group's retention recomputes that group's customers
   * only; moving any other lever, or the sensitivity after a drag, recomputes nothing).
   */
  const partCache = new Map<string, Sums>();
  function shiftedPass(grouping: Grouping, groups: number, shift: Float64Array, horizon: number): Sums {
    const base = basePass(grouping, horizon);
    return joinParts(groups, horizon, (g) => {
      const value = shift[g] as number;
      if (value === 0) return partOf(base, g, horizon);
      const key = `${grouping}|${horizon}|${g}|${value}`;
      let part = partCache.get(key);
      if (part) partCache.delete(key);
      else part = groupPass(grouping, g, value, horizon);
      // Most recently used last; the oldest goes first.
      partCache.set(key, part);
      if (partCache.size > PART_CACHE_SIZE) partCache.delete(partCache.keys().next().value as string);
      return part;
    });
  }

  /** The pass without retention changes, every group's part from its own customers (kept per grouping and horizon). */
  function basePass(grouping: Grouping, horizon: number): Sums {
    const key = `${grouping}|${horizon}`;
    let sums = baseCache.get(key);
    if (!sums) {
      sums = joinParts(GROUP_LABELS[grouping].length, horizon, (g) => groupPass(grouping, g, 0, horizon));
      baseCache.set(key, sums);
    }
    return sums;
  }

  function compute(scenario: Scenario, options: ComputeOptions = {}): WhatIfResult {
    const grouping = scenario.grouping;
    const labels = GROUP_LABELS[grouping];
    if (!labels) throw new RangeError(`unknown grouping ${String(grouping)}`);
    const horizon = Math.max(1, Math.min(MAX_HORIZON_YEARS, Math.round(finite(scenario.horizonYears, DEFAULT_HORIZON_YEARS))));
    const rate = Math.max(0, finite(scenario.discountRate ?? undefined, baseline.discountRate));
    const stats = groupStats(grouping);
    const groups = stats.groups;
    const G1 = groups + 1;
    const discount = new Float64Array(horizon);
    for (let y = 0; y < horizon; y++) discount[y] = 1 / (1 + rate) ** (y + 1);

    // Levers per group (the extra last group, customers in none, keeps the baseline).
    const levers: GroupLevers[] = [];
    for (let g = 0; g < G1; g++) levers.push(resolveLevers(g < groups ? scenario.groups[labels[g] as string] : undefined));
    const none = resolveLevers(undefined);

    const base = basePass(grouping, horizon);
    const shift = new Float64Array(G1);
    let anyShift = false;
    for (let g = 0; g < G1; g++) {
      shift[g] = (levers[g] as GroupLevers).retention;
      if (shift[g] !== 0) anyShift = true;
    }
    const scen = anyShift ? shiftedPass(grouping, groups, shift, horizon) : base;

    const year = scratchYear();
    const OFF: Switches = { drop: false, frequency: false, spend: false, margin: false, cost: false, crossSell: false };
    const equityOf = (sums: Sums, g: number, l: GroupLevers, on: Switches) => groupEquity(sums, g, horizon, discount, l, on, year);

    // Per-year figures.
    const years: WhatIfYear[] = [];
    const totals = (): WhatIfTotals => ({ revenue: 0, grossMargin: 0, costToServe: 0, contribution: 0, customerEquity: 0, campaignCost: 0, profit: 0 });
    const baseTotals = totals();
    const scenTotals = totals();
    for (let y = 0; y < horizon; y++) {
      const b = scratchYear();
      const s = scratchYear();
      for (let g = 0; g < G1; g++) {
        const index = g * horizon + y;
        const bYear = groupYear(base, index, none, OFF, year);
        b.revenue += bYear.revenue;
        b.grossMargin += bYear.grossMargin;
        b.costToServe += bYear.costToServe;
        b.contribution += bYear.contribution;
        b.customers += bYear.customers;
        const sYear = groupYear(scen, index, levers[g] as GroupLevers, ALL_ON, year);
        s.revenue += sYear.revenue;
        s.grossMargin += sYear.grossMargin;
        s.costToServe += sYear.costToServe;
        s.contribution += sYear.contribution;
        s.customers += sYear.customers;
      }
      const factor = discount[y] as number;
      for (const [sum, figures] of [
        [baseTotals, b],
        [scenTotals, s],
      ] as const) {
        sum.revenue += figures.revenue;
        sum.grossMargin += figures.grossMargin;
        sum.costToServe += figures.costToServe;
        sum.contribution += figures.contribution;
      }
      years.push({ year: y + 1, discountFactor: factor, baseline: b, scenario: s });
    }

    // Per group.
    const groupResults: WhatIfGroupResult[] = [];
    const baseEquity = new Float64Array(G1);
    const scenEquity = new Float64Array(G1);
    const campaign = new Float64Array(G1);
    for (let g = 0; g < G1; g++) {
      const l = levers[g] as GroupLevers;
      baseEquity[g] = equityOf(base, g, none, OFF);
      scenEquity[g] = equityOf(scen, g, l, ALL_ON);
      campaign[g] = campaignCost(l, stats.customers[g] as number);
      if (g === groups) continue;
      const incremental = (scenEquity[g] as number) - (baseEquity[g] as number);
      const cost = campaign[g] as number;
      groupResults.push({
        group: labels[g] as string,
        strategy: l.strategy,
        dropped: l.drop,
        customers: stats.customers[g] as number,
        analysisFutureProfit: stats.future[g] as number,
        baselineEquity: baseEquity[g] as number,
        scenarioEquity: scenEquity[g] as number,
        incrementalProfit: incremental,
        campaignCost: cost,
        netIncrement: incremental - cost,
        roi: cost > 0 ? (incremental - cost) / cost : null,
      });
    }
    let totalCampaign = 0;
    for (let g = 0; g < G1; g++) totalCampaign += campaign[g] as number;
    // Equity as the sum over groups (the waterfall's stages are summed the same way, so an unused lever's step is exactly 0).
    baseTotals.customerEquity = 0;
    scenTotals.customerEquity = 0;
    for (let g = 0; g < G1; g++) {
      baseTotals.customerEquity += baseEquity[g] as number;
      scenTotals.customerEquity += scenEquity[g] as number;
    }
    scenTotals.campaignCost = totalCampaign;
    baseTotals.profit = baseTotals.customerEquity;
    scenTotals.profit = scenTotals.customerEquity - totalCampaign;

    // Per strategy name, over its groups.
    const byStrategy = new Map<ScenarioStrategy, WhatIfStrategyResult>();
    for (const row of groupResults) {
      if (row.strategy === null) continue;
      const entry = byStrategy.get(row.strategy) ?? { strategy: row.strategy, groups: [], customers: 0, incrementalProfit: 0, campaignCost: 0, netIncrement: 0, roi: null };
      entry.groups.push(row.group);
      entry.customers += row.customers;
      entry.incrementalProfit += row.incrementalProfit;
      entry.campaignCost += row.campaignCost;
      entry.netIncrement += row.netIncrement;
      byStrategy.set(row.strategy, entry);
    }
    const strategies = [...byStrategy.values()].map((entry) => ({ ...entry, roi: entry.campaignCost > 0 ? entry.netIncrement / entry.campaignCost : null }));

    // Customers at the end by starting tier.
    const tiersAtEnd: WhatIfTierEnd[] = tierStart.map((row) => ({ ...row, baseline: 0, scenario: 0 }));
    for (let g = 0; g < G1; g++) {
      const dropped = (levers[g] as GroupLevers).drop;
      for (let t = 0; t < TIER_COUNT; t++) {
        const row = tiersAtEnd[t] as WhatIfTierEnd;
        row.baseline += base.tierEnd[g * TIER_COUNT + t] as number;
        if (!dropped) row.scenario += scen.tierEnd[g * TIER_COUNT + t] as number;
      }
    }

    // Waterfall: levers switched on one by one, in every group at once.
    const totalEquity = (sums: Sums, on: Switches) => {
      let total = 0;
      for (let g = 0; g < G1; g++) total += equityOf(sums, g, levers[g] as GroupLevers, on);
      return total;
    };
    const baselineProfit = baseTotals.profit;
    const anyDrop = levers.some((l) => l.drop);
    const stages: [WaterfallLever, number][] = [
      ['dropCustomers', anyDrop ? totalEquity(base, { ...OFF, drop: true }) : baselineProfit],
      ['retentionChange', totalEquity(scen, { ...OFF, drop: true })],
      ['frequencyChange', totalEquity(scen, { ...OFF, drop: true, frequency: true })],
      ['spendChange', totalEquity(scen, { ...OFF, drop: true, frequency: true, spend: true })],
      ['marginChange', totalEquity(scen, { ...ALL_ON, cost: false, crossSell: false })],
      ['costToServeChange', totalEquity(scen, { ...ALL_ON, crossSell: false })],
      ['crossSellUptake', scenTotals.customerEquity],
      ['campaignCost', scenTotals.profit],
    ];
    const steps: WaterfallStep[] = [];
    let previous = baselineProfit;
    for (const [lever, profit] of stages) {
      steps.push({ lever, change: profit - previous, profit });
      previous = profit;
    }

    // Tornado: each lever of each set, kept group moved by ±10 % (or the fixed step), the rest held.
    const tornado: TornadoEntry[] = [];
    const scenarioProfit = scenTotals.profit;
    const movable = levers.map((l, g) => g < groups && l.configured && !l.drop);
    if (options.sensitivity !== false && movable.some(Boolean)) {
      const stepOf = (value: number) => (value === 0 ? TORNADO_ZERO_STEP : Math.abs(value) * TORNADO_RELATIVE_STEP);
      const up = new Float64Array(G1);
      const down = new Float64Array(G1);
      for (let g = 0; g < G1; g++) {
        const value = shift[g] as number;
        const step = movable[g] ? stepOf(value) : 0;
        up[g] = value + step;
        down[g] = value - step;
      }
      const upSums = shiftedPass(grouping, groups, up, horizon);
      const downSums = shiftedPass(grouping, groups, down, horizon);
      for (let g = 0; g < groups; g++) {
        if (!movable[g]) continue;
        const l = levers[g] as GroupLevers;
        const own = scenEquity[g] as number;
        const entry = (lever: TornadoLever, value: number, lowValue: number, highValue: number, low: number, high: number) =>
          tornado.push({
            group: labels[g] as string,
            lever,
            value,
            basis: value === 0 ? 'step' : 'relative',
            low: { value: lowValue, change: low },
            high: { value: highValue, change: high },
            swing: Math.abs(high - low),
          });
        entry('retentionChange', l.retention, down[g] as number, up[g] as number, equityOf(downSums, g, l, ALL_ON) - own, equityOf(upSums, g, l, ALL_ON) - own);
        const moved = (key: 'frequency' | 'spend' | 'margin' | 'cost' | 'uptake', lever: TornadoLever) => {
          const value = l[key];
          const step = stepOf(value);
          const low = key === 'uptake' ? clamp01(value - step) : value - step;
          const high = key === 'uptake' ? clamp01(value + step) : value + step;
          entry(lever, value, low, high, equityOf(scen, g, { ...l, [key]: low }, ALL_ON) - own, equityOf(scen, g, { ...l, [key]: high }, ALL_ON) - own);
        };
        moved('frequency', 'frequencyChange');
        moved('spend', 'spendChange');
        moved('margin', 'marginChange');
        moved('cost', 'costToServeChange');
        moved('uptake', 'crossSellUptake');
        const cost = campaign[g] as number;
        // More campaign cost means less profit: its "high" is the lower profit.
        if (cost !== 0) entry('campaignCost', cost, cost * (1 - TORNADO_RELATIVE_STEP), cost * (1 + TORNADO_RELATIVE_STEP), cost * TORNADO_RELATIVE_STEP, -cost * TORNADO_RELATIVE_STEP);
      }
      const leverOrder = (lever: TornadoLever) => TORNADO_LEVERS.indexOf(lever);
      const groupOrder = (group: string) => labels.indexOf(group);
      tornado.sort((a, b) => b.swing - a.swing || groupOrder(a.group) - groupOrder(b.group) || leverOrder(a.lever) - leverOrder(b.lever));
    }

    const percent = (delta: number, of: number) => (of === 0 ? null : delta / Math.abs(of));
    return {
      grouping,
      horizonYears: horizon,
      discountRate: rate,
      customers: n,
      baseline: baseTotals,
      scenario: scenTotals,
      delta: {
        profit: scenarioProfit - baselineProfit,
        profitPercent: percent(scenarioProfit - baselineProfit, baselineProfit),
        customerEquity: scenTotals.customerEquity - baseTotals.customerEquity,
        customerEquityPercent: percent(scenTotals.customerEquity - baseTotals.customerEquity, baseTotals.customerEquity),
        revenue: scenTotals.revenue - baseTotals.revenue,
        campaignCost: totalCampaign,
      },
      years,
      groups: groupResults,
      strategies,
      tiersAtEnd,
      waterfall: { baseline: baselineProfit, steps, scenario: scenarioProfit },
      tornado,
    };
  }

  return { baseline, compute };
}

/** The projection of a scenario against the baseline (an engine made for one call). */
export function computeWhatIf(baseline: WhatIfBaseline, scenario: Scenario): WhatIfResult {
  return createWhatIfEngine(baseline).compute(scenario);
}

/**
 * Each customer's discounted contribution over the horizon (campaign costs left out): the per-
 * customer customer equity, for the baseline (scenario null) or a scenario. The same formulas as
 * the engine, customer by customer: the sum over customers is the result's customerEquity.
 */
export function customerEquityColumn(baseline: WhatIfBaseline, scenario: Scenario | null, out: Float64Array = new Float64Array(baseline.count)): Float64Array {
  const grouping = scenario?.grouping ?? 'tier';
  const labels = GROUP_LABELS[grouping];
  const horizon = Math.max(1, Math.min(MAX_HORIZON_YEARS, Math.round(finite(scenario?.horizonYears, DEFAULT_HORIZON_YEARS))));
  const rate = Math.max(0, finite(scenario?.discountRate ?? undefined, baseline.discountRate));
  const levers = labels.map((label) => resolveLevers(scenario ? scenario.groups[label] : undefined));
  const none = resolveLevers(undefined);
  const codes = baseline[grouping];
  for (let c = 0; c < baseline.count; c++) {
    const l = levers[codes[c] as number] ?? none;
    const a = baseline.alive[c] as number;
    if (l.drop || !(a > 0)) {
      out[c] = 0;
      continue;
    }
    const r = clamp01((baseline.retention[c] as number) + l.retention);
    const f = atLeastZero(1 + l.frequency);
    const s = atLeastZero(1 + l.spend);
    const k = atLeastZero(1 + l.cost);
    const u = clamp01(l.uptake);
    const revenue = baseline.revenue[c] as number;
    const yearly =
      ((baseline.margin[c] as number) + l.margin * revenue) * f * s +
      u * (baseline.crossSell[c] as number) -
      ((baseline.costToServe[c] as number) - (baseline.orderCost[c] as number) + (baseline.orderCost[c] as number) * f) * k;
    let survivors = a * Math.sqrt(r);
    let total = 0;
    for (let y = 1; y <= horizon; y++) {
      total += (survivors * yearly) / (1 + rate) ** y;
      survivors *= r;
    }
    out[c] = total;
  }
  return out;
}
