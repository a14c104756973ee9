import { describe, expect, it } from 'vitest';
import { bgnbdConditionalExpected, type BgNbdParams } from '../../../shared/analytics/models/bgnbd';
import { customerLifetimeValue, DAYS_PER_MONTH, type PurchaseModel } from '../../../shared/analytics/models/clv';
import { paretoNbdConditionalExpected, type ParetoNbdParams } from '../../../shared/analytics/models/pareto-nbd';
import { compressRfm } from '../../../shared/analytics/models/rows';

const BG: BgNbdParams = { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 };
const PARETO: ParetoNbdParams = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 };
const x = Float64Array.of(2, 0, 10, 1);
const tx = Float64Array.of(30.43, 0, 38, 3);
const T = Float64Array.of(38.86, 20, 38.86, 38.86);
const spend = Float64Array.of(24.65, 30, 50, 10);
const rows = compressRfm({ x, tx, T });

/** CLV by the definition: Σ_m (E[Y(m months)] − E[Y(m−1 months)]) · spend · margin / (1+d)^m. */
function byDefinition(expected: (t: number) => number, s: number, margin: number, d: number, months: number, unitDays: number): number {
  let v = 0;
  for (let m = 1; m <= months; m++) {
    const t1 = (m * DAYS_PER_MONTH) / unitDays;
    const t0 = ((m - 1) * DAYS_PER_MONTH) / unitDays;
    v += ((expected(t1) - expected(t0)) * s * margin) / (1 + d) ** m;
  }
  return v;
}

describe('discounted CLV', () => {
  it('follows its definition with BG/NBD (weeks)', () => {
    const model: PurchaseModel = { model: 'bgnbd', params: BG };
    const r = customerLifetimeValue(model, rows, spend, { unitDays: 7, horizonMonths: 12, margin: 0.3, monthlyDiscountRate: 0.01 });
    for (let i = 0; i < 4; i++) {
      const want = byDefinition((t) => bgnbdConditionalExpected(BG, x[i] as number, tx[i] as number, T[i] as number, t), spend[i] as number, 0.3, 0.01, 12, 7);
      expect(r.clv[i]).toBeCloseTo(want, 10);
      expect(r.expectedPurchases[i]).toBeCloseTo(bgnbdConditionalExpected(BG, x[i] as number, tx[i] as number, T[i] as number, (12 * DAYS_PER_MONTH) / 7), 12);
    }
    expect(r.total).toBeCloseTo(r.clv.reduce((a, b) => a + b, 0), 10);
  });

  it('follows its definition with Pareto/NBD, and without discounting is expected purchases × spend × margin', () => {
    const model: PurchaseModel = { model: 'pareto-nbd', params: PARETO };
    const r = customerLifetimeValue(model, rows, spend, { unitDays: 7, horizonMonths: 24, margin: 1, monthlyDiscountRate: 0.02 });
    const flat = customerLifetimeValue(model, rows, spend, { unitDays: 7, horizonMonths: 24, margin: 1, monthlyDiscountRate: 0 });
    for (let i = 0; i < 4; i++) {
      const e = (t: number): number => paretoNbdConditionalExpected(PARETO, x[i] as number, tx[i] as number, T[i] as number, t);
      expect(r.clv[i]).toBeCloseTo(byDefinition(e, spend[i] as number, 1, 0.02, 24, 7), 10);
      expect(flat.clv[i]).toBeCloseTo(e((24 * DAYS_PER_MONTH) / 7) * (spend[i] as number), 10);
      expect(r.clv[i]).toBeLessThan(flat.clv[i] as number);
    }
  });

  it('is zero over a zero horizon and for customers left out', () => {
    const model: PurchaseModel = { model: 'bgnbd', params: BG };
    expect(Array.from(customerLifetimeValue(model, rows, spend, { unitDays: 7, horizonMonths: 0 }).clv)).toEqual([0, 0, 0, 0]);
    const some = compressRfm({ x, tx, T, weight: Uint8Array.of(1, 0, 1, 1) });
    expect(customerLifetimeValue(model, some, spend, { unitDays: 7 }).clv[1]).toBe(0);
  });
});
