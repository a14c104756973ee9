/**
 * The seven relationship strategies (DOMAIN.md, Persian source), one per customer, decided in
 * this order (the first that applies):
 * 1. Win back — was valuable over their own history (lifetime contribution in the top 20 % of the
 *    positive ones) and has lapsed (not active at D), or, still active, spends less than half of
 *    what they did in the previous window (lapsed partly); or bought before and returned goods
 *    since, with nothing new bought (its window's revenue is below 0): a return is a reason to ask
 *    why, not to let go. Valuable over the lifetime, not over the previous window: with a short
 *    history that window holds a few days, and a customer lapsed for a year has no profit in it;
 * 2. Redesign — loses money now but its gross margin is positive: cost to serve makes the loss;
 * 3. Enhance (develop) — loses money now, gross margin not positive, but future profit is positive;
 * 4. Terminate — negative now and in the future, no sign of potential;
 * 5. Retain — MVC;
 * 6. Enhance — MGC (growth potential);
 * 7. Harvest — everyone else: profitable or idle, no growth potential, invest nothing more.
 * Start is for prospects that look like the best customers (look-alike score), counted separately.
 * Each decision comes with a reason code; the reason is written from the customer's own numbers.
 */
import type { CustomerMetrics } from './metrics';
import { NO_TIER, type Ladder } from './ladder';
import { selectInPlace } from './stats';

