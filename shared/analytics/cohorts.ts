/**
 * Acquisition cohorts (DOMAIN.md "Lifecycle and cohorts"), as of an analysis date D. Definitions:
 * - purchase occasion: as in metrics.ts — an order id's lines, or a customer's lines of one day
 *   without order ids; only occasions with a positive net amount are purchases.
 * - cohort: the month or quarter of a customer's first purchase on or before D. Offset k is the
 *   k-th period after it (k = 0 is the acquisition period); the last offset of every row is D's
 *   period, which is partial unless D is the period's last day.
 * - retention[k]: share of the cohort's customers with a purchase in period k ("active in period k";
 *   a customer may skip periods and come back, so it is not a survival curve).
 * - revenue and margin in period k: every line of the cohort's customers dated in period k (lines
 *   dated before the first purchase, e.g. a lone refund, count in period 0), as totals and per
 *   original customer; cumulative margin per customer is the LTV curve.
 * - lifetime of a customer: last purchase − first purchase + the inactivity window W (they are
 *   counted as lost W days after their last purchase). See CohortLifetime for the two averages.
 */
import type { AnalysisSettings } from '../domain/settings';
import { DAYS_PER_MONTH, periodIndex as periodOfDay, periodLabel } from './calendar';
import { purchaseOccasions, type PurchaseOccasions } from './occasions';
import { NO_CODE, NO_DAY, type AnalysisDataset } from './dataset';

// Module-local copies of the sentinels: the hot loops then read a constant, not an imported binding
// (which a CommonJS transform, as tsx applies in workers and tests, turns into a getter call).
const ABSENT_DAY = NO_DAY;
const ABSENT_CODE = NO_CODE;

export type { CohortPeriod } from './calendar';
import type { CohortPeriod } from './calendar';

const DAYS_PER_YEAR = 365.25;



/**
 * Average customer lifetime, lifetime = last purchase − first purchase + W, over the customers
 * with a purchase on or before D.
 */
export interface CohortLifetime {
  /** Customers averaged (those with a purchase on or before D). */
  customers: number;
  inactivityDays: number;
  /**
   * Observed mean: mean over customers of min(lifetime, D − first purchase). Customers still active
   * count as if they were lost today, so this is a lower bound (0 when no customer bought).
   */
  observedMeanDays: number;
  observedMeanYears: number;
  /**
   * Survival-based mean: area under the Kaplan–Meier survival curve of lifetimes, where a customer
   * still active at D (last purchase + W ≥ D) is censored at D − first purchase. Restricted to the
   * horizon (the longest observed tenure): a lower bound when survivalAtHorizon > 0.
   */
  survivalMeanDays: number;
  survivalMeanYears: number;
  /** Longest observed tenure, D − earliest first purchase, in days. */
  survivalHorizonDays: number;
  /** Kaplan–Meier share of customers still alive at the horizon. */
  survivalAtHorizon: number;
  /** Kaplan–Meier survival k cohort periods after the first purchase (k × 30.44 or 91.31 days), up to the horizon. */
  survival: number[];
}

/** The cohort table: rows = cohorts (oldest first, only periods that acquired someone), columns = offsets 0, 1, … up to D's period. */
export interface CohortTable {
  period: CohortPeriod;
  asOf: number;
  /** "2024-03" or "2024-Q1". */
  labels: string[];
  /** Month index (or quarter index) since 1970 of each cohort. */
  periodIndex: number[];
  /** Customers acquired in each cohort. */
  size: number[];
  /** Customers of the cohort with a purchase in period k. */
  active: number[][];
  /** active / size: share of the cohort with a purchase in period k (1 at k = 0). */
  retention: number[][];
  /** Net revenue of the cohort's customers in period k, total and per original customer. */
  revenue: number[][];
  revenuePerCustomer: number[][];
  /** Gross margin (metrics.lineMargin) in period k, total and per original customer. */
  margin: number[][];
  marginPerCustomer: number[][];
  /** Margin per original customer accumulated over offsets 0..k: the LTV curve. */
  cumulativeMarginPerCustomer: number[][];
  /** True when D is the last day of its period, i.e. the last column of every row is a whole period. */
  lastPeriodComplete: boolean;
  /** Retention pooled over cohorts (Σ active / Σ size) at each offset, using only whole periods. */
  averageRetention: number[];
  lifetime: CohortLifetime;
}

