/**
 * Projections that prove themselves: analysed as of a past date, the projections of the next 12
 * months are held against what the data shows happened — on CDNOW (as of 1997-06-30), the demo
 * (as of 2024-12-31) and an Online Retail-like invoice export; and the analysis at the last date
 * fills every quadrant and tier the data can fill.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../shared/ipc/client';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { demoTruth } from '../../electron/services/samples/demo';
import type { BacktestRun } from '../../shared/domain/models';
import { onlineRetailLike } from '../support/online-retail';
import { tempDir } from '../support/harness';

let backend: Backend;
let api: Api;
const dir = tempDir();
const workspaces: Record<'cdnow' | 'demo' | 'retail', string> = { cdnow: join(dir, 'cdnow.vlw'), demo: join(dir, 'demo.vlw'), retail: join(dir, 'retail.vlw') };

beforeAll(async () => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
  await api['workspace.createSample']({ sample: 'cdnow', path: workspaces.cdnow });
  await api['workspace.createSample']({ sample: 'demo', path: workspaces.demo });
  const file = onlineRetailLike();
  const csv = join(dir, 'online_retail.csv');
  writeFileSync(csv, file.csv);
  await api['workspace.create']({ path: workspaces.retail });
  const imported = await api['import.run']({ path: csv, options: {}, onPreviousImport: 'skip', strict: false, acceptWarnings: true });
  expect(imported).toMatchObject({ committed: true, rejectedCount: 0 });
}, 120_000);
afterAll(() => backend.dispose());

const percent = (value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : ''}${(value * 100).toFixed(1)} %`);
function report(name: string, run: BacktestRun): void {
  const { result } = run;
  console.info(
    `back-test ${name} as of ${result.asOf} (${result.outlook.engine}${result.outlook.model ? ` ${result.outlook.model.model}` : ''}), ${result.customers} customers: ` +
      `buying ${result.projected.activeCustomers.toFixed(0)} vs ${result.actual.activeCustomers} (${percent(result.errors.activeCustomers)}), ` +
      `purchases ${result.projected.purchases.toFixed(0)} vs ${result.actual.purchases} (${percent(result.errors.purchases)}), ` +
      `revenue ${result.projected.revenue.toFixed(0)} vs ${result.actual.revenue.toFixed(0)} (${percent(result.errors.revenue)}), ` +
      `profit ${result.projected.profit.toFixed(0)} vs ${result.actual.profit.toFixed(0)} (${percent(result.errors.profit)})`,
  );
}

async function backtestOf(workspace: string, asOf: string | null, useModel = true): Promise<BacktestRun> {
  await api['workspace.open']({ path: workspace });
  await api['analysis.updateSettings']({ useModel });
  return api['models.backtest']({ asOf, horizonMonths: 12 });
}

describe('the back-test', () => {
  it('CDNOW as of 1997-06-30: within 15 % on customers buying and 20 % on their revenue', async () => {
    const run = await backtestOf(workspaces.cdnow, '1997-06-30');
    report('CDNOW', run);
    const { result } = run;
    // Half a year of history and 11,500 repeat customers: the analysis fits BG/NBD itself.
    expect(result.outlook).toMatchObject({ engine: 'model', model: { origin: 'automatic', model: 'bgnbd' } });
    // Customers known at D: everyone with a purchase by 1997-06-30 (70 only ever bought for 0).
    expect(result.customers).toBe(23_500);
    // What happened, counted from the data: 8,330 of them bought again within the year, 26,967 orders.
    expect(result.actual).toMatchObject({ activeCustomers: 8330, purchases: 26_967 });
    expect(Math.abs(result.errors.activeCustomers ?? 1)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(result.errors.revenue ?? 1)).toBeLessThanOrEqual(0.2);
    // The tiers add up to the whole, and the months to the horizon's revenue.
    expect(result.byTier.reduce((sum, tier) => sum + tier.actual.revenue, 0)).toBeCloseTo(result.actual.revenue, 4);
    expect(result.monthly).toHaveLength(12);
    expect(result.monthly.reduce((sum, month) => sum + month.actual, 0)).toBeCloseTo(result.actual.revenue, 4);
    expect(result.monthly.reduce((sum, month) => sum + month.projected, 0)).toBeCloseTo(result.projected.revenue, 4);
    // Kept in the workspace for the Models screen and the report.
    expect(await api['models.latestBacktest']({})).toMatchObject({ stale: false, result: { asOf: '1997-06-30' } });
  });

  it('the demo as of 2024-12-31, with the model and with the observed retention', async () => {
    for (const useModel of [true, false]) {
      const run = await backtestOf(workspaces.demo, '2024-12-31', useModel);
      report(`demo (${useModel ? 'model' : 'no model'})`, run);
      expect(run.result.outlook.engine).toBe(useModel ? 'model' : 'observed');
      expect(Math.abs(run.result.errors.activeCustomers ?? 1)).toBeLessThanOrEqual(0.15);
      expect(Math.abs(run.result.errors.revenue ?? 1)).toBeLessThanOrEqual(0.2);
    }
  });

  it('an Online Retail-like invoice export, a year before its last date, with the model and with the observed retention', async () => {
    for (const useModel of [true, false]) {
      const run = await backtestOf(workspaces.retail, null, useModel);
      report(`Online Retail-like (${useModel ? 'model' : 'no model'})`, run);
      // By default the horizon's length before the last date (9 December 2012).
      expect(run.result.asOf).toBe('2011-12-09');
      expect(Math.abs(run.result.errors.activeCustomers ?? 1)).toBeLessThanOrEqual(0.15);
      expect(Math.abs(run.result.errors.revenue ?? 1)).toBeLessThanOrEqual(0.2);
    }
  });

  it('says which dates it can start from', async () => {
    await api['workspace.open']({ path: workspaces.demo });
    await expect(api['models.backtest']({ asOf: '2025-06-30', horizonMonths: 12 })).rejects.toMatchObject({
      code: 'invalid_input',
      key: 'backtestTooLate',
      params: { date: '2025-06-30', months: 12, latest: '2024-12-31', last: '2025-12-31' },
    });
    await expect(api['models.backtest']({ asOf: '2020-01-01', horizonMonths: 12 })).rejects.toMatchObject({ key: 'asOfBeforeData' });
  });
});

describe('the analysis at the last date', () => {
  it('fills every quadrant and every tier of the demo, and finds the customers the generator brought back', async () => {
    await api['workspace.open']({ path: workspaces.demo });
    await api['analysis.updateSettings']({ useModel: true });
    const { summary } = await api['analysis.run']({});
    for (const cell of Object.values(summary.quadrants)) expect(cell.customers).toBeGreaterThan(0);
    for (const tier of Object.values(summary.ladder)) expect(tier.customers).toBeGreaterThan(0);
    // Won back: came back within the last N days after a real lapse. The generator made 137
    // customers lapse for 200–450 days and come back; the stage finds those of the last N days
    // and counts about as many as the generator made.
    const returns = demoTruth().returns;
    expect(summary.lifecycle.wonBack).toBeGreaterThan(0.5 * returns.length);
    expect(summary.lifecycle.wonBack).toBeLessThan(1.5 * returns.length);
    const wonBack = await api['analysis.customers']({ offset: 0, limit: 1000, filter: { lifecycle: ['wonBack'] }, columns: ['customer'] });
    const found = new Set(wonBack.rows.map((row) => String(row[0]).toLowerCase()));
    const recent = returns.filter((entry) => entry.day > Date.parse(`${summary.asOf}T00:00:00Z`) / 86_400_000 - 91);
    expect(recent.length).toBeGreaterThan(20);
    expect(recent.filter((entry) => found.has(entry.key)).length / recent.length).toBeGreaterThan(0.9);
  });

  it('fills every quadrant of CDNOW and every tier its data can fill', async () => {
    await api['workspace.open']({ path: workspaces.cdnow });
    await api['analysis.updateSettings']({ useModel: true });
    const { summary } = await api['analysis.run']({});
    for (const cell of Object.values(summary.quadrants)) expect(cell.customers).toBeGreaterThan(0);
    expect(summary.ladder.mvc.customers).toBeGreaterThan(0);
    expect(summary.ladder.mgc.customers).toBeGreaterThan(0);
    expect(summary.ladder.middle.customers).toBeGreaterThan(0);
    // Nobody can lose money: CDNOW has no costs (no cost of goods, service costs or cost per order).
    expect(summary.ladder.belowZero.customers).toBe(0);
    await api['analysis.updateSettings']({ costPerOrder: 12 });
    const costly = await api['analysis.run']({});
    expect(costly.summary.ladder.belowZero.customers).toBeGreaterThan(0);
    await api['analysis.updateSettings']({ costPerOrder: 0 });
  });
});
