import { describe, expect, it } from 'vitest';
import { NO_CODE, type AnalysisDataset } from '../../../shared/analytics/dataset';
import { ageBand, incomeBand, incomeCuts, lookalikeProfile, scoreProspects, type LookalikeProfile } from '../../../shared/analytics/lookalike';
import { random } from '../../support/random';

interface Person {
  region?: number;
  industry?: number;
  size?: number;
  channel?: number;
  age?: number;
  income?: number;
}

/** A dataset literal with only customer and prospect attributes (no transactions). */
function makeDataset(customers: Person[], prospects: Person[] = [], regions = ['North', 'South']): AnalysisDataset {
  const columns = (people: Person[]) => ({
    count: people.length,
    labels: people.map((_, i) => `P${i}`),
    channel: Int32Array.from(people, (p) => p.channel ?? NO_CODE),
    region: Int32Array.from(people, (p) => p.region ?? NO_CODE),
    industry: Int32Array.from(people, (p) => p.industry ?? NO_CODE),
    size: Int32Array.from(people, (p) => p.size ?? NO_CODE),
    age: Float64Array.from(people, (p) => p.age ?? Number.NaN),
    income: Float64Array.from(people, (p) => p.income ?? Number.NaN),
  });
  const n = customers.length;
  const none = { count: 0, customer: new Int32Array(0), day: new Int32Array(0), cost: new Float64Array(0) };
  return {
    customers: { ...columns(customers), acquiredDay: new Int32Array(n), acquisitionCost: new Float64Array(n).fill(Number.NaN) },
    transactions: { ...none, amount: new Float64Array(0), product: new Int32Array(0), category: new Int32Array(0), order: new Int32Array(0) },
    serviceCosts: none,
    marketing: { count: 0, channel: new Int32Array(0), start: new Int32Array(0), end: new Int32Array(0), spend: new Float64Array(0), newCustomers: new Float64Array(0) },
    prospects: columns(prospects),
    dictionaries: { channels: ['web', 'shop'], regions, industries: ['retail', 'food'], sizes: ['small', 'large'], products: [], categories: [] },
    productMargin: new Float64Array(0),
  };
}

const N = 0;
const S = 1;
// Ten customers; future profit 100, 90, … makes c0 and c1 the top 20 % (2 of 10).
// Regions: North = c0, c1, c2, c8 (4), South = the other 6.
// Ages → bands: 30 32 60 22 45 28 ? 70 33 50 → 25–34 = c0, c1, c5, c8 (4 of 9 known), the others ≤ 2 each.
// Incomes 90 80 70 10 20 30 40 50 60 ? → sorted 10…90 (9 known), cuts at ranks ⌊9k/5⌋ = 1, 3, 5, 7 → 20, 40, 60, 80.
const customers: Person[] = [
  { region: N, age: 30, income: 90 },
  { region: N, age: 32, income: 80 },
  { region: N, age: 60, income: 70 },
  { region: S, age: 22, income: 10 },
  { region: S, age: 45, income: 20 },
  { region: S, age: 28, income: 30 },
  { region: S, income: 40 },
  { region: S, age: 70, income: 50 },
  { region: N, age: 33, income: 60 },
  { region: S, age: 50 },
];
const value = Float64Array.from([100, 90, 10, 20, 30, 40, 50, 60, 70, 80]);

function lift(profile: LookalikeProfile, attribute: string, label: string): number | undefined {
  return profile.entries.find((e) => e.attribute === attribute && e.label === label)?.lift;
}

