/**
 * The model engine of outlook.ts: a fitted purchase model (BG/NBD or Pareto/NBD) with Gamma-Gamma
 * spend, applied to each customer's history as of the date (x, t_x, T in the model's unit).
 * Per customer, with E(m) the expected purchases in the m months after the date:
 *   purchases       = E(H), P(a purchase in the horizon) from the model (bgnbd.ts, pareto-nbd.ts);
 *   revenue         = purchases × the expected spend per purchase (Gamma-Gamma);
 *   profit          = purchases × (spend × the customer's margin rate − the customer's cost to
 *                     serve per order so far, else the cost per order setting);
 *   future profit   = Σ_m (E(m) − E(m − 1)) × that profit per purchase / (1 + d)^m;
 *   first year      = E(12); yearly retention r = (E(24) − E(12)) / E(12), at most 1 (the
 *                     population's ratio for a customer the model expects nothing of); alive = P(alive).
 * Customers with no purchase by the date get zeros.
 *
 * Whether the data supports a model (automaticModel): at least MIN_REPEAT_CUSTOMERS customers with
 * a repeat purchase, the first purchase at least MIN_HISTORY_DAYS before the date, and both fits
 * converged; else the analysis uses the observed engine and says why.
 */
import type { AnalysisDataset } from './dataset';
import type { CustomerMetrics } from './metrics';
import {
  compressRfm,
  conditionalExpectedRowsAt,
  expandRows,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpendCustomers,
  probabilityActiveRows,
  probabilityAliveRows,
  rfmData,
  rfmSummary,
  DAYS_PER_MONTH,
  type PurchaseModel,
  type RfmRows,
  type RfmSummary,
  type TimeUnit,
} from './models';
import type { GammaGammaParams } from './models/gamma-gamma';
import { emptyOutlook, marginRateOf, monthlyDiscountRate, type CustomerOutlook, type OutlookSettings } from './outlook';

export interface FittedModels {
  purchase: PurchaseModel;
  gammaGamma: GammaGammaParams;
  meanSpend: number;
  unit: TimeUnit;
}

/** Repeat customers and days of history a model needs before the analysis fits one itself. */
export const MIN_REPEAT_CUSTOMERS = 50;
export const MIN_HISTORY_DAYS = 90;

export const NO_MODEL_REASONS = ['turnedOff', 'fewRepeat', 'shortHistory', 'notConverged'] as const;
export type NoModelReason = (typeof NO_MODEL_REASONS)[number];

export interface AutomaticModel {
  fitted: FittedModels | null;
  reason: NoModelReason | null;
  customers: number;
  repeatCustomers: number;
}

/** Each customer's (x, t_x, T) and spend as of a date in a time unit, and its compressed rows: what a fit and the model engine read. */
export interface ModelHistory {
  summary: RfmSummary;
  rows: RfmRows;
}

export function modelHistory(dataset: AnalysisDataset, asOf: number, unit: TimeUnit): ModelHistory {
  const tx = dataset.transactions;
  const summary = rfmSummary({ customer: tx.customer, day: tx.day, amount: tx.amount, customerCount: dataset.customers.count }, { unit, calibrationEnd: asOf });
  return { summary, rows: compressRfm(rfmData(summary)) };
}

/** The unit the analysis fits its own model in. */
export const AUTOMATIC_UNIT: TimeUnit = 'week';

/** Fits BG/NBD + Gamma-Gamma on a history (in AUTOMATIC_UNIT, as of the analysis date) when the data supports it. */
export function automaticModel(history: ModelHistory): AutomaticModel {
  const { summary, rows } = history;
  const asOf = summary.calibrationEnd;
  const facts = { customers: summary.includedCount, repeatCustomers: summary.repeatCount };
  if (summary.repeatCount < MIN_REPEAT_CUSTOMERS) return { fitted: null, reason: 'fewRepeat', ...facts };
  let first = Number.POSITIVE_INFINITY;
  for (let c = 0; c < summary.customerCount; c++) if (summary.included[c]) first = Math.min(first, summary.firstDay[c] as number);
  if (asOf - first < MIN_HISTORY_DAYS) return { fitted: null, reason: 'shortHistory', ...facts };
  const bgnbd = fitBgNbd(rows);
  const spend = fitGammaGamma(summary.frequency, summary.monetary, summary.included);
  if (!bgnbd.converged || !spend.converged) return { fitted: null, reason: 'notConverged', ...facts };
  return { fitted: { purchase: { model: 'bgnbd', params: bgnbd.params }, gammaGamma: spend.params, meanSpend: spend.meanSpend, unit: summary.unit }, reason: null, ...facts };
}

