/**
 * The value ladder (DOMAIN.md): customers sorted by current profit.
 * - MVC: the most profitable customers who together bring `mvcProfitShare` (80 %) of the positive profit;
 * - below zero: current profit < 0;
 * - MGC: among the rest, the top `mgcShare` (20 %) by growth potential (future − current profit, > 0);
 * - middle: everyone else in the analysis. Customers with no line (nor service cost) by the analysis date have no tier.
 * The whale curve is the cumulative share of total profit over customers sorted from most to least
 * profitable; the Pareto share is the share of customers in MVC; the Gini is that of profit with
 * losses counted as zero.
 */
export const TIERS = ['mvc', 'mgc', 'middle', 'belowZero'] as const;
export type Tier = (typeof TIERS)[number];
export const NO_TIER = 255;

export interface Ladder {
  /** Index into TIERS per customer; NO_TIER for customers not in the analysis. */
  tier: Uint8Array;
  tiers: Record<Tier, { customers: number; profit: number }>;
  /** Share of the customers in the analysis who are MVC. */
  paretoShare: number;
  gini: number;
  /** Points (customer share, cumulative profit share), both 0–1, at most ~200, with the peak. */
  whaleCurve: { x: number; y: number }[];
  whalePeak: { x: number; y: number };
  totalProfit: number;
  customers: number;
}

/** Gini coefficient of non-negative values (losses as zero): 0 = equal, 1 = one has all. */
export function gini(values: ArrayLike<number>, members: ArrayLike<number>): number {
  const sorted = Float64Array.from({ length: members.length }, (_, i) => Math.max(0, values[members[i] as number] as number)).sort();
  const n = sorted.length;
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += sorted[i] as number;
    weighted += (i + 1) * (sorted[i] as number);
  }
  if (n === 0 || sum === 0) return 0;
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}

/** The customers in the analysis, from the largest value to the smallest (ties by index). */
export function descendingOrder(values: Float64Array, present: Uint8Array): Int32Array {
  const members: number[] = [];
  for (let c = 0; c < values.length; c++) if (present[c]) members.push(c);
  return Int32Array.from(members).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
}

/** What the ladder shows that does not depend on the shares: the whale curve, the Gini, the totals. */
export type LadderShape = Pick<Ladder, 'gini' | 'whaleCurve' | 'whalePeak' | 'totalProfit' | 'customers'>;

/** The whale curve, Gini and totals of the customers in `byProfit` (descendingOrder of profit). */
export function ladderShape(profit: Float64Array, byProfit: Int32Array): LadderShape {
  const order = byProfit;
  const count = order.length;
  let total = 0;
  for (let i = 0; i < count; i++) total += profit[order[i] as number] as number;
  // Whale curve over all present customers, most profitable first.
  const step = Math.max(1, Math.floor(count / 200));
  const whaleCurve: { x: number; y: number }[] = [{ x: 0, y: 0 }];
  let running = 0;
  let peak = { x: 0, y: 0 };
  const share = (value: number) => (total === 0 ? 0 : value / total);
  for (let i = 0; i < count; i++) {
    running += profit[order[i] as number] as number;
    const y = share(running);
    const onCurve = (i + 1) % step === 0 || i === count - 1;
    if (!(y > peak.y) && !onCurve) continue;
    const point = { x: (i + 1) / count, y };
    if (y > peak.y) peak = point;
    if (onCurve) whaleCurve.push(point);
  }
  if (!whaleCurve.some((point) => point.x === peak.x)) {
    whaleCurve.push(peak);
    whaleCurve.sort((a, b) => a.x - b.x);
  }
  return { gini: gini(profit, order), whaleCurve, whalePeak: peak, totalProfit: total, customers: count };
}

/**
 * The ladder from profit and growth potential. The two sort orders can be given (they depend on
 * the data, not on the shares), and the shape with them, so that changing a share costs one pass
 * over the customers.
 */
export function buildLadder(
  profit: Float64Array,
  growth: Float64Array,
  present: Uint8Array,
  settings: { mvcProfitShare: number; mgcShare: number },
  orders: { byProfit: Int32Array; byGrowth: Int32Array; shape?: LadderShape } = { byProfit: descendingOrder(profit, present), byGrowth: descendingOrder(growth, present) },
): Ladder {
  const n = profit.length;
  const order = orders.byProfit;
  const count = order.length;
  const tier = new Uint8Array(n).fill(NO_TIER);
  // Customers and profit per tier index, summed in the order the customers are assigned.
  const tierCustomers = new Int32Array(TIERS.length);
  const tierProfit = new Float64Array(TIERS.length);
  const assign = (c: number, index: number) => {
    tier[c] = index;
    tierCustomers[index] = (tierCustomers[index] as number) + 1;
    tierProfit[index] = (tierProfit[index] as number) + (profit[c] as number);
  };

  let positive = 0;
  for (let i = 0; i < count; i++) {
    const value = profit[order[i] as number] as number;
    if (value > 0) positive += value;
  }
  // MVC: walk down the positive profits until the share is reached (the customer who crosses it is in).
  let cumulative = 0;
  let k = 0;
  const target = settings.mvcProfitShare * positive;
  for (; k < count && positive > 0; k++) {
    const c = order[k] as number;
    if ((profit[c] as number) <= 0 || cumulative >= target) break;
    cumulative += profit[c] as number;
    assign(c, 0);
  }
  let rest = 0;
  for (; k < count; k++) {
    const c = order[k] as number;
    if ((profit[c] as number) < 0) assign(c, 3);
    else rest++;
  }
  // MGC: the top share of the rest by growth potential, when it is positive; everyone else left is middle.
  const mgcCount = Math.round(settings.mgcShare * rest);
  let taken = 0;
  const byGrowth = orders.byGrowth;
  for (let i = 0; i < byGrowth.length; i++) {
    const c = byGrowth[i] as number;
    if (taken === mgcCount || (growth[c] as number) <= 0) break;
    if (tier[c] !== NO_TIER) continue;
    assign(c, 1);
    taken++;
  }
  for (let i = 0; i < count; i++) {
    const c = order[i] as number;
    if (tier[c] === NO_TIER) assign(c, 2);
  }
  const tiers = Object.fromEntries(TIERS.map((name, index) => [name, { customers: tierCustomers[index] as number, profit: tierProfit[index] as number }])) as Ladder['tiers'];
  const shape = orders.shape ?? ladderShape(profit, order);
  return {
    tier,
    tiers,
    paretoShare: count === 0 ? 0 : tiers.mvc.customers / count,
    gini: shape.gini,
    whaleCurve: shape.whaleCurve,
    whalePeak: shape.whalePeak,
    totalProfit: shape.totalProfit,
    customers: shape.customers,
  };
}
