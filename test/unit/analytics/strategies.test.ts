/**
 * Strategies at their edges: a customer whose only activity in the window is a return is not let
 * go (Terminate) but asked why (Win back); one with losses and nothing before still is.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analytics/analyze';
import { reasonParams, REASONS } from '../../../shared/analytics/strategies';
import { StageCache } from '../../../shared/analytics/session';
import { epochDayFromIso } from '../../../shared/domain/dates';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../shared/domain/settings';
import { datasetFrom } from '../../support/dataset';

// As of 2024-12-31, 12-month window. R bought 300 in 2023 and only returned 120 in 2024;
// L never bought anything but lost money on a refund with no purchase before; K buys steadily;
// V1–V4 bought far more than R before (so R was not among the most valuable: no "lapsed" win back).
const dataset = datasetFrom({
  customers: ['R', 'L', 'K', 'V1', 'V2', 'V3', 'V4'],
  lines: [
    ...[3, 4, 5, 6].flatMap((customer) => [
      { customer, date: '2023-04-01', amount: 2000, cost: 1000 },
      { customer, date: '2024-09-01', amount: 2000, cost: 1000 },
    ]),
    { customer: 0, date: '2023-05-10', amount: 300, cost: 150 },
    { customer: 0, date: '2024-03-02', amount: -120, cost: -60 },
    { customer: 1, date: '2024-06-01', amount: -40, cost: -20 },
    { customer: 2, date: '2023-06-01', amount: 100, cost: 50 },
    { customer: 2, date: '2024-06-01', amount: 100, cost: 50 },
  ],
});

describe('strategies of customers who only returned goods', () => {
  const { customers } = analyze({ dataset, settings: { ...DEFAULT_ANALYSIS_SETTINGS, inactivityDays: 365 }, asOf: epochDayFromIso('2024-12-31'), cache: new StageCache() });

  it('asks a customer who bought before and only returned goods since why (Win back), and lets a loss with nothing before go', () => {
    expect(REASONS[customers.reason[0] as number]).toBe('winBack.returned');
    expect(REASONS[customers.reason[1] as number]).toBe('terminate.noPotential');
    expect(REASONS[customers.reason[2] as number]).not.toMatch(/^winBack|^terminate/);
  });
});

describe('the numbers of a reason sentence', () => {
  it('writes counts as counts, profits with their sign, returns as an amount given back, and a missing number as a dash', () => {
    const f = { integer: (v: number) => `#${v}`, money: (v: number) => `$${v.toFixed(2)}`, signedMoney: (v: number) => `${v > 0 ? '+' : ''}$${v.toFixed(2)}` };
    const params = reasonParams({ profit: 12.5, margin: -3, months: 12, recencyDays: 200, revenue: -40, previousRevenue: 90 }, f);
    expect(params).toMatchObject({ profit: '+$12.50', margin: '$-3.00', months: '#12', recencyDays: '#200', revenue: '$-40.00', previousRevenue: '$90.00', refund: '$40.00', future: '—', costToServe: '—' });
  });
});
