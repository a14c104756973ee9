import type { AnalysisRun } from '../../../../shared/domain/analysis';
/**
 * What the Models screen computes on its side: the parameter symbols of the papers, the default
 * calibration end, the customers of the latest analysis as columns, the CLV histogram and the
 * P(alive) grid by frequency × recency.
 */
import { bgnbdProbabilityAlive, type BgNbdParams } from '../../../../shared/analytics/models/bgnbd';
import { paretoNbdProbabilityAlive, type ParetoNbdParams } from '../../../../shared/analytics/models/pareto-nbd';
import type { CustomerPage } from '../../../../shared/domain/analysis';
import type { ModelFitSummary } from '../../../../shared/domain/models';
import { api } from '../../api';

export type PurchaseModel = ModelFitSummary['model'];
export type TimeUnit = ModelFitSummary['unit'];

export const MODELS: readonly PurchaseModel[] = ['bgnbd', 'pareto-nbd'];
export const UNITS: readonly TimeUnit[] = ['day', 'week', 'month'];

/** The models' names as the papers write them (the same in every language). */
export const MODEL_NAMES: Record<PurchaseModel, string> = { bgnbd: 'BG/NBD', 'pareto-nbd': 'Pareto/NBD' };
export const GAMMA_GAMMA = 'Gamma-Gamma';

/** Parameter order and symbols: BG/NBD (Fader, Hardie & Lee 2005), Pareto/NBD (Schmittlein et al. 1987), Gamma-Gamma (Fader, Hardie & Lee 2005b). */
export const PARAMS: Record<PurchaseModel | 'gammaGamma', readonly string[]> = {
  bgnbd: ['r', 'alpha', 'a', 'b'],
  'pareto-nbd': ['r', 'alpha', 's', 'beta'],
  gammaGamma: ['p', 'q', 'gamma'],
};
export const PARAM_SYMBOLS: Record<string, string> = { r: 'r', alpha: 'α', a: 'a', b: 'b', s: 's', beta: 'β', p: 'p', q: 'q', gamma: 'γ' };

export const UNIT_DAYS: Record<TimeUnit, number> = { day: 1, week: 7, month: 365.25 / 12 };

const DAY_MS = 86_400_000;

