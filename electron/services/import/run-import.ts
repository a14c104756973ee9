/**
 * An import from start to end, in three phases: open (read and decode the file, detect or take the
 * person's layout, start the writer), read (every row into a record or an issue; a platform
 * export's rows through its profile first), finish (the warnings, then commit or roll back). `check`
 * mode does everything but write: the wizard's validation step and the CLI's --dry-run. Runs in a
 * worker thread.
 *
 * Duplicates: a row that repeats an earlier one exactly is dropped when the file has order ids (the
 * same order line twice), and kept but reported as a possible duplicate when it has none — two
 * identical purchases on one day are real (CDNOW has 21) — unless the person asks to drop those too.
 *
 * Warnings hold the commit until the person says yes (`acceptWarnings`): over 2 % of rows rejected,
 * more than a handful of rows with no customer, a file of sales read as something else, more than
 * one currency, statuses the profile does not know. Dates that read both day- and month-first hold
 * it until the person says which (`dateFormat`).
 */
import { DEFAULT_CUSTOMER_KEY_RULES } from '../../../shared/domain/customer-key';
import { todayEpochDay } from '../../../shared/domain/dates';
import type { ErrorParams } from '../../../shared/domain/error-messages';
import {
  describeIssue, ISSUE_LIMIT, type DuplicateRow, type ImportIssue, type ImportOptions, type ImportPreview, type ImportResult, type ImportWarning, type IssueCode, type IssueParams,
} from '../../../shared/domain/import';
import { AppError } from '../../../shared/ipc/errors';
import { attachWorkspaceDatabase } from '../../db/connection';
import type { IssueRow } from '../../db/import-writer';
import { TransactionBatchBuilder, type OptionalColumn } from '../../db/transaction-batch';
import { ImportWriterClient } from '../../workers/import-writer-thread';
import { WorkspaceStore } from '../../db/queries';
import type { SqliteOptions } from '../../db/sqlite';
import { detect, columnSamples, type Detected, type RememberedMapping } from './detect';
import { createRowReader, isTotalLabel, missingRequiredFields, type ImportedRecord, type RowReader } from './rows';
import { DuplicateFinder } from './duplicates';
import { ProfileRows, type ProfileEvents } from './profile-rows';
import { readSource, type SourceContent, type SourceFile } from './source';
import { forEachRow, isBlank, type RawRow, type RowRun } from './table';
import { numberParser } from './values/numbers';

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
  /** The person has seen the warnings and imports anyway. */
  acceptWarnings?: boolean;
  /** Keep the values of rejected cells in the import log (the app setting; kept when not said). */
  keepRejectedValues?: boolean;
}

const PREVIEW_ROWS = 50;
/** Accepted transactions per batch handed to the writer thread: small enough that a batch's text dies young. */
const TRANSACTION_BATCH_ROWS = 4096;
const VALUE_PREVIEW = 120;
/** Least time between two progress reports while rows are read. */
const PROGRESS_MS = 100;
/** Rejected rows beyond this share of the file need the person's yes. */
const REJECTED_SHARE = 0.02;
/** Rows without a customer beyond this many need the person's yes. */
const UNKNOWN_ROWS = 5;

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
    requireDataRows(detected, file.name);
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

/** A file with no line at all, or a header and nothing under it, is said so before any preview. */
function requireDataRows(detected: Detected, name: string): void {
  if (detected.sampleRows.some((row) => row.fields.some((field) => field.trim() !== ''))) return;
  throw new AppError(detected.headers.some((header) => header !== '') ? 'fileHeaderOnly' : 'fileEmpty', { name });
}

/** About how many rows a text has, from the length of the rows detection read. */
function expectedRows(content: SourceContent, sample: readonly RawRow[]): number {
  if (content.format !== 'text' || sample.length === 0) return 0;
  const last = sample[sample.length - 1] as RawRow;
  const first = sample[0] as RawRow;
  return Math.ceil((content.text.length / Math.max(1, last.end - first.start)) * sample.length);
}

