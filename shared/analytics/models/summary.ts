/**
 * The RFM summary the customer-base models are fitted on, from transactions in columns.
 *
 * Definitions (per customer, with purchases on the same day counted as one transaction):
 * - first purchase day d₀; customers with d₀ after the calibration end are excluded (`included` = 0);
 * - frequency x = number of REPEAT transactions in the calibration period [d₀, calibration end];
 * - recency t_x = (day of the last calibration transaction − d₀) / unit (0 when x = 0);
 * - age T = (calibration end − d₀) / unit;
 * - monetary value = mean spend of the repeat transactions (a transaction's spend is the sum of its
 *   day's amounts), 0 when x = 0;
 * - holdout frequency = number of transactions in (calibration end, observation end].
 * Times use exact day differences divided by the unit's length in days (week = 7, month = 365.25/12).
 */

/** Unit in which times (t_x, T, model parameters) are measured. */
export type TimeUnit = 'day' | 'week' | 'month';

/** Length of a time unit in days. */
export const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7, month: 365.25 / 12 };

/** Marks "no purchase" in day columns. */
export const NO_DAY = -2147483648;

/** Transactions in columns: row i is a purchase by `customer[i]` (0 … customerCount−1) on epoch day `day[i]` for `amount[i]`. */
export interface TransactionColumns {
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  customerCount: number;
}

/** Periods of the summary. */
export interface SummaryOptions {
  unit: TimeUnit;
  /** Last epoch day of the calibration period (inclusive). */
  calibrationEnd: number;
  /** Last epoch day observed (inclusive); the holdout is (calibrationEnd, observationEnd]. Defaults to calibrationEnd (no holdout). */
  observationEnd?: number;
}

/** Per-customer RFM summary (arrays indexed like the transaction columns' customers). */
export interface RfmSummary {
  customerCount: number;
  unit: TimeUnit;
  unitDays: number;
  calibrationEnd: number;
  observationEnd: number;
  /** Length of the holdout period in units. */
  holdoutLength: number;
  /** 1 when the customer's first purchase is on or before the calibration end. */
  included: Uint8Array;
  includedCount: number;
  /** Customers with at least one repeat transaction in the calibration period. */
  repeatCount: number;
  /** Epoch day of the first purchase (NO_DAY when none up to the observation end). */
  firstDay: Int32Array;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
  /** Spend of the first transaction (its whole day). */
  firstSpend: Float64Array;
  holdoutFrequency: Float64Array;
  holdoutSpend: Float64Array;
  /**
   * Repeat transactions of included customers per day, for tracking plots: entry k counts day
   * `dayOrigin + k`, from the earliest first purchase to the observation end.
   */
  repeatsByDay: Float64Array;
  dayOrigin: number;
}

function isSortedByCustomerDay(customer: Int32Array, day: Int32Array): boolean {
  for (let i = 1; i < customer.length; i++) {
    const c0 = customer[i - 1] as number;
    const c1 = customer[i] as number;
    if (c1 < c0 || (c1 === c0 && (day[i] as number) < (day[i - 1] as number))) return false;
  }
  return true;
}

