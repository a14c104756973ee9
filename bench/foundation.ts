import { join } from 'node:path';
import { createApi } from '../shared/ipc/client';
import { directTransport } from '../electron/services/api/direct-transport';
import { createBackend, headlessPorts } from '../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../electron/services/paths';
import { ensureDir, report, timeMedian } from './util';

/** The skeleton's own costs: building the samples, opening a workspace, one call through the contract. */
export async function foundationBench(dir: string): Promise<void> {
  ensureDir(dir);
  const backend = createBackend({ ports: headlessPorts('cli'), dataDir: dir, ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'bench' });
  const api = createApi(directTransport(backend));
  try {
    let n = 0;
    report('CDNOW sample workspace built (69,659 rows, in a worker)', await timeMedian(3, () => api['workspace.createSample']({ sample: 'cdnow', path: join(dir, `cdnow-${n++}.vlw`) })), 'ms');
    report('demo sample workspace built (3,000 customers)', await timeMedian(3, () => api['workspace.createSample']({ sample: 'demo', path: join(dir, `demo-${n++}.vlw`) })), 'ms');
    const paths = [join(dir, 'cdnow-0.vlw'), join(dir, 'demo-3.vlw')];
    let flip = 0;
    report('workspace opened (checks + schema verification + summary)', await timeMedian(20, () => api['workspace.open']({ path: paths[flip++ % 2] as string })), 'ms');
    report('contract round trip (validated call, direct transport)', await timeMedian(2000, () => api['app.settings']({})), 'ms');
    report('one page of 200 transactions sorted by amount (CDNOW)', await timeMedian(20, async () => {
      await api['workspace.open']({ path: paths[0] as string });
      await api['data.page']({ table: 'transactions', offset: 1000, limit: 200, sort: { column: 'amount', direction: 'desc' } });
    }), 'ms');
  } finally {
    await backend.dispose();
  }
}
