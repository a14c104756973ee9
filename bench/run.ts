/**
 * `npm run bench`: the figures each issue names as targets, measured on this machine and printed.
 * Run one group with `npm run bench -- <group>`; without an argument every group runs. Each group
 * works in a temporary folder of its own, removed afterwards (workspaces of hundreds of MB) unless
 * VL_BENCH_KEEP=1.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { foundationBench } from './foundation';
import { importBench } from './import';
import { cliBench } from './cli';
import { analysisBench } from './analysis';
import { clvBench, modelsBench } from './models';
import { whatifBench } from './whatif';
import { whatifUiBench } from './whatif-ui';
import { fuzzBench } from './fuzz';
import { reportBench } from './report';
import { uiBench } from './ui';
import { tempDir } from './util';

const GROUPS: Record<string, (dir: string) => Promise<void>> = {
  foundation: foundationBench,
  import: importBench,
  cli: cliBench,
  analysis: analysisBench,
  models: modelsBench,
  clv: clvBench,
  whatif: whatifBench,
  'whatif-ui': whatifUiBench,
  fuzz: fuzzBench,
  report: reportBench,
  ui: uiBench,
};

const requested = process.argv.slice(2);
for (const [name, run] of Object.entries(GROUPS)) {
  if (requested.length > 0 && !requested.includes(name)) continue;
  console.log(`\n## ${name}`);
  const root = tempDir();
  try {
    await run(join(root, name));
  } finally {
    if (!process.env.VL_BENCH_KEEP) rmSync(root, { recursive: true, force: true });
  }
}