function emptyResult(detected: Detected): ImportResult {
  return {
    kind: detected.detection.kind, accepted: 0, rejectedCount: 0, skippedCount: 0, duplicateCount: 0, possibleDuplicateCount: 0, rejected: [], skipped: [], duplicates: [], total: 0,
    detected: detected.detection, refunds: { count: 0, amount: 0 }, unknownCustomer: { rows: 0, amount: 0 }, warnings: [],
    importId: null, committed: false, notCommittedReason: null, notCommitted: null, replacedImportId: null,
  };
}

function notCommitted(result: ImportResult, key: NonNullable<ImportResult['notCommitted']>['key'], params: ErrorParams): ImportResult {
  result.notCommitted = { key, params };
  result.notCommittedReason = new AppError(key, params).message;
  return result;
}

/**
 * The issues of an import: counted, the first ISSUE_LIMIT kept for the reply, and (when the import
 * writes) all of them handed to the writer in batches.
 */
class ImportIssues {
  private pending: IssueRow[] = [];

  constructor(private readonly result: ImportResult, private readonly writer: ImportWriterClient | null) {}

  private add(issue: IssueRow): void {
    if (!this.writer) return;
    this.pending.push(issue);
    if (this.pending.length === 5000) this.flush();
  }

  flush(): void {
    if (this.writer && this.pending.length > 0) this.writer.issues(this.pending);
    this.pending = [];
  }

  reject(issue: ImportIssue & { code: IssueCode }): void {
    this.result.rejectedCount++;
    if (this.result.rejected.length < ISSUE_LIMIT) this.result.rejected.push(issue);
    this.add({ kind: 'rejected', line: issue.line, column: issue.column, value: issue.value, reason: issue.reason, code: issue.code, params: issue.params, ofLine: null });
  }

  skip(line: number, code: 'blank_line' | 'total_row' | 'group_row' | 'status_skipped', params: IssueParams = {}): void {
    const reason = describeIssue(code, params);
    this.result.skippedCount++;
    if (this.result.skipped.length < ISSUE_LIMIT) this.result.skipped.push({ line, reason, code, params });
    this.add({ kind: 'skipped', line, column: null, value: null, reason, code, params, ofLine: null });
  }

  duplicate(row: DuplicateRow, kept: boolean): void {
    const code = kept ? 'possible_duplicate' : 'duplicate';
    if (kept) this.result.possibleDuplicateCount++;
    else this.result.duplicateCount++;
    if (this.result.duplicates.length < ISSUE_LIMIT) this.result.duplicates.push(kept ? { ...row, kept } : row);
    this.add({ kind: 'duplicate', line: row.line, column: null, value: null, reason: describeIssue(code, { of: row.of }), code, params: { of: row.of }, ofLine: row.of });
  }
}

/** Everything the reading phase works with. */
interface ImportRun {
  input: RunImportInput;
  context: ImportContext;
  file: SourceFile;
  content: SourceContent;
  detected: Detected;
  result: ImportResult;
  writer: ImportWriterClient | null;
  issues: ImportIssues;
  reader: RowReader;
  profile: ProfileRows | null;
  /** Where the profile hands its rows (set by the reading phase). */
  profileEvents: ProfileEvents;
  transactions: TransactionBatchBuilder;
  records: ImportedRecord[];
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
    requireDataRows(detected, file.name);
    checkCanImport(detected);
    const result = emptyResult(detected);
    const previous = input.mode === 'commit' ? store.findImportByHash(file.hash) : null;
    // The writer checks again under the write lock (another import of the file may commit meanwhile).
    if (previous && input.onPreviousImport === 'skip') return notCommitted(result, 'importAlreadyDone', { date: previous.importedAt.slice(0, 10), name: previous.fileName });
    writer?.begin({
      workspace: input.workspace,
      header: { kind: detected.detection.kind, fileName: file.name, hash: file.hash, keepValues: input.keepRejectedValues !== false, detection: detected.detection, onPreviousImport: input.onPreviousImport },
    });
    const run = openRun(input, context, file, content, detected, result, writer);
    readRows(run);
    run.issues.flush();
    flushRecords(run);
    const pending = writer;
    writer = null;
    return await finish(run, pending);
  } finally {
    // Anything that ends the import early (an error, a cancel) rolls the writer back.
    await writer?.finish(null).catch(() => undefined);
    store?.close();
  }
}

