/**
 * The what-if projection (shared/analytics/whatif.ts) on hand-computed cases, and its properties.
 *
 * The hand case: four customers, yearly figures, retention 0.64 for everyone (√0.64 = 0.8), so that
 * survivors at mid-year are alive × 0.8 in year 1 and alive × 0.512 in year 2 (0.64^1.5).
 *   c0  mvc / reward / retain       revenue 1000, margin 400, cost to serve 100 (40 per-order), alive 1,   cross-sell 50 (revenue 125)
 *   c1  mgc / reward / enhance      revenue  500, margin 150, cost to serve  50 (0 per-order),  alive 0.5, cross-sell 120 (revenue 400)
 *   c2  belowZero / exit / terminate revenue 200, margin  40, cost to serve 140 (20 per-order), alive 1
 *   c3  middle / manage / harvest   revenue  300, margin  90, cost to serve  30 (10 per-order), alive 0 (lapsed: counts for nothing)
 * With d = 0 and H = 2 the discounted survivor-years are 0.8 + 0.512 = 1.312 per alive customer.
 */
import { describe, expect, it } from 'vitest';
import {
  baselineFromPacked,
  BASELINE_CODE_COLUMNS,
  BASELINE_VALUE_COLUMNS,
  type WhatIfBaselinePacked,
  computeWhatIf,
  createWhatIfEngine,
  customerEquityColumn,
  GROUP_LABELS,
  GROUPINGS,
  plusFiveRetentionScenario,
  whatIfBaselineFromRun,
  averageRetention,
  type GroupPlan,
  type Scenario,
  type WhatIfBaseline,
} from '../../../shared/analytics/whatif';
import { validateScenario } from '../../../shared/domain/whatif';

function handBaseline(discountRate = 0): WhatIfBaseline {
  return {
    count: 4,
    tier: Uint8Array.from([0, 1, 3, 2]),
    quadrant: Uint8Array.from([0, 0, 3, 1]),
    strategy: Uint8Array.from([0, 2, 4, 3]),
    revenue: Float64Array.from([1000, 500, 200, 300]),
    margin: Float64Array.from([400, 150, 40, 90]),
    costToServe: Float64Array.from([100, 50, 140, 30]),
    orderCost: Float64Array.from([40, 0, 20, 10]),
    alive: Float64Array.from([1, 0.5, 1, 0]),
    retention: Float64Array.from([0.64, 0.64, 0.64, 0.64]),
    future: Float64Array.from([500, 80, -60, 0]),
    crossSell: Float64Array.from([50, 120, 0, 0]),
    crossSellRevenue: Float64Array.from([125, 400, 0, 0]),
    discountRate,
  };
}

const byTier = (groups: Scenario['groups'], horizonYears = 2, discountRate: number | null = 0): Scenario => ({ grouping: 'tier', groups, horizonYears, discountRate });
const retain = (levers: Omit<GroupPlan, 'strategy'>): GroupPlan => ({ strategy: 'retain', ...levers });

