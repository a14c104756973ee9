/**
 * An import from start to end: read and decode the file, detect (or take the person's) layout,
 * read every row into a record or an issue, and write it all in one transaction. `check` mode
 * does everything but write (the wizard's validation step). Runs in a worker thread.
 */
import { DEFAULT_CUSTOMER_KEY_RULES } from '../../../shared/domain/customer-key';
import { todayEpochDay } from '../../../shared/domain/dates';
import { describeIssue, ISSUE_LIMIT, type DuplicateRow, type ImportIssue, type ImportOptions, type ImportPreview, type ImportResult, type IssueCode, type IssueParamsOf } from '../../../shared/domain/import';
import type { ErrorParams } from '../../../shared/domain/error-messages';
import { AppError } from '../../../shared/ipc/errors';
import { attachWorkspaceDatabase } from '../../db/connection';
import type { IssueRow } from '../../db/import-writer';
import { TransactionBatchBuilder, type OptionalColumn } from '../../db/transaction-batch';
import { ImportWriterClient } from '../../workers/import-writer-thread';
import { WorkspaceStore } from '../../db/queries';
import type { SqliteOptions } from '../../db/sqlite';
import { detect, columnSamples, type RememberedMapping } from './detect';
import { createRowReader, isTotalLabel, missingRequiredFields, type ImportedRecord } from './rows';
import { DuplicateFinder } from './duplicates';
import { readSource, type SourceContent } from './source';
import { forEachRow, isBlank, type RawRow, type RowRun } from './table';

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
/** Accepted transactions per batch handed to the writer thread: small enough that a batch's text dies young. */
const TRANSACTION_BATCH_ROWS = 4096;
const VALUE_PREVIEW = 120;
/** Least time between two progress reports while rows are read. */
const PROGRESS_MS = 100;

function recaller(store: WorkspaceStore): (signature: string) => RememberedMapping | null {
  return (signature) => store.recallMapping(signature) as RememberedMapping | null;
}

