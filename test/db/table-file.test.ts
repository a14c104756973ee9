/**
 * Tables written for a spreadsheet (electron/services/export/table-file.ts): an .xlsx read back by
 * the library that reads workbooks has typed cells, the currency's format, a frozen header and
 * filters; a CSV has a byte-order mark and no cell a spreadsheet would run as a formula; a failed
 * write leaves nothing behind.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Excel from 'exceljs';
import { describe, expect, it } from 'vitest';
import { currencySymbol, numberFormat, writeTable, type TableFile } from '../../electron/services/export/table-file';
import { tempDir } from '../support/harness';

const TABLE: TableFile = {
  sheet: 'Клиенты: MVC / лучшие?',
  columns: [
    { header: 'Клиент', kind: 'text' },
    { header: 'Заказы', kind: 'integer' },
    { header: 'Прибыль', kind: 'money' },
    { header: 'Доля', kind: 'percent' },
    { header: 'Последняя покупка', kind: 'date' },
  ],
  rows: [
    ['=cmd|\' /C calc\'!A0', 12, 619672.5, 0.25, '2024-12-31'],
    ['00042', 1, -15.25, null, null],
  ],
  currency: 'GBP',
};

describe('a table for a spreadsheet', () => {
  it('writes an .xlsx with real numbers and dates, money in the currency, a frozen header and filters', async () => {
    const path = join(tempDir(), 'customers.xlsx');
    expect(await writeTable(path, TABLE)).toBe(2);
    const workbook = new Excel.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    // Excel's forbidden characters (: / ?) become spaces and the name is cut at 31 characters.
    expect(sheet.name).toBe('Клиенты  MVC   лучшие ');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Клиент', 'Заказы', 'Прибыль', 'Доля', 'Последняя покупка']);
    const first = sheet.getRow(2);
    // Text stays text, even when it looks like a formula or a number with leading zeros.
    expect(first.getCell(1).value).toBe("=cmd|' /C calc'!A0");
    expect(first.getCell(1).type).toBe(Excel.ValueType.String);
    expect(sheet.getRow(3).getCell(1).value).toBe('00042');
    expect(first.getCell(2).value).toBe(12);
    expect(first.getCell(3).value).toBe(619672.5);
    expect(first.getCell(3).numFmt).toBe('"£"#,##0.00;-"£"#,##0.00');
    expect(first.getCell(4).value).toBe(0.25);
    expect(first.getCell(4).numFmt).toBe('0.0%');
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(2024, 11, 31)));
    expect(first.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(3).getCell(3).value).toBe(-15.25);
    expect(sheet.getRow(3).getCell(4).value).toBeNull();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:E3');
  });

  it('writes CSV (any other extension) with a byte-order mark and guarded formulas', async () => {
    const path = join(tempDir(), 'customers.csv');
    await writeTable(path, TABLE);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\uFEFFКлиент,Заказы,Прибыль,Доля,Последняя покупка\r\n')).toBe(true);
    expect(text).toContain(`\r\n'=cmd|' /C calc'!A0,12,619672.5,0.25,2024-12-31\r\n`);
    expect(text).toContain('00042,1,-15.25,,\r\n');
  });

  it('leaves neither a file nor a partial one when the write fails', async () => {
    const dir = tempDir();
    await expect(writeTable(join(dir, 'missing', 'x.xlsx'), TABLE)).rejects.toThrow();
    await expect(writeTable(join(dir, 'missing', 'x.csv'), TABLE)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('formats money in the currency, plain without one', () => {
    expect(currencySymbol('GBP')).toBe('£');
    expect(currencySymbol('RUB')).toBe('₽');
    expect(currencySymbol('CHF')).toBe('CHF');
    expect(numberFormat('money', 'USD')).toBe('"$"#,##0.00;-"$"#,##0.00');
    expect(numberFormat('money', null)).toBe('#,##0.00');
    expect(numberFormat('integer', 'USD')).toBe('#,##0');
    expect(numberFormat('text', 'USD')).toBeUndefined();
  });
});
