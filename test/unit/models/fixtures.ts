/** Shared data for the model tests: the CDNOW sample's calibration summary (weeks, calibration to 1997-09-30, holdout to 1998-06-30). */
import { compressRfm, rfmData, type RfmRows } from '../../../shared/analytics/models/rows';
import { rfmSummary, type RfmSummary } from '../../../shared/analytics/models/summary';
import { CDNOW_MASTER, CDNOW_SAMPLE, day, loadCdnow, type LoadedTransactions } from '../../support/cdnow';

let sample: { tx: LoadedTransactions; summary: RfmSummary; rows: RfmRows } | null = null;
let master: { tx: LoadedTransactions; summary: RfmSummary; rows: RfmRows } | null = null;

export function cdnowSample(): { tx: LoadedTransactions; summary: RfmSummary; rows: RfmRows } {
  if (!sample) {
    const tx = loadCdnow(CDNOW_SAMPLE);
    const summary = rfmSummary(tx, { unit: 'week', calibrationEnd: day('1997-09-30'), observationEnd: day('1998-06-30') });
    sample = { tx, summary, rows: compressRfm(rfmData(summary)) };
  }
  return sample;
}

/** The CDNOW master, weeks, the whole period (to 1998-06-30) as calibration, no holdout. */
export function cdnowMaster(): { tx: LoadedTransactions; summary: RfmSummary; rows: RfmRows } {
  if (!master) {
    const tx = loadCdnow(CDNOW_MASTER);
    const summary = rfmSummary(tx, { unit: 'week', calibrationEnd: day('1998-06-30') });
    master = { tx, summary, rows: compressRfm(rfmData(summary)) };
  }
  return master;
}

/** Numerical ∂/∂ln θᵢ of f by central differences, in the order of the parameters' keys. */
export function logGradient<P extends object>(f: (p: P) => number, params: P, h = 1e-5): number[] {
  const values = params as unknown as Record<string, number>;
  return Object.keys(values).map((k) => {
    const up = { ...values, [k]: (values[k] as number) * Math.exp(h) } as unknown as P;
    const down = { ...values, [k]: (values[k] as number) * Math.exp(-h) } as unknown as P;
    return (f(up) - f(down)) / (2 * h);
  });
}

/** ∫₀¹ f(u) du by tanh-sinh quadrature (copes with integrable end-point singularities); f also gets 1 − u, accurately. */
export function integrate01(f: (u: number, oneMinusU: number) => number, levels = 7): number {
  const h0 = 1 / 2 ** levels;
  let sum = 0;
  for (let k = -12 / h0; k <= 12 / h0; k++) {
    const t = k * h0;
    const s = (Math.PI / 2) * Math.sinh(t);
    const u = 1 / (1 + Math.exp(-2 * s));
    const v = 1 / (1 + Math.exp(2 * s));
    const w = (0.5 * (Math.PI / 2) * Math.cosh(t)) / Math.cosh(s) ** 2;
    if (!(u > 0 && v > 0) || !(w > 0)) continue;
    sum += w * f(u, v);
  }
  return sum * h0;
}
