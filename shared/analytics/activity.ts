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
import type { CustomerMetrics } from './metrics';
import type { PurchaseOccasions } from './occasions';
import { selectInPlace } from './stats';

/** The given percentile (0–1) of all gaps between consecutive purchase days, in days; null without gaps. */
export function inactivityWindowFromGaps(occasions: PurchaseOccasions, percentile: number): number | null {
  const { offsets, day: days } = occasions;
  const gaps = new Int32Array(days.length);
  let count = 0;
  for (let c = 0; c + 1 < offsets.length; c++) {
    for (let i = (offsets[c] as number) + 1; i < (offsets[c + 1] as number); i++) {
      // Several orders on one day are one day of activity: no gap between them.
      const gap = (days[i] as number) - (days[i - 1] as number);
      if (gap > 0) gaps[count++] = gap;
    }
  }
  if (count === 0) return null;
  // Nearest-rank percentile, found without sorting.
  const rank = Math.min(count - 1, Math.max(0, Math.ceil(percentile * count) - 1));
  return Math.max(1, selectInPlace(gaps, 0, count, rank));
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
export function monthlyChurn(occasions: PurchaseOccasions, window: number, fromDay: number, asOf: number): MonthlyChurn {
  const first = monthIndex(fromDay);
  const last = monthIndex(asOf);
  const monthsCount = last - first + 1;
  // Per month: +1 for each activity start, −1 for each end, to get active counts at month ends.
  const lostPerMonth = new Float64Array(monthsCount);
  const activeDelta = new Float64Array(monthsCount + 1);
  const { offsets, day: days } = occasions;
  const monthEnds = Int32Array.from({ length: monthsCount }, (_, k) => Math.min(asOf, monthStart(first + k + 1) - 1));
  const monthEnd = (month: number) => monthEnds[month - first] ?? Math.min(asOf, monthStart(month + 1) - 1);
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

export function computeActivity(occasions: PurchaseOccasions, metrics: CustomerMetrics, inactivityDays: number, windowMonths: number): ActivitySummary {
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
