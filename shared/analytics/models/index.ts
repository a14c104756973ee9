/**
 * Customer-base models for future value: the RFM summary, BG/NBD and Pareto/NBD purchase models,
 * the Gamma-Gamma spend model, discounted CLV and calibration/holdout validation, plus
 * `fitModels`, which runs the whole chain on transaction columns and returns plain data.
 */
import { bgnbdProbabilityAliveRows, fitBgNbd, type BgNbdParams } from './bgnbd';
import type { FitOptions, FitReport } from './fit-report';
import { customerLifetimeValue, DAYS_PER_MONTH, type PurchaseModel } from './clv';
import { fitGammaGamma, gammaGammaExpectedSpendCustomers, type GammaGammaParams } from './gamma-gamma';
import { fitParetoNbd, paretoNbdProbabilityAliveRows, type ParetoNbdParams } from './pareto-nbd';
import { compressRfm, expandRows, rfmData } from './rows';
import { rfmSummary, type TimeUnit, type TransactionColumns } from './summary';
import { holdoutValidation, type HoldoutValidation } from './validation';

export * from './special';
export * from './optimize';
export * from './fit-report';
export * from './summary';
export * from './rows';
export * from './bgnbd';
export * from './pareto-nbd';
export * from './gamma-gamma';
export * from './clv';
export * from './validation';

/** The purchase models `fitModels` can fit. */
export type PurchaseModelName = 'bgnbd' | 'pareto-nbd';

/** Options of `fitModels`. */
export interface FitModelsOptions {
  /** Time unit of the model parameters (default 'week'). */
  unit?: TimeUnit;
  /** Last epoch day of the calibration period (inclusive). */
  calibrationEnd: number;
  /** Last epoch day observed (inclusive); a later day than calibrationEnd gives a holdout validation. */
  observationEnd?: number;
  /** Purchase models to fit (default ['bgnbd']); the first drives the per-customer results. */
  models?: PurchaseModelName[];
  /** CLV horizon in months (default 12). */
  horizonMonths?: number;
  /** Margin as a fraction of spend (default 1). */
  margin?: number;
  /** Discount rate per month (default 0.01). */
  monthlyDiscountRate?: number;
  /** Days per period of the validation's tracking series (default 7). */
  trackingPeriodDays?: number;
  /** Options passed to every fit (starting points are per model, so better left unset here). */
  fit?: Omit<FitOptions, 'starts'>;
}

/** A fitted model as plain data (see FitReport). */
export type ModelFit<P> = FitReport<P>;

/** The Gamma-Gamma fit in a `fitModels` result. */
export interface GammaGammaResult extends ModelFit<GammaGammaParams> {
  correlation: number;
  warning: string | null;
  meanSpend: number;
}

/** Everything `fitModels` computes, as plain data (typed arrays per customer). */
export interface FitModelsResult {
  unit: TimeUnit;
  unitDays: number;
  calibrationEnd: number;
  observationEnd: number;
  customers: {
    /** All customers in the columns. */
    total: number;
    /** First purchase on or before the calibration end. */
    included: number;
    /** With at least one repeat purchase in the calibration period. */
    repeat: number;
  };
  bgnbd: ModelFit<BgNbdParams> | null;
  paretoNbd: ModelFit<ParetoNbdParams> | null;
  gammaGamma: GammaGammaResult;
  /** The purchase model behind the per-customer results. */
  purchaseModel: PurchaseModelName;
  horizonMonths: number;
  margin: number;
  monthlyDiscountRate: number;
  /** Sum of CLV over all customers. */
  customerEquity: number;
  /** Per customer (index as in the transaction columns); 0 for customers left out (included = 0). */
  perCustomer: {
    included: Uint8Array;
    frequency: Float64Array;
    recency: Float64Array;
    T: Float64Array;
    monetary: Float64Array;
    /** Expected purchases over the CLV horizon. */
    expectedPurchases: Float64Array;
    probabilityAlive: Float64Array;
    /** Expected spend per transaction (Gamma-Gamma). */
    expectedSpend: Float64Array;
    clv: Float64Array;
  };
  /** Calibration/holdout validation per fitted model, when there is a holdout. */
  validation: { bgnbd: HoldoutValidation | null; paretoNbd: HoldoutValidation | null } | null;
}