/** Acquisition cohorts as of `asOf` (an epoch day), by the month or quarter of first purchase. */
export function computeCohorts(
  dataset: AnalysisDataset,
  asOf: number,
  settings: Pick<AnalysisSettings, 'cohortPeriod' | 'defaultMarginRate'>,
  inactivityDays: number,
): CohortTable {
  if (!Number.isFinite(inactivityDays) || inactivityDays <= 0) throw new RangeError('inactivityDays must be a positive number of days');
  const w = Math.max(1, Math.round(inactivityDays));
  const period = settings.cohortPeriod;
  const n = dataset.customers.count;
  const tx = dataset.transactions;
  const occ = purchaseOccasions(dataset, asOf);
  const lastPeriod = periodOfDay(asOf, period);

  // The period of every day from the earliest first purchase to D, looked up instead of computed per line.
  let earliest = asOf;
  for (let c = 0; c < n; c++) {
    const from = occ.offsets[c] as number;
    if (from !== (occ.offsets[c + 1] as number) && (occ.day[from] as number) < earliest) earliest = occ.day[from] as number;
  }
  const periodByDay = new Int32Array(asOf - earliest + 1);
  for (let d = 0; d < periodByDay.length; d++) periodByDay[d] = periodOfDay(earliest + d, period);
  const firstPeriod = periodByDay[0] as number;

  // Cohort size by period; rows are the periods that acquired someone, cells stored flat, row r from rowStart[r].
  const span = lastPeriod - firstPeriod + 1;
  const sizeByPeriod = new Int32Array(span);
  for (let c = 0; c < n; c++) {
    const from = occ.offsets[c] as number;
    if (from === (occ.offsets[c + 1] as number)) continue;
    const slot = (periodByDay[(occ.day[from] as number) - earliest] as number) - firstPeriod;
    sizeByPeriod[slot] = (sizeByPeriod[slot] as number) + 1;
  }
  const rowOfSlot = new Int32Array(span).fill(-1);
  const rowPeriods: number[] = [];
  const rowStart: number[] = [0];
  for (let slot = 0; slot < span; slot++) {
    if (sizeByPeriod[slot] === 0) continue;
    rowOfSlot[slot] = rowPeriods.length;
    rowPeriods.push(firstPeriod + slot);
    rowStart.push((rowStart[rowStart.length - 1] as number) + (lastPeriod - (firstPeriod + slot) + 1));
  }
  const cells = rowStart[rowStart.length - 1] as number;
  const active = new Float64Array(cells);
  const revenue = new Float64Array(cells);
  const margin = new Float64Array(cells);

  // One pass over the buyers' occasions and lines (lineMargin inlined: this is the hot loop).
  const txDay = tx.day;
  const txAmount = tx.amount;
  const txCost = tx.cost;
  const txProduct = tx.product;
  const productMargin = dataset.productMargin;
  const marginRate = settings.defaultMarginRate;
  for (let c = 0; c < n; c++) {
    const from = occ.offsets[c] as number;
    const to = occ.offsets[c + 1] as number;
    if (from === to) continue;
    const firstDay = occ.day[from] as number;
    const p = periodByDay[firstDay - earliest] as number;
    const base = (rowStart[rowOfSlot[p - firstPeriod] as number] as number) - p;
    let previous = p - 1;
    for (let j = from; j < to; j++) {
      const q = periodByDay[(occ.day[j] as number) - earliest] as number;
      if (q === previous) continue;
      previous = q;
      active[base + q] = (active[base + q] as number) + 1;
    }
    const lineEnd = occ.lineOffsets[c + 1] as number;
    for (let i = occ.lineOffsets[c] as number; i < lineEnd; i++) {
      const day = txDay[i] as number;
      if (day > asOf) break;
      if (day === ABSENT_DAY) continue;
      // Lines before the first purchase (a lone refund) count in period 0.
      const cell = base + (day < firstDay ? p : (periodByDay[day - earliest] as number));
      const value = txAmount[i] as number;
      const goods = txCost[i] as number;
      let gross: number;
      if (!Number.isNaN(goods)) gross = value - goods;
      else {
        const code = txProduct[i] as number;
        const rate = code === ABSENT_CODE ? Number.NaN : (productMargin[code] ?? Number.NaN);
        gross = value * (Number.isNaN(rate) ? marginRate : rate);
      }
      revenue[cell] = (revenue[cell] as number) + value;
      margin[cell] = (margin[cell] as number) + gross;
    }
  }

  const lastPeriodComplete = periodOfDay(asOf + 1, period) !== lastPeriod;
  const table: CohortTable = {
    period,
    asOf,
    labels: rowPeriods.map((p) => periodLabel(p, period)),
    periodIndex: rowPeriods,
    size: rowPeriods.map((p) => sizeByPeriod[p - firstPeriod] as number),
    active: [],
    retention: [],
    revenue: [],
    revenuePerCustomer: [],
    margin: [],
    marginPerCustomer: [],
    cumulativeMarginPerCustomer: [],
    lastPeriodComplete,
    averageRetention: [],
    lifetime: computeLifetime(occ, n, asOf, w, period),
  };
  const pooledActive: number[] = [];
  const pooledSize: number[] = [];
  for (let r = 0; r < rowPeriods.length; r++) {
    const size = table.size[r] as number;
    const start = rowStart[r] as number;
    const length = (rowStart[r + 1] as number) - start;
    const rowActive = Array.from(active.subarray(start, start + length));
    const rowRevenue = Array.from(revenue.subarray(start, start + length));
    const rowMargin = Array.from(margin.subarray(start, start + length));
    const perCustomerMargin = rowMargin.map((v) => v / size);
    let cumulative = 0;
    table.active.push(rowActive);
    table.retention.push(rowActive.map((v) => v / size));
    table.revenue.push(rowRevenue);
    table.revenuePerCustomer.push(rowRevenue.map((v) => v / size));
    table.margin.push(rowMargin);
    table.marginPerCustomer.push(perCustomerMargin);
    table.cumulativeMarginPerCustomer.push(perCustomerMargin.map((v) => (cumulative += v)));
    const whole = lastPeriodComplete ? length : length - 1;
    for (let k = 0; k < whole; k++) {
      pooledActive[k] = (pooledActive[k] ?? 0) + (rowActive[k] as number);
      pooledSize[k] = (pooledSize[k] ?? 0) + size;
    }
  }
  table.averageRetention = pooledActive.map((v, k) => v / (pooledSize[k] as number));
  return table;
}