async function load(path: string, options: ImportOptions, context: ImportContext, hash = true) {
  context.progress('reading', 0, 1);
  return readSource(path, options.encoding, { hash });
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

/** About how many rows a text has, from the length of the rows detection read. */
function expectedRows(content: SourceContent, sample: readonly RawRow[]): number {
  if (content.format !== 'text' || sample.length === 0) return 0;
  const last = sample[sample.length - 1] as RawRow;
  const first = sample[0] as RawRow;
  return Math.ceil((content.text.length / Math.max(1, last.end - first.start)) * sample.length);
}

export async function runImport(input: RunImportInput, context: ImportContext): Promise<ImportResult> {
  // The writer thread starts while this one reads the file.
  let writer = input.mode === 'commit' ? new ImportWriterClient({ script: context.workerScript, sqlite: context.sqlite }) : null;
  let store: WorkspaceStore | null = null;
  try {
    // Only a commit needs the file's hash (to tell a file imported before).
    const { file, content } = await load(input.file, input.options, context, input.mode === 'commit');
    store = new WorkspaceStore(attachWorkspaceDatabase(input.workspace, { ...context.sqlite, readonly: true }));
    const detected = detect(content, input.options, recaller(store));
    const { detection, headers } = detected;
    const missing = missingRequiredFields(detection.kind, detection.mapping);
    if (missing.length > 0) {
      throw new AppError('importMissingColumns', { kind: detection.kind, fields: missing.join(', ') });
    }
    const keyRules = input.options.keyRules ?? DEFAULT_CUSTOMER_KEY_RULES;

    const previous = input.mode === 'commit' ? store.findImportByHash(file.hash) : null;
    const result: ImportResult = {
      kind: detection.kind, accepted: 0, rejectedCount: 0, skippedCount: 0, duplicateCount: 0, rejected: [], skipped: [], duplicates: [], total: 0,
      detected: detection, importId: null, committed: false, notCommittedReason: null, notCommitted: null, replacedImportId: null,
    };
    const notCommitted = (key: NonNullable<ImportResult['notCommitted']>['key'], params: ErrorParams) => {
      result.notCommitted = { key, params };
      result.notCommittedReason = new AppError(key, params).message;
    };
    const alreadyImported = (earlier: { importedAt: string; fileName: string }) => {
      notCommitted('importAlreadyDone', { date: earlier.importedAt.slice(0, 10), name: earlier.fileName });
      return result;
    };
    // The writer checks again under the write lock (another import of the file may commit meanwhile).
    if (input.mode === 'commit' && previous && input.onPreviousImport === 'skip') return alreadyImported(previous);
    writer?.begin({
      workspace: input.workspace,
      header: { kind: detection.kind, fileName: file.name, filePath: file.path, hash: file.hash, detection, onPreviousImport: input.onPreviousImport },
    });
    const mapped = (field: string) => detection.mapping[field] !== null && detection.mapping[field] !== undefined;
    const optionalColumns = new Set<OptionalColumn>(
      ([['productId', 'productIds'], ['category', 'categories'], ['orderId', 'orderIds'], ['channel', 'channels'], ['customerName', 'customerNames'], ['region', 'regions']] as const).flatMap(([field, column]) =>
        mapped(field) ? [column] : [],
      ),
    );
    const transactions = new TransactionBatchBuilder(TRANSACTION_BATCH_ROWS, optionalColumns);
    const records: ImportedRecord[] = [];
    const reader = createRowReader(
      {
        kind: detection.kind,
        headers,
        mapping: detection.mapping,
        numberFormat: detection.numberFormat,
        dateFormat: detection.dateFormat,
        keyRules,
        // One day of slack for exports made in a time zone ahead of UTC.
        latestDay: todayEpochDay() + 1,
      },
      { transactions, records },
    );
    let issues: IssueRow[] = [];
    const flush = () => {
      if (!writer) return;
      if (transactions.size > 0) writer.transactions(transactions.take());
      // Sending copies the rows: the array is reused.
      if (records.length > 0) writer.records({ kind: detection.kind, rows: records } as Parameters<ImportWriterClient['records']>[0]);
      if (issues.length > 0) writer.issues(issues);
      records.length = 0;
      issues = [];
    };
    const addIssue = (issue: IssueRow) => {
      if (!writer) return;
      issues.push(issue);
      if (issues.length === 5000) flush();
    };

    const reject = (issue: ImportIssue & { code: IssueCode }) => {
      result.rejectedCount++;
      if (result.rejected.length < ISSUE_LIMIT) result.rejected.push(issue);
      addIssue({ kind: 'rejected', line: issue.line, column: issue.column, value: issue.value, reason: issue.reason, code: issue.code, params: issue.params, ofLine: null });
    };
    /** A rejection of the whole row (no one cell at fault). */
    const rejectRow = <C extends 'unclosed_quote' | 'field_count'>(line: number, value: string, code: C, params: IssueParamsOf[C]) =>
      reject({ line, column: null, value, reason: describeIssue(code, params), code, params });
    const skip = (line: number, code: 'blank_line' | 'total_row') => {
      const reason = describeIssue(code, {});
      result.skippedCount++;
      if (result.skipped.length < ISSUE_LIMIT) result.skipped.push({ line, reason, code, params: {} });
      addIssue({ kind: 'skipped', line, column: null, value: null, reason, code, params: {}, ofLine: null });
    };
    const duplicate = (row: DuplicateRow) => {
      result.duplicateCount++;
      if (result.duplicates.length < ISSUE_LIMIT) result.duplicates.push(row);
      addIssue({ kind: 'duplicate', line: row.line, column: null, value: null, reason: describeIssue('duplicate', { of: row.of }), code: 'duplicate', params: { of: row.of }, ofLine: row.of });
    };

    const width = headers.length;
    const customerColumn = detection.mapping.customerId ?? detection.mapping.productId ?? detection.mapping.prospectId ?? detection.mapping.channel ?? 0;
    const duplicates = input.options.keepDuplicates ? null : new DuplicateFinder(content.format === 'text' ? content.text : null, expectedRows(content, detected.sampleRows));
    const text = content.format === 'text' ? content.text : '';
    const rowText = (start: number, end: number, fields: readonly string[]) =>
      (content.format === 'text' ? text.slice(start, end).replace(/\r?\n$/, '') : fields.join(', ')).slice(0, VALUE_PREVIEW);
    let stopped = false;
    let rows = 0;

    // A report at most every PROGRESS_MS (and the first and last): each one wakes the thread that
    // receives it, which on a busy machine takes a core from the import for a moment.
    let reported = Number.NEGATIVE_INFINITY;
    const onProgress = (done: number, total: number) => {
      const now = performance.now();
      if (done < total && done > 0 && now - reported < PROGRESS_MS) return;
      reported = now;
      context.progress(input.mode === 'check' ? 'checking' : 'importing', done, total);
    };
    const lookAhead = (rows: RowRun) => {
      duplicates?.lookAhead(rows.starts, rows.ends, rows.count);
      reader.lookAhead(rows.fields, rows.count);
    };
    forEachRow(content, { delimiter: detection.delimiter, onProgress, lookAhead }, (cells, line, start, end, unclosedQuote) => {
      if (line <= detection.headerLine) return;
      if ((++rows & 4095) === 0 && (context.shouldStop() || writer?.failed)) {
        stopped = true;
        return false;
      }
      let fields = cells;
      if (isBlank(fields)) return skip(line, 'blank_line');
      if (unclosedQuote) return rejectRow(line, rowText(start, end, fields), 'unclosed_quote', {});
      if (isTotalLabel(fields[customerColumn] ?? '') || (customerColumn !== 0 && isTotalLabel(fields[0] ?? ''))) return skip(line, 'total_row');
      if (content.format === 'xlsx' && fields.length !== width) {
        // Spreadsheets omit trailing empty cells; only cells beyond the header's are an error.
        if (fields.length < width) fields = [...fields, ...new Array<string>(width - fields.length).fill('')];
        else if (fields.slice(width).every((field) => field === '')) fields = fields.slice(0, width);
      }
      if (fields.length !== width) return rejectRow(line, rowText(start, end, fields), 'field_count', { expected: width, found: fields.length });
      // An accepted row is already in the batch (or records); a repeat is taken back out.
      const value = reader.read(fields);
      if (typeof value !== 'number') return reject({ line, column: value.column, value: value.value, reason: value.reason, code: value.code, params: value.params });
      const of = duplicates?.check(fields, start, end, line) ?? null;
      if (of !== null) {
        if (detection.kind === 'transactions') transactions.pop();
        else records.pop();
        return duplicate({ line, of });
      }
      result.accepted++;
      result.total += value;
      // When only checking, full batches are dropped.
      if (transactions.full) {
        const batch = transactions.take();
        if (writer) writer.transactions(batch);
      } else if (records.length === 5000) {
        if (writer) flush();
        else records.length = 0;
      }
    });
    if (stopped && !writer?.failed) throw new AppError('cancelled');
    result.total = Math.round(result.total * 100) / 100;

    if (!writer) return result;
    flush();
    if (input.strict && result.rejectedCount > 0) notCommitted('importStrictRejected', { count: result.rejectedCount });
    else if (result.accepted === 0) notCommitted('importNoRows', {});
    context.progress('saving', 1, 1);
    const commit = result.notCommittedReason
      ? null
      : {
          counts: { accepted: result.accepted, rejected: result.rejectedCount, skipped: result.skippedCount, duplicates: result.duplicateCount },
          remember: { signature: detected.signature, kind: detection.kind, mapping: detection.mapping, options: { numberFormat: detection.numberFormat, dateFormat: detection.dateFormat, keyRules } },
        };
    const pending = writer;
    writer = null;
    const outcome = await pending.finish(commit);
    if ('alreadyImported' in outcome) return alreadyImported(outcome.alreadyImported);
    result.importId = outcome.importId;
    result.committed = result.importId !== null;
    result.replacedImportId = result.committed ? (outcome.replacedImportIds[outcome.replacedImportIds.length - 1] ?? null) : null;
    return result;
  } finally {
    // Anything that ends the import early (an error, a cancel) rolls the writer back.
    await writer?.finish(null).catch(() => undefined);
    store?.close();
  }
}
