import { describe, expect, it } from 'vitest';
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaExpectedSpendCustomers, gammaGammaLogLikelihood, spendRows } from '../../../shared/analytics/models/gamma-gamma';
import { rng } from '../../support/cdnow';
import { cdnowSample, logGradient } from './fixtures';

describe('Gamma-Gamma on the CDNOW sample (Fader, Hardie & Lee 2005, RFM and CLV)', () => {
  const { summary } = cdnowSample();
  const fit = fitGammaGamma(summary.frequency, summary.monetary, summary.included);

  it('reproduces p = 6.250, q = 3.744, γ = 15.44 and LL −4055.92 on the 946 repeat customers', () => {
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.744, 3);
    expect(fit.params.gamma).toBeCloseTo(15.44, 1);
    expect(fit.logLikelihood).toBeCloseTo(-4055.92, 2);
    for (const se of Object.values(fit.standardErrors)) expect(se as number).toBeGreaterThan(0);
  });

  it('gives the published expected spends', () => {
    expect(gammaGammaExpectedSpend(fit.params, 2, 22.345)).toBeCloseTo(24.65, 2);
    expect(gammaGammaExpectedSpend(fit.params, 7, 73.74)).toBeCloseTo(71.46, 2);
    // A customer without repeat purchases gets the population mean pγ/(q−1).
    expect(gammaGammaExpectedSpend(fit.params, 0, 0)).toBeCloseTo((fit.params.p * fit.params.gamma) / (fit.params.q - 1), 12);
    const all = gammaGammaExpectedSpendCustomers(fit.params, summary.frequency, summary.monetary, summary.included);
    expect(all.every(Number.isFinite)).toBe(true);
  });

  it('finds frequency and spend nearly independent here (no warning)', () => {
    expect(Math.abs(fit.correlation)).toBeLessThan(0.3);
    expect(fit.warning).toBeNull();
  });

  it('has an analytic gradient that matches finite differences', () => {
    const rows = spendRows(summary.frequency, summary.monetary, summary.included);
    const params = { p: 4, q: 2.5, gamma: 30 };
    const g = new Float64Array(3);
    gammaGammaLogLikelihood(params, rows, g);
    const num = logGradient((p) => gammaGammaLogLikelihood(p, rows), params);
    for (let k = 0; k < 3; k++) expect(g[k]).toBeCloseTo(num[k] as number, 3);
  });
});

describe('Gamma-Gamma independence check', () => {
  it('warns in words when frequency and mean spend are correlated', () => {
    const g = rng(5);
    const n = 400;
    const x = new Float64Array(n);
    const m = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = 1 + Math.floor(10 * g.uniform());
      m[i] = 5 * (x[i] as number) + g.gamma(4, 0.5);
    }
    const fit = fitGammaGamma(x, m);
    expect(fit.correlation).toBeGreaterThan(0.3);
    expect(fit.warning).toMatch(/independent/);
  });

  it('reports no convergence without repeat customers', () => {
    const fit = fitGammaGamma(new Float64Array(5), new Float64Array(5));
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/repeat/);
    expect(JSON.stringify(fit)).not.toMatch(/NaN|Infinity/);
  });
});
