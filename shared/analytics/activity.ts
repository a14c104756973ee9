/**
 * Activity and simple lifetime value (DOMAIN.md "Future value and lifetime value"):
 * - inactivity window W: a percentile (default the 90th) of the gaps between consecutive purchase
 *   occasions of all customers, in days (the analyst can set it instead);
 * - active at day X: a purchase in [X − W, X]; lapsed otherwise (once acquired);
 * - churn rate of a month = customers lost in it / customers active at the end of the previous
 *   month, where lost = active at the previous month end and not at this one. Only whole months
 *   count: the analysis date's month is part of one unless D is its last day; and a month that
 *   ends before anyone could have lapsed (the first purchase in the data + W + 1 days) would show
 *   0 % churn for want of history, not for loyalty, so it is left out;
 * - the monthly churn = the average over the current window's whole months: the `window` calendar
 *   months ending with the last whole month at D;
 * - AMPU = contribution in the current window / active customer-months in it (the customers active
 *   at the start of each of the window's months);
 * - simple LTV = AMPU / monthly churn.
 */
import { monthIndex, monthStart } from './calendar';
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
  /** Active customers at the end of the month (at D for the analysis date's own month). */
  activeAtEnd: number[];
  /** Customers active at the end of the previous month and not at the end of this one. */
  lost: number[];
  /**
   * lost / active at the end of the previous month; null when it is not a month's churn: the first
   * month (no previous end), the analysis date's month unless D is its last day (part of a month),
   * a month that ends before anyone could have lapsed (the first purchase + W + 1 days), or no one
   * active at the previous end.
   */
  churnRate: (number | null)[];
}

/**
 * Active customers at each month end and customers lost in each month, over the months from
 * `fromDay`'s to `asOf`'s. A customer's activity runs from each purchase day d to d + W; a customer
 * is active at a month end inside such a run. Lost in a month = active at the previous month end,
 * not at this one (a customer who lapses and returns within a month is not lost).
 */
export function monthlyChurn(occasions: PurchaseOccasions, window: number, fromDay: number, asOf: number): MonthlyChurn {
  const first = monthIndex(fromDay);
  const last = monthIndex(asOf);
  const monthsCount = last - first + 1;
  const lostPerMonth = new Float64Array(monthsCount + 1);
  // Per month: +1 where a run of activity starts covering month ends, −1 after the last it covers.
  const activeDelta = new Float64Array(monthsCount + 1);
  const { offsets, day: days } = occasions;
  const monthEnds = Int32Array.from({ length: monthsCount }, (_, k) => Math.min(asOf, monthStart(first + k + 1) - 1));
  let firstPurchase = Number.POSITIVE_INFINITY;
  for (let c = 0; c + 1 < offsets.length; c++) {
    const begin = offsets[c] as number;
    const stop = offsets[c + 1] as number;
    if (begin === stop) continue;
    firstPurchase = Math.min(firstPurchase, days[begin] as number);
    // Month ends covered by the previous run (its last index), to tell a lapse across a month end.
    let previousTo = -1;
    let runStart = days[begin] as number;
    let runEnd = runStart + window;
    for (let i = begin + 1; i <= stop; i++) {
      const day = i < stop ? (days[i] as number) : Number.POSITIVE_INFINITY;
      if (day <= runEnd + 1) {
        runEnd = day + window;
        continue;
      }
      // The run [runStart, runEnd] covers the month ends from `from` to `to` (indexes).
      let from = Math.max(0, monthIndex(runStart) - first);
      if (from < monthsCount && (monthEnds[from] as number) < runStart) from++;
      let to = Math.min(monthsCount - 1, monthIndex(Math.min(runEnd, asOf)) - first);
      if (to >= 0 && (monthEnds[to] as number) > runEnd) to--;
      if (from <= to && from < monthsCount && to >= 0) {
        activeDelta[from] = (activeDelta[from] as number) + 1;
        activeDelta[to + 1] = (activeDelta[to + 1] as number) - 1;
        if (previousTo >= 0 && from !== previousTo + 1) lostPerMonth[previousTo + 1] = (lostPerMonth[previousTo + 1] as number) + 1;
        previousTo = to;
      }
      runStart = day;
      runEnd = day + window;
    }
    if (previousTo >= 0) lostPerMonth[previousTo + 1] = (lostPerMonth[previousTo + 1] as number) + 1;
  }
  const firstLapse = firstPurchase + window + 1;
  const partialLast = asOf !== monthStart(last + 1) - 1;
  const result: MonthlyChurn = { months: [], activeAtEnd: [], lost: [], churnRate: [] };
  let active = 0;
  let previousActive = 0;
  for (let k = 0; k < monthsCount; k++) {
    active += activeDelta[k] as number;
    result.months.push(first + k);
    result.activeAtEnd.push(active);
    const lost = lostPerMonth[k] as number;
    result.lost.push(lost);
    const measurable = k > 0 && previousActive > 0 && (monthEnds[k] as number) >= firstLapse && !(k === monthsCount - 1 && partialLast);
    result.churnRate.push(measurable ? lost / previousActive : null);
    previousActive = active;
  }
  return result;
}

export interface ActivitySummary {
  inactivityDays: number;
  /** 1 when active at the analysis date. */
  active: Uint8Array;
  activeCustomers: number;
  /** Average monthly churn over the current window's whole months (null when none could be measured). */
  churnRate: number | null;
  /** Contribution per active customer-month in the current window. */
  ampu: number;
  /** AMPU / churn rate; null without churn. */
  simpleLtv: number | null;
  churn: MonthlyChurn;
  /** Index in `churn` of the current window's first month (the months before it only give a previous month end). */
  windowFrom: number;
}

/**
 * The current window's months for churn: the `windowMonths` whole calendar months ending with the
 * last one complete at D (D's own month when D is its last day), plus D's month when it is not.
 */
export function computeActivity(occasions: PurchaseOccasions, metrics: CustomerMetrics, inactivityDays: number, windowMonths: number): ActivitySummary {
  const active = new Uint8Array(metrics.count);
  let activeCustomers = 0;
  for (let c = 0; c < metrics.count; c++) {
    if (metrics.hasPurchase[c] && (metrics.recencyDays[c] as number) <= inactivityDays) {
      active[c] = 1;
      activeCustomers++;
    }
  }
  const asOf = metrics.asOf;
  const lastWhole = monthIndex(asOf + 1) - 1;
  const fromDay = monthStart(lastWhole - windowMonths);
  const churn = monthlyChurn(occasions, inactivityDays, fromDay, asOf);
  const windowFrom = 1;
  const windowEnd = windowFrom + windowMonths;
  const rates = churn.churnRate.slice(windowFrom, windowEnd).filter((rate): rate is number => rate !== null);
  const churnRate = rates.length > 0 ? rates.reduce((sum, rate) => sum + rate, 0) / rates.length : null;
  let profit = 0;
  for (let c = 0; c < metrics.count; c++) profit += metrics.currentProfit[c] as number;
  // Customer-months: the customers active at the start of each of the window's months.
  const customerMonths = churn.activeAtEnd.slice(windowFrom - 1, windowEnd - 1).reduce((sum, value) => sum + value, 0);
  const ampu = customerMonths > 0 ? profit / customerMonths : 0;
  return { inactivityDays, active, activeCustomers, churnRate, ampu, simpleLtv: churnRate ? ampu / churnRate : null, churn, windowFrom };
}
