/**
 * Activity and simple lifetime value (DOMAIN.md "Future value and lifetime value"):
 * - inactivity window W: a percentile (default the 90th) of the gaps between consecutive purchase
 *   occasions of all customers, in days (the analyst can set it instead);
 * - active at day X: a purchase in [X − W, X]; lapsed otherwise (once acquired);
 * - churn rate of a month = customers lost in it (their activity ran out) / customers active at the
 *   end of the previous month;
 * - AMPU = contribution in the current window / active customer-months in it;
 * - simple LTV = AMPU / average monthly churn over the current window.
 */
import { addMonths, monthIndex, monthStart } from './calendar';
import { NO_CODE, offsetsByCustomer, type AnalysisDataset } from './dataset';
import type { CustomerMetrics } from './metrics';

/** Purchase occasion days of every customer up to `asOf` (an order id, or a day; positive net amount), in CSR form. */
export interface Occasions {
  offsets: Int32Array;
  days: Int32Array;
}

export function purchaseOccasions(dataset: AnalysisDataset, asOf: number): Occasions {
  const tx = dataset.transactions;
  const n = dataset.customers.count;
  const txOffsets = offsetsByCustomer(tx.customer, tx.count, n);
  const offsets = new Int32Array(n + 1);
  const days = new Int32Array(tx.count);
  let count = 0;
  const amounts = new Map<number, number>();
  for (let c = 0; c < n; c++) {
    offsets[c] = count;
    let i = txOffsets[c] as number;
    const end = txOffsets[c + 1] as number;
    while (i < end) {
      const day = tx.day[i] as number;
      if (day > asOf) break;
      // All lines of this customer's day: occasions are its order ids (or the day itself).
      amounts.clear();
      let dayAmount = 0;
      let hasOrders = false;
      for (; i < end && tx.day[i] === day; i++) {
        const order = tx.order[i] as number;
        const value = tx.amount[i] as number;
        if (order === NO_CODE) dayAmount += value;
        else {
          hasOrders = true;
          amounts.set(order, (amounts.get(order) ?? 0) + value);
        }
      }
      let occasions = dayAmount > 0 ? 1 : 0;
      if (hasOrders) for (const value of amounts.values()) if (value > 0) occasions++;
      // Several orders on one day are one day of activity for gaps and windows.
      if (occasions > 0) days[count++] = day;
    }
  }
  offsets[n] = count;
  return { offsets, days: days.subarray(0, count) };
}

/** The given percentile (0–1) of all gaps between consecutive purchase days, in days; null without gaps. */
export function inactivityWindowFromGaps(occasions: Occasions, percentile: number): number | null {
  const gaps: number[] = [];
  const { offsets, days } = occasions;
  for (let c = 0; c + 1 < offsets.length; c++) {
    for (let i = (offsets[c] as number) + 1; i < (offsets[c + 1] as number); i++) gaps.push((days[i] as number) - (days[i - 1] as number));
  }
  if (gaps.length === 0) return null;
  const sorted = Float64Array.from(gaps).sort();
  // Nearest-rank percentile.
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(percentile * sorted.length) - 1));
  return Math.max(1, sorted[rank] as number);
}

export interface MonthlyChurn {
  /** Month index (see calendar.ts) of each month. */
  months: number[];
  /** Active customers at the end of the month. */
  activeAtEnd: number[];
  /** Customers who lapsed during the month. */
  lost: number[];
  /** lost / active at the end of the previous month (null when none were active). */
  churnRate: (number | null)[];
}

/**
 * Active customers at each month end and customers lost in each month, over the months from
 * `fromDay` to `asOf`. A customer's activity runs from each purchase day d to d + W; when it runs
 * out (d + W + 1 ≤ asOf with no purchase in between), the customer is lost on that day.
 */
