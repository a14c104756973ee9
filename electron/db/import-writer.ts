/**
 * Writes one import into a workspace inside a single transaction: rows, customers they name,
 * the log entry with every issue, and the mapping to remember. Nothing is visible to anyone
 * else until `commit`; `rollback`, an exception or a killed process leave the workspace as it was.
 */
import type { ImportDetection, ImportKind } from '../../shared/domain/import';
import type { CustomerRecord, MarketingSpendRecord, ProductRecord, ProspectRecord } from '../../shared/domain/records';
import type { SqliteDatabase } from './sqlite';
import type { TransactionBatch } from './transaction-batch';

export interface TransactionRow {
  customerKey: string;
  customerLabel: string;
  day: number;
  amount: number;
  cost: number | null;
  quantity: number | null;
  productId: string | null;
  category: string | null;
  orderId: string | null;
  channel: string | null;
  customerName: string | null;
  region: string | null;
}

export interface CostRow {
  customerKey: string;
  customerLabel: string;
  day: number;
  cost: number;
  kind: string | null;
}

export interface IssueRow {
  kind: 'rejected' | 'skipped' | 'duplicate';
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  ofLine: number | null;
}

export interface ImportHeader {
  kind: ImportKind;
  fileName: string;
  filePath: string;
  hash: string;
  detection: ImportDetection;
}

const TRANSACTION_BATCH = 200;
const CUSTOMER_BATCH = 200;
const ISSUE_BATCH = 200;
/** Page cache of the importing connection: large enough that a big import rarely spills mid-way. */
const IMPORT_CACHE_KIB = 48 * 1024;

function multiRowInsert(db: SqliteDatabase, head: string, columns: number, rows: number) {
  const tuple = `(${new Array(columns).fill('?').join(', ')})`;
  return db.prepare(`${head} VALUES ${new Array(rows).fill(tuple).join(', ')}`);
}

export class ImportWriter {
  readonly importId: number;
  private readonly customerIds = new Map<string, number>();
  /** New customers get their ids here (the import holds the write lock), and are inserted in batches. */
  private nextCustomerId: number;
  private readonly customerBuffer: (string | number | null)[] = [];
  /** Customers this import has already given a name or region to. */
  private readonly described = new Set<number>();
  private readonly transactionBuffer: (string | number | null)[] = [];
  private readonly issueBuffer: (string | number | null)[] = [];
  private readonly statements;
  private open = true;

