/**
 * Rows of a source as arrays of cell text with their file line numbers, whatever the format:
 * delimited text through papaparse, or the cells of a spreadsheet.
 */
import Papa from 'papaparse';
import { DELIMITERS } from '../../../shared/domain/import';
import type { SourceContent } from './source';

export interface RawRow {
  fields: string[];
  /** 1-based line in the file where the row starts. */
  line: number;
  /** The row ends inside a quoted field that is never closed. */
  unclosedQuote: boolean;
  /** Start and end offsets of the row in the text (-1 for spreadsheets): exact-duplicate checks compare these slices. */
  start: number;
  end: number;
}

/**
 * Called for each row with the fields of a RawRow as arguments (no object per row: an import
 * visits millions). `fields` belongs to the visitor. Return false to stop reading.
 */
export type RowVisitor = (fields: string[], line: number, start: number, end: number, unclosedQuote: boolean) => boolean | void;

/** Rows of text about to be visited, in the order they will be (reused: valid during the call only). */
export interface RowRun {
  count: number;
  fields: string[][];
  starts: Int32Array;
  ends: Int32Array;
}

export interface ReadOptions {
  delimiter: string | null;
  /** Stop after this many rows. */
  limit?: number;
  /** Called every 256k characters (text) or 10k rows (spreadsheets) with the share done. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Sees each run of up to 64 rows of text before they are visited one by one. The import uses it
   * to fetch the places in its big lookup tables that those rows will read all at once: their
   * cache misses then overlap instead of stalling the reader one row at a time.
   */
  lookAhead?: (rows: RowRun) => void;
}

/** Chooses the delimiter that splits the first lines into the most consistent number (> 1) of fields. */
export function sniffDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best: string = DELIMITERS[0];
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, preview: 40, skipEmptyLines: 'greedy' }).data;
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    const [modal, frequency] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0];
    if (modal < 2) continue;
    // Consistency first; among equally consistent splits, more fields.
    const score = (frequency / rows.length) * 1000 + Math.min(modal, 100);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Characters given to papaparse at a time (cut after a line break). */
const CHUNK = 256 * 1024;
/** Rows visited as one run (see `lookAhead`). */
const RUN = 64;

/**
 * Papaparse reads the text a chunk at a time, each chunk cut just after a line break. One call
 * over the whole text would first split all of it into lines (tens of MB held at once) and, for
 * the 2,000 rows detection reads, split a whole large file only to use its start. A chunk
 * without quote characters takes papaparse's fast path. A quoted field may run past a cut: its
 * row then ends the chunk with an unclosed quote, and the next chunk starts again at that row and
 * reaches further, until the quote closes or the text ends.
 */
