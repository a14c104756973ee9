/**
 * Loaders for the CDNOW files used by the model tests and the models bench: the CSV
 * (customer_id,date,cds,amount) into transaction columns, customers indexed in order of appearance.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { epochDayFromIso } from '../../shared/domain/dates';
import type { TransactionColumns } from '../../shared/analytics/models/summary';

const ROOT = join(import.meta.dirname, '..', '..');
export const CDNOW_SAMPLE = join(ROOT, 'test', 'fixtures', 'cdnow_sample.csv');
export const CDNOW_MASTER = join(ROOT, 'electron', 'services', 'samples', 'data', 'cdnow_master.csv');

export interface LoadedTransactions extends TransactionColumns {
  ids: string[];
}

/** Parses a customer_id,date,cds,amount CSV with a header line. */
export function loadCdnow(path: string): LoadedTransactions {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const n = lines.length - 1;
  const customer = new Int32Array(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const index = new Map<string, number>();
  const ids: string[] = [];
  let rows = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const [id = '', date = '', , value = ''] = line.split(',');
    let c = index.get(id);
    if (c === undefined) {
      c = ids.length;
      index.set(id, c);
      ids.push(id);
    }
    customer[rows] = c;
    day[rows] = epochDayFromIso(date);
    amount[rows] = Number(value);
    rows++;
  }
  return { customer: customer.slice(0, rows), day: day.slice(0, rows), amount: amount.slice(0, rows), customerCount: ids.length, ids };
}

/** The transactions repeated `times` times as distinct customers (`<id>_<k>`), block after block. */
export function replicate(tx: LoadedTransactions, times: number): TransactionColumns {
  const n = tx.customer.length;
  const customer = new Int32Array(n * times);
  const day = new Int32Array(n * times);
  const amount = new Float64Array(n * times);
  for (let k = 0; k < times; k++) {
    const offset = k * tx.customerCount;
    for (let i = 0; i < n; i++) customer[k * n + i] = (tx.customer[i] as number) + offset;
    day.set(tx.day, k * n);
    amount.set(tx.amount, k * n);
  }
  return { customer, day, amount, customerCount: tx.customerCount * times };
}

/** Epoch day of an ISO date, throwing on a bad date (tests). */
export function day(iso: string): number {
  const d = epochDayFromIso(iso);
  if (!Number.isFinite(d)) throw new Error(`bad date ${iso}`);
  return d;
}

/** A seeded PRNG (mulberry32) with uniform, exponential, gamma and beta draws, for simulations. */
export function rng(seed: number): { uniform: () => number; exponential: (rate: number) => number; gamma: (shape: number, rate: number) => number; beta: (a: number, b: number) => number } {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  // Marsaglia & Tsang; shape < 1 boosted by U^{1/shape}.
  const gammaUnit = (shape: number): number => {
    if (shape < 1) return gammaUnit(shape + 1) * Math.pow(uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return {
    uniform,
    exponential: (rate) => -Math.log(uniform()) / rate,
    gamma: (shape, rate) => gammaUnit(shape) / rate,
    beta: (a, b) => {
      const x = gammaUnit(a);
      return x / (x + gammaUnit(b));
    },
  };
}
