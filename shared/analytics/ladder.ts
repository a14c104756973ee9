/**
 * The value ladder (DOMAIN.md): customers sorted by current profit.
 * - MVC: the most profitable customers who together bring `mvcProfitShare` (80 %) of the positive profit;
 * - below zero: current profit < 0;
 * - MGC: among the rest, the top `mgcShare` (20 %) by growth potential (future − current profit), when
 *   it is at least `minGrowth` and above 0 — the analysis asks for one average order's profit, so
 *   that the crumbs a model expects of long-lapsed customers do not count as room to grow;
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
  let count = 0;
  let nan = false;
  for (let c = 0; c < values.length; c++) {
    if (!present[c]) continue;
    count++;
    if (Number.isNaN(values[c])) nan = true;
  }
  const members = new Int32Array(count);
  let k = 0;
  for (let c = 0; c < values.length; c++) if (present[c]) members[k++] = c;
  // NaN compares as equal to everything here: keep the comparison sort's exact behaviour then.
  if (nan) return members.sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
  return radixDescending(values, members);
}

/**
 * `members` (in ascending order) sorted by value descending, ties by index: a stable LSD radix sort
 * on the values' bits, four 16-bit digits — the order the comparison sort gives for values without NaN
 * (−0 and +0 are equal there, so −0 is counted as +0).
 */
function radixDescending(values: Float64Array, members: Int32Array): Int32Array {
  const m = members.length;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  // Keys that sort ascending in the order wanted: the IEEE bits made monotonic, then inverted.
  const hi = new Uint32Array(m);
  const lo = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    bits[0] = (values[members[i] as number] as number) + 0;
    let h = words[1] as number;
    let l = words[0] as number;
    if (h >>> 31) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[i] = ~h >>> 0;
    lo[i] = ~l >>> 0;
  }
  let order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  let next = new Int32Array(m);
  const counts = new Int32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < m; i++) {
      const digit = (((key[i] as number) >>> shift) & 0xffff) + 1;
      counts[digit] = (counts[digit] as number) + 1;
    }
    // A digit all keys share leaves the order as it is.
    let single = false;
    for (let d = 1; d <= 65536; d++) {
      if (counts[d] === m) single = true;
      if ((counts[d] as number) !== 0) break;
    }
    if (single) continue;
    for (let d = 1; d <= 65536; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
    for (let i = 0; i < m; i++) {
      const at = order[i] as number;
      const digit = ((key[at] as number) >>> shift) & 0xffff;
      next[counts[digit] as number] = at;
      counts[digit] = (counts[digit] as number) + 1;
    }
    const swap = order;
    order = next;
    next = swap;
  }
  for (let i = 0; i < m; i++) order[i] = members[order[i] as number] as number;
  return order;
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
  settings: { mvcProfitShare: number; mgcShare: number; minGrowth?: number },
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
  // MGC: the top share of the rest by growth potential, when it is enough; everyone else left is middle.
  const mgcCount = Math.round(settings.mgcShare * rest);
  const minGrowth = settings.minGrowth ?? 0;
  let taken = 0;
  const byGrowth = orders.byGrowth;
  for (let i = 0; i < byGrowth.length; i++) {
    const c = byGrowth[i] as number;
    if (taken === mgcCount || (growth[c] as number) <= 0 || (growth[c] as number) < minGrowth) break;
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

/**
 * The tiers current profit alone decides — MVC, below zero, and the rest as middle (no MGC, which
 * needs future profit): what the outlook's observed groups are made of (outlook.ts).
 */
export function profitTiers(profit: Float64Array, present: Uint8Array, mvcProfitShare: number, byProfit: Int32Array = descendingOrder(profit, present)): Uint8Array {
  return buildLadder(profit, profit, present, { mvcProfitShare, mgcShare: 0 }, { byProfit, byGrowth: new Int32Array(0), shape: NO_SHAPE }).tier;
}

/** A shape for ladders whose shape is not wanted (profitTiers). */
const NO_SHAPE: LadderShape = { gini: 0, whaleCurve: [], whalePeak: { x: 0, y: 0 }, totalProfit: 0, customers: 0 };
