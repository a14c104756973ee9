import { describe, expect, it } from 'vitest';
import { orderByCustomerDay } from '../../../shared/analytics/dataset';

/** A deterministic pseudo-random source (LCG), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

/** The reference: the same order by a comparison sort of (customer, day, row). */
function reference(customer: Int32Array, day: Int32Array): number[] {
  return Array.from(customer.keys()).sort((a, b) => (customer[a] as number) - (customer[b] as number) || (day[a] as number) - (day[b] as number) || a - b);
}

describe('rows ordered by customer, then day', () => {
  it('orders a small case by hand, keeping rows of the same customer and day in file order', () => {
    // Rows: 0 (B, day 5), 1 (A, day 3), 2 (B, day 1), 3 (A, day 3), 4 (A, day 1).
    const customer = Int32Array.from([1, 0, 1, 0, 0]);
    const day = Int32Array.from([5, 3, 1, 3, 1]);
    // A: day 1 (row 4), day 3 (rows 1 then 3); B: day 1 (row 2), day 5 (row 0).
    expect(Array.from(orderByCustomerDay(customer, day, 5, 2))).toEqual([4, 1, 3, 2, 0]);
  });

  it('handles no rows, a customer without rows, one day for everything and days before 1970', () => {
    expect(Array.from(orderByCustomerDay(new Int32Array(0), new Int32Array(0), 0, 3))).toEqual([]);
    const customer = Int32Array.from([2, 0, 2, 0]);
    expect(Array.from(orderByCustomerDay(customer, Int32Array.from([7, 7, 7, 7]), 4, 3))).toEqual([1, 3, 0, 2]);
    expect(Array.from(orderByCustomerDay(customer, Int32Array.from([-3, 10, -9000, -20]), 4, 3))).toEqual([3, 1, 2, 0]);
  });

  it('sorts one customer holding 200,000 rows in random day order in well under a second', () => {
    // Like a POS export's anonymous "cash customer" beside 1,000 ordinary customers.
    const next = random(7);
    const rows = 250_000;
    const customer = new Int32Array(rows);
    const day = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      customer[i] = i % 5 === 0 ? 1 + Math.floor(next() * 1000) : 0;
      day[i] = 18_000 + Math.floor(next() * 3650);
    }
    const started = performance.now();
    const order = orderByCustomerDay(customer, day, rows, 1001);
    const elapsed = performance.now() - started;
    expect(Array.from(order)).toEqual(reference(customer, day));
    // The insertion sort this replaced took minutes here.
    expect(elapsed).toBeLessThan(1000);
  });

  it('agrees with a comparison sort on random data of many shapes', () => {
    const next = random(11);
    for (let trial = 0; trial < 40; trial++) {
      const rows = 1 + Math.floor(next() * 400);
      const customers = 1 + Math.floor(next() * 12);
      const span = trial % 4 === 0 ? 1 : 1 + Math.floor(next() * 40);
      const customer = Int32Array.from({ length: rows }, () => Math.floor(next() * customers));
      const day = Int32Array.from({ length: rows }, () => Math.floor(next() * span) - 10);
      expect(Array.from(orderByCustomerDay(customer, day, rows, customers))).toEqual(reference(customer, day));
    }
  });
});
