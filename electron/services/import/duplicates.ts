/** How full the table may get (neighbouring slots share a cache line, so a few more probes cost little). */
const MAX_LOAD = 0.75;

/**
 * Remembers accepted rows to find exact repeats. For text it keeps, per row, a hash and the row's
 * offsets rather than a copy of the row: about 30 bytes a row and no garbage. The hashes live in
 * an open-addressing table of (hash, row) pairs, so that checking a row reads one place in memory
 * (rows come in no order, and each cache miss costs about as much as reading a row).
 */
export class DuplicateFinder {
  /** Pairs [hash | 1 (0: empty slot), row + 1]. */
  private slots: Int32Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private lines: Int32Array;
  private count = 0;
  /** Spreadsheet rows (no text to point into), by their cells. */
  private readonly byCells = new Map<string, number>();
  /** Hashes worked out by `lookAhead` for rows about to be checked, by their start. */
  private aheadStarts: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private aheadHashes = new Int32Array(64);
  private aheadCount = 0;
  private aheadNext = 0;
  /** Sum of the slots read ahead (only so that the reads happen). */
  private touched = 0;

  /** `expectedRows` sizes the arrays up front (they grow if the guess is short). */
  constructor(private readonly text: string | null, expectedRows = 0) {
    const rows = Math.max(1024, Math.ceil(expectedRows * 1.05));
    this.slots = new Int32Array(2 * 2 ** Math.ceil(Math.log2(rows / MAX_LOAD)));
    this.starts = new Int32Array(rows);
    this.ends = new Int32Array(rows);
    this.lines = new Int32Array(rows);
  }

  /** The line of an identical earlier row, or null (and this row is remembered). */
  check(fields: readonly string[], start: number, end: number, line: number): number | null {
    const text = this.text;
    if (text === null) {
      const key = fields.join('\u001f');
      const seen = this.byCells.get(key);
      if (seen !== undefined) return seen;
      this.byCells.set(key, line);
      return null;
    }
    const last = this.withoutLineBreak(start, end);
    const hash = this.aheadHash(start) ?? this.hash(start, last);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = (hash << 1) & mask; ; slot = (slot + 2) & mask) {
      const seen = slots[slot] as number;
      if (seen === 0) {
        this.remember(slot, hash, start, last, line);
        return null;
      }
      if (seen === hash) {
        const row = (slots[slot + 1] as number) - 1;
        if (this.same(row, start, last)) return this.lines[row] as number;
      }
    }
  }

  /**
   * Reads, for a run of rows about to be checked, the slot each row's hash leads to, all at once
   * (see ReadOptions.lookAhead); the hashes are kept for `check`.
   */
  lookAhead(starts: Int32Array, ends: Int32Array, count: number): void {
    const text = this.text;
    if (text === null) return;
    if (this.aheadHashes.length < count) this.aheadHashes = new Int32Array(count);
    for (let k = 0; k < count; k++) this.aheadHashes[k] = this.hash(starts[k] as number, this.withoutLineBreak(starts[k] as number, ends[k] as number));
    // Nothing but loads in this loop, so that they are under way together.
    const slots = this.slots;
    const mask = slots.length - 1;
    let touched = 0;
    for (let k = 0; k < count; k++) touched ^= slots[((this.aheadHashes[k] as number) << 1) & mask] as number;
    this.touched ^= touched;
    this.aheadStarts = starts;
    this.aheadCount = count;
    this.aheadNext = 0;
  }

  /** The hash `lookAhead` worked out for the row starting at `start`, if any (rows come in order; some are never checked). */
  private aheadHash(start: number): number | null {
    while (this.aheadNext < this.aheadCount && (this.aheadStarts[this.aheadNext] as number) < start) this.aheadNext++;
    if (this.aheadNext < this.aheadCount && this.aheadStarts[this.aheadNext] === start) return this.aheadHashes[this.aheadNext++] as number;
    return null;
  }

  /** Where a row's text ends before its line break. */
  private withoutLineBreak(start: number, end: number): number {
    const text = this.text as string;
    let last = end;
    while (last > start && (text.charCodeAt(last - 1) === 10 || text.charCodeAt(last - 1) === 13)) last--;
    return last;
  }

  /** FNV-1a of a row's text, never 0. */
  private hash(start: number, end: number): number {
    const text = this.text as string;
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return hash | 1;
  }

  private same(row: number, start: number, end: number): boolean {
    const otherStart = this.starts[row] as number;
    if ((this.ends[row] as number) - otherStart !== end - start) return false;
    const text = this.text as string;
    for (let i = 0; i < end - start; i++) if (text.charCodeAt(start + i) !== text.charCodeAt(otherStart + i)) return false;
    return true;
  }

  private remember(slot: number, hash: number, start: number, end: number, line: number): void {
    const row = this.count++;
    if (row === this.lines.length) {
      const grow = (array: Int32Array) => {
        const next = new Int32Array(array.length * 2);
        next.set(array);
        return next;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.lines = grow(this.lines);
    }
    this.starts[row] = start;
    this.ends[row] = end;
    this.lines[row] = line;
    this.slots[slot] = hash;
    this.slots[slot + 1] = row + 1;
    if (this.count > (this.slots.length / 2) * MAX_LOAD) this.rehash();
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === 0) continue;
      let slot = ((old[i] as number) << 1) & mask;
      while (slots[slot] !== 0) slot = (slot + 2) & mask;
      slots[slot] = old[i] as number;
      slots[slot + 1] = old[i + 1] as number;
    }
    this.slots = slots;
  }
}
