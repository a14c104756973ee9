/**
 * The grid's views of the analysed customers: every column sorts both ways like a plain comparison
 * (codes in their list's order), filtered views keep the order, and `columns` picks what a page
 * carries.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerPage } from '../../shared/domain/analysis';
import { TIERS } from '../../shared/analytics/ladder';
import { createApi, type Api } from '../../shared/ipc/client';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { tempDir } from '../support/harness';

let backend: Backend;
let api: Api;
let all: CustomerPage;

beforeAll(async () => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
  await api['workspace.createSample']({ sample: 'demo', path: join(tempDir(), 'demo.vlw') });
  await api['analysis.run']({});
  all = await api['analysis.customers']({ offset: 0, limit: 10_000 });
}, 60_000);
afterAll(() => backend.dispose());

type Cell = CustomerPage['rows'][number][number];

/** The order the grid must show: nulls last, ties in the unsorted order; codes by their list. */
function expected(rows: Cell[][], at: number, type: string, key: string, direction: 'asc' | 'desc'): Cell[][] {
  const rank = (value: Cell): Cell => (type === 'code' && key === 'tier' ? TIERS.indexOf(value as (typeof TIERS)[number]) : typeof value === 'boolean' ? Number(value) : value);
  const sign = direction === 'desc' ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = rank(a.row[at] ?? null);
      const y = rank(b.row[at] ?? null);
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      return (x < y ? -1 : x > y ? 1 : 0) * sign || a.index - b.index;
    })
    .map(({ row }) => row);
}

describe('customer views', () => {
  it('sorts every kind of column both ways, nulls last and ties stable', async () => {
    for (const key of ['customer', 'name', 'tier', 'active', 'currentProfit', 'orders', 'firstDate', 'nextContact']) {
      const at = all.columns.findIndex((column) => column.key === key);
      const type = all.columns[at]?.type ?? '';
      for (const direction of ['asc', 'desc'] as const) {
        const sorted = await api['analysis.customers']({ offset: 0, limit: 10_000, sort: { column: key, direction } });
        const want = expected(all.rows, at, type, key, direction);
        // Compared by customer id (the first column), so that ties must keep their order too.
        expect(sorted.rows.map((row) => row[0]), `${key} ${direction}`).toEqual(want.map((row) => row[0]));
      }
    }
  });

  it('keeps the sort order in a filtered view and pages through it', async () => {
    const full = await api['analysis.customers']({ offset: 0, limit: 10_000, sort: { column: 'future', direction: 'desc' } });
    const tierAt = full.columns.findIndex((column) => column.key === 'tier');
    const mgc = full.rows.filter((row) => row[tierAt] === 'mgc').map((row) => row[0]);
    const first = await api['analysis.customers']({ offset: 0, limit: 7, sort: { column: 'future', direction: 'desc' }, filter: { tier: ['mgc'] } });
    const second = await api['analysis.customers']({ offset: 7, limit: 7, sort: { column: 'future', direction: 'desc' }, filter: { tier: ['mgc'] } });
    expect(first.total).toBe(mgc.length);
    expect([...first.rows, ...second.rows].map((row) => row[0])).toEqual(mgc.slice(0, 14));
  });

  it('carries only the chosen columns, in the order asked', async () => {
    const page = await api['analysis.customers']({ offset: 0, limit: 3, columns: ['future', 'customer', 'clv'] });
    expect(page.columns).toEqual([
      { key: 'future', type: 'money' },
      { key: 'customer', type: 'text' },
    ]);
    expect(page.rows[0]).toHaveLength(2);
    expect(page.rows[0]?.[1]).toBe(all.rows[0]?.[0]);
  });

  it('refuses to sort by a column it does not have', async () => {
    await expect(api['analysis.customers']({ offset: 0, limit: 1, sort: { column: 'nothing', direction: 'asc' } })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
