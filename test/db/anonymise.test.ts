/**
 * "Share anonymised" on the demo: the copy's analysis has the same ladder, quadrants, strategies and
 * total CLV as the original's; none of its names, categorical-looking e-mails or original ids is in
 * the copy's file; the key that maps them stays in the original only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import type { AnalysisRun } from '../../shared/domain/analysis';
import { createApi, type Api } from '../../shared/ipc/client';
import { openSqlite } from '../../electron/db/sqlite';
import { tempDir } from '../support/harness';

let backend: Backend;
let api: Api;
let original: AnalysisRun;
let demo: string;
const names: string[] = [];
const labels: string[] = [];

beforeAll(async () => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
  demo = join(tempDir(), 'demo.vlw');
  await api['workspace.createSample']({ sample: 'demo', path: demo });
  original = await api['analysis.run']({});
  const db = openSqlite(demo, { readonly: true, fileMustExist: true });
  for (const row of db.prepare('SELECT label, name FROM customers UNION ALL SELECT label, name FROM prospects').all() as { label: string; name: string | null }[]) {
    labels.push(row.label);
    if (row.name) names.push(row.name);
  }
  db.close();
}, 120_000);
afterAll(() => backend.dispose());

const figures = (run: AnalysisRun) => ({
  ladder: Object.fromEntries(Object.entries(run.summary.ladder).map(([tier, cell]) => [tier, { customers: cell.customers, profit: Math.round(cell.profit * 100) / 100 }])),
  quadrants: Object.fromEntries(Object.entries(run.summary.quadrants).map(([quadrant, cell]) => [quadrant, cell.customers])),
  strategies: run.summary.strategies,
  equity: Math.round(run.summary.customerEquity * 100) / 100,
  customers: run.summary.customers,
});

describe('an anonymised copy', () => {
  it('analyses to the same ladder, quadrants, strategies and customer equity, with no name or original id in it', async () => {
    const path = join(tempDir(), 'shared.vlw');
    const copy = await api['workspace.anonymise']({ path });
    expect(copy.customers).toBe(original.summary.customers);
    expect(copy.shiftDays).toBe(0);
    // The demo's attributes are categories (loyalty card, payment terms, lead status): kept.
    expect(copy.attributes.dropped).toEqual([]);

    const bytes = readFileSync(path);
    expect(names.length).toBeGreaterThan(1000);
    expect(names.filter((name) => bytes.includes(name))).toEqual([]);
    expect(labels.filter((label) => bytes.includes(label))).toEqual([]);

    await api['workspace.open']({ path });
    const shared = await api['analysis.run']({});
    expect(figures(shared)).toEqual(figures(original));
    expect((await api['analysis.customers']({ offset: 0, limit: 1 })).rows[0]?.[1]).toBeNull();

    // The key is in the original only.
    const originalDb = openSqlite(demo, { readonly: true, fileMustExist: true });
    const kept = originalDb.prepare("SELECT value FROM meta WHERE key LIKE 'anonymisedCopy:%'").all() as { value: string }[];
    originalDb.close();
    expect(kept).toHaveLength(1);
    const key = (JSON.parse(kept[0]?.value ?? '{}') as { key: string }).key;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(path).includes(key)).toBe(false);
    await api['workspace.open']({ path: demo });
  }, 120_000);

  it('moves every date by one number of weeks when asked, and refuses to write over a file', async () => {
    const path = join(tempDir(), 'shifted.vlw');
    const copy = await api['workspace.anonymise']({ path, shiftDates: true });
    expect(Math.abs(copy.shiftDays) % 7).toBe(0);
    expect(copy.shiftDays).not.toBe(0);
    const db = openSqlite(path, { readonly: true, fileMustExist: true });
    const { first } = db.prepare('SELECT min(day) AS first FROM transactions').get() as { first: number };
    db.close();
    const source = openSqlite(demo, { readonly: true, fileMustExist: true });
    const { first: before } = source.prepare('SELECT min(day) AS first FROM transactions').get() as { first: number };
    source.close();
    expect(first - before).toBe(copy.shiftDays);
    await expect(api['workspace.anonymise']({ path })).rejects.toMatchObject({ code: 'already_exists' });
  }, 120_000);

  it('drops attributes that reach a person or are free text, keeps categories and what it is told to keep', async () => {
    const dir = tempDir();
    const people = ['customer,name,email,phone,segment,loyalty,notes'];
    const orders = ['customer,date,amount'];
    for (let i = 0; i < 120; i++) {
      people.push(`K${i},Person ${i},person${i}@mail.example,+44 20 7946 ${String(1000 + i)},${['retail', 'trade', 'online'][i % 3]},${i % 2 ? 'gold' : 'none'},called on day ${i} about order ${i * 17}`);
      orders.push(`K${i},2024-0${1 + (i % 9)}-1${i % 9},${10 + i}`);
    }
    writeFileSync(join(dir, 'customers.csv'), people.join('\n'));
    writeFileSync(join(dir, 'orders.csv'), orders.join('\n'));
    await api['workspace.create']({ path: join(dir, 'people.vlw') });
    for (const file of ['customers.csv', 'orders.csv']) {
      const imported = await api['import.run']({ path: join(dir, file), options: {}, onPreviousImport: 'skip', strict: false, acceptWarnings: true });
      expect(imported.committed, file).toBe(true);
    }
    const path = join(dir, 'people-shared.vlw');
    const copy = await api['workspace.anonymise']({ path, keepAttributes: ['notes'] });
    expect(copy.attributes.kept).toEqual(expect.arrayContaining(['loyalty', 'notes']));
    expect(copy.attributes.dropped).toEqual(expect.arrayContaining(['email', 'phone']));
    const bytes = readFileSync(path);
    for (const secret of ['person7@mail.example', '7946 1007', 'Person 7']) expect(bytes.includes(secret)).toBe(false);
    expect(bytes.includes('retail')).toBe(true);
    await api['workspace.open']({ path: demo });
  });
});
