import { describe, expect, it } from 'vitest';
import {
  fitParetoNbd,
  paretoNbdConditionalExpected,
  paretoNbdConditionalExpectedCustomers,
  paretoNbdCustomerLogLikelihood,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityAliveCustomers,
  type ParetoNbdParams,
} from '../../../shared/analytics/models/pareto-nbd';
import { compressRfm } from '../../../shared/analytics/models/rows';
import { lgamma, logAddExp, logHyp2f1 } from '../../../shared/analytics/models/special';
import { rng } from '../../support/cdnow';
import { cdnowMaster, cdnowSample, logGradient } from './fixtures';

const PUBLISHED: ParetoNbdParams = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 };

/** The MATLAB note's likelihood, term by term, with the general 2F1 (no Euler transformation, no caching). */
function literalLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const [big, b2, arg] = alpha >= beta ? [alpha, s + 1, alpha - beta] : [beta, r + x, beta - alpha];
  const l1 = logHyp2f1(rsx, b2, rsx + 1, arg / (big + tx)).log - rsx * Math.log(big + tx);
  const l2 = logHyp2f1(rsx, b2, rsx + 1, arg / (big + T)).log - rsx * Math.log(big + T);
  const logA0 = tx === T ? Number.NEGATIVE_INFINITY : l1 + Math.log(-Math.expm1(l2 - l1));
  return lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + s * Math.log(beta)
    + logAddExp(-(r + x) * Math.log(alpha + T) - s * Math.log(beta + T), Math.log(s / rsx) + logA0);
}

describe('Pareto/NBD likelihood', () => {
  it('agrees with the MATLAB note written out, for α ≥ β and α < β', () => {
    const params: ParetoNbdParams[] = [PUBLISHED, { r: 0.6, alpha: 13.6, s: 0.31, beta: 6.1 }, { r: 2, alpha: 1, s: 3, beta: 40 }, { r: 0.4, alpha: 8, s: 0.9, beta: 8 }];
    const customers: [number, number, number][] = [[0, 0, 38.86], [2, 30.43, 38.86], [1, 0.5, 60], [15, 70, 78], [40, 77.9, 78], [3, 10, 10], [0, 0, 0]];
    for (const p of params) {
      for (const [x, tx, T] of customers) {
        expect(paretoNbdCustomerLogLikelihood(p, x, tx, T)).toBeCloseTo(literalLogLikelihood(p, x, tx, T), 9);
      }
    }
  });

  it('has an analytic gradient that matches finite differences', () => {
    const { rows } = cdnowSample();
    for (const params of [PUBLISHED, { r: 0.9, alpha: 4, s: 1.4, beta: 30 }, { r: 0.4, alpha: 20, s: 0.3, beta: 2 }]) {
      const g = new Float64Array(4);
      paretoNbdLogLikelihood(params, rows, g);
      const num = logGradient((p) => paretoNbdLogLikelihood(p, rows), params, 1e-4);
      for (let k = 0; k < 4; k++) expect(g[k]).toBeCloseTo(num[k] as number, 3);
    }
  });
});

describe('Pareto/NBD on the CDNOW sample', () => {
  const { rows, summary, tx } = cdnowSample();
  const fit = fitParetoNbd(rows);

  it('reproduces the published estimates (3 significant digits) and log-likelihood', () => {
    expect(fit.converged).toBe(true);
    expect(Number(fit.params.r.toPrecision(3))).toBe(0.553);
    expect(Number(fit.params.alpha.toPrecision(3))).toBe(10.6);
    expect(Number(fit.params.s.toPrecision(3))).toBe(0.606);
    expect(Number(fit.params.beta.toPrecision(3))).toBe(11.7);
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
    for (const se of Object.values(fit.standardErrors)) expect(se as number).toBeGreaterThan(0);
  });

  it('gives the published expectation and P(alive) for x = 2, t_x = 30.43, T = 38.86', () => {
    expect(paretoNbdConditionalExpected(fit.params, 2, 30.43, 38.86, 39)).toBeCloseTo(1.455, 3);
    expect(paretoNbdProbabilityAlive(fit.params, 2, 30.43, 38.86)).toBeCloseTo(0.869, 3);
    const i = tx.ids.indexOf('00004');
    expect(paretoNbdConditionalExpectedCustomers(fit.params, rows, 39)[i]).toBeCloseTo(1.455, 2);
    expect(paretoNbdProbabilityAliveCustomers(fit.params, rows)[i]).toBeCloseTo(paretoNbdProbabilityAlive(fit.params, 2, summary.recency[i] as number, summary.T[i] as number), 12);
  });

  it('E[X(t)] grows with t and equals the conditional expectation of a brand-new customer', () => {
    const e = [1, 10, 52, 78].map((t) => paretoNbdExpectedPurchases(fit.params, t));
    for (let k = 1; k < e.length; k++) expect(e[k]).toBeGreaterThan(e[k - 1] as number);
    expect(paretoNbdConditionalExpected(fit.params, 0, 0, 0, 52)).toBeCloseTo(e[2] as number, 12);
  });
});

