/**
 * The six messy exports of real businesses, imported end to end through the contract
 * (the same calls the wizard and the CLI make).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Excel from 'exceljs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../shared/ipc/client';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_ROOT, SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { tempDir } from '../support/harness';

const MESSY = join(SOURCE_ROOT, 'test', 'fixtures', 'messy');
let backend: Backend;
let api: Api;

beforeAll(() => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
});
afterAll(() => backend.dispose());

async function freshWorkspace() {
  return api['workspace.create']({ path: join(tempDir(), 'w.vlw') });
}

async function importFile(name: string, extra: Partial<Parameters<Api['import.run']>[0]> = {}) {
  return api['import.run']({ path: join(MESSY, name), options: {}, onPreviousImport: 'skip', strict: false, ...extra });
}

describe('importing the messy exports', () => {
  it('shop_ru_cp1251: Windows-1251, semicolons, decimal commas with space thousands, refunds, a total row and blank lines', async () => {
    await freshWorkspace();
    const result = await importFile('shop_ru_cp1251.csv');
    expect(result.detected).toMatchObject({ encoding: 'windows-1251', delimiter: ';', kind: 'transactions', dateFormat: 'dmy', numberFormat: { decimal: ',' } });
    expect(result.accepted).toBe(2500);
    expect(result.rejectedCount).toBe(0);
    expect(result.skipped.filter((row) => row.reason === 'total row')).toHaveLength(1);
    expect(result.skipped.filter((row) => row.reason === 'blank line')).toHaveLength(3);
    expect(result.skipped.map((row) => row.code).sort()).toEqual(['blank_line', 'blank_line', 'blank_line', 'total_row']);
    // The file's own "Итого" line, read here independently of the importer.
    const text = iconv.decode(readFileSync(join(MESSY, 'shop_ru_cp1251.csv')), 'windows-1251');
    const totalLine = text.split(/\r?\n/).find((line) => line.startsWith('Итого')) ?? '';
    const fileTotal = Number((totalLine.split(';')[4] ?? '').replace(/\s/g, '').replace(',', '.'));
    expect(fileTotal).toBe(7020214.73);
    expect(result.total).toBeCloseTo(fileTotal, 2);
    const workspace = await api['workspace.current']({});
    expect(workspace?.revenue).toBeCloseTo(fileTotal, 2);
    // Refunds are kept (negative amounts) and net out of revenue.
    const page = await api['data.page']({ table: 'transactions', offset: 0, limit: 5, sort: { column: 'amount', direction: 'asc' } });
    const amount = page.columns.findIndex((column) => column.key === 'amount');
    expect(Number(page.rows[0]?.[amount])).toBeLessThan(0);
  });

  it('wholesale_zh_gbk: GBK, yuan amounts with thousands commas, YYYY/MM/DD', async () => {
    await freshWorkspace();
    const result = await importFile('wholesale_zh_gbk.csv');
    expect(result.detected.encoding).toMatch(/^(gb18030|gbk)$/);
    expect(result.detected).toMatchObject({ delimiter: ',', dateFormat: 'ymd', numberFormat: { decimal: '.' } });
    expect(result.accepted).toBe(1200);
    expect(result.rejectedCount).toBe(0);
  });

  it('retail_ro_bom: UTF-8 with BOM, semicolons, "1.234,56 lei", DD/MM/YYYY', async () => {
    await freshWorkspace();
    const result = await importFile('retail_ro_bom.csv');
    expect(result.detected).toMatchObject({ encoding: 'utf-8', delimiter: ';', dateFormat: 'dmy', numberFormat: { decimal: ',', thousands: '.' } });
    expect(result.detected.currency).toMatch(/lei/i);
    expect(result.accepted).toBe(1500);
    const customers = await api['data.page']({ table: 'customers', offset: 0, limit: 50 });
    const name = customers.columns.findIndex((column) => column.key === 'name');
    expect(customers.rows.map((row) => row[name])).toContain('Ana-Maria Dumitrescu');
  });

  it('cafe_fa_jalali: Persian digits and Solar Hijri dates become Gregorian', async () => {
    const workspace = await freshWorkspace();
    const result = await importFile('cafe_fa_jalali.csv');
    expect(result.detected).toMatchObject({ dateFormat: 'jalali', kind: 'transactions' });
    expect(result.accepted).toBe(1400);
    const summary = await api['workspace.current']({});
    // ۱۴۰۰/۱۰/۱۵ is 5 January 2022; ۱۴۰۳/۱۰/۱۲ is 1 January 2025.
    expect(summary?.firstDate).toBe('2022-01-05');
    expect(summary?.lastDate).toBe('2025-01-01');
    expect(workspace.path).toBe(summary?.path);
  });

  it('customers_bg: 400 customers with channel, acquisition date and cost', async () => {
    await freshWorkspace();
    const result = await importFile('customers_bg.csv');
    expect(result.kind).toBe('customers');
    expect(result.accepted).toBe(400);
    const page = await api['data.page']({ table: 'customers', offset: 0, limit: 1, sort: { column: 'customer', direction: 'asc' } });
    const row = Object.fromEntries(page.columns.map((column, index) => [column.key, page.rows[0]?.[index]]));
    expect(row).toMatchObject({ customer: 'BG0001', name: 'Фирма 1 ООД', region: 'София', industry: 'Услуги', channel: 'Изложение', acquired: '2021-04-26', acquisitionCost: 121 });
  });

  it('broken_orders: 295 accepted (a row with no customer id goes to the unknown customer, a repeat without order id is kept), 6 rejected with line and reason', async () => {
    await freshWorkspace();
    const result = await importFile('broken_orders.csv');
    expect(result.accepted).toBe(295);
    expect(result.rejected.map((issue) => issue.line)).toEqual([22, 32, 42, 52, 62, 302]);
    const byLine = Object.fromEntries(result.rejected.map((issue) => [issue.line, issue]));
    expect(byLine[22]).toMatchObject({ column: 'order_date', value: '2023-02-30', reason: expect.stringContaining('not a valid date') });
    expect(byLine[32]).toMatchObject({ column: 'amount', value: 'twelve', reason: 'amount is not a number' });
    expect(byLine[42]).toMatchObject({ reason: 'expected 4 fields, found 3' });
    expect(byLine[52]).toMatchObject({ reason: 'expected 4 fields, found 5' });
    expect(byLine[62]).toMatchObject({ column: 'order_date', value: '2099-01-01', reason: 'the date is in the future' });
    expect(byLine[302]).toMatchObject({ reason: 'a quote is never closed' });
    // Line 12 has no customer id: kept under the unknown customer (one row: no warning).
    expect(result.unknownCustomer).toEqual({ rows: 1, amount: 37.59 });
    // Line 73 repeats line 72 and the file has no order ids: it may be a second purchase, so it stays in.
    expect(result.duplicates).toEqual([{ line: 73, of: 72, kept: true }]);
    expect(result).toMatchObject({ duplicateCount: 0, possibleDuplicateCount: 1, warnings: [] });
    // Everything is in the workspace's log too.
    const log = await api['import.log']({});
    expect(log[0]).toMatchObject({ accepted: 295, rejected: 6, duplicates: 0, fileName: 'broken_orders.csv' });
    const issues = await api['import.issues']({ importId: result.importId as number, kind: 'rejected' });
    expect(issues.map((issue) => issue.line)).toEqual([22, 32, 42, 52, 62, 302]);
    // Each reason also as a code with its parameters, for the app to say in the reader's language.
    expect(result.rejected.map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'bad_date', params: { dateFormat: 'ymd' } },
      { code: 'not_a_number', params: { column: 'amount' } },
      { code: 'field_count', params: { expected: 4, found: 3 } },
      { code: 'field_count', params: { expected: 4, found: 5 } },
      { code: 'future_date', params: {} },
      { code: 'unclosed_quote', params: {} },
    ]);
    expect(issues.map(({ code, params, reason }) => ({ code, params, reason }))).toEqual(result.rejected.map(({ code, params, reason }) => ({ code, params, reason })));
    const [repeat] = await api['import.issues']({ importId: result.importId as number, kind: 'duplicate' });
    expect(repeat).toMatchObject({ line: 73, of: 72, code: 'possible_duplicate', params: { of: 72 }, reason: 'same as line 72 (kept: there is no order id to tell them apart)' });
    // Issues logged before codes were kept have only their English reason.
    backend.workspaces.requireStore().db.prepare('UPDATE import_issues SET code = NULL, params = NULL WHERE import_id = ?').run(result.importId);
    const [older] = await api['import.issues']({ importId: result.importId as number, kind: 'rejected' });
    expect(older).toMatchObject({ line: 22, code: null, params: {}, reason: expect.stringContaining('not a valid date') });
  });

  it('keeps every repeat when asked to, and drops the possible duplicates too when asked to', async () => {
    await freshWorkspace();
    expect(await importFile('broken_orders.csv', { options: { keepDuplicates: true } })).toMatchObject({ accepted: 295, duplicateCount: 0, possibleDuplicateCount: 0 });
    await freshWorkspace();
    const dropped = await importFile('broken_orders.csv', { options: { dropPossibleDuplicates: true } });
    expect(dropped).toMatchObject({ accepted: 294, duplicateCount: 1, possibleDuplicateCount: 0 });
    expect(dropped.duplicates).toEqual([{ line: 73, of: 72 }]);
  });

  it('commits nothing in strict mode when a row is rejected', async () => {
    const before = await freshWorkspace();
    const result = await importFile('broken_orders.csv', { strict: true });
    expect(result).toMatchObject({ committed: false, importId: null, rejectedCount: 6 });
    expect(result.notCommittedReason).toMatch(/strict/);
    const after = await api['workspace.current']({});
    expect(after?.transactions).toBe(before.transactions);
    expect(await api['import.log']({})).toEqual([]);
  });

  it('detects a re-import of the same file and skips or replaces it', async () => {
    await freshWorkspace();
    const first = await importFile('broken_orders.csv');
    const preview = await api['import.preview']({ path: join(MESSY, 'broken_orders.csv'), options: {} });
    expect(preview.previousImport).toMatchObject({ importId: first.importId, fileName: 'broken_orders.csv' });
    const skipped = await importFile('broken_orders.csv');
    expect(skipped).toMatchObject({ committed: false, importId: null });
    expect(skipped.notCommittedReason).toMatch(/already imported/);
    expect((await api['workspace.current']({}))?.transactions).toBe(295);
    const replaced = await importFile('broken_orders.csv', { onPreviousImport: 'replace' });
    expect(replaced).toMatchObject({ committed: true, replacedImportId: first.importId, accepted: 295 });
    expect((await api['workspace.current']({}))?.transactions).toBe(295);
    expect((await api['import.log']({})).map((entry) => entry.importId)).toEqual([replaced.importId]);
  });

  it('remembers the mapping of a source for its next file', async () => {
    await freshWorkspace();
    const options = { kind: 'transactions' as const, mapping: { customerId: 0, date: 1, amount: 3, cost: null } };
    await importFile('broken_orders.csv', { options });
    const preview = await api['import.preview']({ path: join(MESSY, 'broken_orders.csv'), options: {} });
    expect(preview.detected.rememberedMapping).toBe(true);
    expect(preview.detected.mapping).toMatchObject({ customerId: 0, date: 1, amount: 3, cost: null });
  });

  it('exports the import log as CSV', async () => {
    await freshWorkspace();
    const result = await importFile('broken_orders.csv');
    const path = join(tempDir(), 'log.csv');
    expect(await api['import.exportLog']({ importId: result.importId as number, path })).toEqual({ path, rows: 7 });
    const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('import,file,sha256,imported_at,kind,accepted,rejected,skipped,duplicates,issue,line,column,value,reason,of_line');
    expect(lines).toHaveLength(8);
    expect(lines.find((line) => line.includes(',duplicate,73,'))).toContain(',72');
  });

  it('guards formulas in the import log: a rejected cell a spreadsheet would run stays text', async () => {
    await freshWorkspace();
    const dir = tempDir();
    const file = join(dir, 'formulas.csv');
    const good = Array.from({ length: 20 }, (_, i) => `C${i},2024-01-${String(i + 1).padStart(2, '0')},${10 + i}.50`);
    writeFileSync(file, ['customer,date,amount', ...good.slice(0, 10), "C2,2024-01-03,=cmd|' /C calc'!A0", 'C3,2024-01-04,@SUM(A1:A2)', ...good.slice(10)].join('\n'));
    const result = await api['import.run']({ path: file, options: {}, onPreviousImport: 'skip', strict: false, acceptWarnings: true });
    expect(result.notCommittedReason).toBeNull();
    expect(result.rejected).toHaveLength(2);
    const csv = join(dir, 'log.csv');
    await api['import.exportLog']({ importId: result.importId as number, path: csv });
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain(",'=cmd|' /C calc'!A0,");
    expect(text).toContain(",'@SUM(A1:A2),");
    expect(text).not.toMatch(/,[=@]/);
    // As a workbook, the same cells are text.
    const xlsx = join(dir, 'log.xlsx');
    await api['import.exportLog']({ importId: result.importId as number, path: xlsx });
    const workbook = new Excel.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const values = workbook.worksheets[0]?.getColumn(13).values.slice(2) ?? [];
    expect(values).toEqual(["=cmd|' /C calc'!A0", '@SUM(A1:A2)']);
  });
});
