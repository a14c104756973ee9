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
// Until the first progress report: the pool's worker thread starting, the workspace opening.
let stage = 'starting';
const start = performance.now();
const cpu = process.cpuUsage();
let stageStart = start;
const result = await api['import.run'](
  { path: file, options: {}, onPreviousImport: 'skip', strict: false, acceptWarnings: true },
  {
    onProgress: (progress) => {
      if (progress.stage !== stage) {
        const now = performance.now();
        stages[stage] = now - stageStart;
        stage = progress.stage;
        stageStart = now;
      }
    },
  },
);
const ms = performance.now() - start;
stages[stage] = performance.now() - stageStart;
// CPU time of every thread of the process during the import: less sensitive than wall time to other load on the machine.
const used = process.cpuUsage(cpu);
// Peak memory when the import has answered, and (below) once the backend has shut down: after an
// import the analysis worker starts reading the new data, which the second figure may include.
const importRssMb = process.resourceUsage().maxRSS / 1024;
await backend.dispose();
console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, accepted: result.accepted, importRssMb, maxRssMb: process.resourceUsage().maxRSS / 1024, stages }));
