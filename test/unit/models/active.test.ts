import { describe, expect, it } from 'vitest';
import { bgnbdProbabilityActive, bgnbdProbabilityAlive } from '../../../shared/analytics/models/bgnbd';
import { paretoNbdProbabilityActive, paretoNbdProbabilityAlive, type ParetoNbdParams } from '../../../shared/analytics/models/pareto-nbd';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('probability of at least one purchase in the next period', () => {
  it('BG/NBD: a new customer buys with the NBD’s chance of a non-zero count', () => {
    // x = 0, T = 0: alive for sure; P(none in 39 weeks) = (α / (α + 39))^r = (4.414 / 43.414)^0.243
    // = exp(0.243 · ln 0.1016723) = exp(0.243 · −2.286001) = exp(−0.555498) = 0.573786 → P(some) = 0.426214.
    expect(bgnbdProbabilityActive(BG, 0, 0, 0, 39)).toBeCloseTo(0.426214, 5);
  });

  it('BG/NBD: over a long enough time every customer still alive buys again', () => {
    const alive = bgnbdProbabilityAlive(BG, 2, 10, 30);
    expect(bgnbdProbabilityActive(BG, 2, 10, 30, 1e9)).toBeCloseTo(alive, 6);
    expect(bgnbdProbabilityActive(BG, 2, 10, 30, 52)).toBeLessThan(alive);
    expect(bgnbdProbabilityActive(BG, 2, 10, 30, 0)).toBe(0);
  });

  it('Pareto/NBD: agrees with a simulation of the posterior rates', () => {
    const params: ParetoNbdParams = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };
    const [x, tx, T, t] = [3, 20, 35, 52];
    // Seeded simulation: given alive at T, λ ~ Gamma(r + x, α + T), μ ~ Gamma(s, β + T); none in t when
    // the first purchase (rate λ) comes after t or after death (rate μ): P = μ/(λ+μ)(1 − e^{−(λ+μ)t}) + e^{−(λ+μ)t}.
    let seed = 12345;
    const uniform = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return (seed + 0.5) / 4294967296;
    };
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const gamma = (shape: number): number => {
      if (shape < 1) return gamma(shape + 1) * Math.pow(uniform(), 1 / shape);
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        const z = normal();
        const v = (1 + c * z) ** 3;
        if (v > 0 && Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
      }
    };
    const n = 200_000;
    let none = 0;
    for (let i = 0; i < n; i++) {
      const lambda = gamma(params.r + x) / (params.alpha + T);
      const mu = gamma(params.s) / (params.beta + T);
      const e = Math.exp(-(lambda + mu) * t);
      none += (mu / (lambda + mu)) * (1 - e) + e;
    }
    const simulated = paretoNbdProbabilityAlive(params, x, tx, T) * (1 - none / n);
    expect(paretoNbdProbabilityActive(params, x, tx, T, t)).toBeCloseTo(simulated, 2);
  });
});
