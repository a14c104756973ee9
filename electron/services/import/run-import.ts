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
import type { IssueRow } from '../../db/import-writer';
import { TransactionBatchBuilder, type OptionalColumn } from '../../db/transaction-batch';
import { ImportWriterClient } from '../../workers/import-writer-thread';
import { WorkspaceStore } from '../../db/queries';
import type { SqliteOptions } from '../../db/sqlite';
import { detect, columnSamples, type RememberedMapping } from './detect';
import { createRowReader, isTotalLabel, missingRequiredFields } from './rows';
import { describeFile, readBytes, readContent } from './source';
import { forEachRow, isBlank } from './table';

export interface ImportContext {
  sqlite: SqliteOptions;
  /** The worker script: the rows are written by a thread of their own started from it. */
  workerScript: string | URL;
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

/**
 * Remembers accepted rows to find exact repeats. For text it keeps, per row, a hash and the
 * row's offsets in an open-addressing table of typed arrays rather than a copy of every row:
 * a million rows cost a few megabytes and no garbage.
 */
class DuplicateFinder {
  private slots = new Int32Array(1 << 16).fill(-1);
  private hashes = new Int32Array(1 << 15);
  private starts = new Int32Array(1 << 15);
  private ends = new Int32Array(1 << 15);
  private lines = new Int32Array(1 << 15);
  private count = 0;
  /** Spreadsheet rows (no text to point into), by their cells. */
  private readonly byCells = new Map<string, number>();

  constructor(private readonly text: string | null) {}

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
    let last = end;
    while (last > start && (text.charCodeAt(last - 1) === 10 || text.charCodeAt(last - 1) === 13)) last--;
    let hash = 0x811c9dc5;
    for (let i = start; i < last; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = this.slots[slot] as number;
      if (index === -1) {
        this.remember(slot, hash, start, last, line);
        return null;
      }
      if (this.hashes[index] === hash && this.same(index, start, last)) return this.lines[index] as number;
    }
  }

  private same(index: number, start: number, end: number): boolean {
    const otherStart = this.starts[index] as number;
    if ((this.ends[index] as number) - otherStart !== end - start) return false;
    const text = this.text as string;
    for (let i = 0; i < end - start; i++) if (text.charCodeAt(start + i) !== text.charCodeAt(otherStart + i)) return false;
    return true;
  }

  private remember(slot: number, hash: number, start: number, end: number, line: number): void {
    const index = this.count++;
    if (index === this.hashes.length) {
      const grow = (array: Int32Array) => {
        const next = new Int32Array(array.length * 2);
        next.set(array);
        return next;
      };
      this.hashes = grow(this.hashes);
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.lines = grow(this.lines);
    }
    this.hashes[index] = hash;
    this.starts[index] = start;
    this.ends[index] = end;
    this.lines[index] = line;
    this.slots[slot] = index;
    // Keep the table at most half full.
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let index = 0; index < this.count; index++) {
      let slot = (this.hashes[index] as number) & mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
      this.slots[slot] = index;
    }
  }
}

