/**
 * A map from strings to int32 numbers for the hot path of an import, where a file names 100,000s
 * of distinct customers a million times in no order. Each lookup in a Map misses the cache two or
 * three times (bucket, entry, key), and on this kind of hardware a miss costs as much as reading a
 * whole row. Here a lookup reads one 32-byte slot of a typed array: the hash, the number and, for
 * keys of up to 20 Latin-1 characters (the usual customer id), the key's characters themselves.
 */

/** Ints per slot: [hash | 1 (0: empty slot), number, 0 or 1 + index of the key in `long`, packed characters…]. */
const SLOT = 8;
const HEAD = 3;
/** Characters kept in a slot, four to an int. */
const PACKED = (SLOT - HEAD) * 4;

export class StringTable {
  private slots = new Int32Array(SLOT * 4096);
  private count = 0;
  /** Keys that cannot be packed into their slot. */
  private readonly long: string[] = [];
  private readonly packed = new Int32Array(SLOT - HEAD);
  private aheadHashes = new Int32Array(64);
  /** Sum of the slots read ahead (only so that the reads happen). */
  private touched = 0;

  /** The number of `key`; on first sight, `create`s it and remembers it. */
  get(key: string, create: (key: string) => number): number {
    // FNV-1a over the characters (never 0), packing them on the way when they fit.
    const packed = this.packed;
    packed.fill(0);
    let fits = key.length <= PACKED;
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      hash = Math.imul(hash ^ code, 0x01000193);
      if (code === 0 || code > 255) fits = false;
      else if (fits) packed[i >> 2] = (packed[i >> 2] as number) | (code << ((i & 3) * 8));
    }
    hash |= 1;
    const slots = this.slots;
    for (let slot = home(hash, slots); slots[slot] !== 0; slot = (slot + SLOT) & (slots.length - 1)) {
      if (slots[slot] !== hash) continue;
      const longKey = slots[slot + 2] as number;
      if (longKey === 0 ? fits && this.samePacked(slot) : !fits && this.long[longKey - 1] === key) return slots[slot + 1] as number;
    }
    const value = create(key);
    if (!fits) this.long.push(key);
    place(this.slots, hash, value, fits ? 0 : this.long.length, fits ? packed : null);
    // Keep the table at most half full.
    if (++this.count * 2 * SLOT > this.slots.length) {
      const old = this.slots;
      this.slots = new Int32Array(old.length * 2);
      for (let slot = 0; slot < old.length; slot += SLOT) {
        if (old[slot] !== 0) place(this.slots, old[slot] as number, old[slot + 1] as number, old[slot + 2] as number, old.subarray(slot + HEAD, slot + SLOT));
      }
    }
    return value;
  }

  /**
   * Reads the slots that keys about to be looked up lead to, all at once (see
   * ReadOptions.lookAhead): first every hash, then nothing but the reads, so that they overlap.
   */
  lookAhead(keys: readonly string[], count: number): void {
    if (this.aheadHashes.length < count) this.aheadHashes = new Int32Array(count);
    const hashes = this.aheadHashes;
    for (let k = 0; k < count; k++) {
      const key = keys[k] as string;
      let hash = 0x811c9dc5;
      for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
      hashes[k] = hash | 1;
    }
    const slots = this.slots;
    let touched = 0;
    for (let k = 0; k < count; k++) {
      // A slot may straddle two cache lines: read both ends.
      const slot = home(hashes[k] as number, slots);
      touched ^= (slots[slot] as number) ^ (slots[slot + SLOT - 1] as number);
    }
    this.touched ^= touched;
  }

  private samePacked(slot: number): boolean {
    for (let i = 0; i < SLOT - HEAD; i++) if (this.slots[slot + HEAD + i] !== this.packed[i]) return false;
    return true;
  }
}

function home(hash: number, slots: Int32Array): number {
  return Math.imul(hash, SLOT) & (slots.length - 1);
}

function place(slots: Int32Array, hash: number, value: number, longKey: number, packed: Int32Array | null): void {
  let slot = home(hash, slots);
  while (slots[slot] !== 0) slot = (slot + SLOT) & (slots.length - 1);
  slots[slot] = hash;
  slots[slot + 1] = value;
  slots[slot + 2] = longKey;
  if (packed) slots.set(packed, slot + HEAD);
}
