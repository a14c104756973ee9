import { describe, expect, it } from 'vitest';
import { crossSell, type CrossSellResult } from '../../../shared/analytics/crosssell';
import { NO_CODE, type AnalysisDataset } from '../../../shared/analytics/dataset';
import { computeMetrics } from '../../../shared/analytics/metrics';
import { random } from '../../support/random';

interface Line {
  c: number;
  day: number;
  amount: number;
  cost?: number;
  category?: number;
  product?: number;
}

/** A dataset literal: `customers` customers with no attributes, the lines sorted by customer then day. */
function makeDataset(customers: number, lines: Line[], items: { categories?: string[]; products?: string[] } = {}): AnalysisDataset {
  const sorted = [...lines].sort((a, b) => a.c - b.c || a.day - b.day);
  const count = sorted.length;
  const codes = (n: number) => new Int32Array(n).fill(NO_CODE);
  return {
    customers: {
      count: customers,
      labels: Array.from({ length: customers }, (_, i) => `C${i}`),
      acquiredDay: new Int32Array(customers),
      channel: codes(customers),
      acquisitionCost: new Float64Array(customers).fill(Number.NaN),
      region: codes(customers),
      industry: codes(customers),
      size: codes(customers),
      age: new Float64Array(customers).fill(Number.NaN),
      income: new Float64Array(customers).fill(Number.NaN),
    },
    transactions: {
      count,
      customer: Int32Array.from(sorted, (l) => l.c),
      day: Int32Array.from(sorted, (l) => l.day),
      amount: Float64Array.from(sorted, (l) => l.amount),
      cost: Float64Array.from(sorted, (l) => l.cost ?? Number.NaN),
      product: Int32Array.from(sorted, (l) => l.product ?? NO_CODE),
      category: Int32Array.from(sorted, (l) => l.category ?? NO_CODE),
      order: codes(count),
    },
    serviceCosts: { count: 0, customer: new Int32Array(0), day: new Int32Array(0), cost: new Float64Array(0) },
    marketing: { count: 0, channel: new Int32Array(0), start: new Int32Array(0), end: new Int32Array(0), spend: new Float64Array(0), newCustomers: new Float64Array(0) },
    prospects: { count: 0, labels: [], channel: codes(0), region: codes(0), industry: codes(0), size: codes(0), age: new Float64Array(0), income: new Float64Array(0) },
    dictionaries: { channels: [], regions: [], industries: [], sizes: [], products: items.products ?? [], categories: items.categories ?? [] },
    productMargin: new Float64Array((items.products ?? []).length).fill(Number.NaN),
  };
}

const METRIC_SETTINGS = { currentWindowMonths: 12, defaultMarginRate: 0.3, costPerOrder: 0 };
const SETTINGS = { crossSellLevel: 'category' as const, idealProfileAdoption: 0.5, defaultMarginRate: 0.3 };
const ASOF = 1000;
const [A, B, C, D] = [0, 1, 2, 3];

/** Offers as readable tuples [customer, item, rank, score]. */
function offerRows(result: CrossSellResult): [number, number, number, number][] {
  const rows: [number, number, number, number][] = [];
  for (let i = 0; i < result.offers.count; i++) {
    rows.push([result.offers.customer[i] as number, result.offers.item[i] as number, result.offers.rank[i] as number, result.offers.score[i] as number]);
  }
  return rows;
}

