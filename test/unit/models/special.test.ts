import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, lbeta, lgamma, logHyp2f1 } from '../../../shared/analytics/models/special';
import { invertSpd, minimizeBfgs } from '../../../shared/analytics/models/optimize';

const EULER = 0.5772156649015329;

describe('log-gamma and digamma', () => {
  it('match known values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 14);
    expect(lgamma(2)).toBeCloseTo(0, 14);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lgamma(100.5)).toBeCloseTo(361.4355404677776, 10);
    expect(lgamma(1e-8)).toBeCloseTo(18.420680738180209, 8);
    expect(lbeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(digamma(1)).toBeCloseTo(-EULER, 13);
    expect(digamma(0.5)).toBeCloseTo(-EULER - 2 * Math.LN2, 13);
    expect(digamma(1000)).toBeCloseTo(6.907255195648812, 12);
  });

  it('digamma is the derivative of lgamma', () => {
    for (const x of [0.01, 0.3, 1.7, 12, 250]) {
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((lgamma(x + h) - lgamma(x - h)) / (2 * h), 5);
    }
  });
});

describe('Gauss hypergeometric 2F1', () => {
  it('matches closed forms inside (−1, 1)', () => {
    for (const z of [0.5, 0.9, 0.999, -0.5]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 11);
    for (const z of [0.3, 0.95]) expect(hyp2f1(2.5, 1.3, 1.3, z)).toBeCloseTo(Math.pow(1 - z, -2.5), 8);
    const z = 0.7;
    expect(hyp2f1(0.5, 0.5, 1.5, z * z)).toBeCloseTo(Math.asin(z) / z, 13);
  });

  it('uses Pfaff for negative arguments, far below −1', () => {
    // 2F1(1,1;2;z) = ln(1 − z)/(−z)
    expect(hyp2f1(1, 1, 2, -50)).toBeCloseTo(Math.log(51) / 50, 13);
    expect(hyp2f1(0.5, 0.5, 1.5, -3)).toBeCloseTo(Math.asinh(Math.sqrt(3)) / Math.sqrt(3), 13);
  });

  it('stays in log space where the value overflows a double', () => {
    const r = logHyp2f1(500, 2, 2, 0.9);
    expect(r.sign).toBe(1);
    expect(r.log).toBeCloseTo(500 * Math.log(10), 8);
    expect(Number.isFinite(r.log)).toBe(true);
  });

  it('refuses c at a pole and z ≥ 1', () => {
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
  });
});

describe('optimiser', () => {
  it('BFGS finds the minimum of the Rosenbrock function', () => {
    const fn = (x: Float64Array, g: Float64Array): number => {
      const a = x[0] as number;
      const b = x[1] as number;
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const r = minimizeBfgs(fn, [-1.2, 1], { gradientTolerance: 1e-9, maxIterations: 200, maxAbs: 100, maxStep: 10, names: ['a', 'b'] });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
  });

  it('inverts positive-definite matrices and refuses the others', () => {
    const inv = invertSpd(Float64Array.of(4, 2, 2, 3), 2);
    expect(Array.from(inv ?? [])).toEqual([0.375, -0.25, -0.25, 0.5].map((v) => expect.closeTo(v, 14)));
    expect(invertSpd(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
  });
});