describe('the baseline projection', () => {
  it('projects survivors × yearly figures, year by year', () => {
    const result = computeWhatIf(handBaseline(), byTier({}));
    // Contribution per year: c0 300, c1 100, c2 −100.
    // Year 1: 0.8 × 300 + 0.4 × 100 + 0.8 × (−100) = 240 + 40 − 80 = 200.
    // Year 2: 0.512 × 300 + 0.256 × 100 + 0.512 × (−100) = 153.6 + 25.6 − 51.2 = 128.
    expect(result.years.map((year) => year.baseline.contribution)).toEqual([expect.closeTo(200, 9), expect.closeTo(128, 9)]);
    // Revenue year 1: 0.8 × 1000 + 0.4 × 500 + 0.8 × 200 = 1160; year 2: 512 + 128 + 102.4 = 742.4.
    expect(result.years[0]?.baseline.revenue).toBeCloseTo(1160, 9);
    expect(result.years[1]?.baseline.revenue).toBeCloseTo(742.4, 9);
    // Gross margin year 1: 0.8 × 400 + 0.4 × 150 + 0.8 × 40 = 320 + 60 + 32 = 412; cost 80 + 20 + 112 = 212.
    expect(result.years[0]?.baseline.grossMargin).toBeCloseTo(412, 9);
    expect(result.years[0]?.baseline.costToServe).toBeCloseTo(212, 9);
    // Customers at the end of year 1: alive × 0.64 = 0.64 + 0.32 + 0.64 = 1.6; year 2: × 0.64 again = 1.024.
    expect(result.years[0]?.baseline.customers).toBeCloseTo(1.6, 12);
    expect(result.years[1]?.baseline.customers).toBeCloseTo(1.024, 12);
    // Equity: 200 + 128 = 328 (d = 0); profit = equity without campaigns.
    expect(result.baseline.customerEquity).toBeCloseTo(328, 9);
    expect(result.baseline.profit).toBe(result.baseline.customerEquity);
    expect(result.scenario.profit).toBe(result.baseline.profit);
  });

  it('discounts year y by 1 / (1 + d)^y, with the analysis rate when the scenario gives none', () => {
    // d = 0.25: factors 0.8, 0.64, 0.512. Survivors 0.8, 0.512, 0.32768 per alive customer, so the
    // discounted survivor-years are 0.64 + 0.32768 + 0.16777216 = 1.13545216.
    // Yearly contribution weighted by alive: 300 × 1 + 100 × 0.5 − 100 × 1 = 250 → 250 × 1.13545216 = 283.86304.
    const result = computeWhatIf(handBaseline(0.25), byTier({}, 3, null));
    expect(result.discountRate).toBe(0.25);
    expect(result.years.map((year) => year.discountFactor)).toEqual([expect.closeTo(0.8, 12), expect.closeTo(0.64, 12), expect.closeTo(0.512, 12)]);
    expect(result.baseline.customerEquity).toBeCloseTo(283.86304, 9);
    // Undiscounted contribution: 250 × (0.8 + 0.512 + 0.32768) = 250 × 1.63968 = 409.92.
    expect(result.baseline.contribution).toBeCloseTo(409.92, 9);
    // The scenario's own rate wins: d = 0 → 409.92.
    expect(computeWhatIf(handBaseline(0.25), byTier({}, 3, 0)).baseline.customerEquity).toBeCloseTo(409.92, 9);
  });
});