describe('cross-sell against an ideal profile', () => {
  // Two segments, every line inside the current window, margin = amount − cost.
  // Segment 0 (customers 0–5), best share 0.5 → the top 3 by current profit:
  //   c0: A 400 + B 200 + C 50 = 650   c1: A 300 + B 150 = 450   c2: A 200 + C 100 = 300
  //   c3: A 50                           c4: B 20                   c5: D 10
  //   adoption among {c0, c1, c2}: A 3/3, B 2/3, C 2/3, D 0 → ideal {A, B, C}
  //   margin per buyer: A (400+300+200+50)/4 = 237.5, B (200+150+20)/3 = 123.33, C (50+100)/2 = 75
  //   score: A 237.5, B 2/3 × 370/3 = 740/9 = 82.22, C 2/3 × 75 = 50 → order A, B, C
  //   only c0 holds A, B and C → typical profit 650 (fullProfile)
  // Segment 1 (customers 6–9), best share 0.5 → the top 2: c6 (A 200 + D 300 = 500), c7 (D 100 + B 50 = 150)
  //   c8: D 40, c9: A 5; adoption A 1/2, B 1/2, D 2/2 → ideal {A, B, D}
  //   margin: A (200+5)/2 = 102.5, B 50, D (300+100+40)/3 = 146.67; score: D 146.67, A 51.25, B 25
  //   no best customer holds A, B and D → typical = median(500, 150) = 325 (bestCustomers)
  // c10 has no segment; c11 (segment 0) only has a refund; c5's line after the analysis date is ignored.
  const lines: Line[] = [
    { c: 0, day: 950, amount: 1000, cost: 600, category: A },
    { c: 0, day: 960, amount: 500, cost: 300, category: B },
    { c: 0, day: 970, amount: 100, cost: 50, category: C },
    { c: 1, day: 950, amount: 800, cost: 500, category: A },
    { c: 1, day: 990, amount: 400, cost: 250, category: B },
    { c: 2, day: 950, amount: 600, cost: 400, category: A },
    { c: 2, day: 950, amount: 300, cost: 200, category: C },
    { c: 3, day: 940, amount: 200, cost: 150, category: A },
    { c: 4, day: 930, amount: 100, cost: 80, category: B },
    { c: 5, day: 920, amount: 50, cost: 40, category: D },
    { c: 5, day: 1010, amount: 5000, cost: 0, category: A },
    { c: 6, day: 950, amount: 300, cost: 100, category: A },
    { c: 6, day: 951, amount: 400, cost: 100, category: D },
    { c: 7, day: 950, amount: 200, cost: 100, category: D },
    { c: 7, day: 960, amount: 100, cost: 50, category: B },
    { c: 8, day: 950, amount: 100, cost: 60, category: D },
    { c: 9, day: 950, amount: 50, cost: 45, category: A },
    { c: 10, day: 950, amount: 999, cost: 0, category: C },
    { c: 11, day: 950, amount: -50, cost: -30, category: A },
  ];
  const ds = makeDataset(12, lines, { categories: ['A', 'B', 'C', 'D'] });
  const metrics = computeMetrics(ds, ASOF, METRIC_SETTINGS);
  const segmentOf = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, -1, 0]);
  const result = crossSell(ds, metrics, segmentOf, 2, SETTINGS, { bestShare: 0.5 });

  it('finds each segment’s ideal profile, ordered by adoption × margin', () => {
    const [s0, s1] = result.segments;
    expect(s0?.buyers).toBe(6);
    expect(s0?.bestCustomers).toBe(3);
    expect(s0?.ideal.map((x) => x.label)).toEqual(['A', 'B', 'C']);
    expect(s0?.ideal.map((x) => x.adoption)).toEqual([1, 2 / 3, 2 / 3]);
    expect(s0?.ideal[0]?.margin).toBeCloseTo(237.5, 10);
    expect(s0?.ideal[1]?.margin).toBeCloseTo(370 / 3, 10);
    expect(s0?.ideal[1]?.score).toBeCloseTo(740 / 9, 10);
    expect(s0?.ideal[2]?.score).toBeCloseTo(50, 10);
    expect(s1?.ideal.map((x) => x.item)).toEqual([D, A, B]);
    expect(s1?.ideal.map((x) => x.adoption)).toEqual([1, 0.5, 0.5]);
    expect(s1?.ideal[0]?.margin).toBeCloseTo(440 / 3, 10);
    expect(s1?.ideal[1]?.score).toBeCloseTo(51.25, 10);
    expect(s1?.ideal[2]?.score).toBeCloseTo(25, 10);
  });

  it('measures potential against the typical profit of the full profile, else of the best customers', () => {
    expect(result.segments[0]).toMatchObject({ typicalProfit: 650, typicalBasis: 'fullProfile', fullProfileBest: 1 });
    expect(result.segments[1]).toMatchObject({ typicalProfit: 325, typicalBasis: 'bestCustomers', fullProfileBest: 0 });
    // Segment 0: 650 − (650, 450, 300, 50, 20, 10); segment 1: 325 − (500, 150, 40, 5), floored at 0.
    expect(Array.from(result.potentialProfit)).toEqual([0, 200, 350, 600, 630, 640, 0, 175, 285, 320, 0, 0]);
    expect(Array.from(result.missingCount)).toEqual([0, 1, 1, 2, 2, 3, 1, 1, 2, 2, 0, 0]);
  });

  it('lists the missing items per customer as ranked offers', () => {
    const rows = offerRows(result).map(([c, item, rank, score]) => [c, item, rank, Math.round(score * 100) / 100]);
    expect(rows).toEqual([
      [1, C, 1, 50],
      [2, B, 1, 82.22],
      [3, B, 1, 82.22],
      [3, C, 2, 50],
      [4, A, 1, 237.5],
      [4, C, 2, 50],
      [5, A, 1, 237.5],
      [5, B, 2, 82.22],
      [5, C, 3, 50],
      [6, B, 1, 25],
      [7, A, 1, 51.25],
      [8, A, 1, 51.25],
      [8, B, 2, 25],
      [9, D, 1, 146.67],
      [9, B, 2, 25],
    ]);
  });

  it('takes the top 20 % by default and breaks ties at the cut by customer order', () => {
    // Ten buyers of A: c0 earns 100 and also buys B; c1, c2, c3 tie at 50 (c1 buys C, c2 buys B); the rest earn 10.
    // Top 20 % of 10 = 2: c0 and, of the tied, c1 → adoption A 1, B 1/2, C 1/2 (c2 would have given B 1, C 0).
    const tie: Line[] = [];
    const profit = [100, 50, 50, 50, 10, 10, 10, 10, 10, 10];
    profit.forEach((p, c) => tie.push({ c, day: 990, amount: p, cost: 0, category: A }));
    tie.push({ c: 0, day: 991, amount: 1, cost: 1, category: B }, { c: 1, day: 991, amount: 1, cost: 1, category: C }, { c: 2, day: 991, amount: 1, cost: 1, category: B });
    const data = makeDataset(10, tie, { categories: ['A', 'B', 'C'] });
    const r = crossSell(data, computeMetrics(data, ASOF, METRIC_SETTINGS), new Int32Array(10), 1, SETTINGS);
    expect(r.segments[0]?.bestCustomers).toBe(2);
    expect(r.segments[0]?.ideal.map((x) => [x.label, x.adoption])).toEqual([
      ['A', 1],
      ['B', 0.5],
      ['C', 0.5],
    ]);
  });

  it('works on products, uses product margin rates, and refuses segment codes out of range', () => {
    // Products P (margin rate 0.5) and Q (no rate → default 0.3); one segment, best share 0.2 of 2 buyers = 1 (c0).
    const data = makeDataset(2, [
      { c: 0, day: 990, amount: 100, product: 0, category: 0 },
      { c: 0, day: 991, amount: 100, product: 1, category: 0 },
      { c: 1, day: 990, amount: 10, product: 1, category: 0 },
    ], { products: ['P', 'Q'], categories: ['K'] });
    data.productMargin[0] = 0.5;
    const m = computeMetrics(data, ASOF, METRIC_SETTINGS);
    const r = crossSell(data, m, new Int32Array(2), 1, { ...SETTINGS, crossSellLevel: 'product' });
    // P: 100 × 0.5 = 50 per buyer; Q: (100 × 0.3 + 10 × 0.3) / 2 = 16.5.
    expect(r.segments[0]?.ideal.map((x) => [x.label, x.margin])).toEqual([
      ['P', 50],
      ['Q', 16.5],
    ]);
    expect(offerRows(r)).toEqual([[1, 0, 1, 50]]);
    // c0: 50 + 30 = 80, c1: 3 → potential 77.
    expect(r.potentialProfit[1]).toBeCloseTo(77, 10);
    expect(() => crossSell(data, m, Int32Array.from([0, 2]), 2, SETTINGS)).toThrow(RangeError);
  });
});