export async function runImport(input: RunImportInput, context: ImportContext): Promise<ImportResult> {
  const { file, content } = await load(input.file, input.options, context);
  const store = new WorkspaceStore(attachWorkspaceDatabase(input.workspace, { ...context.sqlite, readonly: true }));
  let writer: ImportWriterClient | null = null;
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
      writer = new ImportWriterClient({
        script: context.workerScript,
        workspace: input.workspace,
        sqlite: context.sqlite,
        header: { kind: detection.kind, fileName: file.name, filePath: file.path, hash: file.hash, detection },
        replaceImportId: previous?.importId ?? null,
      });
      result.replacedImportId = previous?.importId ?? null;
    }
    const mapped = (field: string) => detection.mapping[field] !== null && detection.mapping[field] !== undefined;
    const optionalColumns = new Set<OptionalColumn>(
      ([['productId', 'productIds'], ['category', 'categories'], ['orderId', 'orderIds'], ['channel', 'channels'], ['customerName', 'customerNames'], ['region', 'regions']] as const).flatMap(([field, column]) =>
        mapped(field) ? [column] : [],
      ),
    );
    const transactions = new TransactionBatchBuilder(16_384, optionalColumns);
    let records: unknown[] = [];
    let issues: IssueRow[] = [];
    const flush = () => {
      if (!writer) return;
      if (transactions.size > 0) writer.transactions(transactions.take());
      if (records.length > 0) writer.records({ kind: detection.kind, rows: records } as Parameters<ImportWriterClient['records']>[0]);
      if (issues.length > 0) writer.issues(issues);
      records = [];
      issues = [];
    };
    const addIssue = (issue: IssueRow) => {
      if (!writer) return;
      issues.push(issue);
      if (issues.length === 5000) flush();
    };

    const reject = (issue: ImportIssue) => {
      result.rejectedCount++;
      if (result.rejected.length < ISSUE_LIMIT) result.rejected.push(issue);
      addIssue({ kind: 'rejected', line: issue.line, column: issue.column, value: issue.value, reason: issue.reason, ofLine: null });
    };
    const skip = (line: number, reason: string) => {
      result.skippedCount++;
      if (result.skipped.length < ISSUE_LIMIT) result.skipped.push({ line, reason });
      addIssue({ kind: 'skipped', line, column: null, value: null, reason, ofLine: null });
    };
    const duplicate = (row: DuplicateRow) => {
      result.duplicateCount++;
      if (result.duplicates.length < ISSUE_LIMIT) result.duplicates.push(row);
      addIssue({ kind: 'duplicate', line: row.line, column: null, value: null, reason: `repeats line ${row.of}`, ofLine: row.of });
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
      if ((++rows & 4095) === 0 && (context.shouldStop() || writer?.failed)) {
        stopped = true;
        return false;
      }
      let fields = raw.fields;
      if (isBlank(fields)) return skip(raw.line, 'blank line');
      if (raw.unclosedQuote) return reject({ line: raw.line, column: null, value: rowText(raw.start, raw.end, fields), reason: 'a quote is never closed' });
      if (isTotalLabel(fields[customerColumn] ?? '') || (customerColumn !== 0 && isTotalLabel(fields[0] ?? ''))) return skip(raw.line, 'total row');
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
      if (record.kind === 'transactions') {
        transactions.push(record.row);
        if (transactions.full) writer.transactions(transactions.take());
      } else {
        records.push(record.row);
        if (records.length === 5000) flush();
      }
    });
    if (stopped && !writer?.failed) throw new AppError('cancelled', 'Cancelled.');
    result.total = Math.round(result.total * 100) / 100;

    if (!writer) return result;
    flush();
    if (input.strict && result.rejectedCount > 0) {
      result.notCommittedReason = `${result.rejectedCount} rows were rejected and --strict was given: nothing was imported.`;
    } else if (result.accepted === 0) {
      result.notCommittedReason = 'No row of the file could be imported.';
    }
    context.progress('saving', 1, 1);
    const commit = result.notCommittedReason
      ? null
      : {
          counts: { accepted: result.accepted, rejected: result.rejectedCount, skipped: result.skippedCount, duplicates: result.duplicateCount },
          remember: { signature: detected.signature, kind: detection.kind, mapping: detection.mapping, options: { numberFormat: detection.numberFormat, dateFormat: detection.dateFormat, keyRules } },
        };
    const pending = writer;
    writer = null;
    result.importId = await pending.finish(commit);
    result.committed = result.importId !== null;
    if (!result.committed) result.replacedImportId = null;
    return result;
  } finally {
    // Anything that ends the import early (an error, a cancel) rolls the writer back.
    await writer?.finish(null).catch(() => undefined);
    store.close();
  }
}
