/**
 * Customers with identical (x, t_x, T) contribute identical likelihood terms and predictions, so
 * the models work on weighted unique rows: the likelihood is Σ_rows w · ℓ(x, t_x, T), and
 * per-customer results are expanded back through `rowOf`. Rows are sorted by x, then T, then t_x,
 * so that terms depending only on x (or on x and T) are computed once per group.
 */
import type { RfmSummary } from './summary';

/** Per-customer calibration data. weight 0 leaves a customer out (e.g. first purchase after the calibration end). */
export interface RfmData {
  /** Number of repeat transactions. */
  x: Float64Array;
  /** Time of the last purchase since the first (0 when x = 0). */
  tx: Float64Array;
  /** Time from the first purchase to the end of the calibration period. */
  T: Float64Array;
  /** Optional weight per customer (default 1). */
  weight?: Float64Array | Uint8Array;
}

/** Weighted unique (x, t_x, T) rows with the groupings the likelihoods use. */
export interface RfmRows {
  /** Number of customers (length of per-customer arrays). */
  customerCount: number;
  /** Row of each customer, −1 when the customer is left out. */
  rowOf: Int32Array;
  /** Number of unique rows. */
  count: number;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Total weight (number of customers) of each row. */
  w: Float64Array;
  totalWeight: number;
  /** Rows of the k-th distinct x are [xStart[k], xStart[k+1]); length = distinct x + 1. */
  xStart: Int32Array;
  /** Rows of the k-th distinct (x, T) are [xtStart[k], xtStart[k+1]). */
  xtStart: Int32Array;
  /** Distinct T values (ascending) and each row's index into them. */
  tValues: Float64Array;
  tIndex: Int32Array;
  /** Distinct t_x values (ascending) and each row's index into them. */
  txValues: Float64Array;
  txIndex: Int32Array;
  /** Distinct (x, t_x) pairs: their x, their t_x's index into txValues, and each row's pair. */
  pairX: Float64Array;
  pairTxIndex: Int32Array;
  pairIndex: Int32Array;
}

/** The calibration data of a summary: x, t_x, T, weight = included. */
export function rfmData(summary: RfmSummary): RfmData {
  return { x: summary.frequency, tx: summary.recency, T: summary.T, weight: summary.included };
}

const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/** One step of a hash over doubles by their bit patterns (for open-addressing tables). */
export function mixDouble(h: number, v: number): number {
  scratch[0] = v === 0 ? 0 : v; // −0 and 0 hash alike
  h = Math.imul(h ^ (scratchBits[0] as number), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ (scratchBits[1] as number), 0x85ebca77);
  return h ^ (h >>> 13);
}

