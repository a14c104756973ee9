import { describe, expect, it } from 'vitest';
import {
  bgnbdConditionalExpected,
  bgnbdConditionalExpectedCustomers,
  bgnbdCustomerLogLikelihood,
  bgnbdExpectedIfAlive,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  bgnbdProbabilityAliveCustomers,
  fitBgNbd,
  type BgNbdParams,
} from '../../../shared/analytics/models/bgnbd';
import { compressRfm, rfmData } from '../../../shared/analytics/models/rows';
import { rfmSummary } from '../../../shared/analytics/models/summary';
import { lbeta } from '../../../shared/analytics/models/special';
import { rng } from '../../support/cdnow';
import { cdnowMaster, cdnowSample, integrate01, logGradient } from './fixtures';

const PUBLISHED: BgNbdParams = { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 };

function sig(v: number, digits: number): number {
  return Number(v.toPrecision(digits));
}

describe('BG/NBD on the CDNOW sample (Fader, Hardie & Lee 2005)', () => {
  const { rows } = cdnowSample();
  const fit = fitBgNbd(rows);

  it('reproduces the published estimates and log-likelihood', () => {
    expect(fit.converged).toBe(true);
    expect(fit.reason).toBeNull();
    expect(fit.customers).toBe(2357);
    expect(sig(fit.params.r, 4)).toBe(0.2426);
    expect(sig(fit.params.alpha, 4)).toBe(4.414);
    expect(sig(fit.params.a, 4)).toBe(0.7929);
    expect(sig(fit.params.b, 4)).toBe(2.426);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 2);
    expect(bgnbdLogLikelihood(PUBLISHED, rows)).toBeCloseTo(-9582.43, 1);
  });

  it('reports a convergence summary and standard errors', () => {
    expect(fit.iterations).toBeGreaterThan(0);
    expect(fit.gradientNorm).toBeLessThan(1e-2);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      const se = fit.standardErrors[k];
      expect(se).not.toBeNull();
      expect(se as number).toBeGreaterThan(0);
      expect(se as number).toBeLessThan(fit.params[k]);
    }
    // lifetimes reports about 0.0126, 0.378, 0.186, 0.705 on these data.
    expect(fit.standardErrors.r).toBeCloseTo(0.0126, 3);
    expect(fit.standardErrors.alpha).toBeCloseTo(0.378, 2);
    expect(fit.starts.length).toBeGreaterThanOrEqual(3);
  });

  it('gives the published expectations at the fitted parameters', () => {
    expect(bgnbdExpectedPurchases(fit.params, 1)).toBeCloseTo(0.0532, 4);
    expect(bgnbdExpectedPurchases(fit.params, 3)).toBeCloseTo(0.1506, 4);
    expect(bgnbdExpectedPurchases(fit.params, 78)).toBeCloseTo(1.858, 3);
    expect(bgnbdConditionalExpected(fit.params, 2, 30.43, 38.86, 39)).toBeCloseTo(1.226, 3);
    expect(bgnbdProbabilityAlive(fit.params, 2, 30.43, 38.86)).toBeCloseTo(0.7266, 4);
  });

  it('per-customer arrays agree with the scalar functions (customer 00004 is x = 2, t_x = 30.43, T = 38.86)', () => {
    const { summary, tx } = cdnowSample();
    const i = tx.ids.indexOf('00004');
    expect(summary.frequency[i]).toBe(2);
    const e = bgnbdConditionalExpectedCustomers(fit.params, rows, 39);
    const p = bgnbdProbabilityAliveCustomers(fit.params, rows);
    expect(e[i]).toBeCloseTo(bgnbdConditionalExpected(fit.params, 2, summary.recency[i] as number, summary.T[i] as number, 39), 12);
    expect(p[i]).toBeCloseTo(0.7266, 3);
  });

  it('has an analytic gradient that matches finite differences', () => {
    for (const params of [PUBLISHED, { r: 1.3, alpha: 0.7, a: 2.5, b: 0.4 }]) {
      const g = new Float64Array(4);
      bgnbdLogLikelihood(params, rows, g);
      const num = logGradient((p) => bgnbdLogLikelihood(p, rows), params);
      for (let k = 0; k < 4; k++) expect(g[k]).toBeCloseTo(num[k] as number, 3);
    }
  });
});

