/**
 * The core analysis on a five-customer business, every number worked out by hand.
 * As of 2024-12-31 with a 12-month window: current window (2023-12-31, 2024-12-31], previous
 * window (2022-12-31, 2023-12-31], later half of the window after 2024-07-01 (366 / 2 = 183 days).
 * Default margin 30 %, no cost per order.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analytics/analyze';
import { computeMetrics } from '../../../shared/analytics/metrics';
import { StageCache } from '../../../shared/analytics/session';
import { epochDayFromIso } from '../../../shared/domain/dates';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../shared/domain/settings';
import { datasetFrom } from '../../support/dataset';

const A = 0;
const B = 1;
const C = 2;
const D = 3;
const E = 4;
const dataset = datasetFrom({
  customers: ['A', 'B', 'C', 'D', 'E'],
  lines: [
    // A: two lines on one day are one order; a second order in September.
    { customer: A, date: '2024-02-10', amount: 100, cost: 40 },
    { customer: A, date: '2024-02-10', amount: 50, cost: 20 },
    { customer: A, date: '2024-09-05', amount: 200, cost: 120 },
    // B: no cost of goods → 30 % margin; expensive to serve.
    { customer: B, date: '2023-06-01', amount: 80 },
    { customer: B, date: '2024-11-20', amount: 40 },
    // C: one big order long ago.
    { customer: C, date: '2022-05-05', amount: 500, cost: 100 },
    // D: two orders on one day by order id, and a refund that is not an order.
    { customer: D, date: '2024-12-01', amount: 30, order: 0 },
    { customer: D, date: '2024-12-01', amount: 20, order: 0 },
    { customer: D, date: '2024-12-01', amount: 10, order: 1 },
    { customer: D, date: '2024-12-15', amount: -10 },
  ],
  serviceCosts: [
    [A, '2024-03-01', 10],
    [B, '2024-11-21', 50],
  ],
});
const asOf = epochDayFromIso('2024-12-31');
const settings = { ...DEFAULT_ANALYSIS_SETTINGS, inactivityDays: 365, horizonMonths: 1, discountRateYearly: 0, futureThreshold: 0 };

describe('per-customer metrics', () => {
  const m = computeMetrics(dataset, asOf, settings);

  it('counts orders by order id, else by day, and not refunds', () => {
    expect(Array.from(m.orders)).toEqual([2, 2, 1, 2, 0]);
    expect(Array.from(m.hasPurchase)).toEqual([1, 1, 1, 1, 0]);
    expect(m.present[E]).toBe(0);
  });

  it('adds up revenue, gross margin, cost to serve and contribution', () => {
    // A: 100 + 50 + 200 = 350; margin (100−40) + (50−20) + (200−120) = 170; cost to serve 10; contribution 160.
    // B: 80 + 40 = 120; margin 30 % = 36; cost to serve 50; contribution −14.
    // C: 500 − 100 = 400. D: 30 + 20 + 10 − 10 = 50, margin 30 % = 15.
    expect(Array.from(m.revenue)).toEqual([350, 120, 500, 50, 0]);
    expect(Array.from(m.grossMargin).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([170, 36, 400, 15, 0]);
    expect(Array.from(m.costToServe)).toEqual([10, 50, 0, 0, 0]);
    expect(Array.from(m.contribution).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([160, -14, 400, 15, 0]);
    // Average order: A 350 / 2 = 175, B 120 / 2 = 60, C 500, D 50 / 2 = 25.
    expect(Array.from(m.averageOrder)).toEqual([175, 60, 500, 25, 0]);
  });

  it('splits the current window, the previous one and the two halves', () => {
    // B: 40 now (margin 12, cost 50 → −38), 80 before (margin 24 → previous profit 24).
    expect(Array.from(m.currentProfit).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([160, -38, 0, 15, 0]);
    expect(Array.from(m.previousRevenue)).toEqual([0, 80, 0, 0, 0]);
    expect(Array.from(m.previousProfit).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0, 24, 0, 0, 0]);
    // A: 150 in February (earlier half), 200 in September (later half).
    expect(m.earlierHalfRevenue[A]).toBe(150);
    expect(m.recentHalfRevenue[A]).toBe(200);
  });

  it('measures recency and tenure in days', () => {
    // A: 5 Sep → 31 Dec = 25 + 31 + 30 + 31 = 117; 10 Feb → 31 Dec 2024 = 19 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 325.
    // B: 20 Nov → 31 Dec = 41. C: 5 May 2022 → 31 Dec 2024 = 365 + 366 + 240 = 971. D: 1 Dec → 31 Dec = 30 (the refund is no purchase).
    expect(Array.from(m.recencyDays).slice(0, 4)).toEqual([117, 41, 971, 30]);
    expect(m.tenureDays[A]).toBe(325);
  });
});

describe('the whole analysis', () => {
  const { summary, customers } = analyze({ dataset, settings, asOf, cache: new StageCache() });

  it('puts customers on the ladder', () => {
    // Positive profit 160 + 15 = 175; 80 % = 140: A alone (160) reaches it. B loses money. MGC = round(20 % × 2) = 0.
    expect(summary.ladder).toEqual({
      mvc: { customers: 1, profit: 160 },
      mgc: { customers: 0, profit: 0 },
      middle: { customers: 2, profit: 15 },
      belowZero: { customers: 1, profit: -38 },
    });
    expect(Array.from(customers.tier)).toEqual([0, 3, 2, 2, 255]);
    expect(summary.customers).toBe(4);
    expect(summary.paretoShare).toBe(0.25);
  });

  it('computes the Gini of profit (losses as zero) and the whale curve', () => {
    // Sorted [0, 0, 15, 160], n = 4, sum 175: Σ i·x = 3·15 + 4·160 = 685; G = 2·685 / (4·175) − 5/4 = 0.707142857.
    expect(summary.gini).toBeCloseTo(0.707142857, 8);
    // Total 137: cumulative 160, 175, 175, 137 → peak 175 / 137 at half the customers; the curve ends at 100 %.
    expect(summary.whalePeak.x).toBe(0.5);
    expect(summary.whalePeak.y).toBeCloseTo(175 / 137, 10);
    expect(summary.whaleCurve.at(-1)).toEqual({ x: 1, y: 1 });
  });

  it('projects future profit from each customer\'s own year and the churn when the history is too short for more', () => {
    // Four customers: too few for a model or for groups of their own, so the churn engine (outlook.ts).
    expect(summary.outlook).toMatchObject({ engine: 'churn', noModel: 'fewRepeat', model: null, observed: null });
    // Churn over the whole months of 2024 (W = 365; the first purchase, 5 May 2022, allows lapses
    // from 6 May 2023 on): B's activity runs to 31 May 2024, so B is lost in June (1 of 2 active at
    // 31 May); every other month loses nobody → average 0.5 / 12 = 0.0416667.
    expect(summary.churnRate).toBeCloseTo(0.5 / 12, 10);
    // Yearly retention r = (1 − 0.0416667)^12 = 0.600063; the one-month horizon holds r^(1/24) / 12
    // = 0.978946 / 12 = 0.0815788 of a year. Future profit = the customer's own profit of the last
    // 12 months × that, while still buying (A, B, D active; C lapsed for 971 > 2 × 365 days → 0):
    // A (170 − 10) × 0.0815788 = 13.05261; B (40 × 30 % − 50) × 0.0815788 = −3.09999; D 15 × 0.0815788 = 1.22368.
    const years = (1 - 0.5 / 12) ** (12 / 24) / 12;
    expect(customers.future[A]).toBeCloseTo(160 * years, 8);
    expect(customers.future[A]).toBeCloseTo(13.05261, 4);
    expect(customers.future[B]).toBeCloseTo(-38 * years, 8);
    expect(customers.future[C]).toBe(0);
    expect(customers.future[D]).toBeCloseTo(15 * years, 8);
    // Expected revenue over the month: A 350 × 0.0815788 = 28.5526 (its year's revenue, not annualised).
    expect(customers.outlook.revenue[A]).toBeCloseTo(350 * years, 8);
    expect(customers.outlook.activeChance[C]).toBe(0);
    expect(summary.quadrants.reward).toMatchObject({ customers: 2, profit: 175 });
    expect(summary.quadrants.exit).toMatchObject({ customers: 2, profit: -38 });
    expect(summary.quadrants.manage.customers + summary.quadrants.develop.customers).toBe(0);
  });

  it('takes the future threshold from one order\'s average profit unless it is set', () => {
    // Profit in the window 160 − 38 + 0 + 15 = 137 over 2 + 1 + 0 + 2 = 5 orders = 27.4 an order.
    expect(summary.thresholds).toEqual({ current: 0, future: 0, orderProfit: 27.4 });
    const derived = analyze({ dataset, settings: { ...settings, futureThreshold: null }, asOf, cache: new StageCache() }).summary;
    expect(derived.thresholds.future).toBeCloseTo(27.4, 10);
    // Nobody is expected to bring one more order's profit within a month: A and D manage, B and C exit.
    expect(derived.quadrants).toMatchObject({ reward: { customers: 0 }, manage: { customers: 2, profit: 175 }, develop: { customers: 0 }, exit: { customers: 2 } });
  });

  it('gives each customer one strategy with its reason', () => {
    // A is MVC and growing → Retain. B loses money with a positive margin → Redesign. D small → Harvest.
    // C brought the most profit of anyone over its history (400: the top 20 % of the positive
    // lifetime contributions 400, 160, 15) and has lapsed → Win back.
    expect(summary.strategies).toMatchObject({ retain: 1, redesign: 1, harvest: 1, enhance: 0, terminate: 0, winBack: 1 });
    expect(Array.from(customers.strategy)).toEqual([0, 1, 5, 3, 255]);
  });

  it('scores RFM by quintiles and names the segments', () => {
    // Four buyers: the quintile is where (rank + ½) / 4 falls. Recency D 30, B 41, A 117, C 971 (ranks
    // 0–3 from the best): positions 0.125, 0.375, 0.625, 0.875 → quintiles 1, 2, 4, 5 → scores 5, 4, 2, 1.
    // Orders: C 1 (rank 0: 0.125 → 1); A, B, D tie at 2 over ranks 1–3, whose middle is rank 2
    // (0.625 → 4), so all three score 4 — a tie is scored alike whichever way is better.
    expect(Array.from(customers.rfm.recency).slice(0, 4)).toEqual([2, 4, 1, 5]);
    expect(Array.from(customers.rfm.frequency).slice(0, 4)).toEqual([4, 4, 1, 4]);
    // A: R2 F4 at risk; B: R4 F4 and D: R5 F4 champions; C: R1 F1 lost.
    expect(summary.rfmSegments).toMatchObject({ champions: 2, atRisk: 1, lost: 1 });
  });

  it('marks activity with the inactivity window', () => {
    expect(Array.from(customers.active)).toEqual([1, 1, 0, 1, 0]);
    expect(summary.activeCustomers).toBe(3);
    expect(summary.activeShare).toBe(0.75);
  });

  it('re-runs only what a changed threshold affects', () => {
    const cache = new StageCache();
    analyze({ dataset, settings, asOf, cache });
    const again = analyze({ dataset, settings: { ...settings, mvcProfitShare: 0.95 }, asOf, cache });
    expect(again.computedStages).toContain('ladder');
    expect(again.computedStages).not.toContain('metrics');
    expect(again.computedStages).not.toContain('activity');
    // 95 % of 175 = 166.25: A (160) is not enough, D joins the MVC.
    expect(again.summary.ladder.mvc).toEqual({ customers: 2, profit: 175 });
  });

  it('keeps the model outlooks when a ladder share changes: the model reads no tier', () => {
    const cache = new StageCache();
    const model = { fitId: 1, fitted: { purchase: { model: 'bgnbd' as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 }, meanSpend: 35, unit: 'week' as const } };
    const first = analyze({ dataset, settings, asOf, cache, model });
    expect(first.summary.outlook.engine).toBe('model');
    expect(first.computedStages).toEqual(expect.arrayContaining(['outlook', 'm12:outlook', 'history:week', 'm12:history:week']));
    const again = analyze({ dataset, settings: { ...settings, mvcProfitShare: 0.95 }, asOf, cache, model });
    expect(again.computedStages).toContain('ladder');
    expect(again.computedStages.filter((stage) => stage.endsWith('outlook') || stage.includes('history'))).toEqual([]);
    // …while another model does re-run them.
    const other = analyze({ dataset, settings, asOf, cache, model: { ...model, fitId: 2 } });
    expect(other.computedStages).toContain('outlook');
  });
});
