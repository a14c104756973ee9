/**
 * Formats and encodings beyond the six messy files: an Excel workbook, UTF-16 with a byte-order
 * mark (both byte orders), Windows-1252 text, and the encoding given by the person.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../shared/ipc/client';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { tempDir } from '../support/harness';

let backend: Backend;
let api: Api;
const dir = tempDir();

beforeAll(() => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
});
afterAll(() => backend.dispose());

const TEXT = 'Customer;Date;Amount;Name\n001;31.12.2024;1.234,50;Café Müller\n2;01.01.2025;99,90;Señor Niño\n';

async function importFile(file: string, options: object = {}) {
  await api['workspace.create']({ path: join(tempDir(), 'w.vlw') });
  return api['import.run']({ path: file, options, onPreviousImport: 'skip', strict: false });
}

async function names(): Promise<string[]> {
  const page = await api['data.page']({ table: 'customers', offset: 0, limit: 10, sort: { column: 'customer', direction: 'asc' } });
  const index = page.columns.findIndex((column) => column.key === 'name');
  return page.rows.map((row) => String(row[index]));
}

describe('import formats', () => {
  it('reads an Excel workbook: dates as dates, numbers as numbers, a header a few rows down', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sales');
    sheet.addRow(['Sales report 2024']);
    sheet.addRow([]);
    sheet.addRow(['Client ID', 'Order date', 'Revenue', 'Cost']);
    sheet.addRow(['A-1', new Date(Date.UTC(2024, 0, 15)), 120.5, 60]);
    sheet.addRow(['a-1 ', new Date(Date.UTC(2024, 1, 20)), 80, 40]);
    sheet.addRow(['B-2', new Date(Date.UTC(2024, 2, 1)), 200]);
    const file = join(dir, 'sales.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await importFile(file);
    expect(result.detected).toMatchObject({ format: 'xlsx', headerLine: 3, kind: 'transactions', dateFormat: 'ymd' });
    expect(result.accepted).toBe(3);
    expect(result.total).toBe(400.5);
    // "A-1" and "a-1 " are one customer.
    expect((await api['workspace.current']({}))?.customers).toBe(2);
  });

  it.each([
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le'],
    ['UTF-16 BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]), 'utf-16be'],
  ])('decodes %s', async (_label, bytes, encoding) => {
    const file = join(dir, `${encoding}.csv`);
    writeFileSync(file, bytes);
    const result = await importFile(file);
    expect(result.detected.encoding).toBe(encoding);
    expect(result.accepted).toBe(2);
    expect(await names()).toEqual(['Café Müller', 'Señor Niño']);
  });

  it('decodes Windows-1252 text, and takes the encoding the person names', async () => {
    const file = join(dir, 'latin.csv');
    writeFileSync(file, iconv.encode(TEXT, 'windows-1252'));
    const detected = await importFile(file);
    expect(detected.accepted).toBe(2);
    expect(await names()).toEqual(['Café Müller', 'Señor Niño']);
    const given = await importFile(file, { encoding: 'cp1252' });
    expect(given.detected.encoding).toBe('windows-1252');
    await expect(importFile(file, { encoding: 'klingon-8' })).rejects.toMatchObject({ code: 'invalid_input', message: 'Unknown text encoding "klingon-8".' });
  });

  it('reads an amount given as quantity × unit price', async () => {
    const file = join(dir, 'qty.csv');
    writeFileSync(file, 'customer,date,qty,unit price\nX,2024-05-01,3,2.50\nY,2024-05-02,2,10\n');
    const result = await importFile(file);
    expect(result.detected.mapping).toMatchObject({ quantity: 2, unitPrice: 3, amount: null });
    expect(result.total).toBe(27.5);
  });
});
