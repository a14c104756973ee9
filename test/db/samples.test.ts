import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/services/backend';
import { headlessPorts } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { createApi } from '../../shared/ipc/client';
import { directTransport } from '../../electron/services/api/direct-transport';
import { tempDir } from '../support/harness';

const dataDir = tempDir('vl-samples-');
const backend = createBackend({ ports: headlessPorts('cli'), dataDir, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
const api = createApi(directTransport(backend));
afterAll(() => backend.dispose());

/** The CSV's own totals, computed independently: amounts in integer cents, customers as distinct ids. */
function cdnowFileTotals() {
  const lines = readFileSync(join(SOURCE_SAMPLES_DIR, 'cdnow_master.csv'), 'utf8').trim().split('\n').slice(1);
  let cents = 0;
  const ids = new Set<string>();
  for (const line of lines) {
    const [id, , , amount] = line.split(',');
    ids.add(String(Number(id)));
    cents += Math.round(Number(amount) * 100);
  }
  return { rows: lines.length, customers: ids.size, revenue: cents / 100 };
}

describe('sample workspaces', () => {
  it('fills a workspace with the CDNOW transactions: every customer, every row, revenue to the cent', async () => {
    const path = join(tempDir(), 'cdnow.vlw');
    const summary = await api['workspace.createSample']({ sample: 'cdnow', path });
    const file = cdnowFileTotals();
    expect(file).toMatchObject({ rows: 69_659, customers: 23_570 });
    expect(summary).toMatchObject({ customers: 23_570, transactions: 69_659, revenue: file.revenue, firstDate: '1997-01-01', lastDate: '1998-06-30', sample: 'cdnow' });
  });

  it('fills the demo business: products, costs, channels, spend and prospects', async () => {
    const summary = await api['workspace.openSample']({ sample: 'demo' });
    expect(summary.path).toBe(join(dataDir, 'samples', 'demo.vlw'));
    expect(summary.customers).toBe(3000);
    for (const table of ['transactions', 'serviceCosts', 'products', 'marketingSpend', 'prospects'] as const) expect(summary.tables[table]).toBeGreaterThan(0);
    // Opening it again reuses the file rather than rebuilding it.
    const again = await api['workspace.openSample']({ sample: 'demo' });
    expect(again.createdAt).toBe(summary.createdAt);
  });

  it('leaves no file behind when building a sample is cancelled', async () => {
    const path = join(tempDir(), 'cancelled.vlw');
    const controller = new AbortController();
    const pending = api['workspace.createSample']({ sample: 'cdnow', path }, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.stage === 'writing') controller.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dirname(path))).toEqual([]);
  });

  it('does not overwrite an existing file unless asked to', async () => {
    const path = join(tempDir(), 'taken.vlw');
    await api['workspace.create']({ path });
    await expect(api['workspace.createSample']({ sample: 'cdnow', path })).rejects.toMatchObject({ code: 'already_exists' });
  });

  it('never replaces a file that is not a workspace, even when asked to', async () => {
    const path = join(tempDir(), 'notes.vlw');
    writeFileSync(path, 'my notes, not a database\n');
    await expect(api['workspace.createSample']({ sample: 'demo', path, replace: true })).rejects.toMatchObject({ code: 'not_a_workspace' });
    expect(readFileSync(path, 'utf8')).toBe('my notes, not a database\n');
  });
});
