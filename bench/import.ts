import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_ROOT } from '../electron/services/paths';
import { writeOrdersFile } from './orders-file';
import { SHOPIFY_HEADER, writeShopifyFile } from './shopify-file';
import { ensureDir, report } from './util';

const ROWS = 1_000_000;
/**
 * Starts the TypeScript child the way bin/value-ladder.mjs starts the CLI: tsx registered in the
 * process, not as a node option. A node option (`--import tsx`) would be inherited by every worker
 * thread, loading tsx and the bundle's source map into the pool and writer threads, which the app's
 * bundled workers never do (about 100 ms and 60 MB more).
 */
const LAUNCHER = "import('tsx/esm/api').then(({ register }) => { register(); return import(process.argv[1]); })";
/** Each side runs this many times, taking turns; the medians are compared (one run is at the mercy of whatever else the machine is doing). */
const RUNS = 3;

interface ImportRun {
  ms: number;
  cpuMs: number;
  importRssMb: number;
  maxRssMb: number;
  accepted: number;
  stages: Record<string, number>;
}

function median<T>(items: T[], by: (item: T) => number): T {
  return [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)] as T;
}

/** Issue 4's target: 1,000,000 order rows imported and validated in ≤ 1.5× the sqlite3 CLI's `.import --csv`, peak memory ≤ 500 MB. */
export async function importBench(dir: string): Promise<void> {
  ensureDir(dir);
  const file = join(dir, 'orders.csv');
  await writeOrdersFile(file, ROWS);
  report(`generated ${ROWS.toLocaleString('en')} order rows`, statSync(file).size / 1_048_576, 'MB');

  // The app's own bundled worker (dist/electron/worker.mjs), as the desktop app runs it.
  const built = spawnSync(process.execPath, [join(SOURCE_ROOT, 'scripts', 'build.mjs')], { cwd: SOURCE_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  const workerScript = join(SOURCE_ROOT, 'dist', 'electron', 'worker.mjs');

  const schema = 'CREATE TABLE orders (customer_id TEXT, order_date TEXT, order_id TEXT, product TEXT, quantity INTEGER, amount REAL, cost REAL);';
  const cliTimes: number[] = [];
  const runs: ImportRun[] = [];
  let cliMissing: string | null = null;
  for (let run = 0; run < RUNS; run++) {
    const cliDb = join(dir, `cli-${run}.db`);
    const cliStart = performance.now();
    const cli = spawnSync('sqlite3', [cliDb, schema, `.import --csv --skip 1 ${file} orders`], { encoding: 'utf8' });
    if (cli.status === 0) cliTimes.push(performance.now() - cliStart);
    else cliMissing = cli.error?.message ?? cli.stderr.trim();
    rmSync(cliDb, { force: true });

    const workspace = join(dir, `w-${run}.vlw`);
    const child = spawnSync(process.execPath, ['--eval', LAUNCHER, join(SOURCE_ROOT, 'bench', 'import-child.ts'), workspace, file, workerScript], { cwd: SOURCE_ROOT, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`import bench failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ImportRun);
    for (const suffix of ['', '-wal', '-shm']) rmSync(workspace + suffix, { force: true });
  }

  const cliMs = cliTimes.length > 0 ? median(cliTimes, (ms) => ms) : null;
  if (cliMs === null) console.log(`sqlite3 CLI not available (${cliMissing}); install Debian's sqlite3 to compare`);
  else report(`sqlite3 CLI .import --csv into a typed table (median of ${RUNS})`, cliMs, 'ms');
  const result = median(runs, (run) => run.ms);
  report(`value-ladder import (${result.accepted.toLocaleString('en')} rows accepted), through the service (median of ${RUNS})`, result.ms, 'ms');
  for (const [stage, ms] of Object.entries(result.stages)) report(`  ${stage}`, ms, 'ms');
  report('  CPU time, all threads', result.cpuMs, 'ms');
  console.log(`  every run: import ${runs.map((run) => Math.round(run.ms)).join(' / ')} ms; sqlite3 CLI ${cliTimes.map(Math.round).join(' / ')} ms`);
  if (cliMs !== null) report('  ratio to the sqlite3 CLI', Number((result.ms / cliMs).toFixed(2)), '×', '≤ 1.5×');
  report('  peak memory of the importing process (largest run)', Math.max(...runs.map((run) => run.maxRssMb)), 'MB', '≤ 500 MB');
  report('    of which until the import answered', Math.max(...runs.map((run) => run.importRssMb)), 'MB');
  shopifyBench(dir, workerScript, await writeShopifyBenchFile(dir));
}

/** Issue 14's target: a 1M-line Shopify orders export (79 columns, orders of 1–4 lines) in ≤ 2× sqlite3's `.import` of the same file. */
async function writeShopifyBenchFile(dir: string): Promise<string> {
  const file = join(dir, 'shopify.csv');
  await writeShopifyFile(file, ROWS);
  report(`generated a Shopify orders export of ${ROWS.toLocaleString('en')} lines`, statSync(file).size / 1_048_576, 'MB');
  return file;
}

function shopifyBench(dir: string, workerScript: string, file: string): void {
  const schema = `CREATE TABLE orders (${SHOPIFY_HEADER.map((_, k) => `c${k} TEXT`).join(', ')});`;
  const cliTimes: number[] = [];
  const runs: ImportRun[] = [];
  for (let run = 0; run < RUNS; run++) {
    const cliDb = join(dir, `shopify-cli-${run}.db`);
    const cliStart = performance.now();
    const cli = spawnSync('sqlite3', [cliDb, schema, `.import --csv --skip 1 ${file} orders`], { encoding: 'utf8' });
    if (cli.status === 0) cliTimes.push(performance.now() - cliStart);
    rmSync(cliDb, { force: true });
    const workspace = join(dir, `shopify-${run}.vlw`);
    const child = spawnSync(process.execPath, ['--eval', LAUNCHER, join(SOURCE_ROOT, 'bench', 'import-child.ts'), workspace, file, workerScript], { cwd: SOURCE_ROOT, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`Shopify import bench failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ImportRun);
    for (const suffix of ['', '-wal', '-shm']) rmSync(workspace + suffix, { force: true });
  }
  const cliMs = cliTimes.length > 0 ? median(cliTimes, (ms) => ms) : null;
  if (cliMs !== null) report(`sqlite3 CLI .import --csv of the Shopify file (median of ${RUNS})`, cliMs, 'ms');
  const result = median(runs, (run) => run.ms);
  report(`value-ladder import of the Shopify file (${result.accepted.toLocaleString('en')} lines), through the service`, result.ms, 'ms');
  console.log(`  every run: import ${runs.map((run) => Math.round(run.ms)).join(' / ')} ms; sqlite3 CLI ${cliTimes.map(Math.round).join(' / ')} ms`);
  if (cliMs !== null) report('  ratio to the sqlite3 CLI', Number((result.ms / cliMs).toFixed(2)), '×', '≤ 2×');
  report('  peak memory of the importing process (largest run)', Math.max(...runs.map((run) => run.maxRssMb)), 'MB');
}
