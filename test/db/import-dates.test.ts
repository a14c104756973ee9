/**
 * Dates from the whole file: an invoice export in the UCI Online Retail layout (month first, "12/1/2010
 * 8:26", its first thousands of rows all on days 1 to 9 of December) is read month first, and a file
 * whose every date could be either way round is not imported until the person says which.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../shared/ipc/client';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { tempDir } from '../support/harness';

let backend: Backend;
let api: Api;
const dir = tempDir('vl-dates-');

beforeAll(() => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
});
afterAll(() => backend.dispose());

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

/**
 * Invoices from 1 December 2010 to December 2011 in time order, the first 3,000 lines in the
 * first nine days of December 2010; a quarter of the lines have no customer (as in the real file).
 */
function onlineRetail(): { path: string; rows: number; revenueCents: number; knownRows: number; customers: number; lastDate: string } {
  const next = random(2010);
  const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
  const start = Date.UTC(2010, 11, 1);
  const end = Date.UTC(2011, 11, 9);
  let revenueCents = 0;
  let lastDate = '';
  let knownRows = 0;
  const customers = new Set<string>();
  const total = 9000;
  for (let i = 0; i < total; i++) {
    const at = i < 3000 ? start + Math.floor((i / 3000) * 9) * 86_400_000 : start + 9 * 86_400_000 + Math.floor(((i - 3000) / (total - 3000)) * (end - start - 9 * 86_400_000));
    const date = new Date(at);
    lastDate = date.toISOString().slice(0, 10);
    const when = `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${8 + (i % 9)}:${String(i % 60).padStart(2, '0')}`;
    const quantity = 1 + Math.floor(next() * 12);
    const priceCents = 50 + Math.floor(next() * 1500);
    const customer = next() < 0.25 ? '' : String(12_346 + Math.floor(next() * 400));
    if (customer) {
      knownRows++;
      customers.add(customer);
    }
    revenueCents += quantity * priceCents;
    lines.push(`${536365 + Math.floor(i / 4)},8512${i % 10}A,WHITE HANGING HEART T-LIGHT HOLDER,${quantity},${when},${(priceCents / 100).toFixed(2)},${customer},United Kingdom`);
  }
  const path = join(dir, 'online_retail.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, rows: total, revenueCents, knownRows, customers: customers.size, lastDate };
}

describe('dates read from the whole file', () => {
  it('reads an Online Retail-like invoice file month first, and holds the rows without a customer for a yes', async () => {
    const file = onlineRetail();
    await api['workspace.create']({ path: join(dir, 'retail.vlw') });
    const preview = await api['import.preview']({ path: file.path, options: {} });
    expect(preview.detected).toMatchObject({ dateFormat: 'mdy', dateAmbiguous: false, kind: 'transactions' });
    const held = await api['import.run']({ path: file.path, options: {}, onPreviousImport: 'skip', strict: false });
    expect(held.committed).toBe(false);
    expect(held.notCommitted?.key).toBe('importWarnings');
    expect(held.warnings.map((warning) => warning.code)).toEqual(['unknown_customers']);
    expect(held.unknownCustomer.rows).toBe(file.rows - file.knownRows);
    const done = await api['import.run']({ path: file.path, options: {}, onPreviousImport: 'skip', strict: false, acceptWarnings: true });
    expect(done).toMatchObject({ committed: true, accepted: file.rows, rejectedCount: 0 });
    expect(await api['workspace.current']({})).toMatchObject({ transactions: file.rows, firstDate: '2010-12-01', lastDate: file.lastDate, revenue: file.revenueCents / 100 });
    // The unknown customer holds the rows without a customer id, and is left out of the analysis.
    expect((await api['workspace.current']({}))?.customers).toBe(file.customers + 1);
    const run = await api['analysis.run']({});
    expect(run.summary.customers).toBe(file.customers);
  });

  it('refuses dates that read either way until the person says which, then imports them their way', async () => {
    const path = join(dir, 'ambiguous.csv');
    writeFileSync(path, ['customer,date,amount', ...Array.from({ length: 60 }, (_, i) => `K${i % 7},${String((i % 12) + 1).padStart(2, '0')}/${String((i % 11) + 1).padStart(2, '0')}/2024,${10 + i}.00`)].join('\n'));
    await api['workspace.create']({ path: join(dir, 'ambiguous.vlw') });
    const preview = await api['import.preview']({ path, options: {} });
    expect(preview.detected.dateAmbiguous).toBe(true);
    const refused = await api['import.run']({ path, options: {}, onPreviousImport: 'skip', strict: false, acceptWarnings: true });
    expect(refused).toMatchObject({ committed: false, notCommitted: { key: 'importDatesAmbiguous', params: { example: '01/01/2024' } } });
    const monthFirst = await api['import.run']({ path, options: { dateFormat: 'mdy' }, onPreviousImport: 'skip', strict: false });
    expect(monthFirst).toMatchObject({ committed: true, accepted: 60, warnings: [] });
    // The last date is 12/05/2024 (line 60): month first, 5 December.
    expect((await api['workspace.current']({}))?.lastDate).toBe('2024-12-05');
  });
});
