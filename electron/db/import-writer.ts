/**
 * Writes one import into a workspace inside a single transaction: rows, customers they name,
 * the log entry with every issue, and the mapping to remember. Nothing is visible to anyone
 * else until `commit`; `rollback`, an exception or a killed process leave the workspace as it was.
 */
import type { ImportDetection, ImportKind, IssueCode, IssueParams } from '../../shared/domain/import';
import type { CustomerRecord, MarketingSpendRecord, ProductRecord, ProspectRecord } from '../../shared/domain/records';
import type { SqliteDatabase } from './sqlite';
import { TextColumnReader, type TransactionBatch } from './transaction-batch';
import { addToSummary, keepSummary, keptSummary, type StoreSummary, type SummaryAddition } from './workspace-summary';

export interface CostRow {
  customerKey: string;
  customerLabel: string;
  day: number;
  cost: number;
  kind: string | null;
}

export type IssueKind = 'rejected' | 'skipped' | 'duplicate';

export interface IssueRow {
  kind: IssueKind;
  line: number;
  column: string | null;
  value: string | null;
  /** In English; `code` and `params` say the same for the app to put into words. */
  reason: string;
  code: IssueCode;
  params: IssueParams;
  ofLine: number | null;
}

export interface ImportHeader {
  kind: ImportKind;
  /** The file's name only: a workspace keeps no path of the importer's disk. */
  fileName: string;
  hash: string;
  /** Keep the value of each rejected cell in the log (the app setting); else only line, column and reason. */
  keepValues: boolean;
  detection: ImportDetection;
  /** What to do when the workspace holds an import of the same content by the time this one begins. */
  onPreviousImport: 'replace' | 'skip';
}

/** An import of the same content is in the workspace already and the import was told to skip it. */
export class AlreadyImported extends Error {
  constructor(readonly previous: { importId: number; importedAt: string; fileName: string }) {
    super(`already imported as #${previous.importId}`);
  }
}

// Rows are inserted a few hundred at a time by one statement, its parameters passed as arguments
// (`run(...buffer)`): given one array, better-sqlite3 reads it element by element through V8's
// generic property lookup, which cost about a quarter of the writer's time.
const TRANSACTION_BATCH = 200;
const CUSTOMER_BATCH = 200;
const ISSUE_BATCH = 200;
/** Parameters of one issue row. */
const ISSUE_COLUMNS = 9;
/**
 * Page cache of the importing connection. Small on purpose: pages that do not fit are written to the
 * write-ahead log during the import (in this thread, while the rows are still being read) rather than
 * all at the commit, and the memory stays small; the pages an import keeps changing (the ends of the
 * tables, the customer index) fit.
 */
const IMPORT_CACHE_KIB = 8 * 1024;

/** The text columns of a transaction row that a file may leave out altogether, in the order they are bound. */
const TEXT_COLUMNS = [
  ['productIds', 'product_id'],
  ['categories', 'category'],
  ['orderIds', 'order_id'],
  ['channels', 'channel'],
] as const;

/**
 * The insert of transaction rows for the columns a file has: a column no row can fill (the file has
 * no such field) is left out of the statement rather than bound as NULL in every row (binding costs
 * about as much per value as SQLite's own work on it).
 */
type Statement = ReturnType<typeof multiRowInsert>;

interface TransactionInsert {
  /** Which of TEXT_COLUMNS are bound, as a bit mask. */
  shape: number;
  /** Parameters per row: customer_id, day, amount, cost, quantity, then the text columns bound. */
  width: number;
  batch: Statement;
  single: Statement;
  /** Parameters of the rows waiting for the next multi-row insert (a fixed array: emptying an array frees its storage). */
  buffer: (string | number | null)[];
  count: number;
}

/**
 * `INSERT OR FAIL INTO <into> VALUES (?, …), …`. Any failure rolls the whole import back, so a
 * failing statement need not undo its own earlier rows first: OR FAIL spares SQLite the statement
 * journal, a copy of every page the statement changes (for new customers, whose key index is
 * written all over, that copying was about 40% of their cost).
 */
