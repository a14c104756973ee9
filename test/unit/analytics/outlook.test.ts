/**
 * The outlook's observed engine (outlook.ts) on a business worked out by hand, and the model
 * engine (model-outlook.ts) against the model's own formulas.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../shared/analytics/metrics';
import { modelHistory, modelOutlook, type FittedModels } from '../../../shared/analytics/model-outlook';
import { bgnbdConditionalExpected, bgnbdProbabilityActive, bgnbdProbabilityAlive } from '../../../shared/analytics/models/bgnbd';
import { gammaGammaExpectedSpend } from '../../../shared/analytics/models/gamma-gamma';
import { measureRetention, observedOutlook, type CustomerState } from '../../../shared/analytics/outlook';
import { epochDayFromIso } from '../../../shared/domain/dates';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../shared/domain/settings';
import { datasetFrom, type LineSpec } from '../../support/dataset';

// 30 regulars R0–R29 buy 100 on 1 March and 1 September 2023; R0–R14 buy 100 three times in 2024
// (1 Feb, 1 Jun, 1 Oct), R15–R29 nothing. 10 old customers L0–L9 bought 300 on 1 June 2021; L0 and
// L1 buy 150 on 1 May 2024. Default margin 30 %, no costs.
const names = [...Array.from({ length: 30 }, (_, k) => `R${k}`), ...Array.from({ length: 10 }, (_, k) => `L${k}`)];
const lines: LineSpec[] = [];
for (let c = 0; c < 30; c++) {
  lines.push({ customer: c, date: '2023-03-01', amount: 100 }, { customer: c, date: '2023-09-01', amount: 100 });
  if (c < 15) for (const date of ['2024-02-01', '2024-06-01', '2024-10-01']) lines.push({ customer: c, date, amount: 100 });
}
for (let c = 30; c < 40; c++) {
  lines.push({ customer: c, date: '2021-06-01', amount: 300 });
  if (c < 32) lines.push({ customer: c, date: '2024-05-01', amount: 150 });
}
const dataset = datasetFrom({ customers: names, lines });
const settings = { ...DEFAULT_ANALYSIS_SETTINGS, discountRateYearly: 0 };
const yearAgo = epochDayFromIso('2023-12-31');
const asOf = epochDayFromIso('2024-12-31');
const before = computeMetrics(dataset, yearAgo, settings);
const now = computeMetrics(dataset, asOf, settings);
// Groups given directly: every customer in the middle value tier; active = bought in the last year.
const stateAt = (metrics: typeof now): CustomerState => ({
  metrics,
  active: Uint8Array.from({ length: 40 }, (_, c) => ((metrics.lastDay[c] as number) > metrics.asOf - 366 ? 1 : 0)),
  value: new Uint8Array(40).fill(2),
  inactivityDays: 365,
});

describe('the observed engine', () => {
  const table = measureRetention(stateAt(before), now, 12, 12);

  it('measures what each group did over the next year', () => {
    if (!table) throw new Error('no table');
    const active = table.groups.find((g) => g.value === 'other' && g.active);
    // The 30 regulars, active at the end of 2023: 15 bought again (0.5); 45 orders and 4,500 of revenue
    // against their yearly 2 orders and 200 each (60 and 6,000): both ratios 0.75.
    expect(active).toMatchObject({ customers: 30, rates: 'own', retained: 0.5, ordersRatio: 0.75, revenueRatio: 0.75 });
    // The 10 old customers are too few for rates of their own, and so are all lapsed ones: everyone's.
    // Their yearly figures from the lifetime: 1 order and 300 over 943 days = 2.581793 years →
    // 0.387328 orders and 116.1983 a year. Everyone: retained (15 + 2) / 40 = 0.425; orders
    // (45 + 2) / (60 + 3.873277) = 0.735832; revenue (4,500 + 300) / (6,000 + 1,161.983) = 0.670205.
    const lapsed = table.groups.find((g) => g.value === 'other' && !g.active);
    expect(lapsed).toMatchObject({ customers: 10, rates: 'everyone', retained: 0.425 });
    expect(lapsed?.ordersRatio).toBeCloseTo(0.735832, 6);
    expect(lapsed?.revenueRatio).toBeCloseTo(0.670205, 6);
  });

  it('projects each customer from its group and its own year, never annualising a short tenure', () => {
    if (!table) throw new Error('no table');
    const outlook = observedOutlook(stateAt(now), table, table, settings);
    // R0 (active, 3 orders and 300 in 2024): P 0.5, purchases 0.75 × 3 = 2.25, revenue 0.75 × 300 = 225,
    // profit 225 × 30 % = 67.5 (no discount).
    expect(outlook.activeChance[0]).toBe(0.5);
    expect(outlook.purchases[0]).toBeCloseTo(2.25, 10);
    expect(outlook.revenue[0]).toBeCloseTo(225, 10);
    expect(outlook.futureProfit[0]).toBeCloseTo(67.5, 10);
    // R20 (lapsed at the end of 2024; 2 orders, 200 over 671 days = 1.837098 years → 1.088670 and
    // 108.8670 a year): everyone's rates → P 0.425, purchases 0.801081, revenue 72.9635.
    expect(outlook.activeChance[20]).toBe(0.425);
    expect(outlook.purchases[20]).toBeCloseTo(0.801081, 5);
    expect(outlook.revenue[20]).toBeCloseTo(72.9634, 3);
    // Yearly retention of one still buying: the active customers of the same tier, 0.5; alive = 0.5 / √0.5.
    expect(outlook.retention[0]).toBe(0.5);
    expect(outlook.alive[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(outlook.alive[20]).toBeCloseTo(0.425 / Math.SQRT1_2, 12);
    // The what-if's first year: alive × √r × yearly = the horizon's expectation (H = 12).
    expect(outlook.yearRevenue[20]).toBeCloseTo(outlook.revenue[20] as number, 10);
  });

  it('has no table when fewer than 30 customers had bought by then', () => {
    const few = computeMetrics(dataset, epochDayFromIso('2022-12-31'), settings);
    expect(measureRetention(stateAt(few), now, 24, 12)).toBeNull();
  });
});

describe('the model engine', () => {
  const fitted: FittedModels = {
    purchase: { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
    gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
    meanSpend: 35,
    unit: 'week',
  };

  it('applies the model to each customer\'s history at the date', () => {
    const outlook = modelOutlook(modelHistory(dataset, now.asOf, 'week'), now, fitted, settings);
    // R0: first purchase 1 Mar 2023, 4 repeat days, the last 1 Oct 2024: x = 4, t_x = 580 / 7, T = 671 / 7 weeks.
    const [x, tx, T] = [4, 580 / 7, 671 / 7];
    const year = (365.25 / 7);
    expect(outlook.purchases[0]).toBeCloseTo(bgnbdConditionalExpected(fitted.purchase.params as never, x, tx, T, year), 8);
    expect(outlook.alive[0]).toBeCloseTo(bgnbdProbabilityAlive(fitted.purchase.params as never, x, tx, T), 12);
    expect(outlook.activeChance[0]).toBeCloseTo(bgnbdProbabilityActive(fitted.purchase.params as never, x, tx, T, year), 12);
    // Spend: Gamma-Gamma on the 4 repeat purchases of 100; revenue = purchases × spend; profit at 30 %.
    const spend = gammaGammaExpectedSpend(fitted.gammaGamma, 4, 100, 35);
    expect(outlook.revenue[0]).toBeCloseTo((outlook.purchases[0] as number) * spend, 8);
    expect(outlook.profit[0]).toBeCloseTo((outlook.revenue[0] as number) * 0.3, 8);
    // Yearly retention: purchases in the second year over the first.
    const first = bgnbdConditionalExpected(fitted.purchase.params as never, x, tx, T, year);
    const second = bgnbdConditionalExpected(fitted.purchase.params as never, x, tx, T, 2 * year) - first;
    expect(outlook.retention[0]).toBeCloseTo(second / first, 8);
    expect(outlook.model?.probabilityAlive[0]).toBe(outlook.alive[0]);
  });

  it('gives the same horizon without the second year (the trend\'s past dates), and no yearly retention', () => {
    const history = modelHistory(dataset, now.asOf, 'week');
    const full = modelOutlook(history, now, fitted, settings);
    const light = modelOutlook(history, now, fitted, settings, false);
    expect(Array.from(light.futureProfit)).toEqual(Array.from(full.futureProfit));
    expect(Array.from(light.purchases)).toEqual(Array.from(full.purchases));
    expect(Array.from(light.monthlyRevenue)).toEqual(Array.from(full.monthlyRevenue));
    expect(Number.isNaN(light.retention[0])).toBe(true);
  });

  it('refuses a history of another date or unit', () => {
    expect(() => modelOutlook(modelHistory(dataset, now.asOf, 'day'), now, fitted, settings)).toThrow(RangeError);
    expect(() => modelOutlook(modelHistory(dataset, now.asOf - 1, 'week'), now, fitted, settings)).toThrow(RangeError);
  });
});
