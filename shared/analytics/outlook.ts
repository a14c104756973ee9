/**
 * What each customer is expected to do next: the one engine behind future profit, CLV, customer
 * equity and its trend, the what-if baseline and the back-test (DOMAIN.md "Projections must hold
 * up"). Three engines, the first the data supports:
 *
 * 1. model (model-outlook.ts): a fitted BG/NBD or Pareto/NBD with Gamma-Gamma — per-customer
 *    P(alive), expected purchases and spend.
 * 2. observed: the observed retention of the customer's own group. A group is a value tier by
 *    current profit (MVC, below zero, the rest) × active or lapsed at the date. Measured from the
 *    data: the customers in each group S months before D (S = the horizon, and 12 for the yearly
 *    figures), and what they did over the S months that followed —
 *      retained      = the share who bought at least once,
 *      orders ratio  = their orders in the S months / Σ their yearly orders before,
 *      revenue ratio = the same for revenue,
 *    where a customer's yearly orders (revenue) = those of the current window × 12 / window months
 *    — never scaled up for a tenure shorter than the window: a new customer's first order is not
 *    a monthly habit — or, with none in the window, the lifetime's per year of tenure (at least a
 *    year). A group of fewer than MIN_GROUP customers borrows the rates of all customers with the
 *    same activity, then of everyone. For a customer in group g:
 *      P(a purchase in the horizon) = retained_g;  purchases = orders ratio_g × yearly orders;
 *      revenue = revenue ratio_g × yearly revenue.
 * 3. churn: too little history to see what a group did S months later (no customer MIN_GROUP
 *    strong S months before D): a customer still buying (1 while active, falling linearly to 0 at
 *    twice the inactivity window) keeps their own yearly figures, with the yearly retention
 *    (1 − the monthly churn)^12.
 *
 * Money: margin = revenue × the customer's own margin rate (gross margin / revenue, else the
 * default); cost to serve = cost per order × purchases + the customer's other service costs per
 * year × the years of the horizon × P(a purchase in it) (the observed and churn engines; the model
 * engine charges the customer's own cost to serve per order). Profit = margin − cost to serve.
 * Future profit discounts each month's share at the monthly rate equivalent to the yearly one; the
 * observed and churn engines spread the horizon over its months as a still-buying customer
 * fades, r^((k − ½)/12) in month k, r the yearly retention.
 *
 * The what-if's yearly basis per customer: the expected purchases, revenue, margin and cost to
 * serve in the first year, the yearly retention r of a customer still buying (model: year-two over
 * year-one purchases; observed: the 12-month retention of the active customers of the customer's
 * value tier; churn: (1 − churn)^12), and alive = P(still buying at D) (model: P(alive); observed:
 * the group's 12-month retention / √r, at most 1, so that alive × r^½ — the what-if's first
 * mid-year survival — is the share that buys in the first year).
 */
import type { AnalysisSettings } from '../domain/settings';
import type { CustomerMetrics } from './metrics';

export const OUTLOOK_ENGINES = ['model', 'observed', 'churn'] as const;
export type OutlookEngine = (typeof OUTLOOK_ENGINES)[number];

/** A group needs this many customers for rates of its own. */
export const MIN_GROUP = 30;

/** Value tiers of the observed groups (codes of profitTiers in ladder.ts: 0 MVC, 2 the rest, 3 below zero). */
export const VALUE_GROUPS = ['mvc', 'other', 'belowZero'] as const;
export type ValueGroup = (typeof VALUE_GROUPS)[number];

/** The model's per-customer columns, kept with a run for exports. */
export interface ModelColumns {
  /** Discounted spend over the horizon (revenue CLV). */
  clv: Float64Array;
  probabilityAlive: Float64Array;
  /** Expected purchases over the horizon. */
  expectedPurchases: Float64Array;
}

export interface CustomerOutlook {
  engine: OutlookEngine;
  horizonMonths: number;
  /** Over the horizon, not discounted: P(at least one purchase), purchases, revenue, contribution. */
  activeChance: Float64Array;
  purchases: Float64Array;
  revenue: Float64Array;
  profit: Float64Array;
  /** Discounted contribution over the horizon: DOMAIN.md's future profit. */
  futureProfit: Float64Array;
  /** The what-if's yearly basis (module comment). */
  alive: Float64Array;
  retention: Float64Array;
  yearPurchases: Float64Array;
  yearRevenue: Float64Array;
  yearMargin: Float64Array;
  yearCost: Float64Array;
  /** Expected revenue of all customers in each month of the horizon. */
  monthlyRevenue: Float64Array;
  model: ModelColumns | null;
}