describe('BG/NBD and the time unit', () => {
  it('gives the same r, a, b in days and α scaled by 7 (the likelihood differs by Σx·ln 7)', () => {
    const { tx, summary } = cdnowSample();
    const days = rfmSummary(tx, { unit: 'day', calibrationEnd: summary.calibrationEnd });
    const weekFit = fitBgNbd(cdnowSample().rows);
    const dayFit = fitBgNbd(compressRfm(rfmData(days)));
    expect(dayFit.params.r).toBeCloseTo(weekFit.params.r, 4);
    expect(dayFit.params.a).toBeCloseTo(weekFit.params.a, 3);
    expect(dayFit.params.b).toBeCloseTo(weekFit.params.b, 3);
    expect(dayFit.params.alpha / 7).toBeCloseTo(weekFit.params.alpha, 2);
    let sx = 0;
    for (const v of summary.frequency) sx += v;
    expect(dayFit.logLikelihood).toBeCloseTo(weekFit.logLikelihood - sx * Math.log(7), 3);
  });
});

describe('BG/NBD numerics', () => {
  const p = PUBLISHED;

  it('matches the likelihood written out without logs where that is possible', () => {
    // L = Γ(r+x) α^r / Γ(r) · [B(a, b+x)/B(a, b) (α+T)^{−(r+x)} + δ_{x>0} B(a+1, b+x−1)/B(a, b) (α+t_x)^{−(r+x)}]
    const direct = (x: number, tx: number, T: number): number => {
      const { r, alpha, a, b } = p;
      const g = Math.exp(lgammaRatio(r, x)) * alpha ** r;
      const l1 = Math.exp(lbeta(a, b + x) - lbeta(a, b)) * g * (alpha + T) ** -(r + x);
      const l2 = x > 0 ? Math.exp(lbeta(a + 1, b + x - 1) - lbeta(a, b)) * g * (alpha + tx) ** -(r + x) : 0;
      return Math.log(l1 + l2);
    };
    for (const [x, tx, T] of [[0, 0, 30], [1, 5, 30], [4, 29, 30], [7, 7, 7]] as const) {
      expect(bgnbdCustomerLogLikelihood(p, x, tx, T)).toBeCloseTo(direct(x, tx, T), 10);
    }
  });

  it('the alive expectation agrees with numerical integration over the dropout probability', () => {
    // E[Y(t) | alive, x, T] = ∫ (1/p) [1 − ((α+T)/(α+T+pt))^{r+x}] Beta(p; a, b+x) dp
    const cases: [BgNbdParams, number, number, number][] = [
      [p, 2, 38.86, 39],
      [p, 0, 0, 78],
      [{ r: 0.5, alpha: 3, a: 1, b: 2 }, 3, 20, 52], // a = 1: the closed form's 1/(a−1) limit
      [{ r: 0.8, alpha: 2, a: 0.3, b: 0.4 }, 0, 10, 52], // a + b < 1 with x = 0
      [{ r: 0.8, alpha: 2, a: 3.5, b: 0.2 }, 1, 0.5, 5],
      [p, 60, 70, 52],
    ];
    for (const [q, x, T, t] of cases) {
      const lnB = lbeta(q.a, q.b + x);
      const numeric = integrate01((u, v) => {
        const density = Math.exp((q.a - 1) * Math.log(u) + (q.b + x - 1) * Math.log(v) - lnB);
        const inner = -Math.expm1(-(q.r + x) * Math.log1p((u * t) / (q.alpha + T)));
        return (inner / u) * density;
      });
      expect(bgnbdExpectedIfAlive(q, x, T, t)).toBeCloseTo(numeric, 10);
    }
  });

  it('stays finite for heavy buyers, x = 0, T = 0 and t_x = T', () => {
    for (const [x, tx, T] of [[1000, 70, 78], [1000, 2, 78], [3000, 78, 78], [0, 0, 0], [0, 0, 30], [5, 30, 30]] as const) {
      const ll = bgnbdCustomerLogLikelihood(p, x, tx, T);
      const e = bgnbdConditionalExpected(p, x, tx, T, 52);
      const alive = bgnbdProbabilityAlive(p, x, tx, T);
      expect(Number.isFinite(ll)).toBe(true);
      expect(Number.isFinite(e)).toBe(true);
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
    }
    expect(bgnbdProbabilityAlive(p, 0, 0, 0)).toBe(1);
    // A customer who bought 1,000 times but not for 76 weeks is almost surely gone; one who just bought expects a lot.
    expect(bgnbdProbabilityAlive(p, 1000, 2, 78)).toBeLessThan(1e-10);
    expect(bgnbdConditionalExpected(p, 1000, 78, 78, 52)).toBeGreaterThan(100);
    expect(bgnbdExpectedIfAlive(p, 0, 0, 0)).toBe(0);
  });
});

