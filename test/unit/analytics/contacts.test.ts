import { describe, expect, it } from 'vitest';
import { medianInPlace, selectInPlace } from '../../../shared/analytics/stats';
import { CONTACT_REASONS, contactPlan, type ContactPlan } from '../../../shared/analytics/contacts';
import { NO_CODE, NO_DAY, type AnalysisDataset } from '../../../shared/analytics/dataset';
import { computeMetrics } from '../../../shared/analytics/metrics';
import { random } from '../../support/random';

/** A dataset literal from [customer, day, amount] lines (sorted by customer, then day, here). */
function makeDataset(customers: number, lines: [number, number, number][]): AnalysisDataset {
  const sorted = [...lines].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
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
      customer: Int32Array.from(sorted, (l) => l[0]),
      day: Int32Array.from(sorted, (l) => l[1]),
      amount: Float64Array.from(sorted, (l) => l[2]),
      cost: new Float64Array(count).fill(Number.NaN),
      product: codes(count),
      category: codes(count),
      order: codes(count),
    },
    serviceCosts: { count: 0, customer: new Int32Array(0), day: new Int32Array(0), cost: new Float64Array(0) },
    marketing: { count: 0, channel: new Int32Array(0), start: new Int32Array(0), end: new Int32Array(0), spend: new Float64Array(0), newCustomers: new Float64Array(0) },
    prospects: { count: 0, labels: [], channel: codes(0), region: codes(0), industry: codes(0), size: codes(0), age: new Float64Array(0), income: new Float64Array(0) },
    dictionaries: { channels: [], regions: [], industries: [], sizes: [], products: [], categories: [] },
    productMargin: new Float64Array(0),
  };
}

const METRIC_SETTINGS = { currentWindowMonths: 12, defaultMarginRate: 0.3, costPerOrder: 0 };
const SETTINGS = { contactLeadDays: 7, contactCap: 36, contactCapYears: 3 };
const ASOF = 1000;

function rows(plan: ContactPlan): [number, number, string][] {
  return Array.from(plan.customer, (c, i) => [c, plan.day[i] as number, CONTACT_REASONS[plan.reason[i] as number] as string]);
}

