/**
 * What every model fit reports: parameters, log-likelihood, convergence (iterations, gradient norm,
 * a reason in words when it did not converge), standard errors and the starting points tried.
 */
import { minimizeMultiStart, standardErrorsFromLogHessian, type Objective } from './optimize';

/** Convergence report shared by the model fits. */
export interface FitReport<P> {
  params: P;
  logLikelihood: number;
  /** Total weight of the customers in the fit. */
  customers: number;
  iterations: number;
  evaluations: number;
  /** Euclidean norm of the gradient of the log-likelihood with respect to the log-parameters. */
  gradientNorm: number;
  converged: boolean;
  /** Why the fit did not converge, in words; null when it did. */
  reason: string | null;
  /** Asymptotic standard errors (inverse observed information, delta method to the natural scale); null when not identified. */
  standardErrors: { [K in keyof P]: number | null };
  /** Log-likelihood reached from each starting point in the screening phase. */
  starts: { start: number[]; logLikelihood: number }[];
}

/** Options of the model fits (all optional). */
export interface FitOptions {
  /** Starting points on the natural scale, in the papers' parameter order. */
  starts?: number[][];
  maxIterations?: number;
  /** Tolerance on the gradient of the mean log-likelihood per customer in log-parameters. */
  gradientTolerance?: number;
  /** BFGS iterations each starting point gets before the best is run to convergence. */
  screenIterations?: number;
}

/** Shared end of a fit: log-likelihood, gradient norm, standard errors and the identification check. */
export function finishFitReport<P extends object>(
  totalWeight: number,
  fn: Objective,
  result: { x: Float64Array; f: number; grad: Float64Array; iterations: number; evaluations: number; converged: boolean; reason: string | null; starts: { start: number[]; logLikelihood: number }[] },
  params: P,
  names: readonly (keyof P)[],
): FitReport<P> {
  let gn = 0;
  for (let i = 0; i < result.grad.length; i++) gn += ((result.grad[i] as number) * totalWeight) ** 2;
  const se = Number.isFinite(result.f) ? standardErrorsFromLogHessian(fn, result.x, totalWeight, result.grad) : { se: names.map(() => null), positiveDefinite: false };
  const standardErrors = {} as { [K in keyof P]: number | null };
  names.forEach((name, i) => {
    standardErrors[name] = se.se[i] ?? null;
  });
  let converged = result.converged;
  let reason = result.reason;
  if (converged && !se.positiveDefinite) {
    converged = false;
    const extreme = names.filter((_, i) => Math.abs(result.x[i] as number) > 12).map(String);
    reason = 'the likelihood is flat in some direction at the optimum (its Hessian is not negative definite): the parameters are not identified by these data'
      + (extreme.length > 0 ? ` (${extreme.join(', ')} ran off towards 0 or infinity)` : '');
  }
  return {
    params,
    logLikelihood: Number.isFinite(result.f) ? -result.f * totalWeight : Number.NaN,
    customers: totalWeight,
    iterations: result.iterations,
    evaluations: result.evaluations,
    gradientNorm: Math.sqrt(gn),
    converged,
    reason,
    standardErrors,
    starts: result.starts,
  };
}


/** Natural-scale parameters from their logs, in the order of `names`. */
export function paramsFromLog<P extends object>(names: readonly (keyof P & string)[], phi: ArrayLike<number>): P {
  const params = {} as Record<keyof P, number>;
  names.forEach((name, i) => {
    params[name] = Math.exp(phi[i] as number);
  });
  return params as P;
}

/** The report of a fit that could not run (no data to estimate from): the starting point, with the reason. */
export function unfittedReport<P extends object>(names: readonly (keyof P & string)[], start: readonly number[], customers: number, logLikelihood: number, evaluations: number, reason: string): FitReport<P> {
  const standardErrors = {} as { [K in keyof P]: number | null };
  for (const name of names) standardErrors[name] = null;
  return {
    params: paramsFromLog<P>(names, start.map(Math.log)),
    logLikelihood: Number.isFinite(logLikelihood) ? logLikelihood : 0,
    customers,
    iterations: 0,
    evaluations,
    gradientNorm: 0,
    converged: false,
    reason,
    standardErrors,
    starts: [],
  };
}

/**
 * Maximum likelihood over log-parameters, shared by the models: BFGS on −LL / total weight (so the
 * tolerance is per customer) from several starting points, then the common report.
 */
export function maximizeLikelihood<P extends object, R extends { totalWeight: number }>(
  names: readonly (keyof P & string)[],
  logLikelihood: (params: P, rows: R, grad?: Float64Array) => number,
  rows: R,
  starts: readonly (readonly number[])[],
  options: FitOptions,
  defaults: { gradientTolerance: number; maxIterations: number },
): FitReport<P> {
  const scale = 1 / rows.totalWeight;
  const fn: Objective = (phi, grad) => {
    const ll = logLikelihood(paramsFromLog<P>(names, phi), rows, grad);
    for (let i = 0; i < names.length; i++) grad[i] = -(grad[i] as number) * scale;
    return -ll * scale;
  };
  const result = minimizeMultiStart(
    fn,
    starts,
    { gradientTolerance: options.gradientTolerance ?? defaults.gradientTolerance, maxIterations: options.maxIterations ?? defaults.maxIterations, maxAbs: 25, maxStep: 3, names },
    options.screenIterations ?? 3,
    (f) => -f * rows.totalWeight,
  );
  return finishFitReport(rows.totalWeight, fn, result, paramsFromLog<P>(names, result.x), names);
}

/** Why a fit did not converge, as a code the app says in the person's language (the reason itself is English). */
export const FIT_FAILURES = ['noCustomers', 'noRepeat', 'fewSpenders', 'notIdentified', 'lineSearch', 'stalled', 'notEvaluable', 'maxIterations', 'other'] as const;
export type FitFailure = (typeof FIT_FAILURES)[number];

/** The code of a fit's reason (reasons are kept in words, also in fits stored by older versions). */
export function fitFailureOf(reason: string | null): FitFailure {
  if (!reason) return 'other';
  if (reason.startsWith('there are no customers to fit')) return 'noCustomers';
  if (reason.startsWith('no customer made a repeat purchase')) return 'noRepeat';
  if (reason.startsWith('fewer than two customers with repeat purchases')) return 'fewSpenders';
  if (reason.startsWith('the likelihood is flat in some direction at the optimum')) return 'notIdentified';
  if (reason.startsWith('the line search could not improve')) return 'lineSearch';
  if (reason.startsWith('the likelihood stopped improving')) return 'stalled';
  if (reason.startsWith('the likelihood cannot be evaluated')) return 'notEvaluable';
  if (reason.startsWith('no convergence after')) return 'maxIterations';
  return 'other';
}
