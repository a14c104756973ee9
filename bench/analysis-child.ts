// Builds a 100,000-customer demo workspace, then times analyses of it through the service.
import { tmpdir } from 'node:os';
import { openWorkspaceDatabase } from '../electron/db/connection';
import { WorkspaceStore } from '../electron/db/queries';
import { directTransport } from '../electron/services/api/direct-transport';
import { createBackend, headlessPorts } from '../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../electron/services/paths';
import { generateDemoDataset } from '../electron/services/samples/demo';
import { createApi } from '../shared/ipc/client';

const [mode, workspace, workerScript, file] = process.argv.slice(2) as ['build' | 'import' | 'analyse', string, string, string | undefined];
if (mode === 'import' && file) {
  // A workspace made by importing an export (not timed).
  const backend = createBackend({ ports: headlessPorts('cli'), dataDir: tmpdir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'bench', workerScript });
  const api = createApi(directTransport(backend));
  await api['workspace.create']({ path: workspace });
  const result = await api['import.run']({ path: file, options: {}, onPreviousImport: 'skip', strict: false });
  await backend.dispose();
  console.log(JSON.stringify({ lines: result.accepted }));
  process.exit(0);
}
if (mode === 'build') {
  // A process of its own, so that the analysing process's memory is its own.
  const buildStart = performance.now();
  const dataset = generateDemoDataset({ customers: 100_000 });
  const store = new WorkspaceStore(openWorkspaceDatabase(workspace, { mode: 'create' }));
  store.insertDataset(dataset);
  store.close();
  console.log(JSON.stringify({ lines: dataset.transactions.length, customers: dataset.customers.length, buildMs: performance.now() - buildStart }));
  process.exit(0);
}

async function session() {
  const backend = createBackend({ ports: headlessPorts('cli'), dataDir: tmpdir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'bench', workerScript });
  const api = createApi(directTransport(backend));
  await api['workspace.open']({ path: workspace });
  return { backend, api };
}

// 1. The first analysis after the data arrived: reads every row and keeps the columnar snapshot.
let { backend, api } = await session();
let start = performance.now();
const cold = await api['analysis.run']({});
const coldMs = performance.now() - start;
const coldRssMb = process.resourceUsage().maxRSS / 1024;
await backend.dispose();

// 2. The workspace opened again by a new process: the analysis reads the snapshot.
({ backend, api } = await session());
start = performance.now();
const first = await api['analysis.run']({});
const firstMs = performance.now() - start;
const firstRssMb = process.resourceUsage().maxRSS / 1024;

// 3. One threshold changed: only what depends on it runs again.
await api['analysis.updateSettings']({ mvcProfitShare: 0.75 });
start = performance.now();
const rerun = await api['analysis.run']({});
const rerunMs = performance.now() - start;
await backend.dispose();
console.log(
  JSON.stringify({
    cold: { ms: coldMs, timings: cold.timings, maxRssMb: coldRssMb },
    first: { ms: firstMs, timings: first.timings, maxRssMb: firstRssMb },
    rerun: { ms: rerunMs, timings: rerun.timings, computed: rerun.computedStages },
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
