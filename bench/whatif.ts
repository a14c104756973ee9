import { computeWhatIf, createWhatIfEngine, plusFiveRetentionScenario, type Scenario, type WhatIfBaseline } from '../shared/analytics/whatif';
import { report, timeMedian } from './util';

/**
 * A synthetic baseline of `count` customers shaped like an analysed business: a few valuable
 * customers, a long middle, some loss-makers, lapsed ones, cross-sell gaps (deterministic).
 */
export function syntheticBaseline(count: number, seed = 1): WhatIfBaseline {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const b: WhatIfBaseline = {
    count,
    tier: new Uint8Array(count),
    quadrant: new Uint8Array(count),
    strategy: new Uint8Array(count),
    revenue: new Float64Array(count),
    margin: new Float64Array(count),
    costToServe: new Float64Array(count),
    orderCost: new Float64Array(count),
    alive: new Float64Array(count),
    retention: new Float64Array(count).fill(0.6),
    future: new Float64Array(count),
    crossSell: new Float64Array(count),
    crossSellRevenue: new Float64Array(count),
    discountRate: 0.1,
  };
  for (let c = 0; c < count; c++) {
    const revenue = Math.round(-Math.log(1 - random()) * 800 * 100) / 100;
    const rate = 0.2 + 0.3 * random();
    const cost = Math.round(random() * 200 * 100) / 100;
    const profit = revenue * rate - cost;
    b.revenue[c] = revenue;
    b.margin[c] = Math.round(revenue * rate * 100) / 100;
    b.costToServe[c] = cost;
    b.orderCost[c] = Math.round(cost * 0.3 * 100) / 100;
    b.alive[c] = random() < 0.6 ? 1 : Math.round(random() * 1e6) / 1e6;
    b.tier[c] = profit < 0 ? 3 : profit > 600 ? 0 : random() < 0.2 ? 1 : 2;
    b.quadrant[c] = profit > 0 ? (random() < 0.8 ? 0 : 1) : random() < 0.3 ? 2 : 3;
    b.strategy[c] = Math.floor(random() * 6);
    b.future[c] = Math.round(profit * 0.6 * 100) / 100;
    b.crossSell[c] = random() < 0.5 ? Math.round(random() * 300 * 100) / 100 : 0;
    b.crossSellRevenue[c] = Math.round(((b.crossSell[c] as number) / rate) * 100) / 100;
  }
  return b;
}

/** A strategy per tier using every lever: what a slider move recomputes. */
export function busyScenario(): Scenario {
  return {
    grouping: 'tier',
    horizonYears: 3,
    discountRate: 0.1,
    groups: {
      mvc: { strategy: 'retain', retentionChange: 0.05, campaignCostPerCustomer: 20, spendChange: 0.02 },
      mgc: { strategy: 'enhance', crossSellUptake: 0.3, frequencyChange: 0.1, campaignCostFixed: 50_000 },
      middle: { strategy: 'harvest', costToServeChange: -0.1, marginChange: 0.01 },
      belowZero: { strategy: 'terminate', dropCustomers: true },
    },
  };
}

/**
 * Issue 8's target: recomputing a what-if scenario for 100,000 customers in ≤ 50 ms (it runs in
 * the renderer on every slider move). Timed on a synthetic baseline (the projection's cost depends
 * on the number of customers and years, not on where the numbers came from).
 */
export async function whatifBench(_dir: string): Promise<void> {
  const customers = 100_000;
  const baseline = syntheticBaseline(customers);
  const engine = createWhatIfEngine(baseline);
  const scenario = busyScenario();
  // Warm up the JIT, as a renderer that has been moving sliders would be.
  for (let i = 0; i < 20; i++) engine.compute({ ...scenario, groups: { ...scenario.groups, mvc: { strategy: 'retain', retentionChange: 0.01 * (i % 7) } } });
  let move = 0;
  // Every group's retention changed at once (nothing of an earlier pass can be reused): the most a
  // recompute costs once the baseline pass of the grouping and horizon is made.
  const everyGroup = (horizonYears: number) => {
    const shift = 0.001 * (++move % 90);
    const groups: Scenario['groups'] = {};
    for (const [group, plan] of Object.entries(scenario.groups)) groups[group] = { ...plan, retentionChange: shift + 0.01 * Object.keys(groups).length };
    return { ...scenario, horizonYears, groups };
  };
  const slider = await timeMedian(101, () => engine.compute(everyGroup(3)));
  report(`what-if recompute, ${customers.toLocaleString('en')} customers, 3 years, all levers, every group's retention new (median of 101)`, slider, 'ms', '≤ 50 ms');
  const oneGroup = await timeMedian(101, () =>
    engine.compute({ ...scenario, groups: { ...scenario.groups, mvc: { strategy: 'retain', retentionChange: 0.001 * (++move % 90), campaignCostPerCustomer: 20 } } }),
  );
  report('  one group\'s retention moved (that group\'s customers recomputed)', oneGroup, 'ms');
  const dragRetention = await timeMedian(101, () =>
    engine.compute({ ...scenario, groups: { ...scenario.groups, mvc: { strategy: 'retain', retentionChange: 0.001 * (++move % 90), campaignCostPerCustomer: 20 } } }, { sensitivity: false }),
  );
  report('  …while its slider is dragged (no sensitivity)', dragRetention, 'ms');
  const dragSpend = await timeMedian(101, () => engine.compute({ ...scenario, groups: { ...scenario.groups, mvc: { strategy: 'retain', retentionChange: 0.05, spendChange: 0.001 * (++move % 90) } } }, { sensitivity: false }));
  report('  another lever dragged (the passes are reused)', dragSpend, 'ms');
  engine.compute(everyGroup(10));
  const tenYears = await timeMedian(51, () => engine.compute(everyGroup(10)));
  report(`  every group's retention new, over 10 years`, tenYears, 'ms');
  const fresh = await timeMedian(21, () => computeWhatIf(baseline, plusFiveRetentionScenario()));
  report(`  "+5 % retention" with a new engine (baseline pass included)`, fresh, 'ms');
}
