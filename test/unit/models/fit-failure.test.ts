import { describe, expect, it } from 'vitest';
import { FIT_FAILURES, fitFailureOf } from '../../../shared/analytics/models/fit-report';
import { fitModels } from '../../../shared/analytics/models/index';

/** Transactions of customers who each bought once, on days 0, 5, 10, … (no one bought again). */
function oneOrderEach(customers: number) {
  return {
    customer: Int32Array.from({ length: customers }, (_, i) => i),
    day: Int32Array.from({ length: customers }, (_, i) => i * 5),
    amount: Float64Array.from({ length: customers }, () => 40),
    customerCount: customers,
  };
}

describe('why a fit did not converge, as a code the app translates', () => {
  it('gives the reasons the fits write their codes', () => {
    const fit = fitModels(oneOrderEach(30), { calibrationEnd: 200, observationEnd: 200, models: ['bgnbd'] });
    const empty = fitModels(oneOrderEach(30), { calibrationEnd: -10, observationEnd: -10, models: ['pareto-nbd'] });
    expect(fitFailureOf(empty.paretoNbd?.reason ?? null)).toBe('noCustomers');
    expect(fit.bgnbd?.converged).toBe(false);
    expect(fitFailureOf(fit.bgnbd?.reason ?? null)).toBe('noRepeat');
    expect(fitFailureOf(fit.gammaGamma.reason)).toBe('fewSpenders');
    expect(fitFailureOf('the likelihood is flat in some direction at the optimum (its Hessian is not negative definite): the parameters are not identified by these data')).toBe('notIdentified');
    expect(fitFailureOf('the line search could not improve the likelihood (gradient norm 1.48e-5): the likelihood is flat or not smooth near this point')).toBe('lineSearch');
    expect(fitFailureOf('the likelihood stopped improving (gradient norm 2.00e-3): it is flat in some direction')).toBe('stalled');
    expect(fitFailureOf('the likelihood cannot be evaluated at any starting point')).toBe('notEvaluable');
    expect(fitFailureOf('no convergence after 200 iterations (gradient norm 1.00e-2)')).toBe('maxIterations');
    expect(fitFailureOf(null)).toBe('other');
    expect(fitFailureOf('something new')).toBe('other');
    expect(FIT_FAILURES).toHaveLength(9);
  });
});
