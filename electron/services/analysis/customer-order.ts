/**
 * Orders of customer indexes by a numeric key, fast enough to sort 100,000 customers between two
 * frames: a stable least-significant-digit radix sort over the keys' IEEE-754 bit patterns (16-bit
 * digits, four passes at most, a pass skipped when every key has the same digit). Missing keys
 * (NaN) go last in either direction; ties keep the indexes' given order.
 */

const DIGITS = 1 << 16;

/**
 * `rows` (customer indexes) ordered by `key[row]`, ascending or descending, NaN last; rows with
 * equal keys stay in the order they were given (index order gives stable paging).
 */
export function orderByKey(rows: Int32Array, key: Float64Array, direction: 'asc' | 'desc'): Int32Array {
  const count = rows.length;
  const values = new Float64Array(count);
  const present = new Int32Array(count);
  const result = new Int32Array(count);
  let m = 0;
  let missing = count;
  // Missing keys fill the end, in the given order.
  for (let i = count - 1; i >= 0; i--) {
    const row = rows[i] as number;
    const value = key[row] as number;
    if (Number.isNaN(value)) result[--missing] = row;
  }
  const sign = direction === 'desc' ? -1 : 1;
  for (let i = 0; i < count; i++) {
    const row = rows[i] as number;
    const value = key[row] as number;
    if (Number.isNaN(value)) continue;
    // `+ 0` turns −0 into 0, so that the two sort as equal.
    values[m] = value * sign + 0;
    present[m++] = row;
  }
  const words = new Uint32Array(values.buffer, 0, m * 2);
  // Bit patterns that sort as unsigned integers in the numbers' order: negative numbers have every
  // bit flipped, positive ones only the sign bit. Little-endian: word 2i is low, 2i+1 is high.
  const little = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const lowAt = little ? 0 : 1;
  const highAt = 1 - lowAt;
  for (let i = 0; i < m; i++) {
    const high = words[2 * i + highAt] as number;
    if (high >>> 31) {
      words[2 * i + highAt] = ~high >>> 0;
      words[2 * i + lowAt] = ~(words[2 * i + lowAt] as number) >>> 0;
    } else {
      words[2 * i + highAt] = (high | 0x80000000) >>> 0;
    }
  }
  let order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  let spare = new Int32Array(m);
  const counts = new Uint32Array(DIGITS);
  for (const [word, shift] of [[lowAt, 0], [lowAt, 16], [highAt, 0], [highAt, 16]] as const) {
    counts.fill(0);
    for (let i = 0; i < m; i++) {
      const digit = ((words[2 * i + word] as number) >>> shift) & 0xffff;
      counts[digit] = (counts[digit] as number) + 1;
    }
    if (m === 0 || counts[((words[word] as number) >>> shift) & 0xffff] === m) continue;
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const position = order[i] as number;
      const digit = ((words[2 * position + word] as number) >>> shift) & 0xffff;
      const at = counts[digit] as number;
      spare[at] = position;
      counts[digit] = at + 1;
    }
    [order, spare] = [spare, order];
  }
  for (let i = 0; i < m; i++) result[i] = present[order[i] as number] as number;
  return result;
}

/**
 * The descending order from the ascending one `orderByKey` gave for the same rows and key: groups
 * of equal keys in reverse, each group still in its given order, missing keys still last.
 */
export function reverseOrder(ascending: Int32Array, key: Float64Array): Int32Array {
  const count = ascending.length;
  const result = new Int32Array(count);
  let end = count;
  while (end > 0 && Number.isNaN(key[ascending[end - 1] as number] as number)) end--;
  result.set(ascending.subarray(end), end);
  let out = 0;
  let groupEnd = end;
  while (groupEnd > 0) {
    const value = key[ascending[groupEnd - 1] as number] as number;
    let groupStart = groupEnd - 1;
    while (groupStart > 0 && key[ascending[groupStart - 1] as number] === value) groupStart--;
    for (let i = groupStart; i < groupEnd; i++) result[out++] = ascending[i] as number;
    groupEnd = groupStart;
  }
  return result;
}

/** The rows of `order` that are in `subset`, keeping `order`'s order. */
export function restrictTo(order: Int32Array, subset: Int32Array, size: number): Int32Array {
  if (subset.length === order.length) return order;
  const mask = new Uint8Array(size);
  for (const row of subset) mask[row] = 1;
  const result = new Int32Array(subset.length);
  let n = 0;
  for (const row of order) if (mask[row]) result[n++] = row;
  return n === result.length ? result : result.subarray(0, n);
}

/** A small map that forgets its least recently used entry beyond `limit`. */
export class Recent<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string, make: () => V): V {
    const known = this.entries.get(key);
    if (known !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const value = make();
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
