/**
 * The only code that reads or writes workspace tables: typed methods over prepared statements.
 * Services never write SQL; they ask the store.
 */
import { isoFromEpochDay } from '../../shared/domain/dates';
import type { DatasetRecords } from '../../shared/domain/records';
import type { TableName } from '../../shared/domain/workspace';
import type { TableColumn } from '../../shared/ipc/contract';
import { ImportDetection, IssueCode, type ImportIssue, type ImportKind, type ImportLogEntry, type IssueParams } from '../../shared/domain/import';
import type { IssueKind } from './import-writer';
import { AppError } from '../../shared/ipc/errors';
import { dataFingerprint } from './analysis-store';
import { countSummary, keepSummary, keptSummary, type StoreSummary } from './workspace-summary';
import type { SqliteDatabase } from './sqlite';

interface ColumnDef extends TableColumn {
  sql: string;
}

const SQL_TABLE: Record<TableName, string> = {
  transactions: 'transactions t JOIN customers c ON c.id = t.customer_id',
  customers: 'customers c',
  serviceCosts: 'service_costs t JOIN customers c ON c.id = t.customer_id',
  products: 'products t',
  marketingSpend: 'marketing_spend t',
  prospects: 'prospects t',
};

/** Columns shown for each table; keys are what the renderer sorts and labels by. */
const TABLE_COLUMNS: Record<TableName, ColumnDef[]> = {
  transactions: [
    { key: 'customer', type: 'text', sql: 'c.label' },
    { key: 'date', type: 'date', sql: 't.day' },
    { key: 'amount', type: 'money', sql: 't.amount' },
    { key: 'cost', type: 'money', sql: 't.cost' },
    { key: 'product', type: 'text', sql: 't.product_id' },
    { key: 'category', type: 'text', sql: 't.category' },
    { key: 'quantity', type: 'number', sql: 't.quantity' },
    { key: 'order', type: 'text', sql: 't.order_id' },
    { key: 'channel', type: 'text', sql: 't.channel' },
  ],
  customers: [
    { key: 'customer', type: 'text', sql: 'c.label' },
    { key: 'name', type: 'text', sql: 'c.name' },
    { key: 'acquired', type: 'date', sql: 'c.acquired_day' },
    { key: 'channel', type: 'text', sql: 'c.channel' },
    { key: 'acquisitionCost', type: 'money', sql: 'c.acquisition_cost' },
    { key: 'region', type: 'text', sql: 'c.region' },
    { key: 'industry', type: 'text', sql: 'c.industry' },
    { key: 'size', type: 'text', sql: 'c.size' },
    { key: 'age', type: 'integer', sql: 'c.age' },
    { key: 'income', type: 'money', sql: 'c.income' },
  ],
  serviceCosts: [
    { key: 'customer', type: 'text', sql: 'c.label' },
    { key: 'date', type: 'date', sql: 't.day' },
    { key: 'cost', type: 'money', sql: 't.cost' },
    { key: 'kind', type: 'text', sql: 't.kind' },
  ],
  products: [
    { key: 'product', type: 'text', sql: 't.product_id' },
    { key: 'name', type: 'text', sql: 't.name' },
    { key: 'category', type: 'text', sql: 't.category' },
    { key: 'marginRate', type: 'number', sql: 't.margin_rate' },
  ],
  marketingSpend: [
    { key: 'channel', type: 'text', sql: 't.channel' },
    { key: 'periodStart', type: 'date', sql: 't.period_start' },
    { key: 'periodEnd', type: 'date', sql: 't.period_end' },
    { key: 'spend', type: 'money', sql: 't.spend' },
    { key: 'newCustomers', type: 'integer', sql: 't.new_customers' },
  ],
  prospects: [
    { key: 'prospect', type: 'text', sql: 't.label' },
    { key: 'name', type: 'text', sql: 't.name' },
    { key: 'channel', type: 'text', sql: 't.channel' },
    { key: 'region', type: 'text', sql: 't.region' },
    { key: 'industry', type: 'text', sql: 't.industry' },
    { key: 'size', type: 'text', sql: 't.size' },
    { key: 'age', type: 'integer', sql: 't.age' },
    { key: 'income', type: 'money', sql: 't.income' },
  ],
};

export interface PageRequest {
  table: TableName;
  offset: number;
  limit: number;
  sort?: { column: string; direction: 'asc' | 'desc' } | undefined;
}

export interface Page {
  columns: TableColumn[];
  rows: (string | number | null)[][];
  total: number;
}

const WRITE_CHUNK = 5000;

