/**
 * RFM: recency, frequency and monetary scores 1–5 by quintile among customers who bought
 * (5 = most recent, most orders, highest average order), and the usual named segments from the
 * recency × frequency grid.
 */
import type { CustomerMetrics } from './metrics';

export const RFM_SEGMENTS = ['champions', 'loyal', 'potentialLoyalist', 'new', 'atRisk', 'cantLose', 'hibernating', 'lost'] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** Segment code by recency score (rows, 1..5) and frequency score (columns, 1..5). */
const GRID: readonly (readonly RfmSegment[])[] = [
  /* R=1 */ ['lost', 'lost', 'atRisk', 'cantLose', 'cantLose'],
  /* R=2 */ ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLose'],
  /* R=3 */ ['hibernating', 'hibernating', 'potentialLoyalist', 'loyal', 'loyal'],
  /* R=4 */ ['new', 'potentialLoyalist', 'potentialLoyalist', 'champions', 'champions'],
  /* R=5 */ ['new', 'potentialLoyalist', 'potentialLoyalist', 'champions', 'champions'],
];

export interface RfmScores {
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
  /** Index into RFM_SEGMENTS; 255 for customers without purchases. */
  segment: Uint8Array;
}

/**
 * Quintile scores of `values` over the customers in `members`: a customer's quintile is where the
 * middle of its rank falls, (rank + ½) / count, and tied customers share the middle of their ranks —
 * so ties score alike, and alike whichever way is better (recency ties are not favoured over
 * frequency ties). `higherIsBetter` false scores small values 5.
 */
export function quintileScores(values: ArrayLike<number>, members: Int32Array, higherIsBetter: boolean): Uint8Array {
  const scores = new Uint8Array(values.length);
  const order = Int32Array.from(members).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const count = order.length;
  let rank = 0;
  while (rank < count) {
    let end = rank;
    const value = values[order[rank] as number] as number;
    while (end + 1 < count && values[order[end + 1] as number] === value) end++;
    const middle = (rank + end) / 2 + 0.5;
    const quintile = Math.min(5, Math.floor((middle * 5) / count) + 1);
    const score = higherIsBetter ? quintile : 6 - quintile;
    for (let i = rank; i <= end; i++) scores[order[i] as number] = score;
    rank = end + 1;
  }
  return scores;
}

export function computeRfm(metrics: CustomerMetrics): RfmScores {
  const buyers: number[] = [];
  for (let c = 0; c < metrics.count; c++) if (metrics.hasPurchase[c]) buyers.push(c);
  const members = Int32Array.from(buyers);
  const recency = quintileScores(metrics.recencyDays, members, false);
  const frequency = quintileScores(metrics.orders, members, true);
  const monetary = quintileScores(metrics.averageOrder, members, true);
  const segment = new Uint8Array(metrics.count).fill(255);
  for (const c of buyers) {
    const name = GRID[(recency[c] as number) - 1]?.[(frequency[c] as number) - 1] ?? 'lost';
    segment[c] = RFM_SEGMENTS.indexOf(name);
  }
  return { recency, frequency, monetary, segment };
}
