/**
 * The analysis of a real-looking export, checked against an independent computation written
 * here from the raw file: profit per customer over the 12 months before the last date, the
 * below-zero count and the MVC count (80 % of positive profit).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../shared/ipc/client';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_ROOT, SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { tempDir } from '../support/harness';

const FILE = join(SOURCE_ROOT, 'test', 'fixtures', 'messy', 'shop_ru_cp1251.csv');
let backend: Backend;
let api: Api;

beforeAll(async () => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
  await api['workspace.create']({ path: join(tempDir(), 'shop.vlw') });
  await api['import.run']({ path: FILE, options: {}, onPreviousImport: 'skip', strict: false });
});
afterAll(() => backend.dispose());

/** Profit per customer straight from the file: amount − cost over (last date − 12 months, last date]. */
function independentProfits(): number[] {
  const lines = iconv.decode(readFileSync(FILE), 'windows-1251').split(/\r?\n/).slice(1);
  const rows = lines
    .map((line) => line.match(/("([^"]|"")*"|[^;]*)(;|$)/g)?.map((cell) => cell.replace(/;$/, '')) ?? [])
    .filter((cells) => cells.length >= 6 && /^\d{2}\.\d{2}\.\d{4}$/.test(cells[1] ?? ''));
  const number = (text: string) => Number(text.replace(/[\s\u00a0]/g, '').replace(',', '.'));
  const day = (text: string) => {
    const [d, m, y] = text.split('.').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  const last = Math.max(...rows.map((cells) => day(cells[1] as string)));
  const lastDate = new Date(last * 86_400_000);
  const start = Date.UTC(lastDate.getUTCFullYear() - 1, lastDate.getUTCMonth(), lastDate.getUTCDate()) / 86_400_000;
  const profit = new Map<string, number>();
  for (const cells of rows) {
    const id = (cells[0] as string).trim().toLowerCase();
    if (!profit.has(id)) profit.set(id, 0);
    const when = day(cells[1] as string);
    if (when > start && when <= last) profit.set(id, (profit.get(id) as number) + number(cells[4] as string) - number(cells[5] as string));
  }
  return [...profit.values()];
}

describe('analysis of shop_ru_cp1251', () => {
  it('agrees with an independent computation on below-zero and MVC counts', async () => {
    const run = await api['analysis.run']({});
    const profits = independentProfits().sort((a, b) => b - a);
    const belowZero = profits.filter((value) => value < 0).length;
    const positive = profits.filter((value) => value > 0).reduce((sum, value) => sum + value, 0);
    let mvc = 0;
    let cumulative = 0;
    while (cumulative < 0.8 * positive) cumulative += profits[mvc++] as number;
    expect(run.summary.customers).toBe(profits.length);
    expect(run.summary.ladder.belowZero.customers).toBe(belowZero);
    expect(run.summary.ladder.mvc.customers).toBe(mvc);
    expect(run.summary.profit).toBeCloseTo(profits.reduce((sum, value) => sum + value, 0), 2);
    // And the run is kept: reopening shows it at once.
    const latest = await api['analysis.latest']({});
    expect(latest).toMatchObject({ runId: run.runId, stale: false, summary: { ladder: run.summary.ladder } });
  });

  it('marks the kept analysis stale when the data changes, and keeps settings', async () => {
    const settings = await api['analysis.updateSettings']({ mvcProfitShare: 0.5 });
    expect(settings.mvcProfitShare).toBe(0.5);
    expect((await api['analysis.settings']({})).mvcProfitShare).toBe(0.5);
    await api['import.run']({ path: join(SOURCE_ROOT, 'test', 'fixtures', 'messy', 'broken_orders.csv'), options: {}, onPreviousImport: 'skip', strict: false });
    expect((await api['analysis.latest']({}))?.stale).toBe(true);
  });
});
