import { describe, expect, it } from 'vitest';
import { Interner, NO_CODE, type AnalysisDataset } from '../../../shared/analytics/dataset';
import { LIFECYCLE_STAGES, NO_STAGE, lifecycleStages, sankeyLinks, stageMigration } from '../../../shared/analytics/lifecycle';
import { computeMetrics } from '../../../shared/analytics/metrics';
import { epochDayFromIso } from '../../../shared/domain/dates';

/** A transaction as a reader writes it: customer, ISO date, net amount, and optionally an order id. */
type Row = [customer: string, date: string, amount: number, extra?: { order?: string }];

/** An AnalysisDataset with the given transactions (sorted by customer, then day) and no other tables. */
function datasetFrom(rows: readonly Row[]): AnalysisDataset {
  const customers = new Interner();
  const orders = new Interner();
  for (const [customer] of rows) customers.code(customer);
  const sorted = rows
    .map((row) => ({ row, customer: customers.code(row[0]), day: epochDayFromIso(row[1]) }))
    .sort((a, b) => a.customer - b.customer || a.day - b.day);
  const count = sorted.length;
  const n = customers.values.length;
  return {
    customers: {
      count: n,
      labels: customers.values,
      acquiredDay: new Int32Array(n),
      channel: new Int32Array(n).fill(NO_CODE),
      acquisitionCost: new Float64Array(n).fill(Number.NaN),
      region: new Int32Array(n).fill(NO_CODE),
      industry: new Int32Array(n).fill(NO_CODE),
      size: new Int32Array(n).fill(NO_CODE),
      age: new Float64Array(n).fill(Number.NaN),
      income: new Float64Array(n).fill(Number.NaN),
    },
    transactions: {
      count,
      customer: Int32Array.from(sorted, (t) => t.customer),
      day: Int32Array.from(sorted, (t) => t.day),
      amount: Float64Array.from(sorted, (t) => t.row[2]),
      cost: new Float64Array(count).fill(Number.NaN),
      product: new Int32Array(count).fill(NO_CODE),
      category: new Int32Array(count).fill(NO_CODE),
      order: Int32Array.from(sorted, (t) => orders.code(t.row[3]?.order)),
    },
    serviceCosts: { count: 0, customer: new Int32Array(0), day: new Int32Array(0), cost: new Float64Array(0) },
    marketing: { count: 0, channel: new Int32Array(0), start: new Int32Array(0), end: new Int32Array(0), spend: new Float64Array(0), newCustomers: new Float64Array(0) },
    prospects: { count: 0, labels: [], channel: new Int32Array(0), region: new Int32Array(0), industry: new Int32Array(0), size: new Int32Array(0), age: new Float64Array(0), income: new Float64Array(0) },
    dictionaries: { channels: [], regions: [], industries: [], sizes: [], products: [], categories: [] },
    productMargin: new Float64Array(0),
  };
}

/** Purchases of `amounts[i]` on the 10th of every other month of `year` (Jan, Mar, May, Jul, Sep, Nov). */
function everyOtherMonth(customer: string, year: number, amounts: readonly number[]): Row[] {
  return amounts.map((amount, i) => [customer, `${year}-${String(2 * i + 1).padStart(2, '0')}-10`, amount]);
}

const SETTINGS = { currentWindowMonths: 12, defaultMarginRate: 0.3, costPerOrder: 0 };
const W = 90;

// As of 2024-12-31 with a 12-month window: current window (2023-12-31, 2024-12-31], its halves split
// at 2024-07-01 (366 / 2 = 183 days back), previous window (2022-12-31, 2023-12-31].
// New = first purchase at most min(W = 90, 366 / 4 → 91) = 90 days back.
// As of 2024-06-30: window (2023-06-30, 2024-06-30], halves split at 2023-12-30.
const ROWS: Row[] = [
  ['N', '2024-11-15', 100], // first purchase 46 days back → new
  ['L', '2024-03-01', 100], // recency 305 > 90 → lapsed
  ['WB', '2023-06-01', 100], // 519 days without a purchase, back on 1 Nov (recency 60) → wonBack
  ['WB', '2024-11-01', 50], // (also current 50 < 0.8 × previous 100: declining, but wonBack comes first)
  ...everyOtherMonth('D', 2024, [100, 100, 100, 50, 50, 50]), // halves 300 → 150 < 0.8 × 300 → declining
  ...everyOtherMonth('G', 2024, [50, 50, 50, 100, 100, 100]), // halves 150 → 300 > 1.2 × 150 → growing
  ...everyOtherMonth('S', 2024, [100, 100, 100, 100, 100, 100]), // halves 300 → 300 → stable
  ...everyOtherMonth('D2', 2023, [100, 100, 100, 100, 100, 100]), // previous window 600
  ...everyOtherMonth('D2', 2024, [50, 50, 50, 50, 50, 50]), // current 300 < 0.8 × 600 → declining (halves equal)
  ...everyOtherMonth('G2', 2023, [50, 50, 50, 50, 50, 50]), // previous window 300
  ...everyOtherMonth('G2', 2024, [100, 100, 100, 100, 100, 100]), // current 600 > 1.2 × 300 → growing
  ...everyOtherMonth('M', 2023, [100, 100, 100, 100, 100, 100]), // previous window 600
  ...everyOtherMonth('M', 2024, [20, 20, 20, 50, 50, 50]), // halves 60 → 150 grow, but current 210 < 480 → declining first
  ['X', '2024-05-01', -20], // a refund only: no purchase → NO_STAGE
  ['Z', '2025-01-05', 100], // buys after the analysis date → NO_STAGE
  ...everyOtherMonth('E', 2024, [100, 100, 100, 150]), // halves 300 → 300 (with 2 Oct below)
  ['E', '2024-10-02', 150], // recency exactly 90 = W: still active (gaps ≤ 84) → stable
  ['N90', '2024-10-02', 100], // first purchase exactly 90 days back → new
];
const EXPECTED: Record<string, (typeof LIFECYCLE_STAGES)[number] | null> = {
  N: 'new', L: 'lapsed', WB: 'wonBack', D: 'declining', G: 'growing', S: 'stable', D2: 'declining',
  G2: 'growing', M: 'declining', X: null, Z: null, E: 'stable', N90: 'new',
};