/** The distinct values (ascending) of values[0 … count−1] (not NaN) and each value's index among them (open-addressing hash on the bits). */
export function distinctIndex(values: Float64Array, count: number): { values: Float64Array; index: Int32Array } {
  let cap = 16;
  while (cap < 2 * count) cap *= 2;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  const seen = new Float64Array(count);
  let m = 0;
  const index = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const v = values[i] as number;
    if (v !== v) throw new RangeError('distinctIndex: NaN value');
    let slot = mixDouble(0x27d4eb2f, v) & mask;
    for (;;) {
      const id = table[slot] as number;
      if (id < 0) {
        table[slot] = m;
        seen[m] = v;
        index[i] = m++;
        break;
      }
      if (seen[id] === v) {
        index[i] = id;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const distinct = seen.slice(0, m).sort();
  // Rank of each first-seen id: look each sorted value up again.
  const rankOfId = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const v = distinct[k] as number;
    let slot = mixDouble(0x27d4eb2f, v) & mask;
    while ((seen[table[slot] as number] as number) !== v) slot = (slot + 1) & mask;
    rankOfId[table[slot] as number] = k;
  }
  for (let i = 0; i < count; i++) index[i] = rankOfId[index[i] as number] as number;
  return { values: distinct, index };
}

/**
 * Weighted unique (x, t_x, T) rows of the customers with positive weight.
 * Throws RangeError when a value is invalid (x < 0, t_x < 0, T < t_x or not finite).
 */
export function compressRfm(data: RfmData): RfmRows {
  const { x, tx, T, weight } = data;
  const n = x.length;
  if (tx.length !== n || T.length !== n || (weight && weight.length !== n)) throw new RangeError('x, tx, T (and weight) must have the same length');
  let cap = 16;
  while (cap < 2 * n) cap *= 2;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  const rowOf = new Int32Array(n);
  // Unique rows in order of first appearance, then sorted.
  const initial = Math.min(n, 1 << 16);
  let bufX: Float64Array = new Float64Array(initial);
  let bufTx: Float64Array = new Float64Array(initial);
  let bufT: Float64Array = new Float64Array(initial);
  let bufW: Float64Array = new Float64Array(initial);
  let count = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = weight ? (weight[i] as number) : 1;
    if (!(w > 0)) {
      if (!(w === 0)) throw new RangeError(`customer ${i}: weight ${w} is not a non-negative number`);
      rowOf[i] = -1;
      continue;
    }
    const xi = x[i] as number;
    const ti = tx[i] as number;
    const Ti = T[i] as number;
    if (!(xi >= 0 && ti >= 0 && Ti >= ti && Number.isFinite(Ti))) {
      throw new RangeError(`customer ${i}: invalid (x, t_x, T) = (${xi}, ${ti}, ${Ti}); need x ≥ 0 and 0 ≤ t_x ≤ T`);
    }
    let slot = mixDouble(mixDouble(mixDouble(0x2545f491, xi), ti), Ti) & mask;
    let row = -1;
    for (;;) {
      const r = table[slot] as number;
      if (r < 0) break;
      if (bufX[r] === xi && bufTx[r] === ti && bufT[r] === Ti) {
        row = r;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (row < 0) {
      if (count === bufX.length) {
        const grow = (a: Float64Array): Float64Array => {
          const b = new Float64Array(Math.min(n, a.length * 2));
          b.set(a);
          return b;
        };
        bufX = grow(bufX);
        bufTx = grow(bufTx);
        bufT = grow(bufT);
        bufW = grow(bufW);
      }
      row = count++;
      table[slot] = row;
      bufX[row] = xi;
      bufTx[row] = ti;
      bufT[row] = Ti;
    }
    bufW[row] = (bufW[row] as number) + w;
    totalWeight += w;
    rowOf[i] = row;
  }

  // Sort rows by (x, T, t_x): ranks of each, then one numeric sort of a packed key when it fits in 2^53.
  const xr = distinctIndex(bufX, count);
  const tr = distinctIndex(bufT, count);
  const txr = distinctIndex(bufTx, count);
  const nX = xr.values.length;
  const nT = tr.values.length;
  const nTx = txr.values.length;
  const perm = new Int32Array(count);
  if (nX * nT * nTx * count < 2 ** 52) {
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      keys[i] = (((xr.index[i] as number) * nT + (tr.index[i] as number)) * nTx + (txr.index[i] as number)) * count + i;
    }
    keys.sort();
    for (let k = 0; k < count; k++) perm[k] = (keys[k] as number) % count;
  } else {
    for (let i = 0; i < count; i++) perm[i] = i;
    perm.sort((i, j) => (xr.index[i] as number) - (xr.index[j] as number) || (tr.index[i] as number) - (tr.index[j] as number) || (txr.index[i] as number) - (txr.index[j] as number));
  }
  const rank = new Int32Array(count);
  const rx = new Float64Array(count);
  const rtx = new Float64Array(count);
  const rT = new Float64Array(count);
  const rw = new Float64Array(count);
  const tIndex = new Int32Array(count);
  const txIndex = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const i = perm[k] as number;
    rank[i] = k;
    rx[k] = bufX[i] as number;
    rtx[k] = bufTx[i] as number;
    rT[k] = bufT[i] as number;
    rw[k] = bufW[i] as number;
    tIndex[k] = tr.index[i] as number;
    txIndex[k] = txr.index[i] as number;
  }
  for (let i = 0; i < n; i++) {
    const r = rowOf[i] as number;
    if (r >= 0) rowOf[i] = rank[r] as number;
  }
  // Distinct (x, t_x) pairs, numbered in row order.
  const pairIds = new Map<number, number>();
  const pairX: number[] = [];
  const pairTx: number[] = [];
  const pairIndex = new Int32Array(count);
  let xRank = -1;
  for (let k = 0; k < count; k++) {
    if (k === 0 || rx[k] !== rx[k - 1]) xRank++;
    const key = xRank * nTx + (txIndex[k] as number);
    let id = pairIds.get(key);
    if (id === undefined) {
      id = pairX.length;
      pairIds.set(key, id);
      pairX.push(rx[k] as number);
      pairTx.push(txIndex[k] as number);
    }
    pairIndex[k] = id;
  }
  const xStarts: number[] = [];
  const xtStarts: number[] = [];
  for (let k = 0; k < count; k++) {
    const newX = k === 0 || rx[k] !== rx[k - 1];
    if (newX) xStarts.push(k);
    if (newX || rT[k] !== rT[k - 1]) xtStarts.push(k);
  }
  xStarts.push(count);
  xtStarts.push(count);
  return {
    customerCount: n,
    rowOf,
    count,
    x: rx,
    tx: rtx,
    T: rT,
    w: rw,
    totalWeight,
    xStart: Int32Array.from(xStarts),
    xtStart: Int32Array.from(xtStarts),
    tValues: tr.values,
    tIndex,
    txValues: txr.values,
    txIndex,
    pairX: Float64Array.from(pairX),
    pairTxIndex: Int32Array.from(pairTx),
    pairIndex,
  };
}