/** Refuses a file that cannot be imported as what it was taken for, before any row is read. */
function checkCanImport(detected: Detected): void {
  const { detection, profile } = detected;
  if (profile && profile.key.length === 0 && profile.grain !== 'grouped') throw new AppError('profileNoCustomer', { profile: profile.label });
  const missing = missingRequiredFields(detection.kind, detection.mapping);
  if (missing.length > 0) throw new AppError('importMissingColumns', { kind: detection.kind, fields: missing.join(', ') });
}

function openRun(input: RunImportInput, context: ImportContext, file: SourceFile, content: SourceContent, detected: Detected, result: ImportResult, writer: ImportWriterClient | null): ImportRun {
  const { detection, headers } = detected;
  const issues = new ImportIssues(result, writer);
  const events: ProfileEvents = {
    row: () => undefined,
    skip: (line: number, why: { code: 'status_skipped'; status: string; reason: string } | { code: 'group_row' | 'total_row' }) =>
      why.code === 'status_skipped' ? issues.skip(line, why.code, { status: why.status, reason: why.reason }) : issues.skip(line, why.code),
    reject: (line: number, column: string, value: string, code: 'not_a_number' | 'missing') => issues.reject({ line, column, value, reason: describeIssue(code, { column }), code, params: { column } }),
  };
  const profile = detected.profile ? new ProfileRows(detected.profile, headers, numberParser(detection.numberFormat), input.options.taxShipping ?? 'exclude', events) : null;
  // A profile hands on plain rows in its own layout, numbers written plainly.
  const mapping = profile ? profile.mapping : detection.mapping;
  const mapped = (field: string) => mapping[field] !== null && mapping[field] !== undefined;
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
      headers: profile ? profile.headers : headers,
      mapping,
      numberFormat: profile ? { decimal: '.', thousands: '' } : detection.numberFormat,
      dateFormat: detection.dateFormat,
      keyRules: input.options.keyRules ?? DEFAULT_CUSTOMER_KEY_RULES,
      // One day of slack for exports made in a time zone ahead of UTC.
      latestDay: todayEpochDay() + 1,
    },
    { transactions, records },
  );
  return { input, context, file, content, detected, result, writer, issues, reader, profile, profileEvents: events, transactions, records };
}

/** Hands full batches of accepted rows to the writer (or drops them when only checking). */
function flushRecords(run: ImportRun): void {
  const { writer, transactions, records, detected } = run;
  if (transactions.size > 0) {
    const batch = transactions.take();
    writer?.transactions(batch);
  }
  // Sending copies the rows: the array is reused.
  if (records.length > 0) writer?.records({ kind: detected.detection.kind, rows: records } as Parameters<ImportWriterClient['records']>[0]);
  records.length = 0;
}