export const STRATEGIES = ['retain', 'redesign', 'enhance', 'harvest', 'terminate', 'winBack', 'start'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const NO_STRATEGY = 255;

export const REASONS = [
  'retain.valuable',
  'retain.slipping',
  'redesign.costToServe',
  'enhance.growth',
  'enhance.develop',
  'harvest.noGrowth',
  'harvest.idle',
  'terminate.noPotential',
  'winBack.lapsed',
  'winBack.fell',
  'winBack.returned',
] as const;
export type Reason = (typeof REASONS)[number];

export interface StrategyResult {
  strategy: Uint8Array;
  reason: Uint8Array;
  counts: Record<Strategy, number>;
}

const index = <T extends readonly string[]>(list: T, value: T[number]) => list.indexOf(value);

/** The strategy each reason belongs to (a reason's name starts with its strategy's). */
const STRATEGY_OF_REASON = Uint8Array.from(REASONS, (reason) => STRATEGIES.indexOf(reason.slice(0, reason.indexOf('.')) as Strategy));
const RETAIN_VALUABLE = index(REASONS, 'retain.valuable');
const RETAIN_SLIPPING = index(REASONS, 'retain.slipping');
const ENHANCE_GROWTH = index(REASONS, 'enhance.growth');
const HARVEST_NO_GROWTH = index(REASONS, 'harvest.noGrowth');
const HARVEST_IDLE = index(REASONS, 'harvest.idle');
/** A basis at or above this leaves the decision to the tier; bit 0: slipping, bit 1: profitable. */
const BY_TIER = 16;

/**
 * The part of the decision that does not depend on the ladder, per customer: the reason index when
 * rules 1–4 decide, else BY_TIER with whether the customer is slipping and profitable. Changing a
 * ladder share then re-runs only the pass over the tiers.
 */
export function strategyBasis(metrics: CustomerMetrics, future: Float64Array, active: Uint8Array): Uint8Array {
  const n = metrics.count;
  const basis = new Uint8Array(n);
  // "Valuable over their history": in the top 20 % of positive lifetime contributions (the value ranked ⌈20 %⌉ from the top).
  const lifetime = metrics.contribution.filter((value, c) => value > 0 && metrics.present[c] === 1);
  const top = Math.max(1, Math.ceil(lifetime.length * 0.2));
  const valuable = lifetime.length > 0 ? selectInPlace(lifetime, 0, lifetime.length, lifetime.length - top) : Number.POSITIVE_INFINITY;
  const { currentProfit, currentMargin, contribution, currentRevenue, previousRevenue, recentHalfRevenue, earlierHalfRevenue } = metrics;
  for (let c = 0; c < n; c++) {
    const profit = currentProfit[c] as number;
    const margin = currentMargin[c] as number;
    const wasValuable = (contribution[c] as number) >= valuable;
    const fell = (currentRevenue[c] as number) < 0.5 * (previousRevenue[c] as number);
    let decided: Reason | null = null;
    if (wasValuable && (!active[c] || fell)) decided = active[c] ? 'winBack.fell' : 'winBack.lapsed';
    else if ((currentRevenue[c] as number) < 0 && (previousRevenue[c] as number) > 0) decided = 'winBack.returned';
    else if (profit < 0 && margin > 0) decided = 'redesign.costToServe';
    else if (profit < 0 && (future[c] as number) > 0) decided = 'enhance.develop';
    else if (profit < 0) decided = 'terminate.noPotential';
    if (decided !== null) {
      basis[c] = index(REASONS, decided);
      continue;
    }
    const slipping = !active[c] || (recentHalfRevenue[c] as number) < 0.8 * (earlierHalfRevenue[c] as number);
    basis[c] = BY_TIER + (slipping ? 1 : 0) + (profit > 0 ? 2 : 0);
  }
  return basis;
}

/** Strategies from the ladder; `basis` (strategyBasis of the same metrics, future and activity) can be given. */
export function assignStrategies(
  metrics: CustomerMetrics,
  ladder: Pick<Ladder, 'tier'>,
  future: Float64Array,
  active: Uint8Array,
  startProspects: number,
  basis: Uint8Array = strategyBasis(metrics, future, active),
): StrategyResult {
  const n = metrics.count;
  const strategy = new Uint8Array(n).fill(NO_STRATEGY);
  const reason = new Uint8Array(n).fill(255);
  const perStrategy = new Int32Array(STRATEGIES.length);
  const tier = ladder.tier;
  for (let c = 0; c < n; c++) {
    const t = tier[c] as number;
    if (t === NO_TIER) continue;
    const b = basis[c] as number;
    let why: number;
    if (b < BY_TIER) why = b;
    else if (t === 0) why = b & 1 ? RETAIN_SLIPPING : RETAIN_VALUABLE;
    else if (t === 1) why = ENHANCE_GROWTH;
    else why = b & 2 ? HARVEST_NO_GROWTH : HARVEST_IDLE;
    const which = STRATEGY_OF_REASON[why] as number;
    strategy[c] = which;
    reason[c] = why;
    perStrategy[which] = (perStrategy[which] as number) + 1;
  }
  const counts = Object.fromEntries(STRATEGIES.map((name, k) => [name, perStrategy[k] as number])) as Record<Strategy, number>;
  counts.start = startProspects;
  return { strategy, reason, counts };
}

/** The numbers a reason is written from. */
export interface ReasonValues {
  profit: number;
  margin: number;
  costToServe: number;
  future: number;
  recencyDays: number;
  inactivityDays: number;
  /** Contribution over the customer's whole history. */
  lifetimeProfit: number;
  previousRevenue: number;
  revenue: number;
  recentRevenue: number;
  earlierRevenue: number;
  months: number;
}

/** How a reason's numbers are written: counts, money, and money with its sign. */
export interface ReasonFormats {
  integer(value: number): string;
  money(value: number): string;
  signedMoney(value: number): string;
}

const REASON_COUNTS = new Set<keyof ReasonValues>(['recencyDays', 'inactivityDays', 'months']);
const REASON_SIGNED = new Set<keyof ReasonValues>(['profit', 'margin', 'future', 'lifetimeProfit']);

/**
 * The placeholders of a reason sentence in a catalogue ({{profit}}, {{months}}, … and {{refund}}, the
 * returns said as an amount given back), from the customer's numbers; a missing number is "—".
 */
export function reasonParams(values: Partial<Record<keyof ReasonValues, number>>, f: ReasonFormats): Record<string, string> {
  const params: Record<string, string> = {};
  const names: (keyof ReasonValues)[] = ['profit', 'margin', 'costToServe', 'future', 'recencyDays', 'inactivityDays', 'lifetimeProfit', 'previousRevenue', 'revenue', 'recentRevenue', 'earlierRevenue', 'months'];
  for (const name of names) {
    const value = values[name];
    params[name] = typeof value !== 'number' || !Number.isFinite(value) ? '—' : REASON_COUNTS.has(name) ? f.integer(value) : REASON_SIGNED.has(name) ? f.signedMoney(value) : f.money(value);
  }
  const revenue = values.revenue;
  params.refund = typeof revenue === 'number' && Number.isFinite(revenue) ? f.money(-revenue) : '—';
  return params;
}

/** The reason in English words (CLI and CSV exports; the app and the report use their catalogues). */
export function describeReason(reason: Reason, v: ReasonValues, money: (value: number) => string = (value) => value.toFixed(2)): string {
  const signed = (value: number) => `${value > 0 ? '+' : ''}${money(value)}`;
  switch (reason) {
    case 'retain.valuable':
      return `profit ${signed(v.profit)} over ${v.months} months, among the customers who bring most of the profit → Retain`;
    case 'retain.slipping':
      return `profit ${signed(v.profit)} over ${v.months} months, but revenue is slipping (${money(v.recentRevenue)} in the last half vs ${money(v.earlierRevenue)} before) → Retain`;
    case 'redesign.costToServe':
      return `profit ${signed(v.profit)} over ${v.months} months; gross margin ${signed(v.margin)}, cost to serve ${money(v.costToServe)} → Redesign`;
    case 'enhance.growth':
      return `expected profit ${signed(v.future)} vs ${signed(v.profit)} over the last ${v.months} months: room to grow → Enhance`;
    case 'enhance.develop':
      return `profit ${signed(v.profit)} now but ${signed(v.future)} expected → Enhance (develop)`;
    case 'harvest.noGrowth':
      return `profit ${signed(v.profit)} over ${v.months} months, no growth expected (${signed(v.future)}) → Harvest`;
    case 'harvest.idle':
      return `no profit over ${v.months} months (${signed(v.profit)}), no growth expected → Harvest`;
    case 'terminate.noPotential':
      return `profit ${signed(v.profit)} now and ${signed(v.future)} expected; gross margin ${signed(v.margin)} → Terminate`;
    case 'winBack.lapsed':
      return `last purchase ${v.recencyDays} days ago (inactive after ${v.inactivityDays}); profit ${signed(v.lifetimeProfit)} over their history, among the most valuable → Win back`;
    case 'winBack.fell':
      return `revenue fell from ${money(v.previousRevenue)} to ${money(v.revenue)} over ${v.months} months; profit ${signed(v.lifetimeProfit)} over their history, among the most valuable → Win back`;
    case 'winBack.returned':
      return `returns of ${money(-v.revenue)} and no new purchase over ${v.months} months, after ${money(v.previousRevenue)} bought before → Win back (ask why)`;
  }
}
