/**
 * The customers of a stored analysis through the contract: the grid's pages, the drill-down and
 * the exported lists, on the demo business.
 */
import { readFileSync } from 'node:fs';
import Excel from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRun } from '../../shared/domain/analysis';
import { createApi, type Api } from '../../shared/ipc/client';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { tempDir } from '../support/harness';

let backend: Backend;
let api: Api;
let run: AnalysisRun;

beforeAll(async () => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
  await api['workspace.createSample']({ sample: 'demo', path: join(tempDir(), 'demo.vlw') });
  run = await api['analysis.run']({});
}, 60_000);
afterAll(() => backend.dispose());

const column = (page: { columns: { key: string }[] }, key: string) => page.columns.findIndex((c) => c.key === key);

describe('analysed customers', () => {
  it('pages every customer in the analysis, sorted on any column', async () => {
    const page = await api['analysis.customers']({ offset: 0, limit: 50, sort: { column: 'currentProfit', direction: 'desc' } });
    expect(page.total).toBe(run.summary.customers);
    const profit = column(page, 'currentProfit');
    const values = page.rows.map((row) => row[profit] as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // The most profitable customer is MVC.
    expect(page.rows[0]?.[column(page, 'tier')]).toBe('mvc');
  });

  it('filters by tier, strategy and search, matching the summary counts', async () => {
    const mvc = await api['analysis.customers']({ offset: 0, limit: 1, filter: { tier: ['mvc'] } });
    expect(mvc.total).toBe(run.summary.ladder.mvc.customers);
    const redesign = await api['analysis.customers']({ offset: 0, limit: 1, filter: { strategy: ['redesign'] } });
    expect(redesign.total).toBe(run.summary.strategies.redesign);
    const found = await api['analysis.customers']({ offset: 0, limit: 5, filter: { search: 'c-00042' } });
    expect(found.rows[0]?.[column(found, 'customer')]).toBe('C-00042');
  });

  it('shows one customer in full', async () => {
    const detail = await api['analysis.customer']({ customer: 'C-00042' });
    expect(detail.customer).toBe('C-00042');
    expect(detail.orders.length).toBeGreaterThan(0);
    const total = detail.orders.reduce((sum, order) => sum + order.amount, 0);
    expect(total).toBeCloseTo(detail.values.revenue as number, 6);
    expect(Object.keys(detail.tierMedians)).toContain('currentProfit');
    await expect(api['analysis.customer']({ customer: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('writes the customers, cross-sell and contact lists', async () => {
    const dir = tempDir();
    const customers = await api['analysis.export']({ list: 'customers', path: join(dir, 'c.csv'), filter: { tier: ['belowZero'] } });
    expect(customers.rows).toBe(run.summary.ladder.belowZero.customers);
    const lines = readFileSync(join(dir, 'c.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(customers.rows + 1);
    const crossSell = await api['analysis.export']({ list: 'crosssell', path: join(dir, 'x.csv') });
    expect(crossSell.rows).toBe(run.summary.crossSell.offers);
    const contacts = await api['analysis.export']({ list: 'contacts', path: join(dir, 'p.csv') });
    expect(contacts.rows).toBe(run.summary.contacts.planned);
    const calendar = await api['analysis.export']({ list: 'contactsCalendar', path: join(dir, 'p.ics') });
    const ics = readFileSync(join(dir, 'p.ics'), 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(calendar.rows);
  });

  it('writes a list as an Excel workbook in the person\'s words, with typed cells', async () => {
    const path = join(tempDir(), 'mvc.xlsx');
    const words = {
      locale: 'ru' as const,
      headers: { customer: 'Клиент', tier: 'Ступень', currentProfit: 'Прибыль', lastDate: 'Последняя покупка', active: 'Активен', reasonText: 'Почему', 'list.customers': 'Клиенты' },
      codes: { tier: { mvc: 'MVC (самые ценные)' }, strategy: { retain: 'Удержание' } },
      yes: 'Да',
      no: 'Нет',
      reasons: { 'retain.valuable': 'прибыль {{profit}} за {{months}} мес.' },
    };
    const written = await api['analysis.export']({ list: 'customers', path, filter: { tier: ['mvc'] }, words });
    expect(written.rows).toBe(run.summary.ladder.mvc.customers);
    const workbook = new Excel.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('Клиенты');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const at = (header: string) => headers.indexOf(header) + 1;
    // Keys the words do not name keep their key.
    expect(headers).toContain('quadrant');
    expect(sheet.rowCount).toBe(written.rows + 1);
    const profits: number[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      expect(row.getCell(at('Ступень')).value).toBe('MVC (самые ценные)');
      expect(['Да', 'Нет']).toContain(row.getCell(at('Активен')).value);
      expect(row.getCell(at('Последняя покупка')).value).toBeInstanceOf(Date);
      const profit = row.getCell(at('Прибыль')).value;
      expect(typeof profit).toBe('number');
      profits.push(profit as number);
    }
    const page = await api['analysis.customers']({ offset: 0, limit: 10_000, filter: { tier: ['mvc'] } });
    const expected = page.rows.map((row) => Math.round((row[column(page, 'currentProfit')] as number) * 100) / 100);
    expect(profits.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    // The reason in the person's template with the customer's numbers in Russian style ("+1 376", "+961,56"); reasons without a template stay English.
    const reasons = Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(at('Почему')).value));
    expect(reasons.some((reason) => /^прибыль \+\d[\d\s\u00a0]*(,\d\d)? за 12 мес\.$/.test(reason))).toBe(true);
  });
});
