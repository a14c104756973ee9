/**
 * The models through the contract, on the CDNOW sample imported into a workspace: the fit
 * reproduces the published BG/NBD estimates, and the next analysis uses it for future profit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../shared/ipc/client';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_ROOT, SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { tempDir } from '../support/harness';

let backend: Backend;
let api: Api;

beforeAll(async () => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
  await api['workspace.create']({ path: join(tempDir(), 'sample.vlw') });
  // CDNOW has 21 genuine repeat lines (same customer, day and amount): with no order id to tell them
  // apart, the import keeps them by default (and says so), so the fit below meets the published figures.
  const imported = await api['import.run']({ path: join(SOURCE_ROOT, 'test', 'fixtures', 'cdnow_sample.csv'), options: {}, onPreviousImport: 'skip', strict: false });
  expect(imported.accepted).toBe(6919);
  expect(imported.possibleDuplicateCount).toBe(21);
  expect(imported.duplicateCount).toBe(0);
}, 60_000);
afterAll(() => backend.dispose());

describe('lifetime value models in the workspace', () => {
  it('fits BG/NBD with a holdout to the published estimates and validates it', async () => {
    const fit = await api['models.fit']({ model: 'bgnbd', unit: 'week', calibrationEnd: '1997-09-30' });
    expect(fit.customers.included).toBe(2357);
    expect(fit.purchase.params.r).toBeCloseTo(0.2426, 3);
    expect(fit.purchase.params.alpha).toBeCloseTo(4.414, 2);
    expect(fit.purchase.params.a).toBeCloseTo(0.7929, 3);
    expect(fit.purchase.params.b).toBeCloseTo(2.426, 2);
    expect(fit.purchase.logLikelihood).toBeCloseTo(-9582.43, 1);
    expect(fit.gammaGamma.params).toMatchObject({ p: expect.closeTo(6.25, 2), q: expect.closeTo(3.744, 2), gamma: expect.closeTo(15.44, 1) });
    expect(fit.usable).toBe(true);
    expect(fit.validation?.buckets).toHaveLength(8);
    expect(fit.validation?.tracking.cumulativeActual.length).toBeGreaterThan(50);
    expect((await api['models.latest']({}))?.fitId).toBe(fit.fitId);
  });

  it('uses the fitted model for future profit in the next analysis, and exports per-customer CLV', async () => {
    const run = await api['analysis.run']({});
    // The person's fit on these data, calibrated up to 1997-09-30, is used rather than an automatic one.
    const fit = await api['models.latest']({});
    expect(run.summary.outlook).toMatchObject({ engine: 'model', model: { origin: 'fit', fitId: fit?.fitId, model: 'bgnbd' }, noModel: null });
    const path = join(tempDir(), 'clv.csv');
    const written = await api['analysis.export']({ list: 'clv', path });
    expect(written.rows).toBe(run.summary.customers);
    const [header, first] = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('customer,name,probabilityActive,expectedPurchases,expectedRevenue,probabilityAlive,clv,futureProfit');
    const cells = (first ?? '').split(',');
    // P(a purchase in 12 months) ≤ P(alive) ≤ 1.
    expect(Number(cells[2])).toBeGreaterThan(0);
    expect(Number(cells[2])).toBeLessThanOrEqual(Number(cells[5]));
    expect(Number(cells[5])).toBeLessThanOrEqual(1);
  });

  it('uses the observed retention of each group when told not to use a model', async () => {
    await api['analysis.updateSettings']({ useModel: false });
    const run = await api['analysis.run']({});
    expect(run.summary.outlook).toMatchObject({ engine: 'observed', model: null, noModel: 'turnedOff' });
    expect(run.summary.outlook.observed?.groups).toHaveLength(6);
  });
});