describe('levers, one at a time (tier mvc = customer c0 unless said)', () => {
  const base = () => computeWhatIf(handBaseline(), byTier({})).baseline.profit;

  it('retention change: percentage points on yearly retention', () => {
    // r = 0.64 + 0.17 = 0.81: survivors 0.9 and 0.729 → c0: 300 × 1.629 = 488.7 instead of 300 × 1.312 = 393.6: +95.1.
    const result = computeWhatIf(handBaseline(), byTier({ mvc: retain({ retentionChange: 0.17 }) }));
    expect(result.delta.profit).toBeCloseTo(95.1, 9);
    expect(result.scenario.profit).toBeCloseTo(328 + 95.1, 9);
    expect(result.groups.find((group) => group.group === 'mvc')?.incrementalProfit).toBeCloseTo(95.1, 9);
    // At the end: c0 0.81² = 0.6561 instead of 0.64² = 0.4096.
    expect(result.tiersAtEnd.find((row) => row.tier === 'mvc')).toMatchObject({ customers: 1, aliveAtStart: 1, baseline: expect.closeTo(0.4096, 12), scenario: expect.closeTo(0.6561, 12) });
    // Retention is capped at 1: +0.5 → r = 1, survivors 1 and 1: 300 × 2 = 600, +206.4.
    expect(computeWhatIf(handBaseline(), byTier({ mvc: retain({ retentionChange: 0.5 }) })).delta.profit).toBeCloseTo(206.4, 9);
  });

  it('frequency change: more orders, more margin and more per-order cost', () => {
    // f = 1.1: margin 440, cost 60 + 40 × 1.1 = 104 → 336 × 1.312 = 440.832; +47.232. Revenue year 1: 0.8 × 1100 = 880 (+80).
    const result = computeWhatIf(handBaseline(), byTier({ mvc: retain({ frequencyChange: 0.1 }) }));
    expect(result.delta.profit).toBeCloseTo(47.232, 9);
    expect(result.years[0]?.scenario.revenue).toBeCloseTo(1160 + 80, 9);
    expect(result.years[0]?.scenario.costToServe).toBeCloseTo(212 + 0.8 * 4, 9);
  });

  it('spend change: more per order, no more orders (the per-order cost stays)', () => {
    // s = 1.1: margin 440, cost 100 → 340 × 1.312 = 446.08; +52.48.
    expect(computeWhatIf(handBaseline(), byTier({ mvc: retain({ spendChange: 0.1 }) })).delta.profit).toBeCloseTo(52.48, 9);
  });

  it('margin change: percentage points of revenue', () => {
    // 400 + 0.05 × 1000 = 450 → 350 × 1.312 = 459.2; +65.6. Revenue unchanged.
    const result = computeWhatIf(handBaseline(), byTier({ mvc: retain({ marginChange: 0.05 }) }));
    expect(result.delta.profit).toBeCloseTo(65.6, 9);
    expect(result.delta.revenue).toBeCloseTo(0, 9);
  });

  it('cost-to-serve change: relative', () => {
    // cost 100 × 0.8 = 80 → 320 × 1.312 = 419.84; +26.24.
    expect(computeWhatIf(handBaseline(), byTier({ mvc: retain({ costToServeChange: -0.2 }) })).delta.profit).toBeCloseTo(26.24, 9);
  });

  it('frequency, spend and margin together multiply', () => {
    // (400 + 0.05 × 1000) × 1.1 × 1.1 = 544.5; cost 60 + 40 × 1.1 = 104 → 440.5 × 1.312 = 577.936; +184.336.
    const result = computeWhatIf(handBaseline(), byTier({ mvc: retain({ frequencyChange: 0.1, spendChange: 0.1, marginChange: 0.05 }) }));
    expect(result.delta.profit).toBeCloseTo(184.336, 9);
  });

  it('drop customers: their revenue and their costs go', () => {
    // c2 contributes −100 × 1.312 = −131.2; without it: 328 + 131.2 = 459.2. Revenue year 1: 1160 − 0.8 × 200 = 1000.
    const result = computeWhatIf(handBaseline(), byTier({ belowZero: { strategy: 'terminate', dropCustomers: true, retentionChange: 0.3, marginChange: 0.5 } }));
    expect(result.scenario.profit).toBeCloseTo(459.2, 9);
    expect(result.years[0]?.scenario.revenue).toBeCloseTo(1000, 9);
    expect(result.years[0]?.scenario.costToServe).toBeCloseTo(212 - 112, 9);
    expect(result.groups.find((group) => group.group === 'belowZero')).toMatchObject({ dropped: true, incrementalProfit: expect.closeTo(131.2, 9) });
    expect(result.tiersAtEnd.find((row) => row.tier === 'belowZero')?.scenario).toBe(0);
    // Its other levers do nothing, and the tornado leaves it out.
    expect(result.tornado.filter((entry) => entry.group === 'belowZero')).toEqual([]);
  });

  it('cross-sell uptake: that share of the potential profit, per year, as margin (revenue at the margin rate)', () => {
    // c1 (mgc): 100 + 0.5 × 120 = 160 a year × (0.4 + 0.256 = 0.656) = 104.96 instead of 65.6: +39.36.
    // Revenue year 1: 0.4 × (500 + 0.5 × 400) = 280, i.e. +80.
    const result = computeWhatIf(handBaseline(), byTier({ mgc: { strategy: 'enhance', crossSellUptake: 0.5 } }));
    expect(result.delta.profit).toBeCloseTo(39.36, 9);
    expect(result.years[0]?.scenario.revenue).toBeCloseTo(1160 + 80, 9);
  });

  it('campaign costs are spent at the start; ROI = (incremental − cost) / cost, null without cost', () => {
    // Campaign: 50 + 20 × 1 customer = 70; incremental +95.1; ROI = 25.1 / 70 = 0.358571…
    const result = computeWhatIf(handBaseline(0.25), byTier({ mvc: retain({ retentionChange: 0.17, campaignCostPerCustomer: 20, campaignCostFixed: 50 }), mgc: retain({ spendChange: 0.1 }) }, 2, null));
    const mvc = result.groups.find((group) => group.group === 'mvc');
    // With d = 0.25: c0's extra equity = 300 × ((0.9 − 0.8) × 0.8 + (0.729 − 0.512) × 0.64) = 300 × (0.08 + 0.13888) = 65.664.
    expect(mvc?.incrementalProfit).toBeCloseTo(65.664, 9);
    expect(mvc?.campaignCost).toBe(70);
    expect(mvc?.netIncrement).toBeCloseTo(65.664 - 70, 9);
    expect(mvc?.roi).toBeCloseTo((65.664 - 70) / 70, 12);
    expect(result.groups.find((group) => group.group === 'mgc')?.roi).toBeNull();
    // Campaign costs are not discounted and come off profit, not customer equity.
    expect(result.scenario.campaignCost).toBe(70);
    expect(result.scenario.profit).toBeCloseTo(result.scenario.customerEquity - 70, 9);
    // Per strategy name: "retain" covers mvc and mgc. mgc: 150 × 0.1 = 15 a year × 0.5 × (0.64 + 0.32768) = 7.2576.
    const retainRow = result.strategies.find((row) => row.strategy === 'retain');
    expect(retainRow).toMatchObject({ groups: ['mvc', 'mgc'], customers: 2, campaignCost: 70 });
    expect(retainRow?.incrementalProfit).toBeCloseTo(65.664 + 7.2576, 9);
    expect(retainRow?.roi).toBeCloseTo((65.664 + 7.2576 - 70) / 70, 12);
  });

  it('a lapsed customer (alive 0) counts for nothing, whatever the levers', () => {
    const result = computeWhatIf(handBaseline(), byTier({ middle: { strategy: 'harvest', retentionChange: 0.3, spendChange: 1, campaignCostPerCustomer: 5 } }));
    expect(result.delta.customerEquity).toBe(0);
    // …but the campaign reaches it, and costs.
    expect(result.delta.profit).toBe(-5);
    expect(base()).toBeCloseTo(328, 9);
  });
});