function forEachTextRow(text: string, options: ReadOptions, visit: RowVisitor): void {
  // The delimiter and line break papaparse would guess for the whole text (from its first MB),
  // fixed for every chunk.
  const probe = Papa.parse<string[]>(text.slice(0, 1024 * 1024), { delimiter: options.delimiter ?? undefined, preview: 1 }).meta;
  const delimiter = probe.delimiter;
  const newline = probe.linebreak as '\n' | '\r' | '\r\n';
  // Lines are counted by this character, whatever papaparse splits rows at.
  const lineBreak = text.includes('\n') ? '\n' : '\r';
  let line = 1;
  let nextBreak = text.indexOf(lineBreak);
  let rows = 0;
  let stopped = false;
  let reach = CHUNK;
  // Rows wait here until a run is complete (or the chunk ends), then are visited in order.
  const run = { count: 0, fields: new Array<string[]>(RUN), lines: new Int32Array(RUN), starts: new Int32Array(RUN), ends: new Int32Array(RUN), unclosed: new Uint8Array(RUN) };
  const visitRun = () => {
    options.lookAhead?.(run);
    for (let k = 0; k < run.count && !stopped; k++) {
      if (visit(run.fields[k] as string[], run.lines[k] as number, run.starts[k] as number, run.ends[k] as number, run.unclosed[k] === 1) === false) stopped = true;
    }
    run.count = 0;
  };
  /** Queues one row; false when reading is to stop. */
  const push = (fields: string[], rowStart: number, end: number, unclosedQuote: boolean): boolean => {
    while (nextBreak !== -1 && nextBreak < rowStart) {
      line++;
      nextBreak = text.indexOf(lineBreak, nextBreak + 1);
    }
    const k = run.count++;
    run.fields[k] = fields;
    run.lines[k] = line;
    run.starts[k] = rowStart;
    run.ends[k] = end;
    run.unclosed[k] = unclosedQuote ? 1 : 0;
    const limited = options.limit !== undefined && ++rows >= options.limit;
    if (run.count === RUN || limited) visitRun();
    if (limited) stopped = true;
    return !stopped;
  };
  // Where the next quote character is (-1: none to the end): chunks before it have no quoted field.
  let nextQuote = text.indexOf('"');
  for (let chunkStart = 0; chunkStart < text.length && !stopped; ) {
    options.onProgress?.(chunkStart, text.length);
    let chunkEnd = text.length;
    if (chunkStart + reach < text.length) {
      const cut = text.indexOf(newline, chunkStart + reach);
      if (cut !== -1) chunkEnd = cut + newline.length;
    }
    const last = chunkEnd === text.length;
    let rowStart = chunkStart;
    let resumeAt = chunkEnd;
    if (nextQuote !== -1 && nextQuote < chunkStart) nextQuote = text.indexOf('"', chunkStart);
    if (nextQuote === -1 || nextQuote >= chunkEnd) {
      // No quote in the chunk: each row is its line split at the delimiter, as papaparse's own fast
      // path does it (without its result objects per row). The cells are cut from the text
      // directly, without the line as a string of its own and String.split's call into the runtime.
      while (rowStart < chunkEnd) {
        const cut = text.indexOf(newline, rowStart);
        const rowEnd = cut === -1 || cut >= chunkEnd ? chunkEnd : cut;
        const end = rowEnd === chunkEnd ? chunkEnd : rowEnd + newline.length;
        const fields: string[] = [];
        for (let from = rowStart; ; ) {
          const at = text.indexOf(delimiter, from);
          if (at === -1 || at >= rowEnd) {
            fields.push(text.slice(from, rowEnd));
            break;
          }
          fields.push(text.slice(from, at));
          from = at + delimiter.length;
        }
        if (!push(fields, rowStart, end, false)) break;
        rowStart = end;
      }
    } else {
      Papa.parse<string[]>(text.slice(chunkStart, chunkEnd), {
        delimiter,
        newline,
        skipEmptyLines: false,
        step(results, parser) {
          // papaparse's cursor is just past the row's line break, where the next row starts.
          const end = chunkStart + results.meta.cursor;
          // After the chunk's last line break papaparse reports one empty "row": not a line of the file.
          if (rowStart >= chunkEnd) return;
          const unclosedQuote = results.errors.length > 0 && results.errors.some((error) => error.code === 'MissingQuotes');
          if (unclosedQuote && !last) {
            // A quoted field runs past the cut: read this row again in a longer chunk.
            resumeAt = rowStart;
            parser.abort();
            return;
          }
          const more = push(results.data, rowStart, end, unclosedQuote);
          rowStart = end;
          if (!more) parser.abort();
        },
      });
    }
    if (!stopped) visitRun();
    // A row cut short at the start of its chunk needs a longer one; otherwise back to the usual size.
    reach = resumeAt === chunkStart ? reach * 4 : CHUNK;
    chunkStart = resumeAt;
  }
  options.onProgress?.(text.length, text.length);
}

function forEachSheetRow(rows: string[][], options: ReadOptions, visit: RowVisitor): void {
  const count = options.limit === undefined ? rows.length : Math.min(rows.length, options.limit);
  for (let index = 0; index < count; index++) {
    if (visit(rows[index] ?? [], index + 1, -1, -1, false) === false) break;
    if (options.onProgress && index % 10_000 === 0) options.onProgress(index, rows.length);
  }
  options.onProgress?.(rows.length, rows.length);
}

export function forEachRow(content: SourceContent, options: ReadOptions, visit: RowVisitor): void {
  if (content.format === 'text') forEachTextRow(content.text, options, visit);
  else forEachSheetRow(content.rows, options, visit);
}

/** True for a row with no text at all (a blank line, or only delimiters). */
export function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

/**
 * About `count` rows from all over a source (not only its start), for detecting how dates are
 * written: the first rows of a file may all fall on days 1 to 12. Each is the line that starts
 * after an evenly spaced offset; a line inside a quoted field spanning lines may come out torn,
 * which only costs a sample that parses as no date.
 */
export function spreadRows(content: SourceContent, delimiter: string | null, count: number): string[][] {
  if (content.format !== 'text') {
    const rows = content.rows;
    const step = Math.max(1, Math.floor(rows.length / count));
    const out: string[][] = [];
    for (let index = 0; index < rows.length; index += step) out.push(rows[index] ?? []);
    return out;
  }
  const text = content.text;
  const out: string[][] = [];
  let previous = -1;
  for (let k = 1; k <= count; k++) {
    const cut = text.indexOf('\n', Math.floor((k * text.length) / (count + 1)));
    if (cut === -1 || cut === previous) continue;
    previous = cut;
    const end = text.indexOf('\n', cut + 1);
    const line = text.slice(cut + 1, end === -1 ? text.length : end).replace(/\r$/, '');
    if (line === '') continue;
    const parsed = Papa.parse<string[]>(line, { delimiter: delimiter ?? undefined }).data[0];
    if (parsed) out.push(parsed);
  }
  return out;
}