/** A customer's state at a date, as the engines read it. */
export interface CustomerState {
  metrics: CustomerMetrics;
  /** 1 when active at the date. */
  active: Uint8Array;
  /** Value tier codes (profitTiers in ladder.ts). */
  value: Uint8Array;
  inactivityDays: number;
}

export type OutlookSettings = Pick<AnalysisSettings, 'horizonMonths' | 'discountRateYearly' | 'defaultMarginRate' | 'costPerOrder' | 'currentWindowMonths'>;

/** Monthly rate equivalent to a yearly discount rate. */
export function monthlyDiscountRate(yearly: number): number {
  return (1 + yearly) ** (1 / 12) - 1;
}

/** Empty outlook columns for n customers. */
export function emptyOutlook(engine: OutlookEngine, n: number, horizonMonths: number): CustomerOutlook {
  const column = () => new Float64Array(n);
  return {
    engine,
    horizonMonths,
    activeChance: column(),
    purchases: column(),
    revenue: column(),
    profit: column(),
    futureProfit: column(),
    alive: column(),
    retention: column(),
    yearPurchases: column(),
    yearRevenue: column(),
    yearMargin: column(),
    yearCost: column(),
    monthlyRevenue: new Float64Array(horizonMonths),
    model: null,
  };
}

/** The customer's margin rate: gross margin / revenue over the lifetime, else the default. */
export function marginRateOf(metrics: CustomerMetrics, c: number, defaultRate: number): number {
  const revenue = metrics.revenue[c] as number;
  return revenue > 0 ? (metrics.grossMargin[c] as number) / revenue : defaultRate;
}

/** Yearly orders and revenue from a customer's own history (module comment); 0 without a purchase. */
export function yearlyBase(metrics: CustomerMetrics, c: number, windowMonths: number): { orders: number; revenue: number } {
  if (!metrics.hasPurchase[c]) return { orders: 0, revenue: 0 };
  const current = metrics.currentOrders[c] as number;
  if (current > 0) {
    const scale = 12 / windowMonths;
    return { orders: current * scale, revenue: Math.max(0, metrics.currentRevenue[c] as number) * scale };
  }
  const years = Math.max(1, (metrics.tenureDays[c] as number) / 365.25);
  return { orders: (metrics.orders[c] as number) / years, revenue: Math.max(0, metrics.revenue[c] as number) / years };
}

/** The customer's service costs per year other than the cost per order, from the current window. */
function otherCostPerYear(metrics: CustomerMetrics, c: number, settings: OutlookSettings): number {
  const other = (metrics.currentCostToServe[c] as number) - settings.costPerOrder * (metrics.currentOrders[c] as number);
  return Math.max(0, other) * (12 / settings.currentWindowMonths);
}

// ---------------------------------------------------------------------------------------------
// Observed retention

export interface RetentionGroup {
  value: ValueGroup;
  active: boolean;
  /** Customers in the group S months before D. */
  customers: number;
  /** Whose rates the group uses: its own, those of all customers with its activity, or everyone's. */
  rates: 'own' | 'activity' | 'everyone';
  retained: number;
  ordersRatio: number;
  revenueRatio: number;
}

export interface RetentionTable {
  /** The date the groups were taken at (S months before D), and S. */
  from: number;
  months: number;
  groups: RetentionGroup[];
}

const groupOf = (value: number, active: number) => (value === 0 ? 0 : value === 3 ? 2 : 1) * 2 + (active ? 1 : 0);

/**
 * What the customers of each group at `before` did by `after` (S months later): the observed
 * retention. Null when no customer had bought by `before` in MIN_GROUP numbers.
 */
