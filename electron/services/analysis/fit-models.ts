/**
 * Fitting the lifetime-value models on a workspace, in the analysis worker (it reuses the data
 * the analyses keep in memory): BG/NBD or Pareto/NBD for purchases, Gamma-Gamma for spend, with a
 * calibration/holdout validation when the calibration ends before the last date. The fit is kept
 * in the workspace; the next analysis uses it for future profit when it converged.
 */
import type { FittedModels } from '../../../shared/analytics/model-outlook';
import { fitModels, type HoldoutValidation, type TimeUnit } from '../../../shared/analytics/models';
import type { FitReport } from '../../../shared/analytics/models/fit-report';
import { monthlyDiscountRate } from '../../../shared/analytics/outlook';
import { epochDayFromIso, isoFromEpochDay } from '../../../shared/domain/dates';
import type { ModelFitSummary } from '../../../shared/domain/models';
import type { AnalysisSettings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/ipc/errors';
import { saveFit } from '../../db/analysis-store';
import { attachWorkspaceDatabase } from '../../db/connection';
import { stageTimer, workspaceSession, type AnalysisContext } from './run-analysis';

export interface FitInput {
  workspace: string;
  model: 'bgnbd' | 'pareto-nbd';
  unit: TimeUnit;
  /** ISO; null = the last transaction date (no holdout). */
  calibrationEnd: string | null;
  settings: AnalysisSettings;
}

function report(fit: FitReport<object>) {
  return {
    params: fit.params as unknown as Record<string, number>,
    logLikelihood: fit.logLikelihood,
    customers: fit.customers,
    iterations: fit.iterations,
    gradientNorm: fit.gradientNorm,
    converged: fit.converged,
    reason: fit.reason,
    standardErrors: fit.standardErrors as unknown as Record<string, number | null>,
  };
}

function validationJson(validation: HoldoutValidation | null): ModelFitSummary['validation'] {
  if (!validation) return null;
  const { tracking } = validation;
  return {
    holdoutLength: validation.holdoutLength,
    buckets: validation.buckets,
    tracking: {
      periodDays: tracking.periodDays,
      periodStart: Array.from(tracking.periodStart, isoFromEpochDay),
      actual: Array.from(tracking.actual),
      expected: Array.from(tracking.expected),
      cumulativeActual: Array.from(tracking.cumulativeActual),
      cumulativeExpected: Array.from(tracking.cumulativeExpected),
      firstHoldoutPeriod: tracking.firstHoldoutPeriod,
    },
    metrics: validation.metrics,
  };
}

export function runFit(input: FitInput, context: AnalysisContext): ModelFitSummary {
  const db = attachWorkspaceDatabase(input.workspace, { ...context.sqlite, readonly: false });
  try {
    context.progress('reading', 0, 2);
    const session = workspaceSession(db, input.workspace, true, stageTimer([]));
    const calibrationEnd = input.calibrationEnd ? epochDayFromIso(input.calibrationEnd) : session.lastDay;
    if (calibrationEnd > session.lastDay) throw new AppError('calibrationAfterEnd', { date: isoFromEpochDay(session.lastDay) });
    context.progress('fitting', 1, 2);
    const { transactions, customers } = session.dataset;
    const result = fitModels(
      { customer: transactions.customer, day: transactions.day, amount: transactions.amount, customerCount: customers.count },
      {
        unit: input.unit,
        calibrationEnd,
        observationEnd: session.lastDay,
        models: [input.model],
        horizonMonths: input.settings.horizonMonths,
        margin: 1,
        monthlyDiscountRate: monthlyDiscountRate(input.settings.discountRateYearly),
      },
    );
    const purchase = input.model === 'bgnbd' ? result.bgnbd : result.paretoNbd;
    if (!purchase) throw new Error('fitModels returned no purchase model');
    const usable = purchase.converged && result.gammaGamma.converged;
    const createdAt = new Date().toISOString();
    const fitted: FittedModels = {
      purchase: input.model === 'bgnbd' ? { model: 'bgnbd', params: result.bgnbd?.params as never } : { model: 'pareto-nbd', params: result.paretoNbd?.params as never },
      gammaGamma: result.gammaGamma.params,
      meanSpend: result.gammaGamma.meanSpend,
      unit: input.unit,
    };
    const summary: Omit<ModelFitSummary, 'fitId'> = {
      createdAt,
      model: input.model,
      unit: input.unit,
      calibrationEnd: isoFromEpochDay(result.calibrationEnd),
      observationEnd: isoFromEpochDay(result.observationEnd),
      customers: result.customers,
      purchase: report(purchase as FitReport<object>),
      gammaGamma: { ...report(result.gammaGamma), correlation: result.gammaGamma.correlation, warning: result.gammaGamma.warning, meanSpend: result.gammaGamma.meanSpend },
      validation: validationJson(result.validation ? (input.model === 'bgnbd' ? result.validation.bgnbd : result.validation.paretoNbd) : null),
      customerEquity: result.customerEquity,
      usable,
    };
    const fitId = saveFit(db, { createdAt, model: input.model, fingerprint: session.fingerprint, usable, summary, fitted });
    context.progress('fitting', 2, 2);
    return { fitId, ...summary };
  } finally {
    db.close();
  }
}
