/**
 * An import from start to end: read and decode the file, detect (or take the person's) layout,
 * read every row into a record or an issue, and write it all in one transaction. `check` mode
 * does everything but write (the wizard's validation step). Runs in a worker thread.
 */
import { DEFAULT_CUSTOMER_KEY_RULES } from '../../../shared/domain/customer-key';
import { todayEpochDay } from '../../../shared/domain/dates';
import { ISSUE_LIMIT, type DuplicateRow, type ImportIssue, type ImportOptions, type ImportPreview, type ImportResult } from '../../../shared/domain/import';
import { AppError } from '../../../shared/ipc/errors';
import { attachWorkspaceDatabase } from '../../db/connection';
import { ImportWriter } from '../../db/import-writer';
import { WorkspaceStore } from '../../db/queries';
import type { SqliteOptions } from '../../db/sqlite';
import { detect, columnSamples, type RememberedMapping } from './detect';
import { createRowReader, isTotalLabel, missingRequiredFields } from './rows';
import { describeFile, readBytes, readContent } from './source';
import { forEachRow, isBlank } from './table';

export interface ImportContext {
  sqlite: SqliteOptions;
  progress(stage: string, done: number, total: number): void;
  shouldStop(): boolean;
}

export interface RunImportInput {
  workspace: string;
  file: string;
  options: ImportOptions;
  /** `check` validates every row without writing anything. */
  mode: 'check' | 'commit';
  /** What to do when the same file (by content) was imported before. */
  onPreviousImport: 'replace' | 'skip';
  /** Commit nothing when any row is rejected. */
  strict: boolean;
}

const PREVIEW_ROWS = 50;
const VALUE_PREVIEW = 120;

function recaller(store: WorkspaceStore): (signature: string) => RememberedMapping | null {
  return (signature) => store.recallMapping(signature) as RememberedMapping | null;
}

async function load(path: string, options: ImportOptions, context: ImportContext) {
  context.progress('reading', 0, 1);
  const bytes = readBytes(path);
  const file = describeFile(path, bytes);
  const content = await readContent(file, bytes, options.encoding);
  return { file, content };
}

export async function previewImport(input: { workspace: string; file: string; options: ImportOptions }, context: ImportContext): Promise<ImportPreview> {
  const { file, content } = await load(input.file, input.options, context);
  const store = new WorkspaceStore(attachWorkspaceDatabase(input.workspace, { ...context.sqlite, readonly: true }));
  try {
    const detected = detect(content, input.options, recaller(store));
    const fieldOf = new Map(Object.entries(detected.detection.mapping).flatMap(([field, column]) => (column === null ? [] : [[column, field] as const])));
    return {
      file: { path: file.path, name: file.name, sizeBytes: file.sizeBytes, hash: file.hash },
      detected: detected.detection,
      columns: detected.headers.map((header, index) => ({ index, header, field: fieldOf.get(index) ?? null, samples: columnSamples(detected.sampleRows, index, 5) })),
      rows: detected.sampleRows.slice(0, PREVIEW_ROWS).map((row) => row.fields),
      previousImport: store.findImportByHash(file.hash),
    };
  } finally {
    store.close();
  }
}

