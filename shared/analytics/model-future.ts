/**
 * Future profit from a fitted model (replacing the simple projection): for each customer, the
 * discounted spend over the horizon = Σ months expected purchases (BG/NBD or Pareto/NBD) × expected
 * spend per purchase (Gamma-Gamma) / (1 + d)^m, then
 *   future profit = discounted spend × the customer's own margin rate (gross margin / revenue, else
 *                   the default) − cost to serve per order × discounted purchases.
 * Customers the model leaves out get NaN (the simple projection stays for them).
 */
import type { AnalysisSettings } from '../domain/settings';
import type { AnalysisDataset } from './dataset';
import type { CustomerMetrics } from './metrics';
import { compressRfm, customerLifetimeValue, expandRows, gammaGammaExpectedSpendCustomers, rfmData, rfmSummary, bgnbdProbabilityAliveRows, paretoNbdProbabilityAliveRows, type PurchaseModel, type TimeUnit } from './models';
import type { GammaGammaParams } from './models/gamma-gamma';
import { monthlyDiscountRate } from './projection';

export interface FittedModels {
  purchase: PurchaseModel;
  gammaGamma: GammaGammaParams;
  meanSpend: number;
  unit: TimeUnit;
}

export interface ModelFuture {
  futureProfit: Float64Array;
  clv: Float64Array;
  probabilityAlive: Float64Array;
  expectedPurchases: Float64Array;
}

export function modelFutureProfit(dataset: AnalysisDataset, metrics: CustomerMetrics, fitted: FittedModels, settings: Pick<AnalysisSettings, 'horizonMonths' | 'discountRateYearly' | 'defaultMarginRate'>): ModelFuture {
  const tx = dataset.transactions;
  const summary = rfmSummary({ customer: tx.customer, day: tx.day, amount: tx.amount, customerCount: dataset.customers.count }, { unit: fitted.unit, calibrationEnd: metrics.asOf });
  const rows = compressRfm(rfmData(summary));
  const spend = gammaGammaExpectedSpendCustomers(fitted.gammaGamma, summary.frequency, summary.monetary, summary.included, fitted.meanSpend);
  const clv = customerLifetimeValue(fitted.purchase, rows, spend, {
    unitDays: summary.unitDays,
    horizonMonths: settings.horizonMonths,
    margin: 1,
    monthlyDiscountRate: monthlyDiscountRate(settings.discountRateYearly),
  });
  const alive = expandRows(rows, fitted.purchase.model === 'bgnbd' ? bgnbdProbabilityAliveRows(fitted.purchase.params, rows) : paretoNbdProbabilityAliveRows(fitted.purchase.params, rows), Number.NaN);
  const n = metrics.count;
  const futureProfit = new Float64Array(n).fill(Number.NaN);
  for (let c = 0; c < n; c++) {
    if (!summary.included[c]) continue;
    const revenue = metrics.revenue[c] as number;
    const marginRate = revenue > 0 ? (metrics.grossMargin[c] as number) / revenue : settings.defaultMarginRate;
    const orders = metrics.orders[c] as number;
    const costPerOrder = orders > 0 ? (metrics.costToServe[c] as number) / orders : 0;
    const value = clv.clv[c] as number;
    const perPurchase = spend[c] as number;
    const purchases = perPurchase > 0 ? value / perPurchase : 0;
    futureProfit[c] = value * marginRate - costPerOrder * purchases;
  }
  return { futureProfit, clv: clv.clv, probabilityAlive: alive, expectedPurchases: clv.expectedPurchases };
}
