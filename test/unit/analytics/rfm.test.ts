import { describe, expect, it } from 'vitest';
import { quintileScores } from '../../../shared/analytics/rfm';

describe('RFM quintiles', () => {
  const members = Int32Array.from([0, 1, 2, 3, 4]);

  it('scores a tie by the middle of its ranks, the same whichever way is better', () => {
    // Four customers tie at 5 (ranks 0–3, middle 1.5 → (1.5 + ½) / 5 = 0.4 → quintile 3), one has 9
    // (rank 4 → 0.9 → quintile 5). Higher is better: 3 and 5; lower is better: 6 − quintile = 3 and 1.
    const values = [5, 5, 5, 5, 9];
    expect(Array.from(quintileScores(values, members, true))).toEqual([3, 3, 3, 3, 5]);
    expect(Array.from(quintileScores(values, members, false))).toEqual([3, 3, 3, 3, 1]);
  });

  it('spreads distinct values over the five scores, mirrored when lower is better', () => {
    const values = [50, 10, 40, 20, 30];
    expect(Array.from(quintileScores(values, members, true))).toEqual([5, 1, 4, 2, 3]);
    expect(Array.from(quintileScores(values, members, false))).toEqual([1, 5, 2, 4, 3]);
  });
});