/** FNV-1a over a string: a cheap first test for exact duplicate rows (a hit is then compared in full). */
function hashText(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Remembers accepted rows to find exact repeats. For text it holds a hash and the row's offsets
 * rather than a copy of every row (a million rows would not fit in memory twice).
 */
class DuplicateFinder {
  private readonly firstByHash = new Map<number, number>();
  /** Rows whose hash collided with a different row, and spreadsheet rows: keyed by their text. */
  private readonly byText = new Map<string, number>();
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private count = 0;

  constructor(private readonly text: string | null) {}

  /** The line of an identical earlier row, or null (and this row is remembered). */
  check(fields: readonly string[], start: number, end: number, line: number): number | null {
    const text = this.text;
    if (text === null) return this.checkText(fields.join('\u001f'), line);
    let last = end;
    while (last > start && (text.charCodeAt(last - 1) === 10 || text.charCodeAt(last - 1) === 13)) last--;
    const hash = hashText(text, start, last);
    const index = this.firstByHash.get(hash);
    if (index === undefined) {
      this.remember(hash, start, last, line);
      return null;
    }
    const mine = text.slice(start, last);
    if (text.slice(this.starts[index], this.ends[index]) === mine) return this.lines[index] as number;
    return this.checkText(mine, line);
  }

  private checkText(key: string, line: number): number | null {
    const seen = this.byText.get(key);
    if (seen !== undefined) return seen;
    this.byText.set(key, line);
    return null;
  }

  private remember(hash: number, start: number, end: number, line: number): void {
    if (this.count === this.starts.length) {
      const grow = (array: Int32Array) => {
        const next = new Int32Array(array.length * 2);
        next.set(array);
        return next;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.lines = grow(this.lines);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.lines[this.count] = line;
    this.firstByHash.set(hash, this.count);
    this.count++;
  }
}

export async function runImport(input: RunImportInput, context: ImportContext): Promise<ImportResult> {
  const { file, content } = await load(input.file, input.options, context);
  const db = attachWorkspaceDatabase(input.workspace, { ...context.sqlite, readonly: input.mode === 'check' });
  const store = new WorkspaceStore(db);
  let writer: ImportWriter | null = null;
  try {
    const detected = detect(content, input.options, recaller(store));
    const { detection, headers } = detected;
    const missing = missingRequiredFields(detection.kind, detection.mapping);
    if (missing.length > 0) {
      throw new AppError('invalid_input', `The file cannot be imported as ${detection.kind}: no column is chosen for ${missing.join(', ')}.`, {
        hint: 'Choose the columns in the mapping step (or with the CLI, pass --as to say what the file is).',
      });
    }
    const keyRules = input.options.keyRules ?? DEFAULT_CUSTOMER_KEY_RULES;
    const read = createRowReader({
      kind: detection.kind,
      headers,
      mapping: detection.mapping,
      numberFormat: detection.numberFormat,
      dateFormat: detection.dateFormat,
      keyRules,
      // One day of slack for exports made in a time zone ahead of UTC.
      latestDay: todayEpochDay() + 1,
    });

    const previous = store.findImportByHash(file.hash);
    const result: ImportResult = {
      kind: detection.kind, accepted: 0, rejectedCount: 0, skippedCount: 0, duplicateCount: 0, rejected: [], skipped: [], duplicates: [], total: 0,
      detected: detection, importId: null, committed: false, notCommittedReason: null, replacedImportId: null,
    };
    if (input.mode === 'commit' && previous && input.onPreviousImport === 'skip') {
      result.notCommittedReason = `This file was already imported on ${previous.importedAt.slice(0, 10)} (as ${previous.fileName}); nothing was imported again.`;
      return result;
    }
    if (input.mode === 'commit') {
      writer = new ImportWriter(db, { kind: detection.kind, fileName: file.name, filePath: file.path, hash: file.hash, detection });
      if (previous) {
        writer.removeImport(previous.importId);
        result.replacedImportId = previous.importId;
      }
    }

    const reject = (issue: ImportIssue) => {
      result.rejectedCount++;
      if (result.rejected.length < ISSUE_LIMIT) result.rejected.push(issue);
      writer?.addIssue({ kind: 'rejected', line: issue.line, column: issue.column, value: issue.value, reason: issue.reason, ofLine: null });
    };
    const skip = (line: number, reason: string) => {
      result.skippedCount++;
      if (result.skipped.length < ISSUE_LIMIT) result.skipped.push({ line, reason });
      writer?.addIssue({ kind: 'skipped', line, column: null, value: null, reason, ofLine: null });
    };
    const duplicate = (row: DuplicateRow) => {
      result.duplicateCount++;
      if (result.duplicates.length < ISSUE_LIMIT) result.duplicates.push(row);
      writer?.addIssue({ kind: 'duplicate', line: row.line, column: null, value: null, reason: `repeats line ${row.of}`, ofLine: row.of });
    };

    const width = headers.length;
    const customerColumn = detection.mapping.customerId ?? detection.mapping.productId ?? detection.mapping.prospectId ?? detection.mapping.channel ?? 0;
    const duplicates = input.options.keepDuplicates ? null : new DuplicateFinder(content.format === 'text' ? content.text : null);
    const text = content.format === 'text' ? content.text : '';
    const rowText = (start: number, end: number, fields: readonly string[]) =>
      (content.format === 'text' ? text.slice(start, end).replace(/\r?\n$/, '') : fields.join(', ')).slice(0, VALUE_PREVIEW);
    let stopped = false;
    let rows = 0;

    forEachRow(content, { delimiter: detection.delimiter, onProgress: (done, total) => context.progress(input.mode === 'check' ? 'checking' : 'importing', done, total) }, (raw) => {
      if (raw.line <= detection.headerLine) return;
      if ((++rows & 4095) === 0 && context.shouldStop()) {
        stopped = true;
        return false;
      }
      let fields = raw.fields;
      if (isBlank(fields)) return skip(raw.line, 'blank line');
      if (raw.unclosedQuote) return reject({ line: raw.line, column: null, value: rowText(raw.start, raw.end, fields), reason: 'a quote is never closed' });
      if (isTotalLabel(fields[customerColumn] ?? '') || isTotalLabel(fields[0] ?? '')) return skip(raw.line, 'total row');
      if (content.format === 'xlsx' && fields.length !== width) {
        // Spreadsheets omit trailing empty cells; only cells beyond the header's are an error.
        if (fields.length < width) fields = [...fields, ...new Array<string>(width - fields.length).fill('')];
        else if (fields.slice(width).every((field) => field === '')) fields = fields.slice(0, width);
      }
      if (fields.length !== width) return reject({ line: raw.line, column: null, value: rowText(raw.start, raw.end, fields), reason: `expected ${width} fields, found ${fields.length}` });
      const outcome = read(fields);
      if (outcome.type === 'rejected') return reject({ line: raw.line, column: outcome.column, value: outcome.value, reason: outcome.reason });
      if (outcome.type === 'skipped') return skip(raw.line, outcome.reason);
      const of = duplicates?.check(fields, raw.start, raw.end, raw.line) ?? null;
      if (of !== null) return duplicate({ line: raw.line, of });
      result.accepted++;
      result.total += outcome.value;
      if (!writer) return;
      const { record } = outcome;
      switch (record.kind) {
        case 'transactions':
          return writer.addTransaction(record.row);
        case 'customers':
          return writer.upsertCustomer(record.row);
        case 'costs':
          return writer.addCost(record.row);
        case 'products':
          return writer.upsertProduct(record.row);
        case 'marketing':
          return writer.addSpend(record.row);
        case 'prospects':
          return writer.upsertProspect(record.row);
      }
    });
    if (stopped) throw new AppError('cancelled', 'Cancelled.');
    result.total = Math.round(result.total * 100) / 100;

    if (!writer) return result;
    if (input.strict && result.rejectedCount > 0) {
      result.notCommittedReason = `${result.rejectedCount} rows were rejected and --strict was given: nothing was imported.`;
      writer.rollback();
      return result;
    }
    if (result.accepted === 0) {
      result.notCommittedReason = 'No row of the file could be imported.';
      writer.rollback();
      return result;
    }
    context.progress('saving', 1, 1);
    writer.commit(
      { accepted: result.accepted, rejected: result.rejectedCount, skipped: result.skippedCount, duplicates: result.duplicateCount },
      { signature: detected.signature, kind: detection.kind, mapping: detection.mapping, options: { numberFormat: detection.numberFormat, dateFormat: detection.dateFormat, keyRules } },
    );
    result.importId = writer.importId;
    result.committed = true;
    return result;
  } finally {
    writer?.rollback();
    store.close();
  }
}
