import { describe, expect, it } from 'vitest';
import { compressRfm, expandRows, rfmData } from '../../../shared/analytics/models/rows';
import { NO_DAY, rfmSummary, type TransactionColumns } from '../../../shared/analytics/models/summary';
import { cdnowSample } from './fixtures';

// c0: two purchases on day 100 (one transaction), repeats on 107 and 121, one in the holdout (130), one after it (200).
// c1: a single purchase on the calibration end. c2: first purchase after the calibration end. c3: none.
// c4: day 110, then two purchases on day 124.
const ROWS: [number, number, number][] = [
  [0, 100, 10], [0, 100, 5], [0, 107, 20], [0, 121, 30], [0, 130, 8], [0, 200, 99],
  [1, 125, 12],
  [2, 126, 40],
  [4, 110, 9], [4, 124, 3], [4, 124, 4],
];

function columns(rows: [number, number, number][]): TransactionColumns {
  return {
    customer: Int32Array.from(rows.map((r) => r[0])),
    day: Int32Array.from(rows.map((r) => r[1])),
    amount: Float64Array.from(rows.map((r) => r[2])),
    customerCount: 5,
  };
}

describe('RFM summary', () => {
  const s = rfmSummary(columns(ROWS), { unit: 'week', calibrationEnd: 125, observationEnd: 140 });

  it('counts repeat transactions, same-day purchases as one', () => {
    expect(Array.from(s.frequency)).toEqual([2, 0, 0, 0, 1]);
    expect(s.recency[0]).toBeCloseTo(21 / 7, 14);
    expect(s.T[0]).toBeCloseTo(25 / 7, 14);
    expect(s.recency[4]).toBeCloseTo(2, 14);
    expect(s.T[4]).toBeCloseTo(15 / 7, 14);
    expect(s.T[1]).toBe(0);
  });

  it('takes the mean spend of the repeat transactions, a day’s purchases summed', () => {
    expect(s.monetary[0]).toBe(25);
    expect(s.monetary[4]).toBe(7);
    expect(s.monetary[1]).toBe(0);
    expect(s.firstSpend[0]).toBe(15);
  });

  it('counts holdout transactions in (calibration end, observation end] and excludes late customers', () => {
    expect(Array.from(s.holdoutFrequency)).toEqual([1, 0, 0, 0, 0]);
    expect(s.holdoutSpend[0]).toBe(8);
    expect(Array.from(s.included)).toEqual([1, 1, 0, 0, 1]);
    expect(s.includedCount).toBe(3);
    expect(s.repeatCount).toBe(2);
    expect(s.firstDay[2]).toBe(126);
    expect(s.firstDay[3]).toBe(NO_DAY);
    expect(s.holdoutLength).toBeCloseTo(15 / 7, 14);
  });

  it('keeps per-day repeat counts for tracking plots', () => {
    expect(s.dayOrigin).toBe(100);
    let total = 0;
    for (const v of s.repeatsByDay) total += v;
    expect(total).toBe(4);
    expect(s.repeatsByDay[130 - 100]).toBe(1);
    expect(s.repeatsByDay[124 - 100]).toBe(1);
  });

  it('gives the same result for rows in any order', () => {
    const shuffled = [...ROWS].reverse();
    [shuffled[2], shuffled[7]] = [shuffled[7] as [number, number, number], shuffled[2] as [number, number, number]];
    const u = rfmSummary(columns(shuffled), { unit: 'week', calibrationEnd: 125, observationEnd: 140 });
    for (const k of ['frequency', 'recency', 'T', 'monetary', 'holdoutFrequency', 'holdoutSpend', 'firstSpend', 'repeatsByDay'] as const) {
      expect(Array.from(u[k])).toEqual(Array.from(s[k]));
    }
    expect(Array.from(u.included)).toEqual(Array.from(s.included));
  });

  it('measures time in days, weeks or months from exact day differences', () => {
    const d = rfmSummary(columns(ROWS), { unit: 'day', calibrationEnd: 125 });
    const m = rfmSummary(columns(ROWS), { unit: 'month', calibrationEnd: 125 });
    expect(d.T[0]).toBe(25);
    expect(m.T[0]).toBeCloseTo(25 / (365.25 / 12), 14);
    expect(d.holdoutLength).toBe(0);
    expect(Array.from(d.holdoutFrequency)).toEqual([0, 0, 0, 0, 0]);
  });

  it('refuses bad input in words', () => {
    expect(() => rfmSummary({ ...columns(ROWS), customerCount: 3 }, { unit: 'week', calibrationEnd: 125 })).toThrow(/customer index/);
    expect(() => rfmSummary(columns(ROWS), { unit: 'week', calibrationEnd: 125, observationEnd: 120 })).toThrow(/observation end/);
  });
});