describe('the profit waterfall', () => {
  it('attributes the difference lever by lever in the fixed order, later levers at the earlier ones’ values', () => {
    // Retention first: +95.1 at the old frequency; then frequency at the new retention: (336 − 300) × 1.629 = 58.644.
    const result = computeWhatIf(handBaseline(), byTier({ mvc: retain({ retentionChange: 0.17, frequencyChange: 0.1 }) }));
    const step = (lever: string) => result.waterfall.steps.find((entry) => entry.lever === lever)?.change;
    expect(result.waterfall.steps.map((entry) => entry.lever)).toEqual(['dropCustomers', 'retentionChange', 'frequencyChange', 'spendChange', 'marginChange', 'costToServeChange', 'crossSellUptake', 'campaignCost']);
    expect(step('retentionChange')).toBeCloseTo(95.1, 9);
    expect(step('frequencyChange')).toBeCloseTo(58.644, 9);
    expect(step('spendChange')).toBe(0);
    expect(result.waterfall.baseline).toBeCloseTo(328, 9);
    expect(result.waterfall.scenario).toBeCloseTo(328 + 95.1 + 58.644, 9);
  });

  it('sums to the total difference, whatever the scenario', () => {
    const scenario = byTier(
      {
        mvc: retain({ retentionChange: 0.1, spendChange: 0.05, campaignCostPerCustomer: 30 }),
        mgc: { strategy: 'enhance', crossSellUptake: 0.4, frequencyChange: 0.2, marginChange: -0.02, campaignCostFixed: 100 },
        belowZero: { strategy: 'terminate', dropCustomers: true },
        middle: { strategy: 'harvest', costToServeChange: -0.3 },
      },
      3,
      0.1,
    );
    const result = computeWhatIf(handBaseline(), scenario);
    const sum = result.waterfall.steps.reduce((total, entry) => total + entry.change, 0);
    expect(sum).toBeCloseTo(result.scenario.profit - result.baseline.profit, 9);
    expect(result.waterfall.steps.at(-1)?.profit).toBe(result.scenario.profit);
    expect(result.waterfall.steps.find((entry) => entry.lever === 'campaignCost')?.change).toBeCloseTo(-(30 + 100), 9);
  });
});

