/**
 * descendingOrder (shared/analytics/ladder.ts) sorts with a radix sort on the values' bits; it must
 * give exactly the order of the comparison sort it replaced: value descending, ties by index.
 */
import { describe, expect, it } from 'vitest';
import { descendingOrder } from '../../../shared/analytics/ladder';
import { random } from '../../support/random';

function comparisonOrder(values: Float64Array, present: Uint8Array): Int32Array {
  const members: number[] = [];
  for (let c = 0; c < values.length; c++) if (present[c]) members.push(c);
  return Int32Array.from(members).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
}

describe('descendingOrder', () => {
  it('orders by value descending, ties by index, like the comparison sort', () => {
    const next = random(7);
    const specials = [0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1e-310, -1e-310];
    for (let round = 0; round < 400; round++) {
      const n = Math.floor(next() * 200);
      const values = new Float64Array(n);
      const present = new Uint8Array(n);
      for (let c = 0; c < n; c++) {
        present[c] = next() < 0.85 ? 1 : 0;
        const kind = round % 4;
        values[c] =
          kind === 0 ? (next() - 0.4) * 1e6 : kind === 1 ? Math.round((next() - 0.5) * 6) : kind === 2 ? (specials[Math.floor(next() * specials.length)] as number) : Math.round(next() * 4) * 0.1 - 0.2;
      }
      expect(Array.from(descendingOrder(values, present))).toEqual(Array.from(comparisonOrder(values, present)));
    }
  });

  it('keeps the comparison sort when a value is NaN', () => {
    const values = Float64Array.from([3, Number.NaN, 5, 1, Number.NaN, 5]);
    const present = new Uint8Array(values.length).fill(1);
    expect(Array.from(descendingOrder(values, present))).toEqual(Array.from(comparisonOrder(values, present)));
  });

  it('gives the hand-made order of a small ladder', () => {
    const values = Float64Array.from([10, -5, 10, 0, -0, 7]);
    const present = Uint8Array.from([1, 1, 1, 1, 1, 0]);
    expect(Array.from(descendingOrder(values, present))).toEqual([0, 2, 3, 4, 1]);
  });
});