export function measureRetention(before: CustomerState, after: CustomerMetrics, months: number, windowMonths: number): RetentionTable | null {
  const n = before.metrics.count;
  const customers = new Float64Array(6);
  const retained = new Float64Array(6);
  const orders = new Float64Array(6);
  const baseOrders = new Float64Array(6);
  const revenue = new Float64Array(6);
  const baseRevenue = new Float64Array(6);
  let total = 0;
  for (let c = 0; c < n; c++) {
    if (!before.metrics.hasPurchase[c]) continue;
    const g = groupOf(before.value[c] as number, before.active[c] as number);
    const base = yearlyBase(before.metrics, c, windowMonths);
    customers[g] = (customers[g] as number) + 1;
    if ((after.lastDay[c] as number) > before.metrics.asOf) retained[g] = (retained[g] as number) + 1;
    orders[g] = (orders[g] as number) + (after.orders[c] as number) - (before.metrics.orders[c] as number);
    revenue[g] = (revenue[g] as number) + (after.revenue[c] as number) - (before.metrics.revenue[c] as number);
    baseOrders[g] = (baseOrders[g] as number) + base.orders;
    baseRevenue[g] = (baseRevenue[g] as number) + base.revenue;
    total++;
  }
  if (total < MIN_GROUP) return null;
  const sum = (values: Float64Array, members: number[]) => members.reduce((acc, g) => acc + (values[g] as number), 0);
  const rates = (members: number[]) => {
    const count = sum(customers, members);
    const ordersBase = sum(baseOrders, members);
    const revenueBase = sum(baseRevenue, members);
    return {
      retained: count > 0 ? sum(retained, members) / count : 0,
      ordersRatio: ordersBase > 0 ? sum(orders, members) / ordersBase : 0,
      revenueRatio: revenueBase > 0 ? Math.max(0, sum(revenue, members)) / revenueBase : 0,
    };
  };
  const groups: RetentionGroup[] = [];
  for (let g = 0; g < 6; g++) {
    const active = g % 2 === 1;
    const sameActivity = [0, 1, 2].map((v) => v * 2 + (active ? 1 : 0));
    const own = (customers[g] as number) >= MIN_GROUP;
    const byActivity = sum(customers, sameActivity) >= MIN_GROUP;
    const source = own ? 'own' : byActivity ? 'activity' : 'everyone';
    groups.push({
      value: VALUE_GROUPS[Math.floor(g / 2)] as ValueGroup,
      active,
      customers: customers[g] as number,
      rates: source,
      ...rates(own ? [g] : byActivity ? sameActivity : [0, 1, 2, 3, 4, 5]),
    });
  }
  return { from: before.metrics.asOf, months, groups };
}

/** Weights r^((k − ½)/12) of the horizon's months, normalised to sum 1, and their discounted sum. */
function monthWeights(retention: number, months: number, monthlyDiscount: number, out: Float64Array): number {
  let total = 0;
  for (let k = 1; k <= months; k++) {
    const w = retention > 0 ? retention ** ((k - 0.5) / 12) : k === 1 ? 1 : 0;
    out[k - 1] = w;
    total += w;
  }
  let discounted = 0;
  for (let k = 1; k <= months; k++) {
    const w = total > 0 ? (out[k - 1] as number) / total : 0;
    out[k - 1] = w;
    discounted += w / (1 + monthlyDiscount) ** k;
  }
  return discounted;
}

/**
 * The observed engine: `horizon` measured over the horizon's months, `year` over 12 (the same
 * table when the horizon is 12 months).
 */
export function observedOutlook(state: CustomerState, horizon: RetentionTable, year: RetentionTable, settings: OutlookSettings): CustomerOutlook {
  const { metrics } = state;
  const n = metrics.count;
  const months = settings.horizonMonths;
  const out = emptyOutlook('observed', n, months);
  const monthly = monthlyDiscountRate(settings.discountRateYearly);
  const weights = new Float64Array(months);
  for (let c = 0; c < n; c++) {
    if (!metrics.hasPurchase[c]) continue;
    const g = groupOf(state.value[c] as number, state.active[c] as number);
    const h = horizon.groups[g] as RetentionGroup;
    const y = year.groups[g] as RetentionGroup;
    // Year-over-year retention of one still buying: the active customers of the same value tier.
    const r = (year.groups[g | 1] as RetentionGroup).retained;
    const base = yearlyBase(metrics, c, settings.currentWindowMonths);
    const rate = marginRateOf(metrics, c, settings.defaultMarginRate);
    const other = otherCostPerYear(metrics, c, settings);
    const purchases = h.ordersRatio * base.orders;
    const revenue = h.revenueRatio * base.revenue;
    const profit = revenue * rate - settings.costPerOrder * purchases - other * (months / 12) * h.retained;
    const discounted = monthWeights(r, months, monthly, weights);
    putHorizon(out, c, { activeChance: h.retained, purchases, revenue, profit }, discounted, weights);
    out.retention[c] = r;
    out.alive[c] = r > 0 ? Math.min(1, y.retained / Math.sqrt(r)) : y.retained;
    out.yearPurchases[c] = y.ordersRatio * base.orders;
    out.yearRevenue[c] = y.revenueRatio * base.revenue;
    out.yearMargin[c] = (out.yearRevenue[c] as number) * rate;
    out.yearCost[c] = settings.costPerOrder * (out.yearPurchases[c] as number) + other * y.retained;
  }
  return out;
}

