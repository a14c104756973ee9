// From a workspace's transactions to stored per-customer CLV, through the services (the app's bundled worker).
import { tmpdir } from 'node:os';
import { directTransport } from '../electron/services/api/direct-transport';
import { createBackend, headlessPorts } from '../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../electron/services/paths';
import { createApi } from '../shared/ipc/client';

const [workspace, workerScript] = process.argv.slice(2) as [string, string];
const backend = createBackend({ ports: headlessPorts('cli'), dataDir: tmpdir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'bench', workerScript });
const api = createApi(directTransport(backend));
await api['workspace.createSample']({ sample: 'cdnow', path: workspace });
// The first analysis reads the rows and keeps the snapshot (as after an import); not part of the figure.
await api['analysis.run']({});
const stages: Record<string, number> = {};
let start = performance.now();
const fit = await api['models.fit']({ model: 'bgnbd', unit: 'week', calibrationEnd: null });
stages['BG/NBD + Gamma-Gamma fit, stored'] = performance.now() - start;
start = performance.now();
const run = await api['analysis.run']({});
stages['analysis with the model: per-customer CLV and P(alive) stored'] = performance.now() - start;
await backend.dispose();
console.log(JSON.stringify({ stages, converged: fit.purchase.converged, source: run.summary.outlook.engine, timings: run.timings }));
