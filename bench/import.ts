import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_ROOT } from '../electron/services/paths';
import { writeOrdersFile } from './orders-file';
import { ensureDir, report } from './util';

const ROWS = 1_000_000;

/** Issue 4's target: 1,000,000 order rows imported and validated in ≤ 1.5× the sqlite3 CLI's `.import --csv`, peak memory ≤ 500 MB. */
export async function importBench(dir: string): Promise<void> {
  ensureDir(dir);
  const file = join(dir, 'orders.csv');
  await writeOrdersFile(file, ROWS);
  report(`generated ${ROWS.toLocaleString('en')} order rows`, statSync(file).size / 1_048_576, 'MB');

  const cliDb = join(dir, 'cli.db');
  const schema = 'CREATE TABLE orders (customer_id TEXT, order_date TEXT, order_id TEXT, product TEXT, quantity INTEGER, amount REAL, cost REAL);';
  const cliStart = performance.now();
  const cli = spawnSync('sqlite3', [cliDb, schema, `.import --csv --skip 1 ${file} orders`], { encoding: 'utf8' });
  const cliMs = performance.now() - cliStart;
  if (cli.status !== 0) {
    console.log(`sqlite3 CLI not available (${cli.error?.message ?? cli.stderr.trim()}); install Debian's sqlite3 to compare`);
  } else report('sqlite3 CLI .import --csv into a typed table', cliMs, 'ms');

  // The app's own bundled worker (dist/electron/worker.mjs), as the desktop app runs it.
  const built = spawnSync(process.execPath, [join(SOURCE_ROOT, 'scripts', 'build.mjs')], { cwd: SOURCE_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  const workerScript = join(SOURCE_ROOT, 'dist', 'electron', 'worker.mjs');
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(SOURCE_ROOT, 'bench', 'import-child.ts'), join(dir, 'w.vlw'), file, workerScript], { cwd: SOURCE_ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`import bench failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { ms: number; maxRssMb: number; accepted: number; stages: Record<string, number> };
  report(`value-ladder import (${result.accepted.toLocaleString('en')} rows accepted), through the service`, result.ms, 'ms');
  for (const [stage, ms] of Object.entries(result.stages)) report(`  ${stage}`, ms, 'ms');
  if (cli.status === 0) report('  ratio to the sqlite3 CLI', Number((result.ms / cliMs).toFixed(2)), '×', '≤ 1.5×');
  report('  peak memory of the importing process', result.maxRssMb, 'MB', '≤ 500 MB');
}
