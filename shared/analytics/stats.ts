/** Order statistics over typed arrays without sorting them: quickselect and medians. */

/**
 * The value a sort of values[from, to) (no NaN) would put at from + k, found in place by quickselect:
 * afterwards nothing before from + k is larger and nothing after it is smaller.
 */
export function selectInPlace(values: Int32Array | Float64Array, from: number, to: number, k: number): number {
  let lo = from;
  let hi = to - 1;
  const target = from + k;
  while (hi - lo > 16) {
    const x = values[lo] as number;
    const y = values[(lo + hi) >> 1] as number;
    const z = values[hi] as number;
    const a = x < y ? x : y;
    const b = x < y ? y : x;
    const pivot = z < a ? a : z > b ? b : z;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target] as number;
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = values[i] as number;
    let j = i - 1;
    while (j >= lo && (values[j] as number) > v) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = v;
  }
  return values[target] as number;
}

/** Median of values[from, to) (reordered in place): the middle value, or the mean of the two middle values; NaN when empty. */
export function medianInPlace(values: Int32Array | Float64Array, from: number, to: number): number {
  const length = to - from;
  if (length <= 0) return Number.NaN;
  const mid = length >> 1;
  const upper = selectInPlace(values, from, to, mid);
  if (length % 2 === 1) return upper;
  let lower = values[from] as number;
  for (let i = from + 1; i < from + mid; i++) lower = Math.max(lower, values[i] as number);
  return (lower + upper) / 2;
}
