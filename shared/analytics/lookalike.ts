/**
 * Look-alike profile (DOMAIN.md "Future value and lifetime value" → "Look-alike profile") and the
 * Start strategy ("Seven relationship strategies"): which attribute values are over-represented among
 * the top customers by a value (future profit), and which prospects look like them. Definitions:
 * - attributes: region, industry, size, acquisition channel (codes), age band (AGE_BANDS) and income
 *   band (quintiles of the known incomes of all customers; prospects use the same cut points).
 *   A missing code, a non-finite or non-positive age, a non-finite income are unknown.
 * - population: the customers with a finite value; top customers: the top `topShare` (20 %) of them
 *   by value, at least 1, ties at the cut broken by the lower customer index.
 * - shares are taken among the customers whose attribute is known. Raw lift of value v =
 *   share of v among top ÷ share of v among all = P(top | v) ÷ P(top).
 * - smoothing (m-estimate): P(top | v) is estimated as (top_v + m·P(top)) ÷ (all_v + m), which pulls a
 *   value seen on few customers towards lift 1 and never gives 0; m = priorWeight (10 customers).
 * - minimum support: a value carried by fewer than `minSupport` (5) customers gets lift 1 and
 *   `supported: false`.
 * - prospect score = geometric mean of the lifts of its known attribute values (1 when none is
 *   known): 1 = average, > 1 = looks like the best customers. Start = score ≥ threshold (1.2), up to
 *   rounding (1e-12).
 */
import { selectInPlace } from './stats';
import { NO_CODE, type AnalysisDataset } from './dataset';

export const LOOKALIKE_ATTRIBUTES = ['region', 'industry', 'size', 'channel', 'ageBand', 'incomeBand'] as const;
export type LookalikeAttribute = (typeof LOOKALIKE_ATTRIBUTES)[number];

export const AGE_BANDS = ['<25', '25–34', '35–44', '45–54', '55–64', '65+'] as const;
export const INCOME_BANDS = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'] as const;

/** Age band index (AGE_BANDS) of an age in years; NO_CODE when the age is unknown (not finite or ≤ 0). */
export function ageBand(age: number): number {
  if (!(age > 0) || !Number.isFinite(age)) return NO_CODE;
  if (age < 25) return 0;
  if (age >= 65) return 5;
  return Math.floor((age - 15) / 10);
}

/**
 * The four cut points of income quintiles: the values at ranks ⌊k·n/5⌋ (k = 1..4) of the sorted
 * finite incomes; empty when no income is known.
 */
export function incomeCuts(income: Float64Array, count: number = income.length): number[] {
  let known = 0;
  for (let i = 0; i < count; i++) if (Number.isFinite(income[i] as number)) known++;
  if (known === 0) return [];
  const values = new Float64Array(known);
  let j = 0;
  for (let i = 0; i < count; i++) {
    const x = income[i] as number;
    if (Number.isFinite(x)) values[j++] = x;
  }
  const cuts: number[] = [];
  let from = 0;
  for (let k = 1; k <= 4; k++) {
    const rank = Math.floor((k * known) / 5);
    cuts.push(selectInPlace(values, from, known, rank - from));
    from = rank;
  }
  return cuts;
}

/** Income band index (0 = Q1 … 4 = Q5): the number of cut points ≤ income; NO_CODE when unknown or there are no cuts. */
export function incomeBand(income: number, cuts: readonly number[]): number {
  if (!Number.isFinite(income) || cuts.length === 0) return NO_CODE;
  let band = 0;
  for (const cut of cuts) if (income >= cut) band++;
  return band;
}

export interface LiftEntry {
  attribute: LookalikeAttribute;
  /** Code (region, industry, size, channel) or band index (age, income). */
  value: number;
  label: string;
  /** Customers of the population with this value, and how many of them are top customers. */
  customers: number;
  top: number;
  /** Share of the value among top customers and among all customers (whose attribute is known). */
  shareTop: number;
  shareAll: number;
  /** Smoothed lift; 1 when unsupported. */
  lift: number;
  supported: boolean;
}

