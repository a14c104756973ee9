import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspaceDatabase } from '../../electron/db/connection';
import { WorkspaceStore } from '../../electron/db/queries';
import { epochDayFromIso } from '../../shared/domain/dates';
import type { DatasetRecords, TransactionRecord } from '../../shared/domain/records';
import { tempDir } from '../support/harness';

function tx(customerKey: string, iso: string, amount: number): TransactionRecord {
  return { customerKey, day: epochDayFromIso(iso), amount, cost: null, productId: null, category: null, quantity: null, orderId: null, channel: null };
}

function dataset(transactions: TransactionRecord[]): DatasetRecords {
  return { transactions, customers: [], serviceCosts: [], products: [], marketingSpend: [], prospects: [] };
}

describe('the workspace store', () => {
  it('summarises what it holds: counts, net revenue (refunds subtract) and the date range', () => {
    const store = new WorkspaceStore(openWorkspaceDatabase(join(tempDir(), 's.vlw'), { mode: 'create' }));
    store.insertDataset(dataset([tx('a', '2024-03-01', 100.1), tx('a', '2024-01-15', 20.2), tx('b', '2024-02-01', -5.3)]));
    const summary = store.summary();
    // 100.10 + 20.20 − 5.30 = 115.00; customers a and b are created from the transactions.
    expect(summary.revenue).toBeCloseTo(115, 9);
    expect(summary.customers).toBe(2);
    expect(summary.transactions).toBe(3);
    expect(summary.firstDay).toBe(epochDayFromIso('2024-01-15'));
    expect(summary.lastDay).toBe(epochDayFromIso('2024-03-01'));
    store.close();
  });

  it('keeps the summary with the fingerprint of its data: read back on the next opening, counted again once the data change', () => {
    const file = join(tempDir(), 'kept.vlw');
    const first = new WorkspaceStore(openWorkspaceDatabase(file, { mode: 'create' }));
    first.insertDataset(dataset([tx('a', '2024-03-01', 10), tx('b', '2024-02-01', 5)]));
    expect(first.summary()).toMatchObject({ customers: 2, transactions: 2, revenue: 15 });
    // Mark what was kept: a second opening that reads it back (instead of counting) sees the mark.
    const kept = JSON.parse(first.getMeta('summary') as string) as { fingerprint: string; summary: { revenue: number } };
    first.setMeta('summary', JSON.stringify({ ...kept, summary: { ...kept.summary, revenue: 999 } }));
    first.close();
    const second = new WorkspaceStore(openWorkspaceDatabase(file, { mode: 'open' }));
    expect(second.summary()).toMatchObject({ transactions: 2, revenue: 999, schemaVersion: expect.any(Number) });
    second.insertDataset(dataset([tx('c', '2024-04-01', 1)]));
    expect(second.summary()).toMatchObject({ customers: 3, transactions: 3, revenue: 16, lastDay: epochDayFromIso('2024-04-01') });
    second.close();
  });

  it('keeps nothing of a dataset whose writing is stopped half-way', () => {
    const store = new WorkspaceStore(openWorkspaceDatabase(join(tempDir(), 'stop.vlw'), { mode: 'create' }));
    const rows = Array.from({ length: 20_000 }, (_, i) => tx(`c${i % 100}`, '2024-01-01', 1));
    let checks = 0;
    expect(() => store.insertDataset(dataset(rows), undefined, () => ++checks > 2)).toThrow(expect.objectContaining({ code: 'cancelled' }));
    expect(store.summary().transactions).toBe(0);
    expect(store.summary().customers).toBe(0);
    store.close();
  });

  it('pages a table sorted by any of its columns, with dates as ISO text', () => {
    const store = new WorkspaceStore(openWorkspaceDatabase(join(tempDir(), 'p.vlw'), { mode: 'create' }));
    store.insertDataset(dataset([tx('a', '2024-03-01', 3), tx('b', '2024-01-15', 1), tx('c', '2024-02-01', 2)]));
    const page = store.page({ table: 'transactions', offset: 1, limit: 2, sort: { column: 'amount', direction: 'desc' } });
    expect(page.total).toBe(3);
    const amount = page.columns.findIndex((column) => column.key === 'amount');
    const date = page.columns.findIndex((column) => column.key === 'date');
    expect(page.rows.map((row) => row[amount])).toEqual([2, 1]);
    expect(page.rows.map((row) => row[date])).toEqual(['2024-02-01', '2024-01-15']);
    expect(() => store.page({ table: 'transactions', offset: 0, limit: 1, sort: { column: 'amount; DROP TABLE x', direction: 'asc' } })).toThrow(/no column/);
    store.close();
  });
});