/** Per-customer values from per-row values; customers left out get `fill`. */
export function expandRows(rows: RfmRows, perRow: Float64Array, fill = 0): Float64Array {
  const out = new Float64Array(rows.customerCount);
  const { rowOf } = rows;
  for (let i = 0; i < out.length; i++) {
    const r = rowOf[i] as number;
    out[i] = r >= 0 ? (perRow[r] as number) : fill;
  }
  return out;
}

/** The row data of a single customer, for scalar use of the row-based functions. */
export function singleRow(x: number, tx: number, T: number): RfmRows {
  return compressRfm({ x: Float64Array.of(x), tx: Float64Array.of(tx), T: Float64Array.of(T) });
}

/** Why a purchase model cannot be estimated from rows without any repeat purchase. */
export const NO_REPEAT_REASON = 'no customer made a repeat purchase in the calibration period, so the purchase and dropout rates cannot be estimated';

/** Whether any customer in the rows made a repeat purchase (the purchase models need one). */
export function hasRepeatPurchase(rows: RfmRows): boolean {
  for (let i = 0; i < rows.count; i++) if ((rows.x[i] as number) > 0 && (rows.w[i] as number) > 0) return true;
  return false;
}

/** Weighted repeat purchases per unit of time observed (clamped to [1e-6, 1e6]) and mean age T: scales for starting points. */
export function purchaseTotals(rows: RfmRows): { rate: number; meanT: number } {
  let sx = 0;
  let sT = 0;
  for (let i = 0; i < rows.count; i++) {
    sx += (rows.w[i] as number) * (rows.x[i] as number);
    sT += (rows.w[i] as number) * (rows.T[i] as number);
  }
  return { rate: Math.min(Math.max(sx / Math.max(sT, 1e-9), 1e-6), 1e6), meanT: Math.max(sT / Math.max(rows.totalWeight, 1e-9), 1e-6) };
}