describe('contact plan', () => {
  // As of day 1000, lead 7 days, 36 contacts in 3 years → min spacing 3 × 365.25 / 36 = 30.4375 → 31 whole days.
  // Horizon 90 days: [1001, 1090]. Inactivity window 365 days.
  // c0: purchases 900, 910, 930, 960 → gaps 10, 20, 30, median 20; 960 + 20 − 7 = 973 < 1001 → 1001;
  //     spacing max(20, 31) = 31 → 1001, 1032, 1063 (1094 is past the horizon).
  // c1: 800, 860, 920, 985 (twice that day), a refund alone on 990 → gaps 60, 60, 65, median 60;
  //     985 + 60 − 7 = 1038, spacing 60 → 1038 only (1098 is past the horizon).
  // Pooled gaps: 10 20 30 | 60 60 65 | 40 (c3) → sorted 10 20 30 40 60 60 65 → population gap 40.
  // c2: one purchase on 990, c3: 950 and 990 (1 gap) → population gap: 990 + 40 − 7 = 1023, then 1063 (1103 is past).
  // c4: last purchase 500 → recency 500 > 365 → win-back on 1001. c5: lapsed, excluded from win-back.
  // c6: no purchase (a refund only). c7: excluded altogether.
  // c8 (fast, below): every 5 days from 960 to 995 → gap 5; 995 + 5 − 7 = 993 → 1001, spacing max(5, 31) = 31.
  const lines: [number, number, number][] = [
    [0, 900, 10], [0, 910, 10], [0, 930, 10], [0, 960, 10],
    [1, 800, 10], [1, 860, 10], [1, 920, 10], [1, 985, 10], [1, 985, 5], [1, 990, -5],
    [2, 990, 10],
    [3, 950, 10], [3, 990, 10],
    [4, 500, 10],
    [5, 400, 10],
    [6, 990, -10],
    [7, 990, 10],
    [7, 1005, 10], // after the analysis date: ignored
  ];
  const ds = makeDataset(8, lines);
  const metrics = computeMetrics(ds, ASOF, METRIC_SETTINGS);
  const exclude = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 1]);
  const excludeWinBack = Uint8Array.from([0, 0, 0, 0, 0, 1, 0, 0]);
  const fast = makeDataset(1, [960, 965, 970, 975, 980, 985, 990, 995].map((day): [number, number, number] => [0, day, 10]));
  const fastMetrics = computeMetrics(fast, ASOF, METRIC_SETTINGS);
  const plan = contactPlan(ds, metrics, SETTINGS, { inactivityDays: 365, exclude, excludeWinBack });

  it('plans contacts from each customer’s rhythm, within the horizon and the cap', () => {
    expect(plan.minSpacing).toBeCloseTo(30.4375, 12);
    expect(plan.minSpacingDays).toBe(31);
    expect(plan.populationGap).toBe(40);
    expect([plan.firstDay, plan.lastDay]).toEqual([1001, 1090]);
    expect(rows(plan)).toEqual([
      [0, 1001, 'rhythm'], [0, 1032, 'rhythm'], [0, 1063, 'rhythm'],
      [1, 1038, 'rhythm'],
      [2, 1023, 'rhythm'], [2, 1063, 'rhythm'],
      [3, 1023, 'rhythm'], [3, 1063, 'rhythm'],
      [4, 1001, 'winBack'],
    ]);
    expect(plan.count).toBe(9);
    expect(Array.from(plan.expectedGap)).toEqual([20, 60, 40, 40, 0, 0, 0, 0]);
    expect(Array.from(plan.nextContact)).toEqual([1001, 1038, 1023, 1023, 1001, NO_DAY, NO_DAY, NO_DAY]);
  });

  it('spaces a fast buyer’s contacts by the cap, not by their rhythm', () => {
    const p = contactPlan(fast, fastMetrics, SETTINGS, { inactivityDays: 365 });
    expect(p.expectedGap[0]).toBe(5);
    expect(rows(p)).toEqual([[0, 1001, 'rhythm'], [0, 1032, 'rhythm'], [0, 1063, 'rhythm']]);
  });

  it('reports the next contact beyond a short horizon, and holds the cap over its full period', () => {
    const short = contactPlan(ds, metrics, SETTINGS, { inactivityDays: 365, horizonDays: 30 });
    expect(rows(short).filter(([c]) => c === 1)).toEqual([]);
    expect(short.nextContact[1]).toBe(1038);
    // The fast buyer over 3 years (1096 days: 1001…2096): 1001 + 31k ≤ 2096 → k = 0…35 → exactly 36 contacts.
    const long = contactPlan(fast, fastMetrics, SETTINGS, { inactivityDays: 365, horizonDays: 1096 });
    expect(long.count).toBe(36);
    // 10 contacts a year → 36.525 days → 37-day spacing: 1001, 1038, 1075 in 90 days.
    const sparse = contactPlan(fast, fastMetrics, { ...SETTINGS, contactCap: 10, contactCapYears: 1 }, { inactivityDays: 365 });
    expect(Array.from(sparse.day)).toEqual([1001, 1038, 1075]);
  });

  it('falls back to the inactivity window when nobody has bought twice', () => {
    const single = makeDataset(2, [[0, 990, 10], [1, 995, 10]]);
    const p = contactPlan(single, computeMetrics(single, ASOF, METRIC_SETTINGS), SETTINGS, { inactivityDays: 60 });
    // 990 + 60 − 7 = 1043; 995 + 60 − 7 = 1048; spacing 60 → one contact each in 90 days.
    expect(p.populationGap).toBe(60);
    expect(rows(p)).toEqual([[0, 1043, 'rhythm'], [1, 1048, 'rhythm']]);
  });
});

