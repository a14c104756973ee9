/**
 * Purchase occasions: an order id, or a customer's day of lines without order ids, kept only when
 * its net amount is positive — the orders metrics.ts counts. Activity, cohorts and lifecycle read
 * them from here.
 */
import { NO_CODE, NO_DAY, offsetsByCustomer, type AnalysisDataset } from './dataset';

// Module-local copies of the sentinels: the hot loops then read a constant, not an imported binding
// (which a CommonJS transform, as tsx applies in workers and tests, turns into a getter call).
const ABSENT_DAY = NO_DAY;
const ABSENT_CODE = NO_CODE;

/** Purchase occasions of every customer on or before D, in day order (columnar). */
export interface PurchaseOccasions {
  count: number;
  /** Occasions of customer c are [offsets[c], offsets[c + 1]). */
  offsets: Int32Array;
  /** Day of each occasion (the day of its first line); non-decreasing within a customer. */
  day: Int32Array;
  /** Transaction rows of customer c are [lineOffsets[c], lineOffsets[c + 1]) (offsetsByCustomer). */
  lineOffsets: Int32Array;
}

/**
 * Finds one customer's purchase occasions on or before `asOf`: an order id, or a customer's day of
 * lines without order ids, kept only when its net amount is positive — the orders metrics.ts
 * counts (except that lines without a day, NO_DAY, are skipped). Reusable across customers
 * without allocating.
 */
export class OccasionScanner {
  /** Transaction rows of customer c are [lineOffsets[c], lineOffsets[c + 1]) (offsetsByCustomer). */
  readonly lineOffsets: Int32Array;
  /** Most lines of any one customer: enough room for their occasions. */
  readonly maxLines: number;
  /** seenBy[order] = the scan that already opened this order id (instead of a Set per customer). */
  private readonly seenBy: Int32Array;
  private scans = 0;

  constructor(
    private readonly dataset: AnalysisDataset,
    private readonly asOf: number,
  ) {
    const tx = dataset.transactions;
    const n = dataset.customers.count;
    this.lineOffsets = offsetsByCustomer(tx.customer, tx.count, n);
    let maxOrder = -1;
    const order = tx.order;
    for (let i = 0; i < tx.count; i++) if ((order[i] as number) > maxOrder) maxOrder = order[i] as number;
    this.seenBy = new Int32Array(maxOrder + 1).fill(-1);
    let maxLines = 0;
    for (let c = 0; c < n; c++) maxLines = Math.max(maxLines, (this.lineOffsets[c + 1] as number) - (this.lineOffsets[c] as number));
    this.maxLines = maxLines;
  }

  /** Writes the days of customer c's occasions, in order, into `out` from index `at`; returns the index after the last. */
  scan(c: number, out: Int32Array, at: number): number {
    const tx = this.dataset.transactions;
    const txDay = tx.day;
    const txOrder = tx.order;
    const txAmount = tx.amount;
    const seenBy = this.seenBy;
    const asOf = this.asOf;
    const stamp = this.scans++;
    const to = this.lineOffsets[c + 1] as number;
    let count = at;
    let open = false;
    let openDay = ABSENT_DAY;
    let openOrder = ABSENT_CODE;
    let openAmount = 0;
    for (let i = this.lineOffsets[c] as number; i < to; i++) {
      const day = txDay[i] as number;
      if (day > asOf) break;
      if (day === ABSENT_DAY) continue;
      const order = txOrder[i] as number;
      const value = txAmount[i] as number;
      if (order === ABSENT_CODE) {
        if (!open || day !== openDay || openOrder !== ABSENT_CODE) {
          if (open && openAmount > 0) out[count++] = openDay;
          open = true;
          openDay = day;
          openOrder = ABSENT_CODE;
          openAmount = 0;
        }
        openAmount += value;
      } else if (seenBy[order] !== stamp) {
        if (open && openAmount > 0) out[count++] = openDay;
        seenBy[order] = stamp;
        open = true;
        openDay = day;
        openOrder = order;
        openAmount = value;
      } else if (open && openOrder === order) {
        openAmount += value;
      }
      // (A later line of an order already closed — a refund against it — changes money, not occasions.)
    }
    if (open && openAmount > 0) out[count++] = openDay;
    return count;
  }
}

/** The purchase occasions (OccasionScanner) of every customer on or before `asOf`, as columns. */
export function purchaseOccasions(dataset: AnalysisDataset, asOf: number): PurchaseOccasions {
  const n = dataset.customers.count;
  const scanner = new OccasionScanner(dataset, asOf);
  const offsets = new Int32Array(n + 1);
  const days = new Int32Array(dataset.transactions.count);
  let count = 0;
  for (let c = 0; c < n; c++) {
    offsets[c] = count;
    count = scanner.scan(c, days, count);
  }
  offsets[n] = count;
  return { count, offsets, day: days.subarray(0, count), lineOffsets: scanner.lineOffsets };
}