/**
 * The model engine's outlook of every customer as of `metrics.asOf`, from the history as of that
 * date in the fit's unit. `yearTwo` false (the trend's past dates, which need only future profit and
 * the horizon) leaves out the second year, the what-if's yearly retention: half the model's work.
 */
export function modelOutlook(history: ModelHistory, metrics: CustomerMetrics, fitted: FittedModels, settings: OutlookSettings, yearTwo = true): CustomerOutlook {
  const { summary, rows } = history;
  if (summary.unit !== fitted.unit || summary.calibrationEnd !== metrics.asOf) throw new RangeError('the history must be as of the metrics date, in the unit of the fit');
  const n = metrics.count;
  const horizon = settings.horizonMonths;
  const out = emptyOutlook('model', n, horizon);
  const spend = gammaGammaExpectedSpendCustomers(fitted.gammaGamma, summary.frequency, summary.monetary, summary.included, fitted.meanSpend);
  const months = Math.max(horizon, yearTwo ? 24 : 12);
  const times = Float64Array.from({ length: months }, (_, m) => ((m + 1) * DAYS_PER_MONTH) / summary.unitDays);
  const cumulative = conditionalExpectedRowsAt(fitted.purchase, rows, times);
  const alive = expandRows(rows, probabilityAliveRows(fitted.purchase, rows), 0);
  const active = expandRows(rows, probabilityActiveRows(fitted.purchase, rows, (horizon * DAYS_PER_MONTH) / summary.unitDays), 0);
  const factors = Float64Array.from({ length: horizon }, (_, m) => (1 + monthlyDiscountRate(settings.discountRateYearly)) ** -(m + 1));
  // The population's year-two over year-one purchases, for customers the model expects nothing of.
  let firstYear = 0;
  let secondYear = 0;
  for (let i = 0; yearTwo && i < rows.count; i++) {
    const w = rows.w[i] as number;
    firstYear += w * (cumulative[i * months + 11] as number);
    secondYear += w * ((cumulative[i * months + 23] as number) - (cumulative[i * months + 11] as number));
  }
  const populationRetention = firstYear > 0 ? Math.min(1, secondYear / firstYear) : 0;
  const clv = new Float64Array(n);
  const probabilityAlive = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const row = rows.rowOf[c] as number;
    if (row < 0 || !metrics.hasPurchase[c]) continue;
    const at = row * months;
    const perPurchase = spend[c] as number;
    const orders = metrics.orders[c] as number;
    const costPerOrder = orders > 0 ? (metrics.costToServe[c] as number) / orders : settings.costPerOrder;
    const rate = marginRateOf(metrics, c, settings.defaultMarginRate);
    const profitPerPurchase = perPurchase * rate - costPerOrder;
    let previous = 0;
    let discounted = 0;
    for (let m = 0; m < horizon; m++) {
      const e = cumulative[at + m] as number;
      const step = e - previous;
      discounted += step * (factors[m] as number);
      out.monthlyRevenue[m] = (out.monthlyRevenue[m] as number) + step * perPurchase;
      previous = e;
    }
    const purchases = previous;
    const e1 = cumulative[at + 11] as number;
    const e2 = yearTwo ? (cumulative[at + 23] as number) - e1 : Number.NaN;
    out.activeChance[c] = active[c] as number;
    out.purchases[c] = purchases;
    out.revenue[c] = purchases * perPurchase;
    out.profit[c] = purchases * profitPerPurchase;
    out.futureProfit[c] = discounted * profitPerPurchase;
    out.alive[c] = alive[c] as number;
    out.retention[c] = !yearTwo ? Number.NaN : e1 > 1e-9 ? Math.min(1, e2 / e1) : populationRetention;
    out.yearPurchases[c] = e1;
    out.yearRevenue[c] = e1 * perPurchase;
    out.yearMargin[c] = e1 * perPurchase * rate;
    out.yearCost[c] = e1 * costPerOrder;
    clv[c] = discounted * perPurchase;
    probabilityAlive[c] = alive[c] as number;
    expectedPurchases[c] = purchases;
  }
  out.model = { clv, probabilityAlive, expectedPurchases };
  return out;
}