  constructor(private readonly db: SqliteDatabase, header: ImportHeader) {
    // The writer itself gives every row an existing customer and import, so SQLite need not check
    // each reference again: foreign keys are off for the import's connection only.
    db.pragma('foreign_keys = OFF');
    db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
    db.exec('BEGIN IMMEDIATE');
    try {
      this.importId = Number(
        db
          .prepare('INSERT INTO imports (kind, file_name, file_path, content_hash, imported_at, mapping, detected) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(header.kind, header.fileName, header.filePath, header.hash, new Date().toISOString(), JSON.stringify(header.detection.mapping), JSON.stringify(header.detection)).lastInsertRowid,
      );
      for (const row of db.prepare('SELECT id, key FROM customers').raw(true).iterate() as Iterable<[number, string]>) this.customerIds.set(row[1], row[0]);
      this.nextCustomerId = ((db.prepare('SELECT max(id) FROM customers').pluck().get() as number | null) ?? 0) + 1;
      this.statements = {
        customerBatch: multiRowInsert(db, 'INSERT INTO customers (id, key, label, name, region)', 5, CUSTOMER_BATCH),
        newCustomer: multiRowInsert(db, 'INSERT INTO customers (id, key, label, name, region)', 5, 1),
        describeCustomer: db.prepare('UPDATE customers SET name = coalesce(name, ?), region = coalesce(region, ?) WHERE id = ?'),
        transactionBatch: multiRowInsert(db, 'INSERT INTO transactions (customer_id, day, amount, cost, product_id, category, quantity, order_id, channel, import_id)', 10, TRANSACTION_BATCH),
        transaction: multiRowInsert(db, 'INSERT INTO transactions (customer_id, day, amount, cost, product_id, category, quantity, order_id, channel, import_id)', 10, 1),
        issueBatch: multiRowInsert(db, 'INSERT INTO import_issues (import_id, kind, line, column_name, value, reason, of_line)', 7, ISSUE_BATCH),
        issue: multiRowInsert(db, 'INSERT INTO import_issues (import_id, kind, line, column_name, value, reason, of_line)', 7, 1),
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

  /** Removes an earlier import and everything it brought (the file is being imported again). */
  removeImport(importId: number): void {
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
      this.described.add(id);
      this.customerBuffer.push(id, key, label, name, region);
      if (this.customerBuffer.length === CUSTOMER_BATCH * 5) {
        this.statements.customerBatch.run(this.customerBuffer);
        this.customerBuffer.length = 0;
      }
    } else if ((name !== null || region !== null) && !this.described.has(id)) {
      this.statements.describeCustomer.run(name, region, id);
      this.described.add(id);
    }
    return id;
  }

  /** A batch of accepted transaction rows, in columns. */
  addTransactions(batch: TransactionBatch): void {
    const buffer = this.transactionBuffer;
    const importId = this.importId;
    const { customerKeys, customerLabels, days, amounts, costs, quantities, productIds, categories, orderIds, channels, customerNames, regions } = batch;
    for (let i = 0; i < batch.size; i++) {
      const id = this.customerId(customerKeys[i] as string, customerLabels[i] as string, customerNames?.[i] ?? null, regions?.[i] ?? null);
      const cost = costs[i] as number;
      const quantity = quantities[i] as number;
      buffer.push(id, days[i] as number, amounts[i] as number, Number.isNaN(cost) ? null : cost, productIds?.[i] ?? null, categories?.[i] ?? null, Number.isNaN(quantity) ? null : quantity, orderIds?.[i] ?? null, channels?.[i] ?? null, importId);
      if (buffer.length === TRANSACTION_BATCH * 10) {
        this.statements.transactionBatch.run(buffer);
        buffer.length = 0;
      }
    }
  }

  addCost(row: CostRow): void {
    this.statements.cost.run(this.customerId(row.customerKey, row.customerLabel, null, null), row.day, row.cost, row.kind, this.importId);
  }

  upsertCustomer(row: CustomerRecord): void {
    const attributes = Object.keys(row.attributes).length > 0 ? JSON.stringify(row.attributes) : null;
    const { id } = this.statements.customer.get(row.key, row.label, row.name, row.acquiredDay, row.channel, row.acquisitionCost, row.region, row.industry, row.size, row.age, row.income, attributes) as { id: number };
    this.customerIds.set(row.key, id);
  }

  upsertProduct(row: ProductRecord): void {
    this.statements.product.run(row.productId, row.name, row.category, row.marginRate, this.importId);
  }

  addSpend(row: MarketingSpendRecord): void {
    this.statements.spend.run(row.channel, row.periodStart, row.periodEnd, row.spend, row.newCustomers, this.importId);
  }

  upsertProspect(row: ProspectRecord): void {
    const attributes = Object.keys(row.attributes).length > 0 ? JSON.stringify(row.attributes) : null;
    this.statements.prospect.run(row.key, row.label, row.name, row.channel, row.region, row.industry, row.size, row.age, row.income, attributes, this.importId);
  }

  addIssue(issue: IssueRow): void {
    this.issueBuffer.push(this.importId, issue.kind, issue.line, issue.column, issue.value, issue.reason, issue.ofLine);
    if (this.issueBuffer.length === ISSUE_BATCH * 7) {
      this.statements.issueBatch.run(this.issueBuffer);
      this.issueBuffer.length = 0;
    }
  }

  private flush(): void {
    for (let i = 0; i < this.customerBuffer.length; i += 5) this.statements.newCustomer.run(this.customerBuffer.slice(i, i + 5));
    this.customerBuffer.length = 0;
    for (let i = 0; i < this.transactionBuffer.length; i += 10) this.statements.transaction.run(this.transactionBuffer.slice(i, i + 10));
    this.transactionBuffer.length = 0;
    for (let i = 0; i < this.issueBuffer.length; i += 7) this.statements.issue.run(this.issueBuffer.slice(i, i + 7));
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
    this.db.exec('COMMIT');
    this.open = false;
    this.db.pragma('foreign_keys = ON');
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
