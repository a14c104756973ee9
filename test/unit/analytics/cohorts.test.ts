import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../../shared/analytics/calendar';
import { periodIndex as periodOfDay } from '../../../shared/analytics/calendar';
import { computeCohorts } from '../../../shared/analytics/cohorts';
import { purchaseOccasions } from '../../../shared/analytics/occasions';
import { Interner, NO_CODE, type AnalysisDataset } from '../../../shared/analytics/dataset';
import { computeMetrics } from '../../../shared/analytics/metrics';
import { epochDayFromIso } from '../../../shared/domain/dates';

/** A transaction as a reader writes it: customer, ISO date, net amount, and optionally cost of goods, order id, product. */
type Row = [customer: string, date: string, amount: number, extra?: { cost?: number; order?: string; product?: string }];

/** An AnalysisDataset with the given transactions (sorted by customer, then day) and no other tables. */
function datasetFrom(rows: readonly Row[], extraCustomers: readonly string[] = []): AnalysisDataset {
  const customers = new Interner();
  const orders = new Interner();
  const products = new Interner();
  for (const [customer] of rows) customers.code(customer);
  for (const customer of extraCustomers) customers.code(customer);
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
      cost: Float64Array.from(sorted, (t) => t.row[3]?.cost ?? Number.NaN),
      product: Int32Array.from(sorted, (t) => products.code(t.row[3]?.product)),
      category: new Int32Array(count).fill(NO_CODE),
      order: Int32Array.from(sorted, (t) => orders.code(t.row[3]?.order)),
    },
    serviceCosts: { count: 0, customer: new Int32Array(0), day: new Int32Array(0), cost: new Float64Array(0) },
    marketing: { count: 0, channel: new Int32Array(0), start: new Int32Array(0), end: new Int32Array(0), spend: new Float64Array(0), newCustomers: new Float64Array(0) },
    prospects: { count: 0, labels: [], channel: new Int32Array(0), region: new Int32Array(0), industry: new Int32Array(0), size: new Int32Array(0), age: new Float64Array(0), income: new Float64Array(0) },
    dictionaries: { channels: [], regions: [], industries: [], sizes: [], products: products.values, categories: [] },
    productMargin: new Float64Array(products.values.length).fill(Number.NaN),
  };
}

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** A random dataset over 2022–2024: refunds, order ids spanning days, lines with and without cost. */
function randomDataset(seed: number, customers: number): AnalysisDataset {
  const next = random(seed);
  const rows: Row[] = [];
  const start = epochDayFromIso('2022-01-01');
  for (let c = 0; c < customers; c++) {
    let day = start + Math.floor(next() * 900);
    const visits = 1 + Math.floor(next() * 8);
    for (let v = 0; v < visits; v++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const withOrder = next() < 0.5;
      const order = withOrder ? `o${c}-${v}` : undefined;
      const lines = 1 + Math.floor(next() * 3);
      for (let l = 0; l < lines; l++) {
        const amount = next() < 0.15 ? -Math.round(next() * 50) : Math.round(next() * 200);
        const cost = next() < 0.5 ? Math.round(amount * 0.6) : undefined;
        rows.push([`c${c}`, iso, amount, { ...(order ? { order } : {}), ...(cost !== undefined ? { cost } : {}) }]);
      }
      if (withOrder && next() < 0.2) {
        // A refund against the order on a later day.
        const later = new Date((day + 3) * 86_400_000).toISOString().slice(0, 10);
        rows.push([`c${c}`, later, -10, { order: `o${c}-${v}` }]);
      }
      day += 1 + Math.floor(next() * 200);
    }
  }
  return datasetFrom(rows, ['never-bought']);
}

const day = epochDayFromIso;
const closeTo = (actual: readonly (readonly number[])[], expected: readonly (readonly number[])[]) => {
  expect(actual.map((row) => row.length)).toEqual(expected.map((row) => row.length));
  actual.forEach((row, r) => row.forEach((value, k) => expect(value).toBeCloseTo(expected[r]?.[k] as number, 9)));
};

// Three customers over four months of 2024 (a leap year), analysed on 30 April:
// A buys in Jan, Feb and Apr; B buys in Jan and has a lone refund in Mar (not a purchase);
// C buys twice in Feb (one line with cost of goods) and once in Mar. Default margin 30 %.
const THREE: Row[] = [
  ['A', '2024-01-05', 100],
  ['A', '2024-02-10', 50],
  ['A', '2024-04-20', 80],
  ['B', '2024-01-20', 200],
  ['B', '2024-03-15', -50],
  ['C', '2024-02-03', 60, { cost: 20 }],
  ['C', '2024-02-20', 40],
  ['C', '2024-03-01', 30],
  ['A', '2024-05-02', 999], // after the analysis date: ignored
];
const SETTINGS = { cohortPeriod: 'month', defaultMarginRate: 0.3 } as const;