/** One meta value of a workspace file, read without opening it for writing; null when absent. */
export function readMeta(db: SqliteDatabase, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** An issue of the import log as the app shows it. */
export type LoggedIssue = ImportIssue & { kind: IssueKind; of: number | null };

export class WorkspaceStore {
  /** The last summary and the data it was counted from: counting a million rows again after every analysis or page took ~100 ms. */
  private counted: { fingerprint: string; summary: StoreSummary } | null = null;

  constructor(readonly db: SqliteDatabase) {}

  close(): void {
    if (this.db.open) this.db.close();
  }

  getMeta(key: string): string | null {
    return readMeta(this.db, key);
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The counts, revenue and dates of the data (workspace-summary.ts): read back when kept, else counted once and kept. */
  summary(): StoreSummary {
    const fingerprint = dataFingerprint(this.db);
    if (this.counted?.fingerprint !== fingerprint) {
      let summary = keptSummary(this.db, fingerprint);
      if (!summary) {
        summary = countSummary(this.db);
        if (!this.db.readonly) keepSummary(this.db, summary, fingerprint);
      }
      this.counted = { fingerprint, summary };
    }
    return { ...this.counted.summary, schemaVersion: this.db.pragma('user_version', { simple: true }) as number };
  }

  page(request: PageRequest): Page {
    const columns = TABLE_COLUMNS[request.table];
    const from = SQL_TABLE[request.table];
    let orderBy = '';
    if (request.sort) {
      const column = columns.find((candidate) => candidate.key === request.sort?.column);
      if (!column) throw new AppError('unknownSortColumn', { column: request.sort.column });
      orderBy = `ORDER BY ${column.sql} IS NULL, ${column.sql} ${request.sort.direction === 'desc' ? 'DESC' : 'ASC'}`;
    }
    const select = columns.map((column) => column.sql).join(', ');
    const raw = this.db
      .prepare(`SELECT ${select} FROM ${from} ${orderBy} LIMIT ? OFFSET ?`)
      .raw(true)
      .all(request.limit, request.offset) as (string | number | null)[][];
    const dateIndexes = columns.flatMap((column, index) => (column.type === 'date' ? [index] : []));
    for (const row of raw) {
      for (const index of dateIndexes) {
        const value = row[index];
        if (typeof value === 'number') row[index] = isoFromEpochDay(value);
      }
    }
    const total = this.summary().tables[request.table];
    return { columns: columns.map(({ key, type }) => ({ key, type })), rows: raw, total };
  }

  /** The import of a file with these exact bytes, if there was one. */
  findImportByHash(hash: string): { importId: number; importedAt: string; fileName: string } | null {
    const row = this.db.prepare('SELECT id AS importId, imported_at AS importedAt, file_name AS fileName FROM imports WHERE content_hash = ? ORDER BY id DESC LIMIT 1').get(hash) as
      | { importId: number; importedAt: string; fileName: string }
      | undefined;
    return row ?? null;
  }

  /** The mapping and formats last used for a source with this layout. */
  recallMapping(signature: string): { kind: ImportKind; mapping: Record<string, number | null>; options: Record<string, unknown> } | null {
    const row = this.db.prepare('SELECT kind, mapping, options FROM import_mappings WHERE source = ?').get(signature) as { kind: ImportKind; mapping: string; options: string } | undefined;
    return row ? { kind: row.kind, mapping: JSON.parse(row.mapping) as Record<string, number | null>, options: JSON.parse(row.options) as Record<string, unknown> } : null;
  }

  /** Clears the values of logged issues (one import's or all); returns how many held one. Their bytes are overwritten (secure_delete) and the log checkpointed into the file. */
  forgetIssueValues(importId: number | null): number {
    const where = importId === null ? '' : ' AND import_id = ?';
    const args = importId === null ? [] : [importId];
    const changed = this.db.prepare(`UPDATE import_issues SET value = NULL WHERE value IS NOT NULL${where}`).run(...args).changes;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return changed;
  }

  importLog(): ImportLogEntry[] {
    const rows = this.db
      .prepare(
        `SELECT id AS importId, kind, file_name AS fileName, content_hash AS hash, imported_at AS importedAt,
                accepted, rejected, skipped, duplicates, detected FROM imports ORDER BY id DESC`,
      )
      .all() as (Omit<ImportLogEntry, 'detected'> & { detected: string | null })[];
    return rows.map((row) => {
      const detected = row.detected ? ImportDetection.safeParse(JSON.parse(row.detected)) : null;
      return { ...row, detected: detected?.success ? detected.data : null };
    });
  }

  /** The issues of an import (or those of one kind), in file order. */
  importIssues(importId: number, kind?: IssueKind): LoggedIssue[] {
    const sql = `SELECT kind, line, column_name AS "column", value, reason, code, params, of_line AS "of" FROM import_issues WHERE import_id = ? ${kind ? 'AND kind = ?' : ''} ORDER BY line`;
    const rows = this.db.prepare(sql).all(...(kind ? [importId, kind] : [importId])) as (Omit<LoggedIssue, 'code' | 'params'> & { code: string | null; params: string | null })[];
    return rows.map((row) => {
      // Issues logged before codes were kept (or with a code this version does not know) have only their reason.
      const code = IssueCode.safeParse(row.code);
      return { ...row, code: code.success ? code.data : null, params: code.success && row.params ? (JSON.parse(row.params) as IssueParams) : {} };
    });
  }

  /**
   * Writes a whole dataset in one transaction (nothing is kept if it fails or is stopped).
   * Customers referred to by transactions or costs but absent from `customers` are created.
   */
  insertDataset(dataset: DatasetRecords, onProgress: (done: number, total: number) => void = () => undefined, shouldStop: () => boolean = () => false): void {
    const db = this.db;
    const total = dataset.customers.length + dataset.transactions.length + dataset.serviceCosts.length + dataset.products.length + dataset.marketingSpend.length + dataset.prospects.length;
    let done = 0;
    const tick = (count: number) => {
      done += count;
      if (done % WRITE_CHUNK < count) {
        if (shouldStop()) throw new AppError('cancelled');
        onProgress(done, total);
      }
    };
    const json = (value: Record<string, string>) => (Object.keys(value).length > 0 ? JSON.stringify(value) : null);

    db.transaction(() => {
      const customerIds = new Map<string, number>();
      for (const row of db.prepare('SELECT id, key FROM customers').iterate() as Iterable<{ id: number; key: string }>) customerIds.set(row.key, row.id);
      const insertCustomer = db.prepare(
        `INSERT INTO customers (key, label, name, acquired_day, channel, acquisition_cost, region, industry, size, age, income, attributes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const c of dataset.customers) {
        const { lastInsertRowid } = insertCustomer.run(c.key, c.label, c.name, c.acquiredDay, c.channel, c.acquisitionCost, c.region, c.industry, c.size, c.age, c.income, json(c.attributes));
        customerIds.set(c.key, Number(lastInsertRowid));
        tick(1);
      }
      const insertBareCustomer = db.prepare('INSERT INTO customers (key, label) VALUES (?, ?)');
      const customerId = (key: string, label: string): number => {
        let id = customerIds.get(key);
        if (id === undefined) {
          id = Number(insertBareCustomer.run(key, label).lastInsertRowid);
          customerIds.set(key, id);
        }
        return id;
      };

      const insertProduct = db.prepare('INSERT INTO products (product_id, name, category, margin_rate) VALUES (?, ?, ?, ?)');
      for (const p of dataset.products) {
        insertProduct.run(p.productId, p.name, p.category, p.marginRate);
        tick(1);
      }
      const insertTransaction = db.prepare(
        'INSERT INTO transactions (customer_id, day, amount, cost, product_id, category, quantity, order_id, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const t of dataset.transactions) {
        insertTransaction.run(customerId(t.customerKey, t.customerKey), t.day, t.amount, t.cost, t.productId, t.category, t.quantity, t.orderId, t.channel);
        tick(1);
      }
      const insertCost = db.prepare('INSERT INTO service_costs (customer_id, day, cost, kind) VALUES (?, ?, ?, ?)');
      for (const s of dataset.serviceCosts) {
        insertCost.run(customerId(s.customerKey, s.customerKey), s.day, s.cost, s.kind);
        tick(1);
      }
      const insertSpend = db.prepare('INSERT INTO marketing_spend (channel, period_start, period_end, spend, new_customers) VALUES (?, ?, ?, ?, ?)');
      for (const m of dataset.marketingSpend) {
        insertSpend.run(m.channel, m.periodStart, m.periodEnd, m.spend, m.newCustomers);
        tick(1);
      }
      const insertProspect = db.prepare(
        'INSERT INTO prospects (key, label, name, channel, region, industry, size, age, income, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const p of dataset.prospects) {
        insertProspect.run(p.key, p.label, p.name, p.channel, p.region, p.industry, p.size, p.age, p.income, json(p.attributes));
        tick(1);
      }
    })();
    onProgress(total, total);
  }
}
