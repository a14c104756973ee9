import { describe, expect, it } from 'vitest';
import { padView, sampleScatter, SCATTER_SAMPLE } from '../../../shared/analytics/scatter-sample';

/** A deterministic pseudo-random cloud: n points, four groups of unequal sizes, a few invalid ones. */
function cloud(n: number, seed = 7) {
  let state = seed;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const group = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = (random() - 0.3) * 1000 * (random() < 0.01 ? 20 : 1);
    y[i] = (random() - 0.4) * 2000;
    // Group 3 is small (about 1 %); a few points have no group (255) or no value.
    const r = random();
    group[i] = r < 0.5 ? 0 : r < 0.8 ? 1 : r < 0.99 ? 2 : 3;
    if (i % 997 === 0) group[i] = 255;
    if (i % 1009 === 0) y[i] = Number.NaN;
  }
  return { x, y, group };
}

describe('sampleScatter', () => {
  const n = 100_000;
  const { x, y, group } = cloud(n);
  const sample = sampleScatter(x, y, group, 4);

  it('respects the cap and counts what it shows', () => {
    const shown = sample.chosen.reduce((sum, list) => sum + list.length, 0);
    expect(shown).toBe(sample.shown);
    expect(sample.shown).toBeLessThanOrEqual(SCATTER_SAMPLE.cap);
    // The minimum reserved for every group is kept out of the shared budget: a little under the cap.
    expect(sample.shown).toBeGreaterThan(SCATTER_SAMPLE.cap * 0.9);
    let plotted = 0;
    for (let i = 0; i < n; i++) if (group[i]! < 4 && Number.isFinite(y[i])) plotted++;
    expect(sample.plotted).toBe(plotted);
  });

  it('partitions by group: every chosen point is valid, in its own group, once, in order', () => {
    const seen = new Set<number>();
    sample.chosen.forEach((list, g) => {
      for (let j = 0; j < list.length; j++) {
        const i = list[j]!;
        expect(group[i]).toBe(g);
        expect(Number.isFinite(x[i]) && Number.isFinite(y[i])).toBe(true);
        expect(seen.has(i)).toBe(false);
        seen.add(i);
        if (j > 0) expect(i).toBeGreaterThan(list[j - 1]!);
      }
    });
  });

  it('keeps every group at least its minimum and the rest in proportion', () => {
    const sizes = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) if (group[i]! < 4 && Number.isFinite(y[i])) sizes[group[i]!]!++;
    sample.chosen.forEach((list, g) => {
      expect(list.length).toBeGreaterThanOrEqual(Math.min(sizes[g]!, SCATTER_SAMPLE.minPerGroup));
      // Within a few points (the extremes) of its share of the sample.
      if (sizes[g]! > 5000) expect(Math.abs(list.length / sample.shown - sizes[g]! / sample.plotted)).toBeLessThan(0.02);
    });
    // A group smaller than the minimum keeps all it has.
    const tiny = new Uint8Array(n).fill(0);
    for (let i = 0; i < 50; i++) tiny[i * 1000] = 1;
    const withTiny = sampleScatter(x, Float64Array.from(x), tiny, 2);
    expect(withTiny.chosen[1]!.length).toBe(50);
  });

  it('includes the extremes of both axes', () => {
    const chosen = new Set(sample.chosen.flatMap((list) => Array.from(list)));
    const valid = Array.from({ length: n }, (_, i) => i).filter((i) => group[i]! < 4 && Number.isFinite(y[i]));
    for (const axis of [x, y]) {
      const sorted = [...valid].sort((a, b) => axis[a]! - axis[b]!);
      for (const i of [...sorted.slice(0, SCATTER_SAMPLE.extremes), ...sorted.slice(-SCATTER_SAMPLE.extremes)]) expect(chosen.has(i)).toBe(true);
    }
  });

  it('is deterministic', () => {
    const again = sampleScatter(Float64Array.from(x), Float64Array.from(y), Uint8Array.from(group), 4);
    expect(again.chosen.map((list) => Array.from(list))).toEqual(sample.chosen.map((list) => Array.from(list)));
    expect(again.view).toEqual(sample.view);
  });

  it('takes only the candidates, and all of them when they fit under the cap', () => {
    const candidates = Int32Array.from({ length: 3000 }, (_, k) => k * 7);
    const small = sampleScatter(x, y, group, 4, candidates);
    const valid = Array.from(candidates).filter((i) => group[i]! < 4 && Number.isFinite(y[i]));
    expect(small.shown).toBe(valid.length);
    expect(small.plotted).toBe(valid.length);
    expect(small.chosen.flatMap((list) => Array.from(list)).sort((a, b) => a - b)).toEqual(valid);
  });

  it('frames the view on the 0.5 % and 99.5 % quantiles, rounded out', () => {
    const values = Array.from({ length: 1001 }, (_, i) => i);
    const linear = sampleScatter(values, values, new Uint8Array(1001), 1);
    expect(linear.view.x).toEqual(padView(5, 995));
    expect(linear.view.x[0]).toBeLessThanOrEqual(5);
    expect(linear.view.x[1]).toBeGreaterThanOrEqual(995);
    expect(sampleScatter([], [], [], 4)).toEqual({ chosen: [new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0)], view: { x: padView(0, 0), y: padView(0, 0) }, plotted: 0, shown: 0 });
  });
});