describe('monthly cohorts, by hand', () => {
  const table = computeCohorts(datasetFrom(THREE), day('2024-04-30'), SETTINGS, 60);

  it('groups customers by the month of their first purchase', () => {
    expect(table.labels).toEqual(['2024-01', '2024-02']);
    expect(table.size).toEqual([2, 1]); // Jan: A, B; Feb: C
    expect(table.lastPeriodComplete).toBe(true); // 30 April is the month's last day
  });

  it('counts who bought in each period after acquisition', () => {
    // Jan cohort: k0 A+B; k1 (Feb) A; k2 (Mar) only B's refund → nobody; k3 (Apr) A.
    // Feb cohort: k0 C; k1 (Mar) C; k2 (Apr) nobody.
    expect(table.active).toEqual([[2, 1, 0, 1], [1, 1, 0]]);
    closeTo(table.retention, [[1, 0.5, 0, 0.5], [1, 1, 0]]);
    // Pooled: k0 (2+1)/(2+1); k1 (1+1)/3; k2 (0+0)/3; k3 1/2 (only the Jan cohort has a k3).
    closeTo([table.averageRetention], [[1, 2 / 3, 0, 0.5]]);
  });

  it('sums revenue and margin per period, in total and per original customer', () => {
    // Jan: k0 100+200 = 300; k1 50; k2 −50 (the refund); k3 80. Feb: k0 60+40 = 100; k1 30; k2 0.
    closeTo(table.revenue, [[300, 50, -50, 80], [100, 30, 0]]);
    closeTo(table.revenuePerCustomer, [[150, 25, -25, 40], [100, 30, 0]]);
    // Margin 30 % except C's first line (60 − 20 = 40): Jan 90, 15, −15, 24; Feb 40 + 12 = 52, 9, 0.
    closeTo(table.margin, [[90, 15, -15, 24], [52, 9, 0]]);
    closeTo(table.marginPerCustomer, [[45, 7.5, -7.5, 12], [52, 9, 0]]);
    // LTV curve: Jan 45, 45+7.5 = 52.5, 52.5−7.5 = 45, 45+12 = 57; Feb 52, 61, 61.
    closeTo(table.cumulativeMarginPerCustomer, [[45, 52.5, 45, 57], [52, 61, 61]]);
  });

  it('averages lifetimes two ways', () => {
    const life = table.lifetime;
    // W = 60. A: 5 Jan → 20 Apr = 106 days, +60 = 166, capped at 5 Jan → 30 Apr = 116 (still active).
    // B: 20 Jan → 20 Jan + 60 = 60, ended 20 Mar (< 30 Apr): lost. C: 3 Feb → 1 Mar = 27, +60 = 87,
    // ends exactly on 30 Apr: recency 60 = W is still active, capped at 3 Feb → 30 Apr = 87.
    expect(life.customers).toBe(3);
    expect(life.observedMeanDays).toBeCloseTo((116 + 60 + 87) / 3, 9);
    expect(life.observedMeanYears).toBeCloseTo((116 + 60 + 87) / 3 / 365.25, 9);
    // Kaplan–Meier: B's loss at day 60 with 3 at risk → S = 2/3 from day 60; A and C are censored.
    // Horizon 116 days: area = 60 × 1 + 56 × 2/3.
    expect(life.survivalHorizonDays).toBe(116);
    expect(life.survivalMeanDays).toBeCloseTo(60 + (56 * 2) / 3, 9);
    expect(life.survivalAtHorizon).toBeCloseTo(2 / 3, 9);
    // Sampled each 30.44 days: days 0, 30, 61, 91 (122 is past the horizon).
    closeTo([life.survival], [[1, 1, 2 / 3, 2 / 3]]);
  });
});

describe('quarterly cohorts', () => {
  it('labels quarters and leaves the partial current quarter out of the pooled retention', () => {
    const table = computeCohorts(datasetFrom(THREE), day('2024-04-30'), { ...SETTINGS, cohortPeriod: 'quarter' }, 60);
    expect(table.labels).toEqual(['2024-Q1']);
    expect(table.size).toEqual([3]);
    expect(table.lastPeriodComplete).toBe(false);
    // Q1: A, B, C bought; Q2 (April so far): A.
    expect(table.active).toEqual([[3, 1]]);
    // Q1 revenue 300 + 50 − 50 + 100 + 30 = 430; Q2 80.
    closeTo(table.revenue, [[430, 80]]);
    closeTo(table.averageRetention.map((v) => [v]), [[1]]);
  });
});