describe('cross-sell: property against a direct reading of the definitions', () => {
  it('agrees with a slow reference on random data', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = random(seed);
      const customers = 5 + Math.floor(rnd() * 40);
      const items = 1 + Math.floor(rnd() * 6);
      const segments = 1 + Math.floor(rnd() * 3);
      const lines: Line[] = [];
      for (let c = 0; c < customers; c++) {
        const k = Math.floor(rnd() * 6);
        for (let j = 0; j < k; j++) {
          const amount = rnd() < 0.1 ? -Math.round(rnd() * 50) : Math.round(rnd() * 200);
          lines.push({ c, day: 700 + Math.floor(rnd() * 350), amount, cost: rnd() < 0.3 ? Number.NaN : Math.round(amount * rnd()), category: rnd() < 0.1 ? NO_CODE : Math.floor(rnd() * items) });
        }
      }
      const ds = makeDataset(customers, lines, { categories: Array.from({ length: items }, (_, i) => `I${i}`) });
      const metrics = computeMetrics(ds, ASOF, METRIC_SETTINGS);
      const segmentOf = Int32Array.from({ length: customers }, () => Math.floor(rnd() * (segments + 1)) - 1);
      const threshold = 0.2 + rnd() * 0.8;
      const result = crossSell(ds, metrics, segmentOf, segments, { ...SETTINGS, idealProfileAdoption: threshold });

      // Reference: sets and sorts straight from the definitions.
      const bought = Array.from({ length: customers }, () => new Set<number>());
      const pairMargin = new Map<string, number>();
      ds.transactions.customer.forEach((c, i) => {
        const item = ds.transactions.category[i] as number;
        if ((ds.transactions.day[i] as number) > ASOF || item < 0) return;
        const amount = ds.transactions.amount[i] as number;
        const cost = ds.transactions.cost[i] as number;
        const key = `${c}:${item}`;
        pairMargin.set(key, (pairMargin.get(key) ?? 0) + (Number.isNaN(cost) ? amount * 0.3 : amount - cost));
        if (amount > 0) bought[c]?.add(item);
      });
      const profit = metrics.currentProfit;
      const offers: string[] = [];
      for (let s = 0; s < segments; s++) {
        const members = [...Array(customers).keys()].filter((c) => segmentOf[c] === s && metrics.hasPurchase[c] === 1);
        const ranked = [...members].sort((x, y) => (profit[y] as number) - (profit[x] as number) || x - y);
        const best = ranked.slice(0, members.length === 0 ? 0 : Math.max(1, Math.ceil(members.length * 0.2 - 1e-9)));
        const ideal: { item: number; adoption: number; margin: number; score: number }[] = [];
        for (let item = 0; item < items; item++) {
          const adoption = best.filter((c) => bought[c]?.has(item)).length / best.length;
          if (!(adoption >= threshold)) continue;
          const buyers = members.filter((c) => bought[c]?.has(item));
          const margin = buyers.reduce((sum, c) => sum + (pairMargin.get(`${c}:${item}`) ?? 0), 0) / buyers.length;
          ideal.push({ item, adoption, margin, score: adoption * margin });
        }
        ideal.sort((x, y) => y.score - x.score || y.adoption - x.adoption || x.item - y.item);
        const got = result.segments[s];
        expect(got?.ideal.map((x) => x.item)).toEqual(ideal.map((x) => x.item));
        ideal.forEach((x, j) => expect(got?.ideal[j]?.margin).toBeCloseTo(x.margin, 8));
        const full = best.filter((c) => ideal.every((x) => bought[c]?.has(x.item)));
        const basis = full.length > 0 ? full : best;
        const values = basis.map((c) => profit[c] as number).sort((x, y) => x - y);
        const mid = values.length >> 1;
        const typical = values.length === 0 ? null : values.length % 2 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
        if (typical === null) expect(got?.typicalProfit).toBeNull();
        else expect(got?.typicalProfit).toBeCloseTo(typical, 8);
        for (const c of members) {
          const missing = ideal.filter((x) => !bought[c]?.has(x.item));
          expect(result.missingCount[c]).toBe(missing.length);
          expect(result.potentialProfit[c]).toBeCloseTo(typical === null ? 0 : Math.max(0, typical - (profit[c] as number)), 8);
          missing.forEach((x, j) => offers.push(`${c}:${x.item}:${j + 1}`));
        }
      }
      const got = offerRows(result).map(([c, item, rank]) => `${c}:${item}:${rank}`);
      expect(got.sort()).toEqual(offers.sort());
      for (let c = 0; c < customers; c++) {
        if (segmentOf[c] === -1 || metrics.hasPurchase[c] !== 1) {
          expect(result.missingCount[c]).toBe(0);
          expect(result.potentialProfit[c]).toBe(0);
        }
      }
    }
  });
});