/** Row order sorted by (customer, day): two stable counting sorts (day, then customer). */
function sortOrder(customer: Int32Array, day: Int32Array, customerCount: number): Int32Array {
  const n = customer.length;
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const d = day[i] as number;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const byDay = new Int32Array(n);
  const range = maxDay - minDay + 1;
  if (range <= 4 * n + 65536) {
    const counts = new Int32Array(range + 1);
    for (let i = 0; i < n; i++) {
      const k = (day[i] as number) - minDay + 1;
      counts[k] = (counts[k] as number) + 1;
    }
    for (let k = 1; k <= range; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
    for (let i = 0; i < n; i++) {
      const k = (day[i] as number) - minDay;
      const at = counts[k] as number;
      counts[k] = at + 1;
      byDay[at] = i;
    }
  } else {
    for (let i = 0; i < n; i++) byDay[i] = i;
    byDay.sort((i, j) => (day[i] as number) - (day[j] as number) || i - j);
  }
  const counts = new Int32Array(customerCount + 1);
  for (let i = 0; i < n; i++) {
    const k = (customer[i] as number) + 1;
    counts[k] = (counts[k] as number) + 1;
  }
  for (let k = 1; k <= customerCount; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = byDay[j] as number;
    const c = customer[i] as number;
    const at = counts[c] as number;
    counts[c] = at + 1;
    order[at] = i;
  }
  return order;
}

/** The RFM summary of every customer (see the file comment for the definitions). Throws RangeError on invalid input. */
export function rfmSummary(tx: TransactionColumns, options: SummaryOptions): RfmSummary {
  const { customer, day, amount, customerCount } = tx;
  const n = customer.length;
  if (day.length !== n || amount.length !== n) throw new RangeError('customer, day and amount columns must have the same length');
  const calibrationEnd = options.calibrationEnd;
  const observationEnd = options.observationEnd ?? calibrationEnd;
  if (!Number.isInteger(calibrationEnd) || !Number.isInteger(observationEnd)) throw new RangeError('calibration and observation ends must be epoch days');
  if (observationEnd < calibrationEnd) throw new RangeError('the observation end must not be before the calibration end');
  const unitDays = UNIT_DAYS[options.unit];
  if (unitDays === undefined) throw new RangeError(`unknown time unit ${String(options.unit)}`);
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    if (c < 0 || c >= customerCount) throw new RangeError(`row ${i}: customer index ${c} is outside 0…${customerCount - 1}`);
    if (!Number.isFinite(amount[i] as number)) throw new RangeError(`row ${i}: the amount is not a number`);
  }

  const order = isSortedByCustomerDay(customer, day) ? null : sortOrder(customer, day, customerCount);

  const included = new Uint8Array(customerCount);
  const firstDay = new Int32Array(customerCount).fill(NO_DAY);
  const frequency = new Float64Array(customerCount);
  const recency = new Float64Array(customerCount);
  const T = new Float64Array(customerCount);
  const monetary = new Float64Array(customerCount);
  const firstSpend = new Float64Array(customerCount);
  const holdoutFrequency = new Float64Array(customerCount);
  const holdoutSpend = new Float64Array(customerCount);

  // Earliest first purchase among included customers, for the per-day repeat counts.
  let origin = calibrationEnd;
  for (let i = 0; i < n; i++) {
    const d = day[i] as number;
    if (d < origin) origin = d;
  }
  const repeatsByDay = new Float64Array(observationEnd - origin + 1);

  let includedCount = 0;
  let repeatCount = 0;
  let k = 0;
  while (k < n) {
    const row0 = order ? (order[k] as number) : k;
    const c = customer[row0] as number;
    const d0 = day[row0] as number;
    let x = 0;
    let last = d0;
    let prev = NO_DAY;
    let first = 0;
    let repeatSpend = 0;
    let hx = 0;
    let hSpend = 0;
    for (; k < n; k++) {
      const row = order ? (order[k] as number) : k;
      if ((customer[row] as number) !== c) break;
      const d = day[row] as number;
      if (d > observationEnd || d0 > calibrationEnd) continue;
      const a = amount[row] as number;
      const newDay = d !== prev;
      prev = d;
      if (d <= calibrationEnd) {
        if (d === d0) {
          first += a;
        } else {
          if (newDay) {
            x++;
            last = d;
            repeatsByDay[d - origin] = (repeatsByDay[d - origin] as number) + 1;
          }
          repeatSpend += a;
        }
      } else {
        if (newDay) {
          hx++;
          repeatsByDay[d - origin] = (repeatsByDay[d - origin] as number) + 1;
        }
        hSpend += a;
      }
    }
    if (d0 <= observationEnd) firstDay[c] = d0;
    if (d0 > calibrationEnd) continue;
    included[c] = 1;
    includedCount++;
    if (x > 0) repeatCount++;
    frequency[c] = x;
    recency[c] = (last - d0) / unitDays;
    T[c] = (calibrationEnd - d0) / unitDays;
    monetary[c] = x > 0 ? repeatSpend / x : 0;
    firstSpend[c] = first;
    holdoutFrequency[c] = hx;
    holdoutSpend[c] = hSpend;
  }

  return {
    customerCount,
    unit: options.unit,
    unitDays,
    calibrationEnd,
    observationEnd,
    holdoutLength: (observationEnd - calibrationEnd) / unitDays,
    included,
    includedCount,
    repeatCount,
    firstDay,
    frequency,
    recency,
    T,
    monetary,
    firstSpend,
    holdoutFrequency,
    holdoutSpend,
    repeatsByDay,
    dayOrigin: origin,
  };
}
