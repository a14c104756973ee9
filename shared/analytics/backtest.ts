/**
 * The back-test (DOMAIN.md "Projections must hold up"): analyse as of a past date D with the very
 * engine the screens use (analyze.ts and its outlook: the model fitted on the data up to D, or
 * the observed retention measured before D), project the next H months, and hold the projection
 * against what the data shows happened. Only customers known at D count — with a purchase on or
 * before D; customers acquired later are outside it. Per customer over (D, D + H months]:
 *   active    = at least one purchase (an order with a positive net amount, metrics.ts);
 *   purchases = orders; revenue = net revenue; profit = contribution (gross margin − cost to serve).
 * Projected: the outlook's P(a purchase in the horizon), expected purchases, revenue and profit
 * (not discounted). Error = projected / actual − 1 (null when nothing happened). By tier: the
 * customers' tier at D. Monthly: expected revenue per month of the horizon (outlook.ts) against
 * the revenue the data shows, of the same customers.
 */
import type { AnalysisSettings } from '../domain/settings';
import { isoFromEpochDay } from '../domain/dates';
import { analyze, type ModelInput, type OutlookSummary } from './analyze';
import { addMonths, periodLabel, monthIndex } from './calendar';
import type { AnalysisDataset } from './dataset';
import { TIERS, type Tier } from './ladder';
import { computeMetrics } from './metrics';
import { StageCache } from './session';

export const BACKTEST_MEASURES = ['activeCustomers', 'purchases', 'revenue', 'profit'] as const;
export type BacktestMeasure = (typeof BACKTEST_MEASURES)[number];
export type BacktestFigures = Record<BacktestMeasure, number>;
export type BacktestErrors = Record<BacktestMeasure, number | null>;

export interface BacktestResult {
  asOf: string;
  horizonMonths: number;
  /** Customers known at D (with a purchase by then). */
  customers: number;
  /** How the projection was made (the analysis at D's outlook). */
  outlook: Pick<OutlookSummary, 'engine' | 'model' | 'noModel'>;
  projected: BacktestFigures;
  actual: BacktestFigures;
  errors: BacktestErrors;
  byTier: { tier: Tier; customers: number; projected: BacktestFigures; actual: BacktestFigures; errors: BacktestErrors }[];
  monthly: { month: string; projected: number; actual: number }[];
}

const zero = (): BacktestFigures => ({ activeCustomers: 0, purchases: 0, revenue: 0, profit: 0 });

export function errorsOf(projected: BacktestFigures, actual: BacktestFigures): BacktestErrors {
  const error = (measure: BacktestMeasure) => (actual[measure] !== 0 ? projected[measure] / actual[measure] - 1 : null);
  return { activeCustomers: error('activeCustomers'), purchases: error('purchases'), revenue: error('revenue'), profit: error('profit') };
}

/** The latest date a back-test over `horizonMonths` can start from: that many months before the last day. */
export function defaultBacktestDate(lastDay: number, horizonMonths: number): number {
  return addMonths(lastDay, -horizonMonths);
}

export function backtest(dataset: AnalysisDataset, settings: AnalysisSettings, asOf: number, horizonMonths: number, model?: ModelInput): BacktestResult {
  const analysis = analyze({ dataset, settings: { ...settings, horizonMonths }, asOf, cache: new StageCache(), ...(model ? { model } : {}) });
  const before = analysis.customers.metrics;
  const end = addMonths(asOf, horizonMonths);
  const after = computeMetrics(dataset, end, settings);
  const { outlook, tier } = analysis.customers;
  const projected = zero();
  const actual = zero();
  const tiers = TIERS.map(() => ({ customers: 0, projected: zero(), actual: zero() }));
  let customers = 0;
  const add = (figures: BacktestFigures, active: number, purchases: number, revenue: number, profit: number) => {
    figures.activeCustomers += active;
    figures.purchases += purchases;
    figures.revenue += revenue;
    figures.profit += profit;
  };
  for (let c = 0; c < before.count; c++) {
    if (!before.hasPurchase[c]) continue;
    customers++;
    const expected = [outlook.activeChance[c] as number, outlook.purchases[c] as number, outlook.revenue[c] as number, outlook.profit[c] as number] as const;
    const happened = [
      (after.lastDay[c] as number) > asOf ? 1 : 0,
      (after.orders[c] as number) - (before.orders[c] as number),
      (after.revenue[c] as number) - (before.revenue[c] as number),
      (after.contribution[c] as number) - (before.contribution[c] as number),
    ] as const;
    add(projected, ...expected);
    add(actual, ...happened);
    const group = tiers[tier[c] as number];
    if (group) {
      group.customers++;
      add(group.projected, ...expected);
      add(group.actual, ...happened);
    }
  }
  // The revenue the data shows per month of the horizon, of the customers known at D.
  const monthStarts = Array.from({ length: horizonMonths + 1 }, (_, k) => addMonths(asOf, k));
  const monthlyActual = new Float64Array(horizonMonths);
  const tx = dataset.transactions;
  for (let i = 0; i < tx.count; i++) {
    const day = tx.day[i] as number;
    if (day <= asOf || day > end || !before.hasPurchase[tx.customer[i] as number]) continue;
    let k = 0;
    while (k + 1 < horizonMonths && day > (monthStarts[k + 1] as number)) k++;
    monthlyActual[k] = (monthlyActual[k] as number) + (tx.amount[i] as number);
  }
  return {
    asOf: isoFromEpochDay(asOf),
    horizonMonths,
    customers,
    outlook: { engine: analysis.summary.outlook.engine, model: analysis.summary.outlook.model, noModel: analysis.summary.outlook.noModel },
    projected,
    actual,
    errors: errorsOf(projected, actual),
    byTier: TIERS.map((name, k) => {
      const group = tiers[k] as (typeof tiers)[number];
      return { tier: name, customers: group.customers, projected: group.projected, actual: group.actual, errors: errorsOf(group.projected, group.actual) };
    }),
    monthly: Array.from(monthlyActual, (value, k) => ({ month: periodLabel(monthIndex((monthStarts[k + 1] as number) - 1), 'month'), projected: outlook.monthlyRevenue[k] as number, actual: value })),
  };
}