/** The reading phase: every row of the file through the reader (and the profile), into batches and issues. */
function readRows(run: ImportRun): void {
  const { input, context, content, detected, result, writer, issues, reader, profile, transactions, records } = run;
  const { detection, headers } = detected;
  const width = headers.length;
  const customerColumn = detection.mapping.customerId ?? detection.mapping.productId ?? detection.mapping.prospectId ?? detection.mapping.channel ?? 0;
  // Exact repeats: dropped when order ids tell the same line twice, else kept and reported.
  const hasOrderIds = profile ? profile.mapping.orderId !== null : detection.mapping.orderId !== null && detection.mapping.orderId !== undefined;
  const dropRepeats = hasOrderIds || input.options.dropPossibleDuplicates === true;
  const duplicates = input.options.keepDuplicates ? null : new DuplicateFinder(content.format === 'text' ? content.text : null, expectedRows(content, detected.sampleRows));
  const text = content.format === 'text' ? content.text : '';
  const rowText = (start: number, end: number, fields: readonly string[]) => (content.format === 'text' ? text.slice(start, end).replace(/\r?\n$/, '') : fields.join(', ')).slice(0, VALUE_PREVIEW);
  let stopped = false;
  let rows = 0;

  /** Reads one row in the reader's layout: its value when accepted (the row is then in a batch), else null (an issue). */
  const accept = (fields: readonly string[], line: number): number | null => {
    const value = reader.read(fields);
    if (typeof value === 'number') return value;
    issues.reject({ line, column: value.column, value: value.value, reason: value.reason, code: value.code, params: value.params });
    return null;
  };
  /** Counts an accepted row and hands full batches on. */
  const count = (value: number) => {
    result.accepted++;
    result.total += value;
    if (value < 0 && !profile) {
      result.refunds.count++;
      result.refunds.amount -= value;
    }
    if (transactions.full) {
      const batch = transactions.take();
      writer?.transactions(batch);
    } else if (records.length === 5000) flushRecords(run);
  };
  run.profileEvents.row = (fields, line) => {
    const value = accept(fields, line);
    if (value !== null) count(value);
  };

  // A report at most every PROGRESS_MS (and the first and last): each one wakes the thread that
  // receives it, which on a busy machine takes a core from the import for a moment.
  let reported = Number.NEGATIVE_INFINITY;
  const onProgress = (done: number, total: number) => {
    const now = performance.now();
    if (done < total && done > 0 && now - reported < PROGRESS_MS) return;
    reported = now;
    context.progress(input.mode === 'check' ? 'checking' : 'importing', done, total);
  };
  const lookAhead = (run: RowRun) => {
    duplicates?.lookAhead(run.starts, run.ends, run.count);
    if (!profile) reader.lookAhead(run.fields, run.count);
  };
  forEachRow(content, { delimiter: detection.delimiter, onProgress, lookAhead }, (cells, line, start, end, unclosedQuote) => {
    if (line <= detection.headerLine) return;
    if ((++rows & 4095) === 0 && (context.shouldStop() || writer?.failed)) {
      stopped = true;
      return false;
    }
    let fields = cells;
    if (isBlank(fields)) return issues.skip(line, 'blank_line');
    if (unclosedQuote) return issues.reject({ line, column: null, value: rowText(start, end, fields), reason: describeIssue('unclosed_quote', {}), code: 'unclosed_quote', params: {} });
    if (!profile && (isTotalLabel(fields[customerColumn] ?? '') || (customerColumn !== 0 && isTotalLabel(fields[0] ?? '')))) return issues.skip(line, 'total_row');
    if (content.format === 'xlsx' && fields.length !== width) {
      // Spreadsheets omit trailing empty cells; only cells beyond the header's are an error.
      if (fields.length < width) fields = [...fields, ...new Array<string>(width - fields.length).fill('')];
      else if (fields.slice(width).every((field) => field === '')) fields = fields.slice(0, width);
    }
    if (fields.length !== width && !(profile && fields.length < width)) {
      const params = { expected: width, found: fields.length };
      return issues.reject({ line, column: null, value: rowText(start, end, fields), reason: describeIssue('field_count', params), code: 'field_count', params });
    }
    if (profile) {
      // A platform's rows are grouped into orders first: a repeat is told before it joins one.
      const of = duplicates?.check(fields, start, end, line) ?? null;
      if (of !== null) {
        issues.duplicate({ line, of }, !dropRepeats);
        if (dropRepeats) return;
      }
      return profile.push(fields, line);
    }
    // An accepted row is already in the batch (or records); a repeat dropped is taken back out.
    const value = accept(fields, line);
    if (value === null) return;
    const of = duplicates?.check(fields, start, end, line) ?? null;
    if (of !== null) {
      issues.duplicate({ line, of }, !dropRepeats);
      if (dropRepeats) {
        if (detection.kind === 'transactions') transactions.pop();
        else records.pop();
        return;
      }
    }
    count(value);
  });
  profile?.finish();
  if (stopped && !writer?.failed) throw new AppError('cancelled');
  result.total = Math.round(result.total * 100) / 100;
  result.unknownCustomer = { rows: reader.unknown.rows, amount: Math.round(reader.unknown.amount * 100) / 100 };
  if (profile) result.refunds = { count: profile.stats.refunds.count, amount: Math.round(profile.stats.refunds.amount * 100) / 100 };
  else result.refunds.amount = Math.round(result.refunds.amount * 100) / 100;
}

