// Runs one import in a process of its own, so that its time and peak memory are its own.
import { tmpdir } from 'node:os';
import { createApi } from '../shared/ipc/client';
import { directTransport } from '../electron/services/api/direct-transport';
import { createBackend, headlessPorts } from '../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../electron/services/paths';

const [workspace, file, workerScript] = process.argv.slice(2) as [string, string, string | undefined];
const backend = createBackend({ ports: headlessPorts('cli'), dataDir: tmpdir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'bench', ...(workerScript ? { workerScript } : {}) });
const api = createApi(directTransport(backend));
await api['workspace.create']({ path: workspace });
const stages: Record<string, number> = {};
let stage = '';
let stageStart = 0;
const start = performance.now();
const result = await api['import.run'](
  { path: file, options: {}, onPreviousImport: 'skip', strict: false },
  {
    onProgress: (progress) => {
      if (progress.stage !== stage) {
        const now = performance.now();
        if (stage) stages[stage] = now - stageStart;
        stage = progress.stage;
        stageStart = now;
      }
    },
  },
);
const ms = performance.now() - start;
if (stage) stages[stage] = performance.now() - stageStart;
await backend.dispose();
console.log(JSON.stringify({ ms, accepted: result.accepted, maxRssMb: process.resourceUsage().maxRSS / 1024, stages }));
