/**
 * Files that are not a table of data get their own plain message before any preview, through the
 * preview and the import alike, and the workspace stays as it was: an empty file, a header with no
 * rows, an image (also renamed .csv), a PDF, an HTML page saved as .xls, an Excel 97–2003 .xls, a
 * password-protected .xlsx (an OLE2 container, like the .xls: the check reads the signature) and
 * other binary content. A workbook renamed .csv and a CSV named .xlsx are read for what they are.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { ERROR_MESSAGES } from '../../shared/domain/error-messages';
import { createApi, type Api } from '../../shared/ipc/client';
import { tempDir } from '../support/harness';

let backend: Backend;
let api: Api;
const dir = tempDir();

beforeAll(async () => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
  await api['workspace.create']({ path: join(tempDir(), 'w.vlw') });
  const first = join(dir, 'first.csv');
  writeFileSync(first, 'customer,date,amount\nA,2024-01-05,10\nB,2024-02-05,20\n');
  await api['import.run']({ path: first, options: {}, onPreviousImport: 'skip', strict: false });
});
afterAll(() => backend.dispose());

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const OLE2 = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);

const cases: [string, string, Buffer | string, keyof typeof ERROR_MESSAGES, Record<string, string>?][] = [
  ['an empty file', 'empty.csv', '', 'fileEmpty'],
  ['a file of blank lines', 'blank.csv', '\ufeff\r\n  \r\n\r\n', 'fileEmpty'],
  ['a header only', 'header.csv', 'customer,date,amount\r\n', 'fileHeaderOnly'],
  ['a header and blank lines', 'header-blank.csv', 'customer;date;amount\n\n\n', 'fileHeaderOnly'],
  ['a PNG image', 'logo.png', PNG, 'fileNotTable', { format: 'PNG' }],
  ['a PNG renamed .csv', 'orders.csv', PNG, 'fileNotTable', { format: 'PNG' }],
  ['a PDF', 'invoice.csv', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'fileNotTable', { format: 'PDF' }],
  ['an HTML page saved as .xls', 'orders.xls', '<!DOCTYPE html>\n<html><body><table><tr><td>customer</td></tr></table></body></html>', 'fileIsHtml'],
  ['an HTML table saved as .xls', 'report.xls', '\ufeff  <table border="1"><tr><th>Order</th></tr></table>', 'fileIsHtml'],
  ['an Excel 97–2003 workbook', 'old.xls', OLE2, 'spreadsheetLegacy'],
  ['a password-protected workbook', 'locked.xlsx', OLE2, 'spreadsheetEncrypted'],
  ['other binary content', 'data.csv', Buffer.from([0x43, 0x55, 0x53, 0x00, 0x01, 0x02, 0x03, 0x9f, 0x00, 0x44, 0x0a, 0x00, 0x07]), 'fileBinary'],
];

describe('files that are not a table', () => {
  it.each(cases)('%s: said in words before any preview, and nothing imported', async (_label, name, content, key, params = {}) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const expected = { key, params: { name, ...params }, message: ERROR_MESSAGES[key].message.replace('{{name}}', name).replace('{{format}}', params.format ?? '') };
    await expect(api['import.preview']({ path, options: {} })).rejects.toMatchObject(expected);
    await expect(api['import.run']({ path, options: {}, onPreviousImport: 'skip', strict: false })).rejects.toMatchObject(expected);
    expect((await api['workspace.current']({}))?.transactions).toBe(2);
  });
});

describe('files named for something else', () => {
  it('reads a workbook renamed .csv as a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Orders');
    sheet.addRow(['Customer', 'Date', 'Amount']);
    sheet.addRow(['C', new Date(Date.UTC(2024, 2, 1)), 30]);
    const path = join(dir, 'renamed.csv');
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    const preview = await api['import.preview']({ path, options: {} });
    expect(preview.detected.format).toBe('xlsx');
    expect(preview.rows).toEqual([['C', '2024-03-01', '30']]);
  });

  it('reads a CSV named .xlsx as text, and UTF-16 without a byte-order mark is not taken for binary', async () => {
    const path = join(dir, 'not-really.xlsx');
    writeFileSync(path, 'customer,date,amount\nD,2024-04-01,40\n');
    const preview = await api['import.preview']({ path, options: {} });
    expect(preview.detected.format).toBe('text');
    expect(preview.rows).toEqual([['D', '2024-04-01', '40']]);
    const utf16 = join(dir, 'utf16.csv');
    writeFileSync(utf16, Buffer.from('customer,date,amount\nE,2024-05-01,50\n', 'utf16le'));
    await expect(api['import.preview']({ path: utf16, options: {} })).resolves.toBeDefined();
  });
});
