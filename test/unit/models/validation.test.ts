import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../shared/analytics/models/bgnbd';
import { holdoutValidation } from '../../../shared/analytics/models/validation';
import { cdnowSample } from './fixtures';

describe('calibration/holdout validation on the CDNOW sample (39 + 39 weeks)', () => {
  const { summary, rows } = cdnowSample();
  const fit = fitBgNbd(rows);
  const v = holdoutValidation({ model: 'bgnbd', params: fit.params }, summary, rows);

  it('compares mean actual and predicted holdout purchases by calibration frequency 0 … 7+', () => {
    expect(v.buckets.map((b) => b.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(v.buckets.reduce((a, b) => a + b.customers, 0)).toBe(2357);
    expect(v.buckets[0]?.customers).toBe(1411);
    expect(v.buckets[0]?.actualMean).toBeCloseTo(334 / 1411, 12);
    // FHL 2005, figure 5: the BG/NBD tracks the actual means closely for x = 0 (0.24 vs 0.23).
    expect(v.buckets[0]?.predictedMean).toBeCloseTo(0.225, 3);
    for (let b = 1; b < 8; b++) expect(v.buckets[b]?.predictedMean).toBeGreaterThan(v.buckets[b - 1]?.predictedMean as number);
  });

  it('gives per-customer error metrics and the error of the total', () => {
    expect(v.metrics.customers).toBe(2357);
    expect(v.metrics.totalActual).toBe(1882);
    expect(v.metrics.totalPredicted).toBeCloseTo(v.predicted.reduce((a, b) => a + b, 0), 8);
    expect(v.metrics.totalPercentError).toBeCloseTo((100 * (v.metrics.totalPredicted - 1882)) / 1882, 10);
    expect(Math.abs(v.metrics.totalPercentError)).toBeLessThan(15);
    expect(v.metrics.mae).toBeGreaterThan(0);
    expect(v.metrics.rmse).toBeGreaterThanOrEqual(v.metrics.mae);
  });

  it('tracks cumulative repeat transactions week by week across calibration and holdout', () => {
    const t = v.tracking;
    expect(t.actual.length).toBe(78);
    expect(t.firstHoldoutPeriod).toBe(39);
    const last = t.actual.length - 1;
    let calibrationRepeats = 0;
    for (const x of summary.frequency) calibrationRepeats += x;
    expect(t.cumulativeActual[t.firstHoldoutPeriod - 1]).toBe(calibrationRepeats);
    expect(t.cumulativeActual[last]).toBe(calibrationRepeats + 1882);
    // The model fits the calibration period: within 3 % at its end.
    const atCalibrationEnd = t.cumulativeExpected[t.firstHoldoutPeriod - 1] as number;
    expect(Math.abs(atCalibrationEnd / calibrationRepeats - 1)).toBeLessThan(0.03);
    let sum = 0;
    for (let p = 0; p <= last; p++) sum += t.expected[p] as number;
    expect(sum).toBeCloseTo(t.cumulativeExpected[last] as number, 8);
    expect(Math.abs(v.metrics.trackingHoldoutPercentError)).toBeLessThan(15);
  });
});
