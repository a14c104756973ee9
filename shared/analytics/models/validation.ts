/**
 * Calibration/holdout validation of a purchase model:
 * (a) by calibration frequency x = 0 … 6 and 7+: mean actual vs mean predicted purchases in the
 *     holdout (conditional expectations E[Y(holdout) | x, t_x, T]);
 * (b) the tracking plot: repeat transactions per period and cumulated, actual vs expected, over the
 *     calibration and holdout span; expected at the end of day D is Σ_customers E[X((D − d₀)/unit)]
 *     with d₀ the customer's first purchase;
 * and error metrics: per-customer MAE and RMSE of the holdout predictions, and the percentage
 * error of the total.
 */
import { conditionalExpectedRowsAt, populationExpected, type PurchaseModel } from './clv';
import { expandRows, type RfmRows } from './rows';
import type { RfmSummary } from './summary';

/** Mean actual vs predicted holdout purchases of the customers with one calibration frequency. */
export interface FrequencyBucket {
  /** Calibration frequency; the last bucket holds this and more. */
  frequency: number;
  label: string;
  customers: number;
  actualMean: number;
  predictedMean: number;
}

/** Actual vs expected repeat transactions per period (the tracking plot). */
export interface TrackingSeries {
  /** Days per period (7 = weekly). */
  periodDays: number;
  /** Epoch day each period starts on. */
  periodStart: Int32Array;
  /** Repeat transactions per period: actual and expected. */
  actual: Float64Array;
  expected: Float64Array;
  cumulativeActual: Float64Array;
  cumulativeExpected: Float64Array;
  /** Index of the first holdout period (periods are aligned so that one ends on the calibration end; the first may be shorter). */
  firstHoldoutPeriod: number;
}

/** Error metrics of a holdout validation. */
export interface ValidationMetrics {
  /** Customers in the comparison. */
  customers: number;
  /** Mean absolute and root-mean-square error of each customer's holdout prediction. */
  mae: number;
  rmse: number;
  totalActual: number;
  totalPredicted: number;
  /** 100 · (predicted − actual) / actual over all customers' holdout purchases (0 when both are 0). */
  totalPercentError: number;
  /** MAE and RMSE of the per-period repeat transactions of the tracking series, over all periods. */
  periodMae: number;
  periodRmse: number;
  /** 100 · (expected − actual) / actual of the tracking series' holdout periods. */
  trackingHoldoutPercentError: number;
}

/** A calibration/holdout validation. */
export interface HoldoutValidation {
  holdoutLength: number;
  buckets: FrequencyBucket[];
  tracking: TrackingSeries;
  metrics: ValidationMetrics;
  /** Predicted holdout purchases per customer (0 for customers left out). */
  predicted: Float64Array;
}

/** Options of the holdout validation. */
export interface ValidationOptions {
  /** Days per period of the tracking series (default 7). */
  periodDays?: number;
  /** Number of frequency buckets, the last one open-ended (default 8: 0 … 6, 7+). */
  buckets?: number;
}

function percentError(predicted: number, actual: number): number {
  if (actual === 0) return predicted === 0 ? 0 : (predicted > 0 ? 1 : -1) * 100;
  return (100 * (predicted - actual)) / actual;
}

