/**
 * The grid's sort orders: the radix sort over key bit patterns gives the same order as the plain
 * comparator it replaced (nulls last, ties by index) for any mix of numbers, and filtered views
 * keep that order.
 */
import { describe, expect, it } from 'vitest';
import { orderByKey, Recent, restrictTo, reverseOrder } from '../../electron/services/analysis/customer-order';

function reference(rows: Int32Array, key: Float64Array, direction: 'asc' | 'desc'): number[] {
  const sign = direction === 'desc' ? -1 : 1;
  return Array.from(rows).sort((a, b) => {
    const x = key[a] as number;
    const y = key[b] as number;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y) ? a - b : Number.isNaN(x) ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a - b;
  });
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('customer sort orders', () => {
  it('orders like the comparator: negatives, zeros (also −0), fractions, huge values, ties and missing values', () => {
    const next = random(7);
    const pool = [0, -0, 1, -1, 0.5, -0.5, 1e-300, -1e-300, 1e300, -1e300, Infinity, -Infinity, Number.NaN, 42, 42, 3.25, -3.25, 1e6 + 0.01];
    for (const size of [0, 1, 2, 17, 1000, 20_000]) {
      const key = Float64Array.from({ length: size }, () => (next() < 0.5 ? (pool[Math.floor(next() * pool.length)] as number) : (next() - 0.5) * 10 ** Math.floor(next() * 12)));
      const rows = Int32Array.from({ length: size }, (_, i) => i).filter(() => next() < 0.8);
      for (const direction of ['asc', 'desc'] as const) {
        expect(Array.from(orderByKey(rows, key, direction))).toEqual(reference(rows, key, direction));
      }
    }
  });

  it('sorts integer keys (days, ranks, codes) with many ties in index order', () => {
    const key = Float64Array.from({ length: 5000 }, (_, i) => (i * 7919) % 13);
    const rows = Int32Array.from({ length: 5000 }, (_, i) => i);
    expect(Array.from(orderByKey(rows, key, 'desc'))).toEqual(reference(rows, key, 'desc'));
    expect(Array.from(orderByKey(rows, key, 'asc'))).toEqual(reference(rows, key, 'asc'));
  });

  it('restricts an order to a subset, keeping the order', () => {
    const order = Int32Array.from([5, 3, 9, 1, 0, 7]);
    expect(Array.from(restrictTo(order, Int32Array.from([0, 3, 7]), 10))).toEqual([3, 0, 7]);
    expect(restrictTo(order, Int32Array.from([0, 1, 3, 5, 7, 9]), 10)).toBe(order);
  });

  it('forgets the least recently used entry', () => {
    const recent = new Recent<number>(2);
    let made = 0;
    const make = () => ++made;
    recent.get('a', make);
    recent.get('b', make);
    recent.get('a', make);
    recent.get('c', make);
    expect(recent.get('a', make)).toBe(1);
    expect(recent.get('b', make)).toBe(4);
  });
});

describe('descending from ascending', () => {
  it('gives the same order as sorting descending', () => {
    const next = random(11);
    for (const size of [0, 1, 5, 3000]) {
      const key = Float64Array.from({ length: size }, () => (next() < 0.1 ? Number.NaN : next() < 0.3 ? 0 : next() < 0.5 ? -0 : Math.round((next() - 0.5) * 40)));
      const rows = Int32Array.from({ length: size }, (_, i) => i);
      expect(Array.from(reverseOrder(orderByKey(rows, key, 'asc'), key))).toEqual(reference(rows, key, 'desc'));
    }
  });
});