function stagesAt(dataset: AnalysisDataset, iso: string): Uint8Array {
  return lifecycleStages(dataset, computeMetrics(dataset, epochDayFromIso(iso), SETTINGS), W);
}

function named(dataset: AnalysisDataset, stages: Uint8Array): Record<string, string | null> {
  return Object.fromEntries(dataset.customers.labels.map((label, c) => [label, stages[c] === NO_STAGE ? null : (LIFECYCLE_STAGES[stages[c] as number] ?? '?')]));
}

describe('lifecycle stages', () => {
  const dataset = datasetFrom(ROWS);

  it('gives each customer the first stage that applies', () => {
    expect(named(dataset, stagesAt(dataset, '2024-12-31'))).toEqual(EXPECTED);
  });

  it('sees a wonBack customer as lapsed before they return', () => {
    // 30 June 2024: WB's last purchase is 2023-06-01 (395 days back); D, G and S have only bought
    // in the recent half (no earlier-half or previous-window revenue to compare with) → stable;
    // D2 and M: earlier half 300 (Aug, Oct, Dec 2023), recent 150 / 60 → declining; G2: 150 → 300 → growing.
    expect(named(dataset, stagesAt(dataset, '2024-06-30'))).toEqual({
      N: null, L: 'lapsed', WB: 'lapsed', D: 'stable', G: 'stable', S: 'stable', D2: 'declining',
      G2: 'growing', M: 'declining', X: null, Z: null, E: 'stable', N90: null,
    });
  });

  it('needs a recent return after a real lapse', () => {
    // W = 90, N = 90: a real lapse is a gap longer than W + N = 180 days, a recent return one in the last N days.
    // A: 200 days without a purchase, back on 29 July 2022. B: 150 days (longer than W, but one of the
    // long gaps a regular buyer has), back on 1 August 2022. Both then buy on 10 September and 10 November.
    const data = datasetFrom([
      ['A', '2022-01-10', 100], ['A', '2022-07-29', 100], ['A', '2022-09-10', 100], ['A', '2022-11-10', 100],
      ['B', '2022-03-04', 100], ['B', '2022-08-01', 100], ['B', '2022-09-10', 100], ['B', '2022-11-10', 100],
    ]);
    // 30 September 2022: A came back 63 days ago → wonBack. B: half-window revenue 100 → 200 → growing.
    expect(named(data, stagesAt(data, '2022-09-30'))).toEqual({ A: 'wonBack', B: 'growing' });
    // 31 December 2022: A's return is 155 days back, old news; both grew from 100 to 300 over the halves.
    expect(named(data, stagesAt(data, '2022-12-31'))).toEqual({ A: 'growing', B: 'growing' });
  });

  it('refuses metrics of another dataset', () => {
    const other = datasetFrom([['A', '2024-01-01', 1]]);
    expect(() => lifecycleStages(dataset, computeMetrics(other, epochDayFromIso('2024-12-31'), SETTINGS), W)).toThrow(RangeError);
  });
});