/** The tracking series (b) alone. */
export function trackingSeries(model: PurchaseModel, summary: RfmSummary, periodDays = 7): TrackingSeries {
  const origin = summary.dayOrigin;
  const end = summary.observationEnd;
  const days = end - origin + 1;
  // Periods are aligned so that one ends exactly on the calibration end (the first may be shorter).
  const calibrationDays = summary.calibrationEnd - origin + 1;
  const firstLength = calibrationDays % periodDays || periodDays;
  const periods = days <= firstLength ? 1 : 1 + Math.ceil((days - firstLength) / periodDays);
  // New customers per first-purchase day (included customers only).
  const cohort = new Float64Array(Math.max(0, summary.calibrationEnd - origin + 1));
  for (let i = 0; i < summary.customerCount; i++) {
    if (summary.included[i] !== 1) continue;
    const k = (summary.firstDay[i] as number) - origin;
    cohort[k] = (cohort[k] as number) + 1;
  }
  const cohortDays: number[] = [];
  for (let k = 0; k < cohort.length; k++) if ((cohort[k] as number) > 0) cohortDays.push(k);
  // E[X(d / unit)] for every lag d in days, computed once.
  const byLag = new Float64Array(days);
  for (let d = 1; d < days; d++) byLag[d] = populationExpected(model, d / summary.unitDays);
  const periodStart = new Int32Array(periods);
  const actual = new Float64Array(periods);
  const expected = new Float64Array(periods);
  const cumulativeActual = new Float64Array(periods);
  const cumulativeExpected = new Float64Array(periods);
  let firstHoldoutPeriod = periods;
  let cumA = 0;
  let prevCumA = 0;
  let prevCumE = 0;
  for (let p = 0; p < periods; p++) {
    const start = p === 0 ? 0 : firstLength + (p - 1) * periodDays;
    const last = Math.min(p === 0 ? firstLength - 1 : start + periodDays - 1, days - 1);
    periodStart[p] = origin + start;
    for (let k = start; k <= last; k++) cumA += summary.repeatsByDay[k] as number;
    let cumE = 0;
    for (const k of cohortDays) {
      if (k > last) break;
      cumE += (cohort[k] as number) * (byLag[last - k] as number);
    }
    actual[p] = cumA - prevCumA;
    expected[p] = cumE - prevCumE;
    cumulativeActual[p] = cumA;
    cumulativeExpected[p] = cumE;
    prevCumA = cumA;
    prevCumE = cumE;
    if (firstHoldoutPeriod === periods && origin + start > summary.calibrationEnd) firstHoldoutPeriod = p;
  }
  return { periodDays, periodStart, actual, expected, cumulativeActual, cumulativeExpected, firstHoldoutPeriod };
}

/** Calibration/holdout validation (see the file comment). rows must come from the same summary. */
export function holdoutValidation(model: PurchaseModel, summary: RfmSummary, rows: RfmRows, options: ValidationOptions = {}): HoldoutValidation {
  const nb = Math.max(1, Math.round(options.buckets ?? 8));
  const holdoutLength = summary.holdoutLength;
  const perRow = conditionalExpectedRowsAt(model, rows, Float64Array.of(holdoutLength));
  const predicted = expandRows(rows, perRow);
  const count = new Float64Array(nb);
  const sumA = new Float64Array(nb);
  const sumP = new Float64Array(nb);
  let n = 0;
  let abs = 0;
  let sq = 0;
  let totalA = 0;
  let totalP = 0;
  for (let i = 0; i < summary.customerCount; i++) {
    if ((rows.rowOf[i] as number) < 0) continue;
    const a = summary.holdoutFrequency[i] as number;
    const p = predicted[i] as number;
    const b = Math.min(nb - 1, Math.floor(summary.frequency[i] as number));
    count[b] = (count[b] as number) + 1;
    sumA[b] = (sumA[b] as number) + a;
    sumP[b] = (sumP[b] as number) + p;
    n++;
    abs += Math.abs(p - a);
    sq += (p - a) * (p - a);
    totalA += a;
    totalP += p;
  }
  const buckets: FrequencyBucket[] = [];
  for (let b = 0; b < nb; b++) {
    const c = count[b] as number;
    buckets.push({
      frequency: b,
      label: b === nb - 1 ? `${b}+` : String(b),
      customers: c,
      actualMean: c > 0 ? (sumA[b] as number) / c : 0,
      predictedMean: c > 0 ? (sumP[b] as number) / c : 0,
    });
  }
  const tracking = trackingSeries(model, summary, options.periodDays ?? 7);
  let pAbs = 0;
  let pSq = 0;
  let hA = 0;
  let hE = 0;
  const periods = tracking.actual.length;
  for (let p = 0; p < periods; p++) {
    const diff = (tracking.expected[p] as number) - (tracking.actual[p] as number);
    pAbs += Math.abs(diff);
    pSq += diff * diff;
    if (p >= tracking.firstHoldoutPeriod) {
      hA += tracking.actual[p] as number;
      hE += tracking.expected[p] as number;
    }
  }
  return {
    holdoutLength,
    buckets,
    tracking,
    predicted,
    metrics: {
      customers: n,
      mae: n > 0 ? abs / n : 0,
      rmse: n > 0 ? Math.sqrt(sq / n) : 0,
      totalActual: totalA,
      totalPredicted: totalP,
      totalPercentError: percentError(totalP, totalA),
      periodMae: periods > 0 ? pAbs / periods : 0,
      periodRmse: periods > 0 ? Math.sqrt(pSq / periods) : 0,
      trackingHoldoutPercentError: percentError(hE, hA),
    },
  };
}
