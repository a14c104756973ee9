import { describe, expect, it } from 'vitest';
import { computeActivity, inactivityWindowFromGaps, monthlyChurn } from '../../../shared/analytics/activity';
import { purchaseOccasions } from '../../../shared/analytics/occasions';
import { channelEconomics } from '../../../shared/analytics/channels';
import { computeMetrics } from '../../../shared/analytics/metrics';
import { monthlyDiscountRate } from '../../../shared/analytics/outlook';
import { describeReason } from '../../../shared/analytics/strategies';
import { epochDayFromIso } from '../../../shared/domain/dates';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../shared/domain/settings';
import { datasetFrom } from '../../support/dataset';

// X buys on 10 and 25 January 2024, Y on 20 February; inactive after 30 days.
const dataset = datasetFrom({
  customers: ['X', 'Y'],
  lines: [
    { customer: 0, date: '2024-01-10', amount: 10 },
    { customer: 0, date: '2024-01-25', amount: 10 },
    { customer: 1, date: '2024-02-20', amount: 10 },
  ],
});
const asOf = epochDayFromIso('2024-03-31');

describe('activity and churn', () => {
  const occasions = purchaseOccasions(dataset, asOf);

  it('derives the inactivity window from the gaps between purchases', () => {
    // One gap: 25 − 10 = 15 days.
    expect(inactivityWindowFromGaps(occasions, 0.9)).toBe(15);
  });

  it('counts active customers at month ends, customers lost in each month and the churn rate', () => {
    // X is active 10 Jan – 24 Feb (25 Jan + 30), lost on 25 Feb; Y active 20 Feb – 21 Mar, lost on 22 Mar.
    // Month ends: 31 Jan X → 1; 29 Feb Y → 1; 31 Mar none → 0. Churn Feb 1/1, Mar 1/1.
    const churn = monthlyChurn(occasions, 30, epochDayFromIso('2024-01-01'), asOf);
    expect(churn.activeAtEnd).toEqual([1, 1, 0]);
    expect(churn.lost).toEqual([0, 1, 1]);
    expect(churn.churnRate).toEqual([null, 1, 1]);
  });

  // A buys on 25 Jan and 20 Feb, B on 3 Feb, C on 28 Jan and 25 Mar; the analysis date is 15 April.
  const three = datasetFrom({
    customers: ['A', 'B', 'C'],
    lines: [
      { customer: 0, date: '2024-01-25', amount: 10 },
      { customer: 0, date: '2024-02-20', amount: 10 },
      { customer: 1, date: '2024-02-03', amount: 10 },
      { customer: 2, date: '2024-01-28', amount: 10 },
      { customer: 2, date: '2024-03-25', amount: 10 },
    ],
  });
  const april = epochDayFromIso('2024-04-15');
  const threeOccasions = purchaseOccasions(three, april);

  it('counts as lost only customers active at the previous month end and not at this one', () => {
    // W = 10: A active 25 Jan–4 Feb and 20 Feb–1 Mar; B 3–13 Feb; C 28 Jan–7 Feb and 25 Mar–4 Apr.
    // Active at 31 Jan: A, C; 29 Feb: A (back on 20 Feb); 31 Mar: C; 15 Apr (D): nobody.
    // Lost in Feb: C only (A lapsed and came back within the month; B was not active at 31 Jan).
    // Lost in Mar: A; in Apr: C. Rates: Feb 1/2, Mar 1/1; January has no previous month end, and
    // April is only half a month: neither is a month's churn.
    const churn = monthlyChurn(threeOccasions, 10, epochDayFromIso('2024-01-01'), april);
    expect(churn.activeAtEnd).toEqual([2, 1, 1, 0]);
    expect(churn.lost).toEqual([0, 1, 1, 1]);
    expect(churn.churnRate).toEqual([null, 0.5, 1, null]);
  });

  it('leaves out months that end before anyone could have lapsed', () => {
    // W = 40: the first purchase is on 25 Jan, so nobody can lapse before 6 March (25 Jan + 41 days).
    // A active 25 Jan–31 Mar (20 Feb + 40); B 3 Feb–14 Mar; C 28 Jan–8 Mar and 25 Mar–15 Apr (D).
    // Active at 31 Jan: A, C; 29 Feb: A, B, C; 31 Mar: A, C; 15 Apr: C. Lost in Mar: B (C is back
    // by 31 Mar); in Apr: A. February ends before 6 March: no rate, not 0 %. March: 1/3.
    const churn = monthlyChurn(threeOccasions, 40, epochDayFromIso('2024-01-01'), april);
    expect(churn.activeAtEnd).toEqual([2, 3, 2, 1]);
    expect(churn.lost).toEqual([0, 0, 1, 1]);
    expect(churn.churnRate).toEqual([null, null, 1 / 3, null]);
  });

  it('averages the churn of the window\'s whole months only', () => {
    // Window of 2 months at 15 April: the whole months February and March (April is half a month).
    const metrics = computeMetrics(three, april, { ...DEFAULT_ANALYSIS_SETTINGS, currentWindowMonths: 2 });
    const activity = computeActivity(threeOccasions, metrics, 10, 2);
    expect(activity.churn.months.length).toBe(4);
    expect(activity.windowFrom).toBe(1);
    expect(activity.churnRate).toBeCloseTo((0.5 + 1) / 2, 12);
  });

  it('computes AMPU and the simple LTV = AMPU / churn', () => {
    const metrics = computeMetrics(dataset, asOf, { ...DEFAULT_ANALYSIS_SETTINGS, currentWindowMonths: 2 });
    const activity = computeActivity(occasions, metrics, 30, 2);
    // Window of 2 months (Feb, Mar): contribution in (31 Jan, 31 Mar] = Y's 10 × 30 % = 3.
    // Active customer-months: active at the ends of Jan and Feb = 1 + 1 = 2 → AMPU 1.5.
    // Churn over Feb and Mar: (1 + 1) / 2 = 1 → LTV 1.5.
    expect(activity.ampu).toBeCloseTo(1.5, 10);
    expect(activity.churnRate).toBe(1);
    expect(activity.simpleLtv).toBeCloseTo(1.5, 10);
    expect(activity.activeCustomers).toBe(0);
  });
});