/** ln Γ(r+x) − ln Γ(r) for integer x by the product. */
function lgammaRatio(r: number, x: number): number {
  let s = 0;
  for (let k = 0; k < x; k++) s += Math.log(r + k);
  return s;
}

/** Simulates BG/NBD customers with ages T uniform in [minT, maxT]. */
function simulate(params: BgNbdParams, n: number, seed: number, minT: number, maxT: number): { x: Float64Array; tx: Float64Array; T: Float64Array } {
  const g = rng(seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const age = minT + (maxT - minT) * g.uniform();
    const lambda = g.gamma(params.r, params.alpha);
    const p = g.beta(params.a, params.b);
    let t = 0;
    let count = 0;
    let last = 0;
    for (;;) {
      t += g.exponential(lambda);
      if (!(t <= age)) break;
      count++;
      last = t;
      if (g.uniform() < p) break; // drops out right after this purchase
    }
    x[i] = count;
    tx[i] = last;
    T[i] = age;
  }
  return { x, tx, T };
}

describe('BG/NBD fitting stress', () => {
  it('fits data with a 1,000-purchase customer and customers with x = 0, T = 0 and t_x = T', () => {
    const { summary } = cdnowSample();
    const extra = [[1000, 38.86, 38.86], [1000, 1, 38.86], [0, 0, 0], [0, 0, 0], [4, 20, 20]];
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
    const fit = fitBgNbd(rows);
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    const e = bgnbdConditionalExpectedCustomers(fit.params, rows, 52);
    const alive = bgnbdProbabilityAliveCustomers(fit.params, rows);
    expect(e.every(Number.isFinite) && alive.every(Number.isFinite)).toBe(true);
    expect(alive[summary.customerCount + 1]).toBeLessThan(1e-6);
    expect(e[summary.customerCount]).toBeGreaterThan(100);
  });


  it('recovers known parameters from 10,000 simulated customers within 3 standard errors', () => {
    const truth: BgNbdParams = { r: 0.35, alpha: 3, a: 0.7, b: 2.5 };
    const fit = fitBgNbd(compressRfm(simulate(truth, 10_000, 20240601, 20, 52)));
    expect(fit.converged).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      const se = fit.standardErrors[k] as number;
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(3 * se);
    }
  });

  it('reports no convergence, in words and without NaN, when nobody bought twice', () => {
    const n = 500;
    const fit = fitBgNbd(compressRfm({ x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n).fill(12) }));
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/repeat purchase/);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    for (const v of Object.values(fit.params)) expect(Number.isFinite(v)).toBe(true);
    expect(JSON.stringify(fit)).not.toMatch(/NaN|Infinity/);
  });

  it('reports no convergence when every customer looks the same (the parameters are not identified)', () => {
    const n = 300;
    const fit = fitBgNbd(compressRfm({ x: new Float64Array(n).fill(1), tx: new Float64Array(n).fill(2), T: new Float64Array(n).fill(10) }));
    expect(fit.converged).toBe(false);
    expect(typeof fit.reason).toBe('string');
    expect((fit.reason as string).length).toBeGreaterThan(20);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    for (const v of Object.values(fit.params)) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('BG/NBD on the CDNOW master (23,570 customers, weeks, no holdout)', () => {
  it('matches lifetimes: r 0.267128, α 5.986493, a 0.483517, b 2.111608, LL −173425.92', () => {
    const { rows } = cdnowMaster();
    expect(rows.totalWeight).toBe(23570);
    const fit = fitBgNbd(rows);
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(0.267128, 5);
    expect(fit.params.alpha).toBeCloseTo(5.986493, 4);
    expect(fit.params.a).toBeCloseTo(0.483517, 5);
    expect(fit.params.b).toBeCloseTo(2.111608, 4);
    expect(fit.logLikelihood).toBeCloseTo(-173425.92, 2);
  });
});
