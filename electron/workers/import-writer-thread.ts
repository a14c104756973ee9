/**
 * The writing half of an import, in a thread of its own: while the importing thread reads and
 * checks rows, this one puts the previous batch into SQLite. The two share a small counter of
 * batches in flight, so the reader waits when the writer falls behind (memory stays bounded).
 */
import { fileURLToPath } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
import type { ApiErrorShape } from '../../shared/ipc/errors';
import { AppError } from '../../shared/ipc/errors';
import { attachWorkspaceDatabase } from '../db/connection';
import { AlreadyImported, ImportWriter, type ImportHeader, type IssueRow } from '../db/import-writer';
import type { SqliteOptions } from '../db/sqlite';
import { transferables, type TransactionBatch } from '../db/transaction-batch';
import type { CustomerRecord, MarketingSpendRecord, ProductRecord, ProspectRecord } from '../../shared/domain/records';
import type { CostRow } from '../db/import-writer';
import type { ImportKind } from '../../shared/domain/import';
import { toAppError } from '../services/api/to-app-error';

type Records =
  | { kind: 'customers'; rows: CustomerRecord[] }
  | { kind: 'costs'; rows: CostRow[] }
  | { kind: 'products'; rows: ProductRecord[] }
  | { kind: 'marketing'; rows: MarketingSpendRecord[] }
  | { kind: 'prospects'; rows: ProspectRecord[] };

export interface CommitRequest {
  counts: { accepted: number; rejected: number; skipped: number; duplicates: number };
  remember: { signature: string; kind: ImportKind; mapping: Record<string, number | null>; options: object };
}

type ToWriter =
  | { type: 'begin'; workspace: string; sqlite: SqliteOptions; header: ImportHeader; flags: SharedArrayBuffer }
  | { type: 'transactions'; batch: TransactionBatch }
  | { type: 'records'; records: Records }
  | { type: 'issues'; issues: IssueRow[] }
  | { type: 'commit'; request: CommitRequest }
  | { type: 'rollback' };

type FromWriter =
  | { type: 'done'; importId: number | null; replacedImportIds: number[] }
  | { type: 'skipped'; previous: AlreadyImported['previous'] }
  | { type: 'failed'; error: ApiErrorShape; detail: string | null };

/** How a writer ended: committed (with the earlier imports it replaced), rolled back, or not begun as the file was imported already. */
export type WriterOutcome = { importId: number | null; replacedImportIds: number[] } | { alreadyImported: AlreadyImported['previous'] };

/** Flags shared by the two threads: [batches in flight, failed]. */
const IN_FLIGHT = 0;
const FAILED = 1;
/** Batches the reader may be ahead by: enough to ride out the writer's uneven pace, few enough to bound memory. */
const MAX_IN_FLIGHT = 8;

/** The writer thread's loop; worker-entry runs it when started with the role "import-writer". */
export function runImportWriterThread(): void {
  const port = parentPort;
  if (!port) throw new Error('the import writer must run in a worker thread');
  let writer: ImportWriter | null = null;
  let flags: Int32Array | null = null;
  let failed = false;
  const settle = () => {
    if (!flags) return;
    Atomics.sub(flags, IN_FLIGHT, 1);
    Atomics.notify(flags, IN_FLIGHT);
  };
  port.on('message', (message: ToWriter) => {
    if (failed) return settle();
    try {
      switch (message.type) {
        case 'begin': {
          flags = new Int32Array(message.flags);
          const db = attachWorkspaceDatabase(message.workspace, { ...message.sqlite, readonly: false });
          try {
            writer = new ImportWriter(db, message.header);
          } catch (error) {
            db.close();
            throw error;
          }
          writer.removeReplaced();
          break;
        }
        case 'transactions':
          writer?.addTransactions(message.batch);
          break;
        case 'records': {
          const records = message.records;
          if (records.kind === 'customers') for (const row of records.rows) writer?.upsertCustomer(row);
          else if (records.kind === 'costs') for (const row of records.rows) writer?.addCost(row);
          else if (records.kind === 'products') for (const row of records.rows) writer?.upsertProduct(row);
          else if (records.kind === 'marketing') for (const row of records.rows) writer?.addSpend(row);
          else for (const row of records.rows) writer?.upsertProspect(row);
          break;
        }
        case 'issues':
          for (const issue of message.issues) writer?.addIssue(issue);
          break;
        case 'commit':
          writer?.commit(message.request.counts, message.request.remember);
          port.postMessage({ type: 'done', importId: writer?.importId ?? null, replacedImportIds: writer?.replacedImportIds ?? [] } satisfies FromWriter);
          // The import is committed and answered; the log is copied into the file meanwhile.
          try {
            writer?.checkpoint();
          } catch {
            // The log then stays until the next checkpoint: nothing is lost.
          }
          writer?.close();
          port.close();
          break;
        case 'rollback':
          writer?.rollback();
          port.postMessage({ type: 'done', importId: null, replacedImportIds: [] } satisfies FromWriter);
          writer?.close();
          port.close();
          break;
      }
    } catch (error) {
      failed = true;
      writer?.rollback();
      if (flags) Atomics.store(flags, FAILED, 1);
      if (error instanceof AlreadyImported) {
        port.postMessage({ type: 'skipped', previous: error.previous } satisfies FromWriter);
        settle();
        return;
      }
      const appError = toAppError(error);
      port.postMessage({ type: 'failed', error: appError.toShape(), detail: appError.code === 'internal' && error instanceof Error ? (error.stack ?? null) : null } satisfies FromWriter);
    }
    settle();
  });
}