function multiRowInsert(db: SqliteDatabase, into: string, columns: number, rows: number, constant?: number) {
  const tuple = `(${[...new Array<string>(columns).fill('?'), ...(constant === undefined ? [] : [String(constant)])].join(', ')})`;
  return db.prepare(`INSERT OR FAIL INTO ${into} VALUES ${new Array(rows).fill(tuple).join(', ')}`);
}

export class ImportWriter {
  readonly importId: number;
  /** Earlier imports of the same content that this one replaces (removed with `removeReplaced`). */
  readonly replacedImportIds: number[];
  private readonly customerIds = new Map<string, number>();
  /** The import's list of customers as its batches name them (key, label), and the id of each once a row has used it. */
  private readonly listedKeys: string[] = [];
  private readonly listedLabels: string[] = [];
  private listedIds = new Float64Array(1024);
  /** The ids of a batch's customers, read before its rows are written (see addTransactions). */
  private batchIds = new Float64Array(0);
  /** New customers get their ids here (the import holds the write lock), and are inserted in batches. */
  private nextCustomerId: number;
  private readonly customerBuffer: (string | number | null)[] = [];
  /** Customers from before this import that it has already given a name or region to. */
  private readonly described = new Set<number>();
  /** Customers from this id on are new: created with their name and region. */
  private readonly firstNewCustomerId: number;
  private transactionInsert: TransactionInsert | null = null;
  private readonly issueBuffer: (string | number | null)[] = [];
  private readonly statements;
  private open = true;
  private readonly keepValues: boolean;
  /**
   * The workspace's summary before this import, when one was kept for the data as they were: an
   * import that only adds orders adds its totals to it at the commit (workspace-summary.ts). Null
   * once the import changes anything else (customers' details, costs, products, spend, prospects,
   * a replaced import): the summary is then counted again when it is next asked for.
   */
  private summaryBefore: StoreSummary | null;
  private readonly added: SummaryAddition = { transactions: 0, revenue: 0, firstDay: Number.POSITIVE_INFINITY, lastDay: Number.NEGATIVE_INFINITY, customers: 0 };

