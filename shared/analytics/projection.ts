/**
 * The simple projection of future profit used until a lifetime-value model is fitted
 * (README "Future profit"). For a customer with purchases, per month observed in the current
 * window (the window, or the customer's tenure when shorter, at least one month):
 *   margin, cost    = gross margin and cost to serve in the window / months observed
 *   trend           = revenue in the later half of the window / revenue in the earlier half,
 *                     limited to [0.5, 1.5] (1 when the earlier half had none); it scales the
 *                     margin (spend grows or shrinks), not the cost to serve
 *   still buying    = 1 while active (recency ≤ W), falling linearly to 0 at recency 2W
 *   future profit   = (margin × trend − cost) × still buying × Σ_{k=1..H} (1 − churn)^(k−1) / (1 + d)^k
 * with H the horizon in months, churn the average monthly churn and d the monthly discount rate.
 */
import type { AnalysisSettings } from '../domain/settings';
import { DAYS_PER_MONTH } from './calendar';
import type { CustomerMetrics } from './metrics';

/** Monthly rate equivalent to a yearly discount rate. */
export function monthlyDiscountRate(yearly: number): number {
  return (1 + yearly) ** (1 / 12) - 1;
}

/** Σ_{k=1..H} s^(k−1) / (1 + d)^k: months of expected, discounted survival within the horizon. */
export function discountedMonths(horizonMonths: number, monthlyChurn: number, monthlyDiscount: number): number {
  let total = 0;
  let survive = 1;
  for (let k = 1; k <= horizonMonths; k++) {
    total += survive / (1 + monthlyDiscount) ** k;
    survive *= 1 - monthlyChurn;
  }
  return total;
}

export function projectFutureProfit(
  metrics: CustomerMetrics,
  inactivityDays: number,
  churnRate: number | null,
  settings: Pick<AnalysisSettings, 'currentWindowMonths' | 'horizonMonths' | 'discountRateYearly'>,
): Float64Array {
  const future = new Float64Array(metrics.count);
  const months = discountedMonths(settings.horizonMonths, Math.min(1, Math.max(0, churnRate ?? 0)), monthlyDiscountRate(settings.discountRateYearly));
  for (let c = 0; c < metrics.count; c++) {
    if (!metrics.hasPurchase[c]) continue;
    const observed = Math.max(1, Math.min(settings.currentWindowMonths, (metrics.tenureDays[c] as number) / DAYS_PER_MONTH));
    const margin = (metrics.currentMargin[c] as number) / observed;
    const cost = (metrics.currentCostToServe[c] as number) / observed;
    const earlier = metrics.earlierHalfRevenue[c] as number;
    const trend = earlier > 0 ? Math.min(1.5, Math.max(0.5, (metrics.recentHalfRevenue[c] as number) / earlier)) : 1;
    const recency = metrics.recencyDays[c] as number;
    const stillBuying = recency <= inactivityDays ? 1 : Math.max(0, 1 - (recency - inactivityDays) / inactivityDays);
    future[c] = (margin * trend - cost) * stillBuying * months;
  }
  return future;
}