/** The importing thread's handle on its writer. */
export class ImportWriterClient {
  private readonly worker: Worker;
  private readonly flags = new Int32Array(new SharedArrayBuffer(8));
  private readonly reply: Promise<FromWriter>;
  private begun = false;

  /** Starts the thread; `begin` then opens the import. (Starting takes a while: do it early.) */
  constructor(private readonly options: { script: URL | string; sqlite: SqliteOptions }) {
    this.worker = new Worker(options.script, { resourceLimits: { maxYoungGenerationSizeMb: 32 }, workerData: { role: 'import-writer', sqlite: options.sqlite, script: typeof options.script === 'string' ? options.script : fileURLToPath(options.script) } });
    this.reply = new Promise((resolve) => {
      this.worker.on('message', (message: FromWriter) => {
        // A failure ends the import; a 'done' is the answer to commit or rollback.
        resolve(message);
      });
      this.worker.on('error', (error) => resolve({ type: 'failed', error: toAppError(error).toShape(), detail: error.stack ?? null }));
      this.worker.on('exit', (code) => resolve({ type: 'failed', error: new AppError('taskStopped', { exit: code }).toShape(), detail: null }));
    });
  }

  begin(options: { workspace: string; header: ImportHeader }): void {
    this.begun = true;
    this.send({ type: 'begin', workspace: options.workspace, sqlite: this.options.sqlite, header: options.header, flags: this.flags.buffer as SharedArrayBuffer });
  }

  /** True once the writer has failed; the reader stops and `finish` reports why. */
  get failed(): boolean {
    return Atomics.load(this.flags, FAILED) === 1;
  }

  private send(message: ToWriter, transfer: ArrayBuffer[] = []): void {
    // Wait (this thread only) while the writer has enough to do.
    while (Atomics.load(this.flags, IN_FLIGHT) >= MAX_IN_FLIGHT && !this.failed) Atomics.wait(this.flags, IN_FLIGHT, Atomics.load(this.flags, IN_FLIGHT), 50);
    Atomics.add(this.flags, IN_FLIGHT, 1);
    this.worker.postMessage(message, transfer);
  }

  transactions(batch: TransactionBatch): void {
    this.send({ type: 'transactions', batch }, transferables(batch));
  }

  records(records: Records): void {
    this.send({ type: 'records', records });
  }

  issues(issues: IssueRow[]): void {
    this.send({ type: 'issues', issues });
  }

  /** Commit (or roll back) and wait for the writer; throws the writer's error if it failed. */
  async finish(request: CommitRequest | null): Promise<WriterOutcome> {
    if (!this.begun) {
      // Nothing was opened (the import ended before it began): nothing to roll back.
      await this.worker.terminate();
      return { importId: null, replacedImportIds: [] };
    }
    if (!this.failed) this.send(request ? { type: 'commit', request } : { type: 'rollback' });
    const reply = await this.reply;
    if (reply.type === 'failed') {
      await this.worker.terminate();
      throw AppError.fromShape(reply.error);
    }
    if (reply.type === 'skipped') {
      await this.worker.terminate();
      return { alreadyImported: reply.previous };
    }
    // After 'done' the writer finishes its checkpoint and ends by itself.
    return { importId: reply.importId, replacedImportIds: reply.replacedImportIds };
  }
}