/** The two lifetime averages of CohortLifetime, from each customer's first and last purchase occasion. */
function computeLifetime(occ: PurchaseOccasions, n: number, asOf: number, w: number, period: CohortPeriod): CohortLifetime {
  let customers = 0;
  let horizon = 0;
  let cappedSum = 0;
  for (let c = 0; c < n; c++) {
    const from = occ.offsets[c] as number;
    const to = occ.offsets[c + 1] as number;
    if (from === to) continue;
    const first = occ.day[from] as number;
    const observed = asOf - first;
    const lifetime = (occ.day[to - 1] as number) - first + w;
    customers++;
    cappedSum += Math.min(lifetime, observed);
    if (observed > horizon) horizon = observed;
  }
  // Kaplan–Meier by day: events[t] lifetimes ended at t; exits[t] customers leaving the risk set after t.
  const events = new Int32Array(horizon + 1);
  const exits = new Int32Array(horizon + 1);
  for (let c = 0; c < n; c++) {
    const from = occ.offsets[c] as number;
    const to = occ.offsets[c + 1] as number;
    if (from === to) continue;
    const first = occ.day[from] as number;
    const observed = asOf - first;
    const lifetime = (occ.day[to - 1] as number) - first + w;
    if (lifetime < observed) {
      events[lifetime] = (events[lifetime] as number) + 1;
      exits[lifetime] = (exits[lifetime] as number) + 1;
    } else {
      exits[observed] = (exits[observed] as number) + 1;
    }
  }
  // survivalByDay[t] = P(lifetime > t); the restricted mean is Σ_{t < horizon} P(lifetime > t).
  const survivalByDay = new Float64Array(horizon + 1);
  let atRisk = customers;
  let alive = 1;
  let area = 0;
  for (let t = 0; t <= horizon; t++) {
    const e = events[t] as number;
    if (e > 0) alive *= 1 - e / atRisk;
    survivalByDay[t] = alive;
    if (t < horizon) area += alive;
    atRisk -= exits[t] as number;
  }
  const periodDays = period === 'quarter' ? 3 * DAYS_PER_MONTH : DAYS_PER_MONTH;
  const survival: number[] = [];
  if (customers > 0) {
    for (let k = 0; Math.round(k * periodDays) <= horizon; k++) survival.push(survivalByDay[Math.round(k * periodDays)] as number);
  }
  const observedMeanDays = customers > 0 ? cappedSum / customers : 0;
  const survivalMeanDays = customers > 0 ? area : 0;
  return {
    customers,
    inactivityDays: w,
    observedMeanDays,
    observedMeanYears: observedMeanDays / DAYS_PER_YEAR,
    survivalMeanDays,
    survivalMeanYears: survivalMeanDays / DAYS_PER_YEAR,
    survivalHorizonDays: horizon,
    survivalAtHorizon: customers > 0 ? (survivalByDay[horizon] as number) : 0,
    survival,
  };
}