  constructor(private readonly db: SqliteDatabase, header: ImportHeader) {
    this.keepValues = header.keepValues;
    // The writer itself gives every row an existing customer and import, so SQLite need not check
    // each reference again: foreign keys are off for the import's connection only.
    db.pragma('foreign_keys = OFF');
    db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
    // The commit only appends the import to the write-ahead log; copying the log into the database
    // file (tens of MB for a big import) is left to `checkpoint`, after the import has answered.
    db.pragma('wal_autocheckpoint = 0');
    db.exec('BEGIN IMMEDIATE');
    try {
      this.summaryBefore = keptSummary(db);
      // Checked here, under the write lock, not only before the file was read: two imports of one
      // file started together both saw no earlier import then, and both committed.
      const previous = db.prepare('SELECT id AS importId, imported_at AS importedAt, file_name AS fileName FROM imports WHERE content_hash = ? ORDER BY id').all(header.hash) as {
        importId: number;
        importedAt: string;
        fileName: string;
      }[];
      const latest = previous[previous.length - 1];
      if (latest && header.onPreviousImport === 'skip') throw new AlreadyImported(latest);
      this.replacedImportIds = previous.map((row) => row.importId);
      this.importId = Number(
        db
          .prepare('INSERT INTO imports (kind, file_name, content_hash, imported_at, mapping, detected) VALUES (?, ?, ?, ?, ?, ?)')
          .run(header.kind, header.fileName, header.hash, new Date().toISOString(), JSON.stringify(header.detection.mapping), JSON.stringify(header.detection)).lastInsertRowid,
      );
      for (const row of db.prepare('SELECT id, key FROM customers').raw(true).iterate() as Iterable<[number, string]>) this.customerIds.set(row[1], row[0]);
      this.nextCustomerId = ((db.prepare('SELECT max(id) FROM customers').pluck().get() as number | null) ?? 0) + 1;
      this.firstNewCustomerId = this.nextCustomerId;
      this.statements = {
        customerBatch: multiRowInsert(db, 'customers (id, key, label, name, region)', 5, CUSTOMER_BATCH),
        newCustomer: multiRowInsert(db, 'customers (id, key, label, name, region)', 5, 1),
        describeCustomer: db.prepare('UPDATE customers SET name = coalesce(name, ?), region = coalesce(region, ?) WHERE id = ?'),
        issueBatch: multiRowInsert(db, 'import_issues (import_id, kind, line, column_name, value, reason, code, params, of_line)', ISSUE_COLUMNS, ISSUE_BATCH),
        issue: multiRowInsert(db, 'import_issues (import_id, kind, line, column_name, value, reason, code, params, of_line)', ISSUE_COLUMNS, 1),
        cost: db.prepare('INSERT INTO service_costs (customer_id, day, cost, kind, import_id) VALUES (?, ?, ?, ?, ?)'),
        customer: db.prepare(
          `INSERT INTO customers (key, label, name, acquired_day, channel, acquisition_cost, region, industry, size, age, income, attributes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET
             name = coalesce(excluded.name, name), acquired_day = coalesce(excluded.acquired_day, acquired_day),
             channel = coalesce(excluded.channel, channel), acquisition_cost = coalesce(excluded.acquisition_cost, acquisition_cost),
             region = coalesce(excluded.region, region), industry = coalesce(excluded.industry, industry), size = coalesce(excluded.size, size),
             age = coalesce(excluded.age, age), income = coalesce(excluded.income, income), attributes = coalesce(excluded.attributes, attributes)
           RETURNING id`,
        ),
        product: db.prepare(
          `INSERT INTO products (product_id, name, category, margin_rate, import_id) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (product_id) DO UPDATE SET name = coalesce(excluded.name, name), category = coalesce(excluded.category, category),
             margin_rate = coalesce(excluded.margin_rate, margin_rate), import_id = excluded.import_id`,
        ),
        spend: db.prepare('INSERT INTO marketing_spend (channel, period_start, period_end, spend, new_customers, import_id) VALUES (?, ?, ?, ?, ?, ?)'),
        prospect: db.prepare(
          `INSERT INTO prospects (key, label, name, channel, region, industry, size, age, income, attributes, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET name = coalesce(excluded.name, name), channel = coalesce(excluded.channel, channel),
             region = coalesce(excluded.region, region), industry = coalesce(excluded.industry, industry), size = coalesce(excluded.size, size),
             age = coalesce(excluded.age, age), income = coalesce(excluded.income, income), attributes = coalesce(excluded.attributes, attributes),
             import_id = excluded.import_id`,
        ),
      };
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Removes the earlier imports of the same content and everything they brought (the file is imported again). */
  removeReplaced(): void {
    if (this.replacedImportIds.length > 0) this.summaryBefore = null;
    for (const importId of this.replacedImportIds) this.removeImport(importId);
  }

  private removeImport(importId: number): void {
    // Explicitly, table by table: foreign keys (and so their cascades) are off during an import.
    for (const table of ['transactions', 'service_costs', 'marketing_spend', 'prospects', 'import_issues']) {
      this.db.prepare(`DELETE FROM ${table} WHERE import_id = ?`).run(importId);
    }
    this.db.prepare('UPDATE products SET import_id = NULL WHERE import_id = ?').run(importId);
    this.db.prepare('DELETE FROM imports WHERE id = ?').run(importId);
  }

  private customerId(key: string, label: string, name: string | null, region: string | null): number {
    let id = this.customerIds.get(key);
    if (id === undefined) {
      id = this.nextCustomerId++;
      this.customerIds.set(key, id);
      this.customerBuffer.push(id, key, label, name, region);
      if (this.customerBuffer.length === CUSTOMER_BATCH * 5) {
        this.statements.customerBatch.run(...this.customerBuffer);
        this.customerBuffer.length = 0;
      }
    } else this.describe(id, name, region);
    return id;
  }

  /** Gives a customer that existed before this import the first name or region the import has for it. */
  private describe(id: number, name: string | null, region: string | null): void {
    if ((name !== null || region !== null) && id < this.firstNewCustomerId && !this.described.has(id)) {
      this.statements.describeCustomer.run(name, region, id);
      this.described.add(id);
    }
  }

  /** A batch of accepted transaction rows, in columns. */
  addTransactions(batch: TransactionBatch): void {
    const { listedKeys, listedLabels } = this;
    if (listedKeys.length + batch.newCustomers.length / 2 > this.listedIds.length) {
      const grown = new Float64Array(Math.max(this.listedIds.length * 2, listedKeys.length + batch.newCustomers.length / 2));
      grown.set(this.listedIds);
      this.listedIds = grown;
    }
    const listedIds = this.listedIds;
    for (let i = 0; i < batch.newCustomers.length; i += 2) {
      // Resolved when a row first uses it (a customer named only by rejected rows is never created).
      listedIds[listedKeys.length] = -1;
      listedKeys.push(batch.newCustomers[i] as string);
      listedLabels.push(batch.newCustomers[i + 1] as string);
    }
    const { customers, days, amounts, costs, quantities } = batch;
    // Every row's customer id first, in a loop of nothing but those reads: rows name customers in
    // no order, and the reads' cache misses overlap here instead of stalling the loop below.
    if (this.batchIds.length < batch.size) this.batchIds = new Float64Array(batch.size);
    const batchIds = this.batchIds;
    for (let i = 0; i < batch.size; i++) batchIds[i] = listedIds[customers[i] as number] as number;
    const insert = this.transactionInsertFor(batch);
    const { buffer, width } = insert;
    const productIds = new TextColumnReader(batch.productIds);
    const categories = new TextColumnReader(batch.categories);
    const orderIds = new TextColumnReader(batch.orderIds);
    const channels = new TextColumnReader(batch.channels);
    const customerNames = new TextColumnReader(batch.customerNames);
    const regions = new TextColumnReader(batch.regions);
    const shape = insert.shape;
    const added = this.added;
    added.transactions += batch.size;
    for (let i = 0; i < batch.size; i++) {
      const listed = customers[i] as number;
      const name = customerNames.next();
      const region = regions.next();
      let id = batchIds[i] as number;
      // Perhaps resolved by an earlier row of this batch.
      if (id === -1) id = listedIds[listed] as number;
      if (id === -1) {
        id = this.customerId(listedKeys[listed] as string, listedLabels[listed] as string, name, region);
        listedIds[listed] = id;
      } else this.describe(id, name, region);
      const day = days[i] as number;
      const amount = amounts[i] as number;
      added.revenue += amount;
      if (day < added.firstDay) added.firstDay = day;
      if (day > added.lastDay) added.lastDay = day;
      const cost = costs[i] as number;
      const quantity = quantities[i] as number;
      let at = insert.count++ * width;
      buffer[at++] = id;
      buffer[at++] = day;
      buffer[at++] = amount;
      buffer[at++] = Number.isNaN(cost) ? null : cost;
      buffer[at++] = Number.isNaN(quantity) ? null : quantity;
      if (shape & 1) buffer[at++] = productIds.next();
      if (shape & 2) buffer[at++] = categories.next();
      if (shape & 4) buffer[at++] = orderIds.next();
      if (shape & 8) buffer[at] = channels.next();
      if (insert.count === TRANSACTION_BATCH) {
        insert.batch.run(...buffer);
        insert.count = 0;
      }
    }
  }

  /** The insert for a batch's columns (the same for every batch of an import). */
  private transactionInsertFor(batch: TransactionBatch): TransactionInsert {
    let shape = 0;
    TEXT_COLUMNS.forEach(([column], bit) => {
      if (batch[column] !== null) shape |= 1 << bit;
    });
    const current = this.transactionInsert;
    if (current?.shape === shape) return current;
    if (current) this.flushTransactions(current);
    const columns = ['customer_id', 'day', 'amount', 'cost', 'quantity', ...TEXT_COLUMNS.flatMap(([, name], bit) => (shape & (1 << bit) ? [name] : [])), 'import_id'];
    const into = `transactions (${columns.join(', ')})`;
    const width = columns.length - 1;
    const insert: TransactionInsert = {
      shape,
      width,
      batch: multiRowInsert(this.db, into, width, TRANSACTION_BATCH, this.importId),
      single: multiRowInsert(this.db, into, width, 1, this.importId),
      buffer: new Array<string | number | null>(TRANSACTION_BATCH * width).fill(null),
      count: 0,
    };
    this.transactionInsert = insert;
    return insert;
  }

  /** Writes the rows waiting in an insert's buffer, one by one. */
  private flushTransactions(insert: TransactionInsert): void {
    for (let i = 0; i < insert.count; i++) insert.single.run(...insert.buffer.slice(i * insert.width, (i + 1) * insert.width));
    insert.count = 0;
  }

  addCost(row: CostRow): void {
    this.summaryBefore = null;
    this.statements.cost.run(this.customerId(row.customerKey, row.customerLabel, null, null), row.day, row.cost, row.kind, this.importId);
  }

  upsertCustomer(row: CustomerRecord): void {
    this.summaryBefore = null;
    const attributes = Object.keys(row.attributes).length > 0 ? JSON.stringify(row.attributes) : null;
    const { id } = this.statements.customer.get(row.key, row.label, row.name, row.acquiredDay, row.channel, row.acquisitionCost, row.region, row.industry, row.size, row.age, row.income, attributes) as { id: number };
    this.customerIds.set(row.key, id);
  }

  upsertProduct(row: ProductRecord): void {
    this.summaryBefore = null;
    this.statements.product.run(row.productId, row.name, row.category, row.marginRate, this.importId);
  }

  addSpend(row: MarketingSpendRecord): void {
    this.summaryBefore = null;
    this.statements.spend.run(row.channel, row.periodStart, row.periodEnd, row.spend, row.newCustomers, this.importId);
  }

  upsertProspect(row: ProspectRecord): void {
    this.summaryBefore = null;
    const attributes = Object.keys(row.attributes).length > 0 ? JSON.stringify(row.attributes) : null;
    this.statements.prospect.run(row.key, row.label, row.name, row.channel, row.region, row.industry, row.size, row.age, row.income, attributes, this.importId);
  }

  addIssue(issue: IssueRow): void {
    const params = Object.keys(issue.params).length > 0 ? JSON.stringify(issue.params) : null;
    this.issueBuffer.push(this.importId, issue.kind, issue.line, issue.column, this.keepValues ? issue.value : null, issue.reason, issue.code, params, issue.ofLine);
    if (this.issueBuffer.length === ISSUE_BATCH * ISSUE_COLUMNS) {
      this.statements.issueBatch.run(...this.issueBuffer);
      this.issueBuffer.length = 0;
    }
  }

  private flush(): void {
    for (let i = 0; i < this.customerBuffer.length; i += 5) this.statements.newCustomer.run(this.customerBuffer.slice(i, i + 5));
    this.customerBuffer.length = 0;
    if (this.transactionInsert) this.flushTransactions(this.transactionInsert);
    for (let i = 0; i < this.issueBuffer.length; i += ISSUE_COLUMNS) this.statements.issue.run(this.issueBuffer.slice(i, i + ISSUE_COLUMNS));
    this.issueBuffer.length = 0;
  }

  /** Records the counts, remembers the mapping for files of the same layout, and makes it all visible at once. */
  commit(counts: { accepted: number; rejected: number; skipped: number; duplicates: number }, remember: { signature: string; kind: ImportKind; mapping: Record<string, number | null>; options: object }): void {
    this.flush();
    this.db.prepare('UPDATE imports SET accepted = ?, rejected = ?, skipped = ?, duplicates = ? WHERE id = ?').run(counts.accepted, counts.rejected, counts.skipped, counts.duplicates, this.importId);
    this.db
      .prepare(
        `INSERT INTO import_mappings (source, kind, mapping, options, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (source) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping, options = excluded.options, updated_at = excluded.updated_at`,
      )
      .run(remember.signature, remember.kind, JSON.stringify(remember.mapping), JSON.stringify(remember.options), new Date().toISOString());
    if (this.summaryBefore) keepSummary(this.db, addToSummary(this.summaryBefore, { ...this.added, customers: this.nextCustomerId - this.firstNewCustomerId }));
    this.db.exec('COMMIT');
    this.open = false;
    this.db.pragma('foreign_keys = ON');
  }

  /** Copies the committed import from the write-ahead log into the database file (as far as readers allow). */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  rollback(): void {
    if (!this.open) return;
    this.open = false;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.pragma('foreign_keys = ON');
  }
}
