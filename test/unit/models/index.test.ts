import { describe, expect, it } from 'vitest';
import { fitModels, fitModelsResultToJson } from '../../../shared/analytics/models/index';
import { CDNOW_SAMPLE, day, loadCdnow } from '../../support/cdnow';

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>).every(Number.isFinite);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

describe('fitModels', () => {
  const tx = loadCdnow(CDNOW_SAMPLE);
  const result = fitModels(tx, { calibrationEnd: day('1997-09-30'), observationEnd: day('1998-06-30'), models: ['bgnbd', 'pareto-nbd'], margin: 0.3, monthlyDiscountRate: 0.01 });

  it('names the parameters as the papers do', () => {
    expect(Object.keys(result.bgnbd?.params ?? {})).toEqual(['r', 'alpha', 'a', 'b']);
    expect(Object.keys(result.paretoNbd?.params ?? {})).toEqual(['r', 'alpha', 's', 'beta']);
    expect(Object.keys(result.gammaGamma.params)).toEqual(['p', 'q', 'gamma']);
    expect(result.bgnbd?.params.r).toBeCloseTo(0.2426, 4);
    expect(result.gammaGamma.params.q).toBeCloseTo(3.744, 3);
    expect(result.customers).toEqual({ total: 2357, included: 2357, repeat: 946 });
    expect(result.purchaseModel).toBe('bgnbd');
  });

  it('returns per-customer arrays and the customer equity', () => {
    const { perCustomer } = result;
    for (const a of [perCustomer.expectedPurchases, perCustomer.probabilityAlive, perCustomer.expectedSpend, perCustomer.clv]) expect(a.length).toBe(2357);
    const i = tx.ids.indexOf('00004');
    expect(perCustomer.probabilityAlive[i]).toBeCloseTo(0.7266, 3);
    expect(perCustomer.clv[i]).toBeGreaterThan(0);
    expect(result.customerEquity).toBeCloseTo(perCustomer.clv.reduce((a, b) => a + b, 0), 6);
    expect(result.validation?.bgnbd?.buckets.length).toBe(8);
    expect(result.validation?.paretoNbd?.metrics.totalActual).toBe(1882);
  });

  it('is plain, finite data that survives JSON', () => {
    expect(allFinite(result)).toBe(true);
    const json = JSON.stringify(fitModelsResultToJson(result));
    expect(json).not.toMatch(/NaN|Infinity/);
    const back = JSON.parse(json) as { perCustomer: { clv: number[] }; bgnbd: { converged: boolean } };
    expect(back.perCustomer.clv.length).toBe(2357);
    expect(back.bgnbd.converged).toBe(true);
  });

  it('reports a fit that cannot converge (everyone bought once, on the same day) in words, with finite outputs', () => {
    const n = 50;
    const r = fitModels(
      { customer: Int32Array.from({ length: n }, (_, i) => i), day: new Int32Array(n).fill(day('2024-03-01')), amount: new Float64Array(n).fill(20), customerCount: n },
      { calibrationEnd: day('2024-06-30'), models: ['bgnbd', 'pareto-nbd'] },
    );
    expect(r.bgnbd?.converged).toBe(false);
    expect(r.paretoNbd?.converged).toBe(false);
    expect(r.gammaGamma.converged).toBe(false);
    expect(r.bgnbd?.reason).toMatch(/repeat purchase/);
    expect(allFinite(r)).toBe(true);
    expect(JSON.stringify(fitModelsResultToJson(r))).not.toMatch(/NaN|Infinity/);
  });
});