export function monthlyChurn(occasions: Occasions, window: number, fromDay: number, asOf: number): MonthlyChurn {
  const first = monthIndex(fromDay);
  const last = monthIndex(asOf);
  const monthsCount = last - first + 1;
  // Per month: +1 for each activity start, −1 for each end, to get active counts at month ends.
  const lostPerMonth = new Float64Array(monthsCount);
  const activeDelta = new Float64Array(monthsCount + 1);
  const { offsets, days } = occasions;
  const monthEnd = (month: number) => Math.min(asOf, monthStart(month + 1) - 1);
  const addInterval = (start: number, end: number) => {
    // Active on [start, end]; count it at the ends of months within that span.
    const startMonth = Math.max(first, monthIndex(start));
    let from = startMonth;
    if (monthEnd(startMonth) < start) from++;
    const endMonth = Math.min(last, monthIndex(end));
    let to = endMonth;
    if (monthEnd(endMonth) > end) to--;
    if (from > to || from - first >= monthsCount || to < first) return;
    activeDelta[from - first] = (activeDelta[from - first] as number) + 1;
    activeDelta[to - first + 1] = (activeDelta[to - first + 1] as number) - 1;
  };
  for (let c = 0; c + 1 < offsets.length; c++) {
    const begin = offsets[c] as number;
    const stop = offsets[c + 1] as number;
    if (begin === stop) continue;
    let runStart = days[begin] as number;
    let runEnd = runStart + window;
    for (let i = begin + 1; i <= stop; i++) {
      const day = i < stop ? (days[i] as number) : Number.POSITIVE_INFINITY;
      if (day <= runEnd + 1) {
        runEnd = day + window;
        continue;
      }
      addInterval(runStart, Math.min(runEnd, asOf));
      const lostDay = runEnd + 1;
      if (lostDay <= asOf && lostDay >= fromDay) {
        const month = monthIndex(lostDay) - first;
        lostPerMonth[month] = (lostPerMonth[month] as number) + 1;
      }
      runStart = day;
      runEnd = day + window;
    }
  }
  const result: MonthlyChurn = { months: [], activeAtEnd: [], lost: [], churnRate: [] };
  let active = 0;
  let previousActive: number | null = null;
  for (let k = 0; k < monthsCount; k++) {
    active += activeDelta[k] as number;
    result.months.push(first + k);
    result.activeAtEnd.push(active);
    result.lost.push(lostPerMonth[k] as number);
    result.churnRate.push(previousActive ? (lostPerMonth[k] as number) / previousActive : null);
    previousActive = active;
  }
  return result;
}

export interface ActivitySummary {
  inactivityDays: number;
  /** 1 when active at the analysis date. */
  active: Uint8Array;
  activeCustomers: number;
  /** Average monthly churn over the current window (null when it cannot be measured). */
  churnRate: number | null;
  /** Contribution per active customer-month in the current window. */
  ampu: number;
  /** AMPU / churn rate; null without churn. */
  simpleLtv: number | null;
  churn: MonthlyChurn;
}

export function computeActivity(occasions: Occasions, metrics: CustomerMetrics, inactivityDays: number, windowMonths: number): ActivitySummary {
  const active = new Uint8Array(metrics.count);
  let activeCustomers = 0;
  for (let c = 0; c < metrics.count; c++) {
    if (metrics.hasPurchase[c] && (metrics.recencyDays[c] as number) <= inactivityDays) {
      active[c] = 1;
      activeCustomers++;
    }
  }
  const fromDay = addMonths(metrics.asOf, -windowMonths - 1);
  const churn = monthlyChurn(occasions, inactivityDays, fromDay, metrics.asOf);
  // The months of the current window: the last `windowMonths` entries.
  const rates = churn.churnRate.slice(-windowMonths).filter((rate): rate is number => rate !== null);
  const churnRate = rates.length > 0 ? rates.reduce((sum, rate) => sum + rate, 0) / rates.length : null;
  let profit = 0;
  for (let c = 0; c < metrics.count; c++) profit += metrics.currentProfit[c] as number;
  const customerMonths = churn.activeAtEnd.slice(-windowMonths - 1, -1).reduce((sum, value) => sum + value, 0);
  const ampu = customerMonths > 0 ? profit / customerMonths : 0;
  return { inactivityDays, active, activeCustomers, churnRate, ampu, simpleLtv: churnRate ? ampu / churnRate : null, churn };
}