describe('Pareto/NBD numerics and stress', () => {
  it('stays finite for heavy buyers, x = 0, T = 0 and t_x = T, on both sides of α = β', () => {
    for (const p of [PUBLISHED, { r: 0.6, alpha: 13.6, s: 0.31, beta: 6.1 }, { r: 0.5, alpha: 5, s: 0.5, beta: 5 }]) {
      for (const [x, tx, T] of [[1000, 70, 78], [1000, 2, 78], [3000, 78, 78], [0, 0, 0], [0, 0, 30], [5, 30, 30]] as const) {
        expect(Number.isFinite(paretoNbdCustomerLogLikelihood(p, x, tx, T))).toBe(true);
        const alive = paretoNbdProbabilityAlive(p, x, tx, T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        expect(Number.isFinite(paretoNbdConditionalExpected(p, x, tx, T, 52))).toBe(true);
      }
      expect(paretoNbdProbabilityAlive(p, 1000, 2, 78)).toBeLessThan(1e-10);
      expect(paretoNbdProbabilityAlive(p, 3, 30, 30)).toBe(1);
    }
  });

  it('fits data with a 1,000-purchase customer and customers with x = 0, T = 0 and t_x = T', () => {
    const { summary } = cdnowSample();
    const extra = [[1000, 38, 38.86], [1000, 1, 38.86], [0, 0, 0], [4, 20, 20]];
    const n = summary.customerCount + extra.length;
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    x.set(summary.frequency);
    tx.set(summary.recency);
    T.set(summary.T);
    extra.forEach(([a, b, c], k) => {
      x[summary.customerCount + k] = a as number;
      tx[summary.customerCount + k] = b as number;
      T[summary.customerCount + k] = c as number;
    });
    const rows = compressRfm({ x, tx, T });
    const fit = fitParetoNbd(rows);
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    const e = paretoNbdConditionalExpectedCustomers(fit.params, rows, 52);
    const alive = paretoNbdProbabilityAliveCustomers(fit.params, rows);
    expect(e.every(Number.isFinite) && alive.every(Number.isFinite)).toBe(true);
    expect(alive[summary.customerCount + 1]).toBeLessThan(1e-6);
  });

  it('recovers known parameters from 10,000 simulated customers within 3 standard errors', () => {
    const truth: ParetoNbdParams = { r: 0.5, alpha: 8, s: 0.7, beta: 12 };
    const g = rng(777);
    const n = 10_000;
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const age = 20 + 32 * g.uniform();
      const lambda = g.gamma(truth.r, truth.alpha);
      const death = g.exponential(g.gamma(truth.s, truth.beta));
      const end = Math.min(age, death);
      let t = 0;
      for (;;) {
        t += g.exponential(lambda);
        if (!(t <= end)) break;
        x[i] = (x[i] as number) + 1;
        tx[i] = t;
      }
      T[i] = age;
    }
    const fit = fitParetoNbd(compressRfm({ x, tx, T }));
    expect(fit.converged).toBe(true);
    for (const k of ['r', 'alpha', 's', 'beta'] as const) {
      expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(3 * (fit.standardErrors[k] as number));
    }
  });

  it('reports no convergence, in words and without NaN, when nobody bought twice', () => {
    const n = 200;
    const fit = fitParetoNbd(compressRfm({ x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n).fill(5) }));
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/repeat purchase/);
    expect(JSON.stringify(fit)).not.toMatch(/NaN|Infinity/);
  });
});

describe('Pareto/NBD on the CDNOW master (23,570 customers, weeks, no holdout)', () => {
  it('reaches lifetimes’ log-likelihood −173327.99 (to its 0.01 precision)', () => {
    const fit = fitParetoNbd(cdnowMaster().rows);
    expect(fit.converged).toBe(true);
    // The maximum is −173327.9962 (checked against SciPy's hyp2f1 and by quadrature).
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(-173327.99 - 0.01);
    expect(fit.logLikelihood).toBeCloseTo(-173327.9962, 3);
  });
});
