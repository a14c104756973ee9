import { z } from 'zod';
import { OutlookSchema } from './analysis';

export const PURCHASE_MODELS = ['bgnbd', 'pareto-nbd'] as const;
export const PurchaseModelName = z.enum(PURCHASE_MODELS);
export const TimeUnitSchema = z.enum(['day', 'week', 'month']);

const Fit = z.object({
  params: z.record(z.string(), z.number()),
  logLikelihood: z.number(),
  customers: z.number(),
  iterations: z.number().int(),
  gradientNorm: z.number(),
  converged: z.boolean(),
  reason: z.string().nullable(),
  standardErrors: z.record(z.string(), z.number().nullable()),
});

const Validation = z.object({
  holdoutLength: z.number(),
  buckets: z.array(z.object({ frequency: z.number(), label: z.string(), customers: z.number(), actualMean: z.number(), predictedMean: z.number() })),
  tracking: z.object({
    periodDays: z.number(),
    periodStart: z.array(z.string()),
    actual: z.array(z.number()),
    expected: z.array(z.number()),
    cumulativeActual: z.array(z.number()),
    cumulativeExpected: z.array(z.number()),
    firstHoldoutPeriod: z.number().int(),
  }),
  metrics: z.object({
    customers: z.number(),
    mae: z.number(),
    rmse: z.number(),
    totalActual: z.number(),
    totalPredicted: z.number(),
    totalPercentError: z.number(),
    periodMae: z.number(),
    periodRmse: z.number(),
    trackingHoldoutPercentError: z.number(),
  }),
});

/** A stored model fit: the purchase model and the Gamma-Gamma spend model, with their diagnostics. */
export const ModelFitSummary = z.object({
  fitId: z.number().int(),
  createdAt: z.string(),
  model: PurchaseModelName,
  unit: TimeUnitSchema,
  calibrationEnd: z.string(),
  observationEnd: z.string(),
  customers: z.object({ total: z.number().int(), included: z.number().int(), repeat: z.number().int() }),
  purchase: Fit,
  gammaGamma: Fit.extend({ correlation: z.number(), warning: z.string().nullable(), meanSpend: z.number() }),
  validation: Validation.nullable(),
  /** Sum of 12-month discounted spend-CLV at the calibration end (margin 100 %). */
  customerEquity: z.number(),
  /** True when both fits converged: the analysis then uses the model for future profit. */
  usable: z.boolean(),
});
export type ModelFitSummary = z.infer<typeof ModelFitSummary>;

const Figures = z.object({ activeCustomers: z.number(), purchases: z.number(), revenue: z.number(), profit: z.number() });
const Errors = z.object({ activeCustomers: z.number().nullable(), purchases: z.number().nullable(), revenue: z.number().nullable(), profit: z.number().nullable() });

/** A back-test of the projections (shared/analytics/backtest.ts computes it). */
export const BacktestResultSchema = z.object({
  asOf: z.string(),
  horizonMonths: z.number().int(),
  customers: z.number().int(),
  outlook: OutlookSchema.pick({ engine: true, model: true, noModel: true }),
  projected: Figures,
  actual: Figures,
  errors: Errors,
  byTier: z.array(z.object({ tier: z.enum(['mvc', 'mgc', 'middle', 'belowZero']), customers: z.number().int(), projected: Figures, actual: Figures, errors: Errors })),
  monthly: z.array(z.object({ month: z.string(), projected: z.number(), actual: z.number() })),
});

/** The latest back-test kept in a workspace: stale when the data changed since. */
export const BacktestRun = z.object({ createdAt: z.string(), stale: z.boolean(), result: BacktestResultSchema });
export type BacktestRun = z.infer<typeof BacktestRun>;

/** Back-test errors beyond this share are shown as a warning, not as a fact (issue targets: 15 % for customers, 20 % for revenue). */
export const BACKTEST_TOLERANCE = { activeCustomers: 0.15, purchases: 0.2, revenue: 0.2, profit: 0.2 } as const;