/**
 * The whole chain on transaction columns: RFM summary, the purchase model(s), Gamma-Gamma, CLV and
 * (with a holdout) validation. All numbers in the result are finite; arrays are typed arrays.
 */
export function fitModels(transactions: TransactionColumns, options: FitModelsOptions): FitModelsResult {
  const unit = options.unit ?? 'week';
  const summary = rfmSummary(transactions, { unit, calibrationEnd: options.calibrationEnd, observationEnd: options.observationEnd ?? options.calibrationEnd });
  const rows = compressRfm(rfmData(summary));
  const models = options.models && options.models.length > 0 ? options.models : (['bgnbd'] as PurchaseModelName[]);
  const fitOptions: FitOptions = { ...options.fit };
  const bgnbd = models.includes('bgnbd') ? fitBgNbd(rows, fitOptions) : null;
  const paretoNbd = models.includes('pareto-nbd') ? fitParetoNbd(rows, fitOptions) : null;
  const gammaGamma = fitGammaGamma(summary.frequency, summary.monetary, summary.included, fitOptions);
  const purchaseModel = models[0] as PurchaseModelName;
  const model: PurchaseModel = purchaseModel === 'bgnbd' && bgnbd ? { model: 'bgnbd', params: bgnbd.params } : { model: 'pareto-nbd', params: (paretoNbd as ModelFit<ParetoNbdParams>).params };
  const expectedSpend = gammaGammaExpectedSpendCustomers(gammaGamma.params, summary.frequency, summary.monetary, summary.included, gammaGamma.meanSpend);
  const clv = customerLifetimeValue(model, rows, expectedSpend, {
    unitDays: summary.unitDays,
    horizonMonths: options.horizonMonths ?? 12,
    margin: options.margin ?? 1,
    monthlyDiscountRate: options.monthlyDiscountRate ?? 0.01,
  });
  const aliveRows = model.model === 'bgnbd' ? bgnbdProbabilityAliveRows(model.params, rows) : paretoNbdProbabilityAliveRows(model.params, rows);
  const hasHoldout = summary.observationEnd > summary.calibrationEnd;
  const validationOptions = { periodDays: options.trackingPeriodDays ?? 7 };
  return {
    unit,
    unitDays: summary.unitDays,
    calibrationEnd: summary.calibrationEnd,
    observationEnd: summary.observationEnd,
    customers: { total: summary.customerCount, included: summary.includedCount, repeat: summary.repeatCount },
    bgnbd,
    paretoNbd,
    gammaGamma,
    purchaseModel,
    horizonMonths: clv.horizonMonths,
    margin: clv.margin,
    monthlyDiscountRate: clv.monthlyDiscountRate,
    customerEquity: clv.total,
    perCustomer: {
      included: summary.included,
      frequency: summary.frequency,
      recency: summary.recency,
      T: summary.T,
      monetary: summary.monetary,
      expectedPurchases: clv.expectedPurchases,
      probabilityAlive: expandRows(rows, aliveRows),
      expectedSpend,
      clv: clv.clv,
    },
    validation: hasHoldout
      ? {
          bgnbd: bgnbd ? holdoutValidation({ model: 'bgnbd', params: bgnbd.params }, summary, rows, validationOptions) : null,
          paretoNbd: paretoNbd ? holdoutValidation({ model: 'pareto-nbd', params: paretoNbd.params }, summary, rows, validationOptions) : null,
        }
      : null,
  };
}

/** Months in the model's time unit (e.g. 12 months = 52.18 weeks). */
export function monthsToUnits(months: number, unitDays: number): number {
  return (months * DAYS_PER_MONTH) / unitDays;
}

/** Plain-array copy of a result, for JSON.stringify (typed arrays become number arrays). */
export function fitModelsResultToJson(result: FitModelsResult): unknown {
  return JSON.parse(JSON.stringify(result, (_key, value: unknown) => (ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as unknown as ArrayLike<number>) : value)));
}