export interface LookalikeProfile {
  /** Customers with a finite value, and the top customers among them. */
  population: number;
  topCount: number;
  /** Smallest value that made a customer top. */
  topThreshold: number;
  incomeCuts: number[];
  minSupport: number;
  priorWeight: number;
  /** Values carried by at least one customer of the population, by lift descending (then attribute, value). */
  entries: LiftEntry[];
  /** Lift per code or band index, for scoring (1 for values no customer carries). */
  lifts: Record<LookalikeAttribute, number[]>;
}

export interface LookalikeOptions {
  /** Share of the population that is "top" (default 0.2). */
  topShare?: number;
  /** Values carried by fewer customers get lift 1 (default 5). */
  minSupport?: number;
  /** Pseudo-customers of the m-estimate (default 10). */
  priorWeight?: number;
}

/** The attribute columns of customers or prospects as codes (bands for age and income). */
interface AttributeColumns {
  count: number;
  region: Int32Array;
  industry: Int32Array;
  size: Int32Array;
  channel: Int32Array;
  age: Float64Array;
  income: Float64Array;
}

/** Code of attribute `a` (index into LOOKALIKE_ATTRIBUTES) of row `i`; NO_CODE when unknown. */
function attributeCode(columns: AttributeColumns, a: number, i: number, cuts: readonly number[]): number {
  switch (a) {
    case 0:
      return columns.region[i] as number;
    case 1:
      return columns.industry[i] as number;
    case 2:
      return columns.size[i] as number;
    case 3:
      return columns.channel[i] as number;
    case 4:
      return ageBand(columns.age[i] as number);
    default:
      return incomeBand(columns.income[i] as number, cuts);
  }
}

/** Display labels of an attribute's codes or bands. */
function valueLabels(dataset: AnalysisDataset, attribute: LookalikeAttribute): readonly string[] {
  const d = dataset.dictionaries;
  switch (attribute) {
    case 'region':
      return d.regions;
    case 'industry':
      return d.industries;
    case 'size':
      return d.sizes;
    case 'channel':
      return d.channels;
    case 'ageBand':
      return AGE_BANDS;
    case 'incomeBand':
      return INCOME_BANDS;
  }
}

/**
 * Lift of every attribute value among the top customers by `value` (one entry per customer; NaN
 * leaves a customer out), smoothed and with minimum support as in the module comment.
 */
