/**
 * A representative sample of a scatter of many points (the Strategies scatter: current against
 * future profit, coloured by quadrant). Beyond a few thousand, small dots on a chart cover one
 * another and every redraw costs time in proportion to the points, so at most `cap` are drawn:
 * always the `extremes` outermost on each side of each axis (the cloud keeps its shape and its
 * outliers), then every group in proportion to its points (at least `minPerGroup`, or all it has),
 * taken evenly through the points' order. Deterministic: the same input gives the same sample.
 * Pure over typed arrays, so that the main process computes it once per run.
 */

export interface ScatterSampleOptions {
  /** At most this many points are chosen (when `cap ≥ 4·extremes + groups·minPerGroup`). */
  cap: number;
  /** Points taken from each end of each axis whatever the sample. */
  extremes: number;
  /** A group keeps at least this many points (all it has, when fewer). */
  minPerGroup: number;
}

export const SCATTER_SAMPLE: ScatterSampleOptions = { cap: 10_000, extremes: 50, minPerGroup: 200 };

export interface ScatterSample {
  /** Per group, the chosen points (indexes into x, y and group), in the candidates' order. */
  chosen: Int32Array[];
  /** A view that leaves out the farthest 0.5 % on each side, rounded out to a step of the axis. */
  view: { x: [number, number]; y: [number, number] };
  /** Points that could be drawn: both values finite and a group below `groups`. */
  plotted: number;
  /** Points chosen (the sum of `chosen`'s lengths). */
  shown: number;
}

export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] as number;
}

/** [low, high] widened by 3 % of the span and rounded out to a step of the axis (round first and last labels). */
export function padView(low: number, high: number): [number, number] {
  const span = high - low || Math.abs(high) || 1;
  const step = 10 ** Math.floor(Math.log10(span / 5));
  return [Math.floor((low - span * 0.03) / step) * step, Math.ceil((high + span * 0.03) / step) * step];
}

/**
 * Samples the points `candidates` (indexes into x, y and group; every index when left out).
 * A point counts when x and y are finite and its group is an integer in [0, groups).
 */
export function sampleScatter(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  group: ArrayLike<number>,
  groups: number,
  candidates?: ArrayLike<number>,
  options: ScatterSampleOptions = SCATTER_SAMPLE,
): ScatterSample {
  const count = candidates ? candidates.length : x.length;
  // Per group, its points in the candidates' order.
  const sizes = new Int32Array(groups);
  const valid = new Int32Array(count);
  let n = 0;
  for (let c = 0; c < count; c++) {
    const i = candidates ? (candidates[c] as number) : c;
    const g = group[i] as number;
    if (!(g >= 0 && g < groups) || !Number.isFinite(x[i] as number) || !Number.isFinite(y[i] as number)) continue;
    valid[n++] = i;
    sizes[g]!++;
  }
  const members = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(groups);
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = valid[k] as number;
    const g = group[i] as number;
    members[g]![filled[g]!++] = i;
    sx[k] = x[i] as number;
    sy[k] = y[i] as number;
  }
  sx.sort();
  sy.sort();
  const view = { x: padView(quantileOfSorted(sx, 0.005), quantileOfSorted(sx, 0.995)), y: padView(quantileOfSorted(sy, 0.005), quantileOfSorted(sy, 0.995)) };
  if (n <= options.cap) return { chosen: members, view, plotted: n, shown: n };

  const k = Math.min(options.extremes, Math.floor(n / 2) - 1);
  const [xLow, xHigh, yLow, yHigh] = [sx[k] as number, sx[n - 1 - k] as number, sy[k] as number, sy[n - 1 - k] as number];
  // First the outermost points of every group; the rest of the budget shared in proportion.
  const keeps: Uint8Array[] = [];
  const rests: number[] = [];
  let extremes = 0;
  for (const list of members) {
    const keep = new Uint8Array(list.length);
    let kept = 0;
    for (let j = 0; j < list.length; j++) {
      const i = list[j] as number;
      const px = x[i] as number;
      const py = y[i] as number;
      if (px < xLow || px > xHigh || py < yLow || py > yHigh) {
        keep[j] = 1;
        kept++;
      }
    }
    keeps.push(keep);
    rests.push(list.length - kept);
    extremes += kept;
  }
  const restTotal = rests.reduce((sum, rest) => sum + rest, 0);
  const reserved = rests.reduce((sum, rest) => sum + Math.min(rest, options.minPerGroup), 0);
  const shared = Math.max(0, options.cap - extremes - reserved);
  const chosen: Int32Array[] = [];
  let shown = 0;
  members.forEach((list, g) => {
    const keep = keeps[g] as Uint8Array;
    const rest = rests[g] as number;
    // At least minPerGroup (or all), else its share of the budget: the total stays ≤ cap.
    const wanted = Math.min(rest, Math.max(Math.min(rest, options.minPerGroup), Math.floor((shared * rest) / Math.max(1, restTotal))));
    // Evenly through the rest: one point every (rest / wanted).
    if (wanted >= rest) keep.fill(1);
    else if (wanted > 0) {
      const step = rest / wanted;
      let next = step / 2;
      let seen = 0;
      for (let j = 0; j < list.length; j++) {
        if (keep[j]) continue;
        if (seen >= next) {
          keep[j] = 1;
          next += step;
        }
        seen++;
      }
    }
    let total = 0;
    for (let j = 0; j < list.length; j++) total += keep[j] as number;
    const out = new Int32Array(total);
    let at = 0;
    for (let j = 0; j < list.length; j++) if (keep[j]) out[at++] = list[j] as number;
    chosen.push(out);
    shown += total;
  });
  return { chosen, view, plotted: n, shown };
}