/** The calibration end three quarters into the data's span (a quarter left for the holdout). */
export function defaultCalibrationEnd(firstDate: string | null, lastDate: string | null): string | null {
  if (!firstDate || !lastDate) return null;
  const first = Date.parse(`${firstDate}T00:00:00Z`);
  const last = Date.parse(`${lastDate}T00:00:00Z`);
  if (!(last > first)) return null;
  const day = Math.round((first + 0.75 * (last - first)) / DAY_MS);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A holdout error beyond this many percent makes the screen warn about a fit rather than only say it converged. */
export const HOLDOUT_TOLERANCE_PERCENT = 15;

/** Whether the analysis' future profit came from this fit, another fit, a model the analysis fitted itself, or no model. */
export function fitUsage(outlook: AnalysisRun['summary']['outlook'], fitId: number | null): 'this' | 'other' | 'automatic' | 'none' {
  if (!outlook.model) return 'none';
  if (outlook.model.origin === 'automatic') return 'automatic';
  return fitId !== null && outlook.model.fitId === fitId ? 'this' : 'other';
}

/** The columns of the customers of the latest analysis the screen needs, as number arrays (NaN when missing). */
export interface CustomerColumns {
  count: number;
  total: number;
  asOf: string;
  runId: number;
  /** The per-customer value shown in the histogram: the model's CLV when the run has it, else future profit. */
  value: Float64Array;
  valueKind: 'clv' | 'future';
  orders: Float64Array;
  recencyDays: Float64Array;
  tenureDays: Float64Array;
  /** P(alive) stored with the run, when it has the column. */
  probabilityAlive: Float64Array | null;
}

const MAX_CUSTOMERS = 60_000;
const PAGE = 10_000;

/** The columns the screen reads (those the run has come back). */
const COLUMNS = ['clv', 'future', 'orders', 'recencyDays', 'tenureDays', 'probabilityAlive'];

let cached: { key: string; value: Promise<CustomerColumns> } | null = null;

/** The customers of the analysis `key` names; read once per analysis (coming back to the screen reads nothing). */
export function customerColumnsOf(key: string): Promise<CustomerColumns> {
  if (cached?.key === key) return cached.value;
  const value = loadCustomerColumns();
  cached = { key, value };
  value.catch(() => {
    if (cached?.value === value) cached = null;
  });
  return value;
}

/** Reads the customers of the latest analysis in pages of 10,000 (at most 60,000 customers), only the columns the screen shows. */
export async function loadCustomerColumns(): Promise<CustomerColumns> {
  const pages: CustomerPage[] = [];
  let offset = 0;
  for (;;) {
    const page = await api['analysis.customers']({ offset, limit: PAGE, columns: COLUMNS });
    pages.push(page);
    offset += page.rows.length;
    if (page.rows.length === 0 || offset >= page.total || offset >= MAX_CUSTOMERS) break;
  }
  const first = pages[0] as CustomerPage;
  const keys = first.columns.map((column) => column.key);
  const index = (key: string) => keys.indexOf(key);
  const rows = pages.flatMap((page) => page.rows);
  const column = (key: string): Float64Array | null => {
    const at = index(key);
    if (at < 0) return null;
    return Float64Array.from(rows, (row) => {
      const value = row[at];
      return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
    });
  };
  const clv = column('clv');
  const empty = () => new Float64Array(rows.length).fill(Number.NaN);
  return {
    count: rows.length,
    total: first.total,
    asOf: first.asOf,
    runId: first.runId,
    value: clv ?? column('future') ?? empty(),
    valueKind: clv ? 'clv' : 'future',
    orders: column('orders') ?? empty(),
    recencyDays: column('recencyDays') ?? empty(),
    tenureDays: column('tenureDays') ?? empty(),
    probabilityAlive: column('probabilityAlive'),
  };
}

export interface Histogram {
  /** Lower edges of the bins; the last bin takes everything above its edge. */
  edges: number[];
  width: number;
  counts: number[];
  /** The last bin is open ("≥ edge"): values beyond the 99th percentile are put there. */
  openTop: boolean;
  mean: number;
  median: number;
  sum: number;
  count: number;
  negative: number;
}

function quantileOfSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] as number;
}

/** A step of 1, 2, 2.5 or 5 × 10^k close to span / bins. */
function niceStep(span: number, bins: number): number {
  const raw = span / bins;
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10;
  return step * power;
}

/** A histogram of about 24 bins between the 0.5th and 99th percentiles; the tail above goes into the last, open bin. */
export function histogram(values: Float64Array): Histogram | null {
  const finite = Float64Array.from(values.filter((value) => Number.isFinite(value))).sort();
  if (finite.length === 0) return null;
  const low = Math.min(0, quantileOfSorted(finite, 0.005));
  const high = quantileOfSorted(finite, 0.99);
  const max = finite[finite.length - 1] as number;
  const width = niceStep(Math.max(high - low, 1e-9), 24);
  const start = Math.floor(low / width) * width;
  const openTop = max > high;
  const bins = Math.max(1, Math.ceil((high - start) / width) + (openTop ? 1 : 0));
  const counts = new Array<number>(bins).fill(0);
  let sum = 0;
  let negative = 0;
  for (const value of finite) {
    sum += value;
    if (value < 0) negative += 1;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((value - start) / width)));
    counts[bin] = (counts[bin] as number) + 1;
  }
  return {
    edges: counts.map((_, bin) => start + bin * width),
    width,
    counts,
    openTop,
    mean: sum / finite.length,
    median: quantileOfSorted(finite, 0.5),
    sum,
    count: finite.length,
    negative,
  };
}