/**
 * A customer's figures over the horizon (observed and churn engines): future profit discounted by
 * the engine's month weights, and the revenue spread over the months by the same weights.
 */
function putHorizon(out: CustomerOutlook, c: number, horizon: { activeChance: number; purchases: number; revenue: number; profit: number }, discounted: number, weights: Float64Array): void {
  out.activeChance[c] = horizon.activeChance;
  out.purchases[c] = horizon.purchases;
  out.revenue[c] = horizon.revenue;
  out.profit[c] = horizon.profit;
  out.futureProfit[c] = horizon.profit * discounted;
  for (let k = 0; k < weights.length; k++) out.monthlyRevenue[k] = (out.monthlyRevenue[k] as number) + horizon.revenue * (weights[k] as number);
}

/** The churn engine (module comment): each customer's own year while still buying, fading with the churn. */
export function churnOutlook(state: CustomerState, monthlyChurn: number | null, settings: OutlookSettings): CustomerOutlook {
  const { metrics } = state;
  const n = metrics.count;
  const months = settings.horizonMonths;
  const out = emptyOutlook('churn', n, months);
  const churn = monthlyChurn === null || !Number.isFinite(monthlyChurn) ? 0 : Math.min(1, Math.max(0, monthlyChurn));
  const r = (1 - churn) ** 12;
  const monthly = monthlyDiscountRate(settings.discountRateYearly);
  const weights = new Float64Array(months);
  const w = state.inactivityDays;
  // Σ r^((k − ½)/12) over the horizon, in years: the still-buying years the horizon holds.
  let years = 0;
  for (let k = 1; k <= months; k++) years += r ** ((k - 0.5) / 12) / 12;
  const discounted = monthWeights(r, months, monthly, weights);
  for (let c = 0; c < n; c++) {
    if (!metrics.hasPurchase[c]) continue;
    const recency = metrics.recencyDays[c] as number;
    const stillBuying = recency <= w ? 1 : Math.max(0, 1 - (recency - w) / w);
    const base = yearlyBase(metrics, c, settings.currentWindowMonths);
    const rate = marginRateOf(metrics, c, settings.defaultMarginRate);
    const other = otherCostPerYear(metrics, c, settings);
    const purchases = stillBuying * years * base.orders;
    const revenue = stillBuying * years * base.revenue;
    const profit = revenue * rate - settings.costPerOrder * purchases - other * years * stillBuying;
    putHorizon(out, c, { activeChance: stillBuying, purchases, revenue, profit }, discounted, weights);
    out.retention[c] = r;
    out.alive[c] = stillBuying;
    const first = stillBuying * Math.sqrt(r);
    out.yearPurchases[c] = first * base.orders;
    out.yearRevenue[c] = first * base.revenue;
    out.yearMargin[c] = (out.yearRevenue[c] as number) * rate;
    out.yearCost[c] = settings.costPerOrder * (out.yearPurchases[c] as number) + other * first;
  }
  return out;
}

/** Σ over the customers in the analysis of the horizon's figures. */
export function outlookTotals(outlook: CustomerOutlook, present: Uint8Array): { activeCustomers: number; purchases: number; revenue: number; profit: number; futureProfit: number } {
  const totals = { activeCustomers: 0, purchases: 0, revenue: 0, profit: 0, futureProfit: 0 };
  for (let c = 0; c < present.length; c++) {
    if (!present[c]) continue;
    totals.activeCustomers += outlook.activeChance[c] as number;
    totals.purchases += outlook.purchases[c] as number;
    totals.revenue += outlook.revenue[c] as number;
    totals.profit += outlook.profit[c] as number;
    totals.futureProfit += outlook.futureProfit[c] as number;
  }
  return totals;
}
