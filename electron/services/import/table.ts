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

/** Return false to stop reading. */
export type RowVisitor = (row: RawRow) => boolean | void;

export interface ReadOptions {
  delimiter: string | null;
  /** Stop after this many rows. */
  limit?: number;
  /** Called every ~64k characters (text) or 10k rows (spreadsheets) with the share done. */
  onProgress?: (done: number, total: number) => void;
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

function forEachTextRow(text: string, options: ReadOptions, visit: RowVisitor): void {
  const newline = text.includes('\n') ? '\n' : '\r';
  let line = 1;
  let scanned = 0;
  let rowStart = 0;
  let rows = 0;
  let nextProgress = 0;
  const countLinesTo = (position: number) => {
    let at = text.indexOf(newline, scanned);
    while (at !== -1 && at < position) {
      line++;
      at = text.indexOf(newline, at + 1);
    }
    scanned = position;
  };
  Papa.parse<string[]>(text, {
    delimiter: options.delimiter ?? undefined,
    skipEmptyLines: false,
    step(results, parser) {
      // papaparse's cursor is just past the row's line break, where the next row starts.
      const end = results.meta.cursor;
      // The empty "row" after a final line break is not a blank line of the file.
      if (rowStart >= text.length && results.data.length === 1 && results.data[0] === '') return;
      countLinesTo(rowStart);
      const unclosedQuote = results.errors.some((error) => error.code === 'MissingQuotes');
      const keepGoing = visit({ fields: results.data, line, unclosedQuote, start: rowStart, end });
      rows++;
      rowStart = end;
      if (options.onProgress && end >= nextProgress) {
        options.onProgress(end, text.length);
        nextProgress = end + 65_536;
      }
      if (keepGoing === false || (options.limit !== undefined && rows >= options.limit)) parser.abort();
    },
  });
  options.onProgress?.(text.length, text.length);
}

function forEachSheetRow(rows: string[][], options: ReadOptions, visit: RowVisitor): void {
  const count = options.limit === undefined ? rows.length : Math.min(rows.length, options.limit);
  for (let index = 0; index < count; index++) {
    if (visit({ fields: rows[index] ?? [], line: index + 1, unclosedQuote: false, start: -1, end: -1 }) === false) break;
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