describe('discounting', () => {
  it('turns a yearly rate into the monthly one', () => {
    // 12.6825 % a year is 1 % a month.
    expect(monthlyDiscountRate(1.01 ** 12 - 1)).toBeCloseTo(0.01, 12);
  });
});

describe('channels', () => {
  it('compares LTV with CAC and the payback', () => {
    const two = datasetFrom({
      customers: ['P', 'Q', 'R'],
      channelNames: ['Referral', 'Ads'],
      channels: [0, 0, 1],
      cac: [10, 30, 200],
      lines: [
        { customer: 0, date: '2024-06-01', amount: 100, cost: 40 },
        { customer: 1, date: '2024-06-01', amount: 200, cost: 80 },
        { customer: 2, date: '2024-06-01', amount: 50, cost: 40 },
      ],
    });
    const metrics = computeMetrics(two, epochDayFromIso('2024-12-31'), DEFAULT_ANALYSIS_SETTINGS);
    const future = Float64Array.from([20, 40, 0]);
    const rows = channelEconomics(two, metrics, future, 12);
    // Referral: CAC (10 + 30) / 2 = 20; LTV ((60 + 20) + (120 + 40)) / 2 = 120; LTV/CAC 6;
    // monthly contribution (60 + 120) / 12 / 2 = 7.5 → payback 20 / 7.5 = 2.667 months.
    expect(rows[0]).toMatchObject({ channel: 'Referral', customers: 2, cac: 20, ltv: 120, ltvToCac: 6 });
    expect(rows[0]?.paybackMonths).toBeCloseTo(2.6667, 4);
    // Ads: CAC 200, LTV 10 + 0 = 10, LTV/CAC 0.05; payback 200 / (10 / 12) = 240 months.
    expect(rows[1]).toMatchObject({ channel: 'Ads', customers: 1, cac: 200, ltv: 10, ltvToCac: 0.05 });
    expect(rows[1]?.paybackMonths).toBeCloseTo(240, 10);
  });
});

describe('reasons in words', () => {
  it('writes the reason from the customer’s own numbers', () => {
    const text = describeReason('redesign.costToServe', {
      profit: -1240, margin: 3100, costToServe: 4340, future: -500, recencyDays: 12, inactivityDays: 90,
      lifetimeProfit: 0, previousRevenue: 0, revenue: 9000, recentRevenue: 4000, earlierRevenue: 5000, months: 12,
    }, (value) => `${Math.round(value)} ₽`);
    expect(text).toBe('profit -1240 ₽ over 12 months; gross margin +3100 ₽, cost to serve 4340 ₽ → Redesign');
  });
});