/** Buckets of repeat purchases (orders − 1): 0 … 6 and 7+. */
export const FREQUENCY_BUCKETS = ['0', '1', '2', '3', '4', '5', '6', '7+'] as const;
/** Buckets of days since the last purchase, as [from, to) in months. */
export const RECENCY_BUCKETS: readonly [number, number][] = [
  [0, 1],
  [1, 3],
  [3, 6],
  [6, 12],
  [12, 18],
  [18, 24],
  [24, Number.POSITIVE_INFINITY],
];
const DAYS_PER_MONTH = 365.25 / 12;

export interface AliveGrid {
  /** cells[recency][frequency]: mean P(alive) and the customers in the cell (mean NaN when none). */
  mean: number[][];
  customers: number[][];
  /** Where the P(alive) comes from: stored with the analysis, or computed here with the fitted model. */
  source: 'stored' | 'model';
  /** Mean over all customers. */
  overall: number;
}

/** P(alive) of one customer with the fitted purchase model, from their orders, tenure and recency in days. */
export function modelProbabilityAlive(fit: ModelFitSummary, orders: number, tenureDays: number, recencyDays: number): number {
  const unitDays = UNIT_DAYS[fit.unit];
  const x = Math.max(0, orders - 1);
  const T = Math.max(0, tenureDays) / unitDays;
  const tx = Math.min(T, Math.max(0, tenureDays - recencyDays) / unitDays);
  const p = fit.purchase.params;
  return fit.model === 'bgnbd'
    ? bgnbdProbabilityAlive(p as unknown as BgNbdParams, x, tx, T)
    : paretoNbdProbabilityAlive(p as unknown as ParetoNbdParams, x, tx, T);
}

/**
 * Mean P(alive) by repeat purchases × months since the last purchase: the stored P(alive) of the
 * analysis when its customers have it, else each customer's P(alive) computed with the fitted model.
 */
export function aliveGrid(customers: CustomerColumns, fit: ModelFitSummary | null): AliveGrid | null {
  const stored = customers.probabilityAlive;
  if (!stored && !fit) return null;
  const sums = RECENCY_BUCKETS.map(() => new Array<number>(FREQUENCY_BUCKETS.length).fill(0));
  const counts = RECENCY_BUCKETS.map(() => new Array<number>(FREQUENCY_BUCKETS.length).fill(0));
  let total = 0;
  let n = 0;
  for (let c = 0; c < customers.count; c++) {
    const orders = customers.orders[c] as number;
    const recency = customers.recencyDays[c] as number;
    const tenure = customers.tenureDays[c] as number;
    if (!Number.isFinite(orders) || !Number.isFinite(recency) || orders < 1) continue;
    const alive = stored ? (stored[c] as number) : Number.isFinite(tenure) && fit ? modelProbabilityAlive(fit, orders, tenure, recency) : Number.NaN;
    if (!Number.isFinite(alive)) continue;
    const f = Math.min(FREQUENCY_BUCKETS.length - 1, Math.max(0, Math.round(orders) - 1));
    const months = recency / DAYS_PER_MONTH;
    const r = RECENCY_BUCKETS.findIndex(([from, to]) => months >= from && months < to);
    if (r < 0) continue;
    (sums[r] as number[])[f] = ((sums[r] as number[])[f] as number) + alive;
    (counts[r] as number[])[f] = ((counts[r] as number[])[f] as number) + 1;
    total += alive;
    n += 1;
  }
  if (n === 0) return null;
  return {
    mean: sums.map((row, r) => row.map((sum, f) => ((counts[r] as number[])[f] as number) > 0 ? sum / ((counts[r] as number[])[f] as number) : Number.NaN)),
    customers: counts,
    source: stored ? 'stored' : 'model',
    overall: total / n,
  };
}