describe('bands', () => {
  it('puts ages and incomes into bands', () => {
    expect([24.9, 25, 34.9, 35, 44, 45, 54, 55, 64, 65, 90].map(ageBand)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect([Number.NaN, 0, -3, Number.POSITIVE_INFINITY].map(ageBand)).toEqual([NO_CODE, NO_CODE, NO_CODE, NO_CODE]);
    const cuts = incomeCuts(Float64Array.from([90, 80, 70, 10, 20, 30, 40, 50, 60, Number.NaN]));
    expect(cuts).toEqual([20, 40, 60, 80]);
    expect([10, 20, 30, 40, 59, 60, 79, 80, 1e9].map((x) => incomeBand(x, cuts))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(incomeBand(Number.NaN, cuts)).toBe(NO_CODE);
    expect(incomeBand(5, [])).toBe(NO_CODE);
  });
});

describe('look-alike profile', () => {
  const ds = makeDataset(customers);

  it('gives the raw share ratio without smoothing or support', () => {
    const raw = lookalikeProfile(ds, value, { minSupport: 0, priorWeight: 0 });
    expect(raw.population).toBe(10);
    expect(raw.topCount).toBe(2);
    expect(raw.topThreshold).toBe(90);
    expect(raw.incomeCuts).toEqual([20, 40, 60, 80]);
    // North: (2/2) ÷ (4/10) = 2.5; South: (0/2) ÷ (6/10) = 0.
    expect(lift(raw, 'region', 'North')).toBeCloseTo(2.5, 12);
    expect(lift(raw, 'region', 'South')).toBe(0);
    // 25–34: (2/2) ÷ (4/9) = 2.25 (c6's age is unknown, so shares are among 9).
    expect(lift(raw, 'ageBand', '25–34')).toBeCloseTo(2.25, 12);
    // Q5 = incomes ≥ 80: c0, c1 → (2/2) ÷ (2/9) = 4.5.
    expect(lift(raw, 'incomeBand', 'Q5')).toBeCloseTo(4.5, 12);
    expect(raw.entries[0]).toMatchObject({ attribute: 'incomeBand', label: 'Q5', customers: 2, top: 2, shareTop: 1 });
  });

  it('shrinks rare values towards 1 and leaves unsupported ones at 1', () => {
    const profile = lookalikeProfile(ds, value, { minSupport: 3, priorWeight: 10 });
    // North (4 ≥ 3 customers), P(top) = 2/10: (2 + 10 × 0.2) ÷ ((4 + 10) × 0.2) = 4 / 2.8 = 10/7.
    expect(lift(profile, 'region', 'North')).toBeCloseTo(10 / 7, 12);
    // South: (0 + 2) ÷ ((6 + 10) × 0.2) = 2 / 3.2 = 0.625.
    expect(lift(profile, 'region', 'South')).toBeCloseTo(0.625, 12);
    // 25–34 with P(top) = 2/9: (2 + 20/9) ÷ (14 × 2/9) = (38/9) ÷ (28/9) = 19/14.
    expect(lift(profile, 'ageBand', '25–34')).toBeCloseTo(19 / 14, 12);
    // Q5 has only 2 customers: unsupported.
    expect(profile.entries.find((e) => e.label === 'Q5')).toMatchObject({ lift: 1, supported: false });
    expect(profile.entries.map((e) => e.lift)).toEqual([...profile.entries.map((e) => e.lift)].sort((a, b) => b - a));
    expect(profile.entries[0]).toMatchObject({ attribute: 'region', label: 'North' });
    expect(profile.entries.at(-1)).toMatchObject({ attribute: 'region', label: 'South' });
    // Industry, size and channel are unknown for everyone: no entries, lift 1 for scoring.
    expect(profile.entries.some((e) => e.attribute === 'industry')).toBe(false);
    expect(profile.lifts.industry).toEqual([1, 1]);
  });

  it('scores prospects by the geometric mean of their known lifts', () => {
    const profile = lookalikeProfile(ds, value, { minSupport: 3, priorWeight: 10 });
    const prospects: Person[] = [
      { region: N, age: 30 }, // √(10/7 × 19/14) = √(190/98) = 1.3924 → Start
      { region: S, age: 60 }, // √(0.625 × 1) = 0.7906
      {}, // nothing known → 1
      { region: N, income: 95 }, // Q5 unsupported: √(10/7 × 1) = 1.1952 → below 1.2
      { region: N }, // 10/7 = 1.4286 → Start
    ];
    const scores = scoreProspects(makeDataset(customers, prospects), profile);
    expect(scores.score[0]).toBeCloseTo(Math.sqrt(190 / 98), 12);
    expect(scores.score[1]).toBeCloseTo(Math.sqrt(0.625), 12);
    expect(scores.score[2]).toBe(1);
    expect(scores.score[3]).toBeCloseTo(Math.sqrt(10 / 7), 12);
    expect(scores.score[4]).toBeCloseTo(10 / 7, 12);
    expect(Array.from(scores.known)).toEqual([2, 2, 0, 2, 1]);
    expect(Array.from(scores.start)).toEqual([1, 0, 0, 0, 1]);
    expect(Array.from(scores.ranked)).toEqual([4, 0]);
    // A lower threshold lets prospect 3 in.
    expect(Array.from(scoreProspects(makeDataset(customers, prospects), profile, 1.1).ranked)).toEqual([4, 0, 3]);
  });

  it('leaves out customers without a value and handles an empty population', () => {
    const partial = Float64Array.from(value);
    partial[9] = Number.NaN;
    expect(lookalikeProfile(ds, partial).population).toBe(9);
    const empty = lookalikeProfile(ds, new Float64Array(10).fill(Number.NaN));
    expect(empty).toMatchObject({ population: 0, topCount: 0 });
    expect(empty.entries.every((e) => e.lift === 1)).toBe(true);
  });
});

describe('look-alike properties', () => {
  it('smoothed lifts lie between 1 and the raw share ratio; scores are positive', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rnd = random(seed);
      const n = 5 + Math.floor(rnd() * 200);
      const people: Person[] = Array.from({ length: n }, () => ({
        region: rnd() < 0.1 ? undefined : Math.floor(rnd() * 2),
        industry: Math.floor(rnd() * 2),
        channel: rnd() < 0.5 ? 0 : 1,
        age: rnd() < 0.2 ? undefined : 18 + rnd() * 60,
        income: rnd() < 0.2 ? undefined : Math.round(rnd() * 100),
      }));
      const values = Float64Array.from({ length: n }, () => (rnd() < 0.1 ? Number.NaN : Math.round(rnd() * 50)));
      const ds = makeDataset(people, people.slice(0, 20));
      const raw = lookalikeProfile(ds, values, { minSupport: 0, priorWeight: 0 });
      const smooth = lookalikeProfile(ds, values, { minSupport: 0, priorWeight: 10 });
      expect(raw.topCount).toBe(Math.max(1, Math.ceil(raw.population * 0.2 - 1e-9)));
      for (const e of raw.entries) {
        expect(e.lift).toBeCloseTo(e.shareTop / e.shareAll, 10);
        const s = smooth.entries.find((x) => x.attribute === e.attribute && x.value === e.value)?.lift as number;
        expect(s).toBeGreaterThan(0);
        expect(s).toBeGreaterThanOrEqual(Math.min(1, e.lift) - 1e-12);
        expect(s).toBeLessThanOrEqual(Math.max(1, e.lift) + 1e-12);
      }
      const scores = scoreProspects(ds, smooth);
      for (const s of scores.score) expect(s).toBeGreaterThan(0);
    }
  });
});
