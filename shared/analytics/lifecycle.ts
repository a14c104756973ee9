/**
 * Lifecycle stage of each customer as of the metrics' analysis date D, and movement between
 * stages (or ladder tiers) from one analysis date to the next (DOMAIN.md "Lifecycle and cohorts").
 * With W the inactivity window in days, the current window (windowStart, D] of metrics.ts and its
 * two halves, the stages are, first match wins:
 * 1. lapsed: recency > W (no purchase in the last W days).
 * 2. new: first purchase at most N = min(W, a quarter of the current window) days before D.
 * 3. wonBack: came back recently after a real lapse — a purchase in the last N days whose gap from
 *    the one before is longer than W + N: the customer had been lapsed (no purchase for W days) for
 *    at least N days more. A gap just over W is one in ten by the window's own definition (W is the
 *    90th percentile of all gaps), not a lapse anyone would call one, and a return a year ago is
 *    not recent.
 * 4. declining: recent-half revenue < 0.8 × earlier-half revenue (earlier half > 0), or current-window
 *    revenue < 0.8 × previous-window revenue (previous window > 0).
 * 5. growing: recent-half revenue > 1.2 × earlier-half revenue (earlier half > 0), or current-window
 *    revenue > 1.2 × previous-window revenue (previous window > 0).
 * 6. stable: otherwise (a plateau, including no comparable history).
 * Customers with no purchase on or before D get NO_STAGE.
 */
import { OccasionScanner } from './occasions';
import { type AnalysisDataset } from './dataset';
import { type CustomerMetrics } from './metrics';

export const LIFECYCLE_STAGES = ['new', 'growing', 'stable', 'declining', 'lapsed', 'wonBack'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Stage code of a customer with no purchase on or before D (not yet acquired). */
export const NO_STAGE = 255;

/** A rise or fall of more than this share between two periods is growth or decline. */
const TREND_BAND = 0.2;

const NEW = LIFECYCLE_STAGES.indexOf('new');
const GROWING = LIFECYCLE_STAGES.indexOf('growing');
const STABLE = LIFECYCLE_STAGES.indexOf('stable');
const DECLINING = LIFECYCLE_STAGES.indexOf('declining');
const LAPSED = LIFECYCLE_STAGES.indexOf('lapsed');
const WON_BACK = LIFECYCLE_STAGES.indexOf('wonBack');

/** Stage code (index into LIFECYCLE_STAGES, NO_STAGE without a purchase) of every customer, by the rules above. */
export function lifecycleStages(dataset: AnalysisDataset, metrics: CustomerMetrics, inactivityDays: number): Uint8Array {
  if (!Number.isFinite(inactivityDays) || inactivityDays <= 0) throw new RangeError('inactivityDays must be a positive number of days');
  if (metrics.count !== dataset.customers.count) throw new RangeError('metrics and dataset describe different customers');
  const n = metrics.count;
  const windowStart = metrics.windowStart;
  const newDays = Math.min(inactivityDays, Math.floor((metrics.asOf - windowStart) / 4));
  const scanner = new OccasionScanner(dataset, metrics.asOf);
  const days = new Int32Array(scanner.maxLines);
  const stages = new Uint8Array(n).fill(NO_STAGE);
  const rise = 1 + TREND_BAND;
  const fall = 1 - TREND_BAND;
  for (let c = 0; c < n; c++) {
    if (!metrics.hasPurchase[c]) continue;
    if ((metrics.recencyDays[c] as number) > inactivityDays) {
      stages[c] = LAPSED;
      continue;
    }
    if ((metrics.tenureDays[c] as number) <= newDays) {
      stages[c] = NEW;
      continue;
    }
    let wonBack = false;
    for (let j = scanner.scan(c, days, 0) - 1; j > 0; j--) {
      const day = days[j] as number;
      if (day < metrics.asOf - newDays) break;
      if (day - (days[j - 1] as number) > inactivityDays + newDays) {
        wonBack = true;
        break;
      }
    }
    if (wonBack) {
      stages[c] = WON_BACK;
      continue;
    }
    const recent = metrics.recentHalfRevenue[c] as number;
    const earlier = metrics.earlierHalfRevenue[c] as number;
    const current = metrics.currentRevenue[c] as number;
    const previous = metrics.previousRevenue[c] as number;
    if ((earlier > 0 && recent < fall * earlier) || (previous > 0 && current < fall * previous)) stages[c] = DECLINING;
    else if ((earlier > 0 && recent > rise * earlier) || (previous > 0 && current > rise * previous)) stages[c] = GROWING;
    else stages[c] = STABLE;
  }
  return stages;
}

/** Counts of customers by code at an earlier date (rows) and a later date (columns). */
export interface MigrationTable {
  /** The codes' labels, then "none" (not acquired, or any code outside the labels). */
  labels: string[];
  /** counts[i][j]: customers in labels[i] at the earlier date and labels[j] at the later one. */
  counts: number[][];
}

/**
 * Migration between two code arrays of the same customers (lifecycle stages, ladder tiers…):
 * counts[from][to], with codes outside 0..labels.length − 1 (e.g. NO_STAGE) and customers missing
 * from the shorter array in the extra last row/column "none"; the total is the number of customers.
 */
export function stageMigration(from: ArrayLike<number>, to: ArrayLike<number>, labels: readonly string[]): MigrationTable {
  const k = labels.length;
  const size = k + 1;
  const flat = new Float64Array(size * size);
  const n = Math.max(from.length, to.length);
  for (let c = 0; c < n; c++) {
    const a = c < from.length ? (from[c] as number) : k;
    const b = c < to.length ? (to[c] as number) : k;
    const row = a >= 0 && a < k && Number.isInteger(a) ? a : k;
    const column = b >= 0 && b < k && Number.isInteger(b) ? b : k;
    const cell = row * size + column;
    flat[cell] = (flat[cell] as number) + 1;
  }
  const counts: number[][] = [];
  for (let r = 0; r < size; r++) counts.push(Array.from(flat.subarray(r * size, (r + 1) * size)));
  return { labels: [...labels, 'none'], counts };
}

/** A flow of a Sankey diagram: `value` customers went from `source` (earlier date) to `target` (later date). */
export interface SankeyLink {
  source: string;
  target: string;
  value: number;
}

/**
 * The non-zero cells of a square migration matrix as Sankey links, row by row; source and target
 * are labels (the same label on both sides names the same group at the two dates).
 */
export function sankeyLinks(matrix: readonly (readonly number[])[], labels: readonly string[]): SankeyLink[] {
  if (matrix.length !== labels.length || matrix.some((row) => row.length !== labels.length)) {
    throw new RangeError('the matrix must be square with one label per row');
  }
  const links: SankeyLink[] = [];
  matrix.forEach((row, i) => {
    row.forEach((value, j) => {
      if (value !== 0) links.push({ source: labels[i] as string, target: labels[j] as string, value });
    });
  });
  return links;
}