export function lookalikeProfile(dataset: AnalysisDataset, value: Float64Array, options: LookalikeOptions = {}): LookalikeProfile {
  const topShare = options.topShare ?? 0.2;
  const minSupport = options.minSupport ?? 5;
  const priorWeight = options.priorWeight ?? 10;
  const customers = dataset.customers;
  const n = customers.count;
  const cuts = incomeCuts(customers.income, n);

  // Top customers: cut at the k-th largest value, ties by index.
  let population = 0;
  for (let c = 0; c < n; c++) if (Number.isFinite(value[c] as number)) population++;
  const values = new Float64Array(population);
  let j = 0;
  for (let c = 0; c < n; c++) {
    const v = value[c] as number;
    if (Number.isFinite(v)) values[j++] = v;
  }
  const topCount = population === 0 ? 0 : Math.min(population, Math.max(1, Math.ceil(population * topShare - 1e-9)));
  const threshold = topCount === 0 ? Number.NaN : selectInPlace(values, 0, population, population - topCount);
  let ties = topCount;
  for (let i = 0; i < population; i++) if ((values[i] as number) > threshold) ties--;
  const isTop = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const v = value[c] as number;
    if (Number.isFinite(v) && (v > threshold || (v === threshold && ties-- > 0))) isTop[c] = 1;
  }

  const entries: LiftEntry[] = [];
  const codes = new Int32Array(n);
  const lifts = {} as Record<LookalikeAttribute, number[]>;
  for (let a = 0; a < LOOKALIKE_ATTRIBUTES.length; a++) {
    const attribute = LOOKALIKE_ATTRIBUTES[a] as LookalikeAttribute;
    const labels = valueLabels(dataset, attribute);
    let size = labels.length;
    for (let c = 0; c < n; c++) {
      const code = Number.isFinite(value[c] as number) ? attributeCode(customers, a, c, cuts) : NO_CODE;
      codes[c] = code;
      if (code >= size) size = code + 1;
    }
    const all = new Int32Array(size);
    const top = new Int32Array(size);
    let allKnown = 0;
    let topKnown = 0;
    for (let c = 0; c < n; c++) {
      const code = codes[c] as number;
      if (code < 0) continue;
      all[code] = (all[code] as number) + 1;
      allKnown++;
      if (isTop[c] === 1) {
        top[code] = (top[code] as number) + 1;
        topKnown++;
      }
    }
    const pTop = allKnown === 0 ? 0 : topKnown / allKnown;
    const table: number[] = new Array<number>(size).fill(1);
    for (let v = 0; v < size; v++) {
      const count = all[v] as number;
      if (count === 0) continue;
      const hits = top[v] as number;
      const supported = count >= minSupport && pTop > 0;
      const lift = supported ? (hits + priorWeight * pTop) / ((count + priorWeight) * pTop) : 1;
      table[v] = lift;
      entries.push({
        attribute,
        value: v,
        label: labels[v] ?? String(v),
        customers: count,
        top: hits,
        shareTop: topKnown === 0 ? 0 : hits / topKnown,
        shareAll: count / allKnown,
        lift,
        supported,
      });
    }
    lifts[attribute] = table;
  }
  const order = (x: LiftEntry) => LOOKALIKE_ATTRIBUTES.indexOf(x.attribute);
  entries.sort((x, y) => y.lift - x.lift || order(x) - order(y) || x.value - y.value);
  return { population, topCount, topThreshold: threshold, incomeCuts: cuts, minSupport, priorWeight, entries, lifts };
}

export interface ProspectScores {
  /** Geometric mean of the lifts of the prospect's known attribute values; 1 when none is known. */
  score: Float64Array;
  /** How many of the six attributes are known. */
  known: Uint8Array;
  /** 1 when the prospect qualifies for the Start strategy (score ≥ threshold). */
  start: Uint8Array;
  /** Qualifying prospects, by score descending, then index. */
  ranked: Int32Array;
  threshold: number;
}

/** Look-alike score of every prospect against `profile`, and who qualifies for Start (score ≥ `threshold`). */
export function scoreProspects(dataset: AnalysisDataset, profile: LookalikeProfile, threshold = 1.2): ProspectScores {
  const prospects = dataset.prospects;
  const m = prospects.count;
  const score = new Float64Array(m);
  const known = new Uint8Array(m);
  const start = new Uint8Array(m);
  const tables = LOOKALIKE_ATTRIBUTES.map((attribute) => profile.lifts[attribute]);
  let qualifying = 0;
  for (let p = 0; p < m; p++) {
    let logSum = 0;
    let k = 0;
    for (let a = 0; a < tables.length; a++) {
      const code = attributeCode(prospects, a, p, profile.incomeCuts);
      if (code < 0) continue;
      logSum += Math.log(tables[a]?.[code] ?? 1);
      k++;
    }
    const s = k === 0 ? 1 : Math.exp(logSum / k);
    score[p] = s;
    known[p] = k;
    if (s >= threshold - 1e-12) {
      start[p] = 1;
      qualifying++;
    }
  }
  const ranked = new Int32Array(qualifying);
  let j = 0;
  for (let p = 0; p < m; p++) if (start[p] === 1) ranked[j++] = p;
  ranked.sort((x, y) => (score[y] as number) - (score[x] as number) || x - y);
  return { score, known, start, ranked, threshold };
}