describe('purchase occasions', () => {
  it('counts an order once over several days and ignores refunds alone', () => {
    const dataset = datasetFrom([
      ['A', '2024-01-01', 100, { order: '1' }],
      ['A', '2024-01-01', 20, { order: '1' }],
      ['A', '2024-01-05', -30, { order: '1' }], // refund against order 1: money, not an occasion
      ['A', '2024-01-05', 40], // a day without order ids: one occasion
      ['A', '2024-01-05', 10],
      ['A', '2024-01-09', -15], // a lone refund
      ['A', '2024-01-10', 30, { order: '2' }],
    ]);
    const occ = purchaseOccasions(dataset, day('2024-12-31'));
    expect(Array.from(occ.day)).toEqual([day('2024-01-01'), day('2024-01-05'), day('2024-01-10')]);
    expect(Array.from(occ.offsets)).toEqual([0, 3]);
  });

  it('agrees with computeMetrics on random data', () => {
    const dataset = randomDataset(7, 300);
    for (const iso of ['2022-06-30', '2023-12-31', '2025-01-01']) {
      const asOf = day(iso);
      const metrics = computeMetrics(dataset, asOf, { currentWindowMonths: 12, defaultMarginRate: 0.3, costPerOrder: 0 });
      const occ = purchaseOccasions(dataset, asOf);
      for (let c = 0; c < dataset.customers.count; c++) {
        const from = occ.offsets[c] as number;
        const to = occ.offsets[c + 1] as number;
        expect(to - from).toBe(metrics.orders[c]);
        if (to > from) {
          expect(occ.day[from]).toBe(metrics.firstDay[c]);
          expect(occ.day[to - 1]).toBe(metrics.lastDay[c]);
        }
      }
    }
  });

  it('finds the month of a day like calendar.monthIndex', () => {
    const wrong: number[] = [];
    for (let d = -200_000; d <= 200_000; d += 3) {
      const month = monthIndex(d);
      if (periodOfDay(d, 'month') !== month || periodOfDay(d, 'quarter') !== Math.floor(month / 3)) wrong.push(d);
    }
    expect(wrong).toEqual([]);
  });
});

describe('cohort properties on random data', () => {
  const dataset = randomDataset(11, 400);
  for (const period of ['month', 'quarter'] as const) {
    for (const iso of ['2023-03-15', '2024-12-31']) {
      it(`holds for ${period} cohorts as of ${iso}`, () => {
        const asOf = day(iso);
        const table = computeCohorts(dataset, asOf, { cohortPeriod: period, defaultMarginRate: 0.3 }, 90);
        const metrics = computeMetrics(dataset, asOf, { currentWindowMonths: 12, defaultMarginRate: 0.3, costPerOrder: 0 });
        let buyers = 0;
        let revenue = 0;
        let margin = 0;
        for (let c = 0; c < metrics.count; c++) {
          if (!metrics.hasPurchase[c]) continue;
          buyers++;
          revenue += metrics.revenue[c] as number;
          margin += metrics.grossMargin[c] as number;
        }
        // Every buyer is in exactly one cohort; the cohorts hold all of the buyers' money.
        expect(table.size.reduce((a, b) => a + b, 0)).toBe(buyers);
        expect(table.lifetime.customers).toBe(buyers);
        expect(table.revenue.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(revenue, 6);
        expect(table.margin.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(margin, 6);
        const last = periodOfDay(asOf, period);
        table.retention.forEach((row, r) => {
          expect(row.length).toBe(last - (table.periodIndex[r] as number) + 1);
          expect(row[0]).toBe(1);
          for (const value of row) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        });
        for (let r = 1; r < table.periodIndex.length; r++) expect(table.periodIndex[r]).toBeGreaterThan(table.periodIndex[r - 1] as number);
        // Survival is a non-increasing share, and accounting for censoring never shortens the average.
        const life = table.lifetime;
        life.survival.forEach((value, k) => {
          expect(value).toBeLessThanOrEqual(k === 0 ? 1 : (life.survival[k - 1] as number));
          expect(value).toBeGreaterThanOrEqual(0);
        });
        expect(life.survivalMeanDays).toBeGreaterThanOrEqual(life.observedMeanDays - 1e-9);
        expect(JSON.parse(JSON.stringify(table))).toEqual(table);
      });
    }
  }

  it('gives the same two lifetimes when every customer has lapsed', () => {
    // Long after the last purchase nobody is censored, so Kaplan–Meier is the plain mean.
    const life = computeCohorts(dataset, day('2030-01-01'), SETTINGS, 90).lifetime;
    expect(life.survivalAtHorizon).toBe(0);
    expect(life.survivalMeanDays).toBeCloseTo(life.observedMeanDays, 9);
  });

  it('is empty when nobody has bought yet', () => {
    const table = computeCohorts(dataset, day('2000-01-01'), SETTINGS, 90);
    expect(table.labels).toEqual([]);
    expect(table.retention).toEqual([]);
    expect(table.averageRetention).toEqual([]);
    expect(table.lifetime).toMatchObject({ customers: 0, observedMeanDays: 0, survivalMeanDays: 0, survival: [] });
  });

  it('refuses a window that is not a positive number of days', () => {
    expect(() => computeCohorts(dataset, day('2024-01-01'), SETTINGS, 0)).toThrow(RangeError);
  });
});