describe('the sensitivity ranking (tornado)', () => {
  it('moves each lever by ±10 % (±0.01 when 0) and ranks by spread', () => {
    // mvc: retention 0.17 in use; c0 at r = 0.81 has survivor-years 1.629.
    // mgc: cross-sell 0.5 in use; c1 has survivor-years 0.5 × 1.312 = 0.656.
    const result = computeWhatIf(handBaseline(), byTier({ mvc: retain({ retentionChange: 0.17 }), mgc: { strategy: 'enhance', crossSellUptake: 0.5 } }));
    const order = result.tornado.map((entry) => `${entry.group} ${entry.lever} ${entry.swing.toFixed(4)}`);
    expect(order).toEqual([
      // margin ±0.01 → ±10 a year × 1.629 = ±16.29
      'mvc marginChange 32.5800',
      // retention 0.17 ± 0.017: r = 0.827 → 300 × (1.6614654 − 1.629) = +9.7396; r = 0.793 → 300 × (1.5966763 − 1.629) = −9.6971
      'mvc retentionChange 19.4367',
      // spend ±0.01 → ±4 a year × 1.629 = ±6.516
      'mvc spendChange 13.0320',
      // frequency ±0.01 → margin ±4, per-order cost ±0.4 → ±3.6 × 1.629 = ±5.8644
      'mvc frequencyChange 11.7288',
      // cross-sell 0.5 ± 0.05 → ±0.05 × 120 × 0.656 = ±3.936
      'mgc crossSellUptake 7.8720',
      // margin ±0.01 → ±5 × 0.656 = ±3.28
      'mgc marginChange 6.5600',
      // cost to serve ±0.01 → ∓1 × 1.629
      'mvc costToServeChange 3.2580',
      // retention 0 ± 0.01: c1 makes 100 + 0.5 × 120 = 160 a year, alive 0.5 → 80 × (√r + r^1.5) at 0.65 and
      // 0.63 against 0.64: 80 × (1.3302725 − 1.312) = +1.4618, 80 × (1.2937724 − 1.312) = −1.4582
      'mgc retentionChange 2.9200',
      // frequency and spend ±0.01 → ±1.5 × 0.656 = ±0.984 (a tie: lever order)
      'mgc frequencyChange 1.9680',
      'mgc spendChange 1.9680',
      // cross-sell 0 + 0.01 → 0.01 × 50 × 1.629 = 0.8145; − 0.01 is clamped at 0
      'mvc crossSellUptake 0.8145',
      'mgc costToServeChange 0.6560',
    ]);
    const top = result.tornado[0];
    expect(top).toMatchObject({ basis: 'step', value: 0, low: { value: -0.01, change: expect.closeTo(-16.29, 9) }, high: { value: 0.01, change: expect.closeTo(16.29, 9) } });
    expect(result.tornado.find((entry) => entry.lever === 'retentionChange' && entry.group === 'mvc')).toMatchObject({ basis: 'relative', low: { value: expect.closeTo(0.153, 12) }, high: { value: expect.closeTo(0.187, 12) } });
    expect(result.tornado.find((entry) => entry.lever === 'crossSellUptake' && entry.group === 'mvc')?.low).toEqual({ value: 0, change: 0 });
  });

  it('shows campaign cost when there is one: ∓10 % of it', () => {
    const result = computeWhatIf(handBaseline(), byTier({ mvc: retain({ campaignCostFixed: 1000 }) }));
    expect(result.tornado.find((entry) => entry.lever === 'campaignCost')).toMatchObject({ value: 1000, low: { value: 900, change: 100 }, high: { value: 1100, change: -100 }, swing: 200 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties on random baselines

function randomBaseline(count: number, seed: number): WhatIfBaseline {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const b = handBaseline(0.08);
  const u8 = (max: number) => Uint8Array.from({ length: count }, () => Math.floor(random() * max));
  const f64 = (make: () => number) => Float64Array.from({ length: count }, make);
  return {
    ...b,
    count,
    tier: u8(4),
    quadrant: u8(4),
    strategy: u8(6),
    revenue: f64(() => Math.round(random() * 200000) / 100),
    margin: f64(() => Math.round((random() - 0.2) * 60000) / 100),
    costToServe: f64(() => Math.round(random() * 30000) / 100),
    orderCost: f64(() => Math.round(random() * 5000) / 100),
    alive: f64(() => (random() < 0.2 ? 0 : Math.round(random() * 1e6) / 1e6)),
    retention: f64(() => Math.round(random() * 1e6) / 1e6),
    future: f64(() => Math.round((random() - 0.3) * 100000) / 100),
    crossSell: f64(() => (random() < 0.5 ? 0 : Math.round(random() * 20000) / 100)),
    crossSellRevenue: f64(() => Math.round(random() * 60000) / 100),
  };
}

function randomScenario(grouping: Scenario['grouping'], seed: number): Scenario {
  let state = seed;
  const random = () => {
    state = (state * 69069 + 1) % 4294967296;
    return state / 4294967296;
  };
  const groups: Scenario['groups'] = {};
  for (const label of GROUP_LABELS[grouping]) {
    if (random() < 0.2) continue;
    groups[label] = {
      strategy: 'custom',
      retentionChange: random() * 0.2 - 0.05,
      frequencyChange: random() * 0.4 - 0.1,
      spendChange: random() * 0.3 - 0.1,
      marginChange: random() * 0.06 - 0.02,
      costToServeChange: random() * 0.4 - 0.3,
      crossSellUptake: random() * 0.5,
      dropCustomers: random() < 0.15,
      campaignCostPerCustomer: random() < 0.5 ? 0 : Math.round(random() * 50),
      campaignCostFixed: random() < 0.5 ? 0 : Math.round(random() * 10000),
    };
  }
  return { grouping, groups, horizonYears: 1 + Math.floor(random() * 6), discountRate: random() * 0.2 };
}

describe('properties', () => {
  const baseline = randomBaseline(2000, 7);
  const engine = createWhatIfEngine(baseline);

  it('zero levers give the baseline exactly, in every grouping', () => {
    for (const grouping of GROUPINGS) {
      const groups: Scenario['groups'] = {};
      for (const label of GROUP_LABELS[grouping]) groups[label] = { strategy: 'custom', retentionChange: 0, frequencyChange: 0, spendChange: 0, marginChange: 0, costToServeChange: 0, crossSellUptake: 0, dropCustomers: false, campaignCostPerCustomer: 0, campaignCostFixed: 0 };
      const result = engine.compute({ grouping, groups, horizonYears: 4 });
      expect(result.scenario).toEqual(result.baseline);
      expect(result.delta.profit).toBe(0);
      for (const year of result.years) expect(year.scenario).toEqual(year.baseline);
      for (const step of result.waterfall.steps) expect(step.change).toBe(0);
      for (const group of result.groups) expect(group.incrementalProfit).toBe(0);
      for (const tier of result.tiersAtEnd) expect(tier.scenario).toBe(tier.baseline);
      // An empty scenario is the same baseline.
      expect(engine.compute({ grouping, groups: {}, horizonYears: 4 }).baseline).toEqual(result.baseline);
    }
  });

  it('the waterfall sums to the difference, and per-customer equity sums to the total, for random scenarios', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const scenario = randomScenario(GROUPINGS[seed % 3] as Scenario['grouping'], seed);
      const result = engine.compute(scenario);
      const sum = result.waterfall.steps.reduce((total, step) => total + step.change, 0);
      expect(sum).toBeCloseTo(result.scenario.profit - result.baseline.profit, 6);
      const perCustomer = customerEquityColumn(baseline, scenario).reduce((total, value) => total + value, 0);
      expect(perCustomer).toBeCloseTo(result.scenario.customerEquity, 6);
      const baseColumn = customerEquityColumn(baseline, null);
      const scenarioBase = engine.compute({ ...scenario, groups: {} }).baseline.customerEquity;
      expect(baseColumn.reduce((total, value) => total + value, 0)).toBeCloseTo(computeWhatIf(baseline, { grouping: 'tier', groups: {} }).baseline.customerEquity, 6);
      expect(scenarioBase).toBeCloseTo(result.baseline.customerEquity, 9);
      const groupSum = result.groups.reduce((total, group) => total + group.scenarioEquity, 0);
      expect(groupSum).toBeCloseTo(result.scenario.customerEquity, 6);
      const discounted = result.years.reduce((total, year) => total + year.discountFactor * year.scenario.contribution, 0);
      expect(discounted).toBeCloseTo(result.scenario.customerEquity, 6);
    }
  });

  it('the same levers for everyone give the same result in every grouping', () => {
    const plan: GroupPlan = { strategy: 'custom', retentionChange: 0.05, spendChange: 0.1, crossSellUptake: 0.2, costToServeChange: -0.1 };
    const profits = GROUPINGS.map((grouping) => {
      const groups: Scenario['groups'] = {};
      for (const label of GROUP_LABELS[grouping]) groups[label] = plan;
      return engine.compute({ grouping, groups }).scenario.profit;
    });
    expect(profits[1]).toBeCloseTo(profits[0] as number, 6);
    expect(profits[2]).toBeCloseTo(profits[0] as number, 6);
  });

  it('more retention raises profit when every customer is profitable', () => {
    const profitable = { ...baseline, margin: baseline.revenue.map((value) => value * 0.4), costToServe: baseline.revenue.map((value) => value * 0.1), orderCost: new Float64Array(baseline.count) };
    let last = Number.NEGATIVE_INFINITY;
    for (const change of [-0.1, 0, 0.05, 0.1]) {
      const scenario = plusFiveRetentionScenario();
      for (const plan of Object.values(scenario.groups)) plan.retentionChange = change;
      const profit = computeWhatIf(profitable, scenario).scenario.profit;
      expect(profit).toBeGreaterThan(last);
      last = profit;
    }
  });

  it('reuses its baseline passes: a recompute gives the same numbers as a new engine', () => {
    const scenario = randomScenario('quadrant', 99);
    expect(engine.compute(scenario)).toEqual(computeWhatIf(baseline, scenario));
  });

  it('reuses passes with the same retention shifts: a slider dragged back and forth gives the numbers of a new engine, to the bit', () => {
    const dragging = createWhatIfEngine(baseline);
    const base = randomScenario('tier', 5);
    // Spend moved (the passes are reused), retention moved (new passes, more than the engine keeps), and back again.
    const steps: Scenario[] = [];
    for (let i = 0; i < 30; i++) steps.push({ ...base, groups: { ...base.groups, mvc: { strategy: 'custom', retentionChange: 0.01 * (i % 15), spendChange: 0.02 * i } } });
    for (const scenario of [...steps, ...steps.reverse()]) {
      const fresh = computeWhatIf(baseline, scenario);
      expect(dragging.compute(scenario, { sensitivity: false })).toEqual({ ...fresh, tornado: [] });
      expect(dragging.compute(scenario)).toEqual(fresh);
    }
  });

  it('without sensitivity: the same figures, no tornado', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const scenario = randomScenario(GROUPINGS[seed % 3] as Scenario['grouping'], seed);
      const full = computeWhatIf(baseline, scenario);
      const quick = createWhatIfEngine(baseline).compute(scenario, { sensitivity: false });
      expect(quick.tornado).toEqual([]);
      expect({ ...quick, tornado: full.tornado }).toEqual(full);
    }
  });

  it('round-trips through packed columns (base64 of the typed arrays, as whatif.baseline carries them), bit for bit', () => {
    const columns = Object.fromEntries(
      [...BASELINE_CODE_COLUMNS, ...BASELINE_VALUE_COLUMNS].map((name) => {
        const values = baseline[name];
        return [name, Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64')];
      }),
    ) as WhatIfBaselinePacked['columns'];
    const back = baselineFromPacked({ discountRate: baseline.discountRate, columns });
    expect(back).toEqual(baseline);
    for (const scenario of [plusFiveRetentionScenario(), randomScenario('tier', 3)]) expect(computeWhatIf(back, scenario)).toEqual(computeWhatIf(baseline, scenario));
    expect(() => baselineFromPacked({ discountRate: 0.1, columns: { ...columns, revenue: Buffer.from([1, 2, 3]).toString('base64') } })).toThrow(RangeError);
  });
});

describe('the baseline from a stored run', () => {
  it('turns the outlook\'s first year into yearly figures while buying, and keeps customers on the ladder only', () => {
    const baseline = whatIfBaselineFromRun(
      {
        tier: [0, 255, 3, 2],
        quadrant: [0, 255, 3, 1],
        strategy: [0, 255, 4, 3],
        // c0: alive 1, r 0.64 → the first year holds 1 × 0.64^½ = 0.8 of a buying year.
        // c2: alive 0.5, r 0.25 → 0.5 × 0.5 = 0.25. c3: nothing expected.
        alive: [1, 1, 0.5, 0],
        retention: [0.64, 0.5, 0.25, 0.5],
        yearPurchases: [4, 1, 1, 0],
        yearRevenue: [960, 10, 100, 0],
        yearMargin: [384, 5, 20, 0],
        yearCost: [96, 0, 80, 0],
        future: [300, 1, -40, 0],
        crossSellPotential: [25, 0, 90, 0],
      },
      { windowMonths: 6, costPerOrder: 2.5, defaultMarginRate: 0.3, discountRate: 0.08 },
    );
    expect(baseline.count).toBe(3);
    expect(Array.from(baseline.tier)).toEqual([0, 3, 2]);
    // While buying = first year / (alive × r^½): c0 960 / 0.8 = 1200; c2 100 / 0.25 = 400; c3 0.
    expect(Array.from(baseline.revenue)).toEqual([1200, 400, 0]);
    expect(Array.from(baseline.margin)).toEqual([480, 80, 0]);
    expect(Array.from(baseline.costToServe)).toEqual([120, 320, 0]);
    // Per-order cost: 2.5 × expected purchases, the same way: 2.5 × 4 / 0.8 = 12.5; 2.5 × 1 / 0.25 = 10.
    expect(Array.from(baseline.orderCost)).toEqual([12.5, 10, 0]);
    expect(Array.from(baseline.alive)).toEqual([1, 0.5, 0]);
    expect(Array.from(baseline.retention)).toEqual([0.64, 0.25, 0.5]);
    // Year 1 of the baseline gives back the outlook's first year: alive × r^½ × revenue while buying.
    const year1 = computeWhatIf(baseline, { grouping: 'tier', groups: {}, horizonYears: 1, discountRate: 0 }).years[0];
    expect(year1?.baseline.revenue).toBeCloseTo(960 + 100, 8);
    // The retention of those still buying, weighted by alive: (1 × 0.64 + 0.5 × 0.25) / 1.5 = 0.51.
    expect(averageRetention(baseline)).toBeCloseTo(0.51, 12);
    // Cross-sell per year (over the window: × 12 / 6): 25 × 2 = 50 at c0's margin rate 0.4 → revenue 125; 90 × 2 = 180 at 0.2 → 900.
    expect(Array.from(baseline.crossSell)).toEqual([50, 180, 0]);
    expect(Array.from(baseline.crossSellRevenue)).toEqual([125, 900, 0]);
    expect(baseline.discountRate).toBe(0.08);
  });
});

describe('scenarios as files', () => {
  it('"+5 % retention for everyone" is a valid scenario', () => {
    const scenario = plusFiveRetentionScenario();
    expect(validateScenario(JSON.parse(JSON.stringify(scenario)))).toEqual({ ok: true, scenario });
    expect(Object.keys(scenario.groups)).toEqual(['mvc', 'mgc', 'middle', 'belowZero']);
    for (const plan of Object.values(scenario.groups)) expect(plan).toEqual({ strategy: 'retain', retentionChange: 0.05 });
  });

  it('says what is wrong with each bad field', () => {
    const checked = validateScenario({
      grouping: 'tier',
      horizonYears: 0,
      discountRate: 'ten',
      groups: { mvc: { strategy: 'retain', retentionChange: 2, spendChang: 0.1 }, mgc: { retentionChange: 0.1 }, everyone: { strategy: 'retain' } },
      name: 'x',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const byPath = Object.fromEntries(checked.errors.map((error) => [error.path, error.message]));
    expect(Object.keys(byPath).sort()).toEqual(['discountRate', 'groups.everyone', 'groups.mgc.strategy', 'groups.mvc.retentionChange', 'groups.mvc.spendChang', 'horizonYears', 'name'].sort());
    expect(byPath['groups.mvc.retentionChange']).toMatch(/^must be a number from -1 to 1: percentage points of yearly retention/);
    expect(byPath['groups.mvc.spendChang']).toMatch(/^is not a field of a group's plan/);
    expect(byPath['groups.mgc.strategy']).toMatch(/^is required: one of "retain"/);
    expect(byPath['groups.everyone']).toBe('is not a tier: use "mvc", "mgc", "middle", "belowZero"');
    expect(byPath.horizonYears).toBe('must be a whole number of years from 1 to 20');
    expect(byPath.name).toMatch(/^is not a field of a scenario/);
    expect(validateScenario([])).toEqual({ ok: false, errors: [{ path: '(scenario)', message: expect.stringMatching(/^must be an object/) }] });
    expect(validateScenario({ grouping: 'region', groups: {} })).toMatchObject({ ok: false, errors: [{ path: 'grouping', message: 'must be one of "tier", "quadrant", "strategy": what the plans are given for' }] });
  });
});