describe('contact plan properties', () => {
  it('finds medians as a sort would', () => {
    const rnd = random(7);
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(rnd() * 120);
      const values = Int32Array.from({ length: n }, () => Math.floor(rnd() * (t % 3 === 0 ? 4 : 1000)));
      const sorted = Array.from(values).sort((a, b) => a - b);
      const expected = n % 2 ? (sorted[n >> 1] as number) : ((sorted[(n >> 1) - 1] as number) + (sorted[n >> 1] as number)) / 2;
      // Within a slice, leaving the rest alone.
      const padded = new Int32Array(n + 4).fill(-99);
      padded.set(values, 2);
      expect(medianInPlace(padded, 2, n + 2)).toBe(expected);
      expect([padded[0], padded[1], padded[n + 2], padded[n + 3]]).toEqual([-99, -99, -99, -99]);
    }
    expect(medianInPlace(new Int32Array(0), 0, 0)).toBeNaN();
  });

  it('selects the k-th smallest as a sort would, in integer and float arrays', () => {
    const rnd = random(8);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(rnd() * 300);
      const values = Float64Array.from({ length: n }, () => (t % 2 ? Math.floor(rnd() * 5) : (rnd() - 0.5) * 1e6));
      const sorted = Array.from(values).sort((a, b) => a - b);
      const k = Math.floor(rnd() * n);
      const copy = Float64Array.from(values);
      expect(selectInPlace(copy, 0, n, k)).toBe(sorted[k]);
      expect(copy.subarray(0, k).every((x) => x <= (sorted[k] as number))).toBe(true);
      expect(copy.subarray(k + 1).every((x) => x >= (sorted[k] as number))).toBe(true);
      expect(Array.from(copy).sort((a, b) => a - b)).toEqual(sorted);
      expect(selectInPlace(Int32Array.from(values, Math.round), 0, n, k)).toBe(Math.round(sorted[k] as number) | 0);
    }
  });

  it('keeps every contact in the horizon, spaced by at least the cap’s spacing, and never more than the cap in its period', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const customers = 1 + Math.floor(rnd() * 30);
      const lines: [number, number, number][] = [];
      for (let c = 0; c < customers; c++) {
        const k = Math.floor(rnd() * 8);
        for (let j = 0; j < k; j++) lines.push([c, Math.floor(rnd() * 1000), rnd() < 0.1 ? -5 : 10]);
      }
      const ds = makeDataset(customers, lines);
      const settings = { contactLeadDays: Math.floor(rnd() * 20), contactCap: 1 + Math.floor(rnd() * 60), contactCapYears: 0.25 + rnd() * 3 };
      const horizonDays = 1 + Math.floor(rnd() * 1500);
      const plan = contactPlan(ds, computeMetrics(ds, ASOF, METRIC_SETTINGS), settings, { inactivityDays: 30 + Math.floor(rnd() * 300), horizonDays });
      const period = settings.contactCapYears * 365.25;
      const byCustomer = new Map<number, number[]>();
      const problems: string[] = [];
      for (let i = 0; i < plan.count; i++) {
        const day = plan.day[i] as number;
        if (day < ASOF + 1 || day > ASOF + horizonDays) problems.push(`day ${day} outside the horizon`);
        const list = byCustomer.get(plan.customer[i] as number) ?? [];
        list.push(day);
        byCustomer.set(plan.customer[i] as number, list);
      }
      for (const [c, days] of byCustomer) {
        for (let j = 1; j < days.length; j++) if ((days[j] as number) - (days[j - 1] as number) < period / settings.contactCap) problems.push(`customer ${c}: contacts too close`);
        // Any window of the cap's period starting at a contact holds at most contactCap contacts.
        for (let j = 0; j < days.length; j++) {
          if (days.filter((d) => d >= (days[j] as number) && d < (days[j] as number) + period).length > settings.contactCap) problems.push(`customer ${c}: over the cap`);
        }
      }
      expect(problems).toEqual([]);
    }
  });
});