describe('migration between two analysis dates', () => {
  const dataset = datasetFrom(ROWS);
  const stage = (name: string) => LIFECYCLE_STAGES.indexOf(name as (typeof LIFECYCLE_STAGES)[number]);

  it('counts customers from their stage at the earlier date to the later one', () => {
    const table = stageMigration(stagesAt(dataset, '2024-06-30'), stagesAt(dataset, '2024-12-31'), LIFECYCLE_STAGES);
    expect(table.labels).toEqual([...LIFECYCLE_STAGES, 'none']);
    // From the two tests above: G2 growing→growing; G stable→growing; S, E stable→stable; D stable→declining;
    // D2, M declining→declining; L lapsed→lapsed; WB lapsed→wonBack; N, N90 none→new; X, Z none→none.
    const expected = Array.from({ length: 7 }, () => new Array<number>(7).fill(0));
    const set = (from: string, to: string, count: number) => {
      (expected[from === 'none' ? 6 : stage(from)] as number[])[to === 'none' ? 6 : stage(to)] = count;
    };
    set('growing', 'growing', 1);
    set('stable', 'growing', 1);
    set('stable', 'stable', 2);
    set('stable', 'declining', 1);
    set('declining', 'declining', 2);
    set('lapsed', 'lapsed', 1);
    set('lapsed', 'wonBack', 1);
    set('none', 'new', 2);
    set('none', 'none', 2);
    expect(table.counts).toEqual(expected);
    expect(table.counts.flat().reduce((a, b) => a + b, 0)).toBe(dataset.customers.count); // 13
  });

  it('works for any codes, e.g. ladder tiers, and lists the non-zero flows', () => {
    const tiers = ['MVC', 'MGC', 'Middle', 'BZ'];
    // Customers 0..6; −1 and 9 are outside the tiers ("none"); customer 6 is missing from `to`.
    const from = Int32Array.from([0, 1, 2, 3, -1, 0, 2]);
    const to = Int32Array.from([0, 0, 3, 3, 2, 9]);
    const table = stageMigration(from, to, tiers);
    expect(table.counts).toEqual([
      // MVC MGC Middle BZ none
      [1, 0, 0, 0, 1], // MVC: 0 stays, 5 leaves the tiers
      [1, 0, 0, 0, 0], // MGC: 1 → MVC
      [0, 0, 0, 1, 1], // Middle: 2 → BZ, 6 → (missing)
      [0, 0, 0, 1, 0], // BZ: 3 stays
      [0, 0, 1, 0, 0], // none: 4 → Middle
    ]);
    expect(sankeyLinks(table.counts, table.labels)).toEqual([
      { source: 'MVC', target: 'MVC', value: 1 },
      { source: 'MVC', target: 'none', value: 1 },
      { source: 'MGC', target: 'MVC', value: 1 },
      { source: 'Middle', target: 'BZ', value: 1 },
      { source: 'Middle', target: 'none', value: 1 },
      { source: 'BZ', target: 'BZ', value: 1 },
      { source: 'none', target: 'Middle', value: 1 },
    ]);
    expect(() => sankeyLinks(table.counts, tiers)).toThrow(RangeError);
  });
});

describe('lifecycle properties on random data', () => {
  // Deterministic pseudo-random customers: 1–10 purchases (some refunds) over 2021–2024.
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const rows: Row[] = [];
  for (let c = 0; c < 500; c++) {
    let day = epochDayFromIso('2021-01-01') + Math.floor(next() * 1400);
    const visits = 1 + Math.floor(next() * 10);
    for (let v = 0; v < visits; v++) {
      const amount = next() < 0.1 ? -20 : Math.round(10 + next() * 300);
      rows.push([`c${c}`, new Date(day * 86_400_000).toISOString().slice(0, 10), amount, next() < 0.3 ? { order: `o${c}-${v}` } : undefined]);
      day += Math.floor(next() * 250);
    }
  }
  const dataset = datasetFrom(rows);

  it('stages every buyer and only buyers; migration keeps every customer', () => {
    let previous: Uint8Array | null = null;
    for (const iso of ['2022-06-30', '2023-06-30', '2024-06-30', '2025-06-30']) {
      const metrics = computeMetrics(dataset, epochDayFromIso(iso), SETTINGS);
      const stages = lifecycleStages(dataset, metrics, W);
      for (let c = 0; c < metrics.count; c++) {
        const code = stages[c] as number;
        if (metrics.hasPurchase[c]) expect(code).toBeLessThan(LIFECYCLE_STAGES.length);
        else expect(code).toBe(NO_STAGE);
        if (code === LIFECYCLE_STAGES.indexOf('lapsed')) expect(metrics.recencyDays[c]).toBeGreaterThan(W);
        else if (code !== NO_STAGE) expect(metrics.recencyDays[c]).toBeLessThanOrEqual(W);
      }
      if (previous) {
        const table = stageMigration(previous, stages, LIFECYCLE_STAGES);
        expect(table.counts.length).toBe(LIFECYCLE_STAGES.length + 1);
        expect(table.counts.flat().reduce((a, b) => a + b, 0)).toBe(dataset.customers.count);
        const links = sankeyLinks(table.counts, table.labels);
        expect(links.every((link) => link.value > 0)).toBe(true);
        expect(links.reduce((a, link) => a + link.value, 0)).toBe(dataset.customers.count);
        // Nobody goes back to "not acquired".
        for (let s = 0; s < LIFECYCLE_STAGES.length; s++) expect(table.counts[s]?.[LIFECYCLE_STAGES.length]).toBe(0);
      }
      previous = stages;
    }
  });
});
