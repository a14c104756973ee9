/**
 * The workspace's summary after an import: an import of orders adds its own totals to the kept
 * summary in its worker (nothing is counted again on the thread serving the UI), and the result is
 * what counting every row gives; an import that changes more leaves the summary to be counted.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFingerprint } from '../../electron/db/analysis-store';
import { openSqlite } from '../../electron/db/sqlite';
import { countSummary, keepSummary, keptSummary } from '../../electron/db/workspace-summary';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_ROOT, SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { createApi, type Api } from '../../shared/ipc/client';
import { tempDir } from '../support/harness';

const MESSY = join(SOURCE_ROOT, 'test', 'fixtures', 'messy');
let backend: Backend;
let api: Api;

beforeAll(() => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
});
afterAll(() => backend.dispose());

/** The kept summary as the import left it (before anything asks for the summary again), and a count of every row. */
function keptAndCounted(file: string) {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    return { kept: keptSummary(db, dataFingerprint(db)), counted: countSummary(db) };
  } finally {
    db.close();
  }
}

/** Adds 1,000 to the kept summary's revenue: what is computed from it afterwards carries the mark, a count does not. */
function markKeptRevenue(file: string): void {
  const db = openSqlite(file, { fileMustExist: true });
  try {
    const kept = keptSummary(db, dataFingerprint(db));
    if (!kept) throw new Error('no kept summary to mark');
    keepSummary(db, { ...kept, revenue: kept.revenue + 1000 });
  } finally {
    db.close();
  }
}

describe('the summary after an import', () => {
  it('adds an import of orders to the kept summary (no count of every row), and the rest matches a count', async () => {
    const file = join(tempDir(), 'orders.vlw');
    await api['workspace.create']({ path: file });
    await api['import.run']({ path: join(MESSY, 'broken_orders.csv'), options: {}, onPreviousImport: 'skip', strict: false });
    await api['workspace.close']({});
    markKeptRevenue(file);
    await api['workspace.open']({ path: file });
    await api['import.run']({ path: join(MESSY, 'shop_ru_cp1251.csv'), options: {}, onPreviousImport: 'skip', strict: false });
    await api['workspace.close']({});
    const { kept, counted } = keptAndCounted(file);
    if (!kept) throw new Error('no summary kept after the import');
    expect(kept.transactions).toBeGreaterThan(295);
    const { revenue, ...rest } = kept;
    const { revenue: countedRevenue, ...countedRest } = counted;
    expect(rest).toEqual(countedRest);
    // The mark is still there: the import added its revenue to the kept one instead of counting.
    expect(revenue - countedRevenue).toBeCloseTo(1000, 6);
  }, 60_000);

  it('counts again after an import of customers (their details change, not only their number)', async () => {
    const file = join(tempDir(), 'customers.vlw');
    await api['workspace.create']({ path: file });
    await api['import.run']({ path: join(MESSY, 'broken_orders.csv'), options: {}, onPreviousImport: 'skip', strict: false });
    await api['workspace.close']({});
    markKeptRevenue(file);
    await api['workspace.open']({ path: file });
    await api['import.run']({ path: join(MESSY, 'customers_bg.csv'), options: {}, onPreviousImport: 'skip', strict: false });
    await api['workspace.close']({});
    const { kept, counted } = keptAndCounted(file);
    expect(kept).toEqual(counted);
  }, 60_000);
});