describe('weighted unique rows', () => {
  it('merge identical customers and expand back', () => {
    const rows = compressRfm({ x: Float64Array.of(1, 0, 1, 0, 2), tx: Float64Array.of(2, 0, 2, 0, 3), T: Float64Array.of(5, 5, 5, 4, 5), weight: Uint8Array.of(1, 1, 1, 1, 0) });
    expect(rows.count).toBe(3);
    expect(rows.totalWeight).toBe(4);
    expect(Array.from(rows.x)).toEqual([0, 0, 1]);
    expect(Array.from(rows.T)).toEqual([4, 5, 5]);
    expect(Array.from(rows.w)).toEqual([1, 1, 2]);
    expect(rows.rowOf[4]).toBe(-1);
    const back = expandRows(rows, Float64Array.of(10, 20, 30), -1);
    expect(Array.from(back)).toEqual([30, 20, 30, 10, -1]);
    expect(() => compressRfm({ x: Float64Array.of(1), tx: Float64Array.of(3), T: Float64Array.of(2) })).toThrow(/t_x ≤ T/);
  });
});

describe('RFM summary of the CDNOW sample (weeks, calibration to 1997-09-30)', () => {
  it('has 2,357 customers, 946 of them repeat buyers; customer 00004 is x = 2, t_x = 30.43, T = 38.86', () => {
    const { summary, tx, rows } = cdnowSample();
    expect(summary.includedCount).toBe(2357);
    expect(summary.repeatCount).toBe(946);
    const i = tx.ids.indexOf('00004');
    expect(summary.frequency[i]).toBe(2);
    expect(summary.recency[i]).toBeCloseTo(30.43, 2);
    expect(summary.T[i]).toBeCloseTo(38.86, 2);
    expect(summary.holdoutFrequency[i]).toBe(1);
    expect(summary.holdoutLength).toBeCloseTo(273 / 7, 12);
    expect(rows.totalWeight).toBe(2357);
    expect(compressRfm(rfmData(summary)).count).toBe(rows.count);
  });

  it('is the same when the rows come shuffled', () => {
    const { summary, tx } = cdnowSample();
    const n = tx.customer.length;
    const order = Array.from({ length: n }, (_, i) => i);
    let seed = 99;
    for (let i = n - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const shuffled = rfmSummary(
      { customer: Int32Array.from(order, (i) => tx.customer[i] as number), day: Int32Array.from(order, (i) => tx.day[i] as number), amount: Float64Array.from(order, (i) => tx.amount[i] as number), customerCount: tx.customerCount },
      { unit: 'week', calibrationEnd: summary.calibrationEnd, observationEnd: summary.observationEnd },
    );
    for (const k of ['frequency', 'recency', 'T', 'holdoutFrequency', 'repeatsByDay', 'firstDay'] as const) expect(Array.from(shuffled[k])).toEqual(Array.from(summary[k]));
    // Amounts are summed in another order: equal up to rounding.
    for (let i = 0; i < n && i < summary.customerCount; i++) expect(shuffled.monetary[i]).toBeCloseTo(summary.monetary[i] as number, 9);
  });
});