/** What needs the person's yes before this import commits. */
function warningsOf(run: ImportRun): ImportWarning[] {
  const { result, detected, profile } = run;
  const { detection } = detected;
  const warnings: ImportWarning[] = [];
  const read = result.accepted + result.rejectedCount;
  if (read > 0 && result.rejectedCount / read > REJECTED_SHARE) warnings.push({ code: 'rejected_share', params: { count: result.rejectedCount, share: result.rejectedCount / read } });
  if (result.unknownCustomer.rows > UNKNOWN_ROWS) warnings.push({ code: 'unknown_customers', params: { rows: result.unknownCustomer.rows, amount: result.unknownCustomer.amount } });
  if (detection.salesLike && (detection.kind === 'customers' || detection.kind === 'products' || detection.kind === 'prospects')) warnings.push({ code: 'sales_not_transactions', params: { kind: detection.kind } });
  if (profile && profile.stats.currencies.size > 1) warnings.push({ code: 'mixed_currency', params: { currencies: [...profile.stats.currencies].sort().join(', ') } });
  if (profile && profile.stats.unknownStatuses.size > 0) {
    const statuses = [...profile.stats.unknownStatuses].map(([status, rows]) => `${status} (${rows})`).join(', ');
    warnings.push({ code: 'unknown_statuses', params: { statuses } });
  }
  if (detection.dateAmbiguous) {
    const dateColumn = profile ? profile.dateColumn() : detection.mapping.date;
    const example = dateColumn === null || dateColumn === undefined ? '' : (columnSamples(detected.sampleRows, dateColumn, 1)[0] ?? '');
    warnings.push({ code: 'ambiguous_dates', params: { example } });
  }
  return warnings;
}

/** The finishing phase: warnings, then the commit (or the reason there is none). */
async function finish(run: ImportRun, writer: ImportWriterClient | null): Promise<ImportResult> {
  const { input, detected, result } = run;
  result.warnings = warningsOf(run);
  if (!writer) return result;
  const ambiguous = result.warnings.find((warning) => warning.code === 'ambiguous_dates');
  if (ambiguous) notCommitted(result, 'importDatesAmbiguous', { example: ambiguous.params.example ?? '' });
  else if (input.strict && result.rejectedCount > 0) notCommitted(result, 'importStrictRejected', { count: result.rejectedCount });
  else if (result.accepted === 0) notCommitted(result, 'importNoRows', {});
  else if (result.warnings.length > 0 && !input.acceptWarnings) notCommitted(result, 'importWarnings', { count: result.warnings.length });
  run.context.progress('saving', 1, 1);
  const { detection } = detected;
  const commit = result.notCommitted
    ? null
    : {
        counts: { accepted: result.accepted, rejected: result.rejectedCount, skipped: result.skippedCount, duplicates: result.duplicateCount },
        remember: {
          signature: detected.signature,
          kind: detection.kind,
          mapping: detection.mapping,
          options: { numberFormat: detection.numberFormat, dateFormat: detection.dateFormat, keyRules: input.options.keyRules ?? DEFAULT_CUSTOMER_KEY_RULES, profile: detection.profile?.name ?? 'none' },
        },
      };
  const outcome = await writer.finish(commit);
  if ('alreadyImported' in outcome) return notCommitted(result, 'importAlreadyDone', { date: outcome.alreadyImported.importedAt.slice(0, 10), name: outcome.alreadyImported.fileName });
  result.importId = outcome.importId;
  result.committed = result.importId !== null;
  result.replacedImportId = result.committed ? (outcome.replacedImportIds[outcome.replacedImportIds.length - 1] ?? null) : null;
  return result;
}
