/**
 * Discounted customer lifetime value over a horizon of months, from a purchase model (BG/NBD or
 * Pareto/NBD) and an expected spend per transaction (Gamma-Gamma):
 *   CLV = margin · E[spend] · Σ_{m=1}^{H} (E[Y(t_m)] − E[Y(t_{m−1})]) / (1 + d)^m,
 * where E[Y(t)] is the customer's cumulative conditional expected purchases after the calibration
 * end and t_m = m months (365.25/12 days) in the model's time unit.
 */
import {
  bgnbdConditionalExpectedRowsAt,
  bgnbdExpectedPurchases,
  bgnbdProbabilityActiveRows,
  bgnbdProbabilityAliveRows,
  type BgNbdParams,
} from './bgnbd';
import {
  paretoNbdConditionalExpectedRowsAt,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityActiveRows,
  paretoNbdProbabilityAliveRows,
  type ParetoNbdParams,
} from './pareto-nbd';
import type { RfmRows } from './rows';

/** A fitted purchase model. */
export type PurchaseModel = { model: 'bgnbd'; params: BgNbdParams } | { model: 'pareto-nbd'; params: ParetoNbdParams };

/** Days in a month for the CLV horizon. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Cumulative conditional expected purchases per row at each horizon (row-major: [row · times.length + k]). */
export function conditionalExpectedRowsAt(model: PurchaseModel, rows: RfmRows, times: Float64Array): Float64Array {
  return model.model === 'bgnbd' ? bgnbdConditionalExpectedRowsAt(model.params, rows, times) : paretoNbdConditionalExpectedRowsAt(model.params, rows, times);
}

/** P(alive at the calibration end) per row. */
export function probabilityAliveRows(model: PurchaseModel, rows: RfmRows): Float64Array {
  return model.model === 'bgnbd' ? bgnbdProbabilityAliveRows(model.params, rows) : paretoNbdProbabilityAliveRows(model.params, rows);
}

/** P(at least one purchase in the next t, in the model's unit) per row. */
export function probabilityActiveRows(model: PurchaseModel, rows: RfmRows, t: number): Float64Array {
  return model.model === 'bgnbd' ? bgnbdProbabilityActiveRows(model.params, rows, t) : paretoNbdProbabilityActiveRows(model.params, rows, t);
}

/** E[X(t)]: expected repeat purchases of a new customer in (0, t]. */
export function populationExpected(model: PurchaseModel, t: number): number {
  return model.model === 'bgnbd' ? bgnbdExpectedPurchases(model.params, t) : paretoNbdExpectedPurchases(model.params, t);
}

/** CLV settings. */
export interface ClvOptions {
  /** Length of the model's time unit in days (RfmSummary.unitDays). */
  unitDays: number;
  /** Horizon in months (default 12). */
  horizonMonths?: number;
  /** Margin as a fraction of spend (default 1). */
  margin?: number;
  /** Discount rate per month (default 0.01). */
  monthlyDiscountRate?: number;
}

/** CLV per customer and in total. */
export interface ClvResult {
  horizonMonths: number;
  margin: number;
  monthlyDiscountRate: number;
  /** Discounted CLV per customer (0 for customers left out). */
  clv: Float64Array;
  /** Expected purchases over the whole horizon per customer (undiscounted). */
  expectedPurchases: Float64Array;
  /** Sum of CLV over the customers: the customer equity. */
  total: number;
}

/**
 * Per-row expected purchases over the horizon and their discounted sum
 * Σ_m ΔE_m / (1 + d)^m (one model evaluation per row and month boundary).
 */
export function discountedPurchasesRows(model: PurchaseModel, rows: RfmRows, options: ClvOptions): { total: Float64Array; discounted: Float64Array } {
  const months = Math.max(0, Math.round(options.horizonMonths ?? 12));
  const d = options.monthlyDiscountRate ?? 0.01;
  const times = new Float64Array(months);
  for (let m = 0; m < months; m++) times[m] = ((m + 1) * DAYS_PER_MONTH) / options.unitDays;
  const cumulative = conditionalExpectedRowsAt(model, rows, times);
  const factors = new Float64Array(months);
  for (let m = 0; m < months; m++) factors[m] = Math.pow(1 + d, -(m + 1));
  const total = new Float64Array(rows.count);
  const discounted = new Float64Array(rows.count);
  for (let i = 0; i < rows.count; i++) {
    let prev = 0;
    let acc = 0;
    for (let m = 0; m < months; m++) {
      const e = cumulative[i * months + m] as number;
      acc += (e - prev) * (factors[m] as number);
      prev = e;
    }
    total[i] = prev;
    discounted[i] = acc;
  }
  return { total, discounted };
}

/** Discounted CLV of every customer, given each customer's expected spend per transaction. */
export function customerLifetimeValue(model: PurchaseModel, rows: RfmRows, expectedSpend: Float64Array, options: ClvOptions): ClvResult {
  if (expectedSpend.length !== rows.customerCount) throw new RangeError('expectedSpend must have one value per customer');
  const margin = options.margin ?? 1;
  const { total, discounted } = discountedPurchasesRows(model, rows, options);
  const clv = new Float64Array(rows.customerCount);
  const expectedPurchases = new Float64Array(rows.customerCount);
  let sum = 0;
  for (let i = 0; i < rows.customerCount; i++) {
    const r = rows.rowOf[i] as number;
    if (r < 0) continue;
    const v = (discounted[r] as number) * (expectedSpend[i] as number) * margin;
    clv[i] = v;
    expectedPurchases[i] = total[r] as number;
    sum += v;
  }
  return { horizonMonths: Math.max(0, Math.round(options.horizonMonths ?? 12)), margin, monthlyDiscountRate: options.monthlyDiscountRate ?? 0.01, clv, expectedPurchases, total: sum };
}
