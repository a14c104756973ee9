/**
 * The CLI as a person or a script runs it, end to end (a new process each time, from its bundle):
 * `--help`, `info`, and an import of 1M order rows beside sqlite3's `.import` of the same file.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_ROOT } from '../electron/services/paths';
import { writeOrdersFile } from './orders-file';
import { ensureDir, report } from './util';

const CLI = join(SOURCE_ROOT, 'bin', 'value-ladder.mjs');
const ROWS = 1_000_000;

function timed(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: SOURCE_ROOT, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`value-ladder ${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function cliBench(dir: string): Promise<void> {
  ensureDir(dir);
  // A fresh bundle first: a stale one would be rebuilt inside the first timed run.
  if (spawnSync(process.execPath, [join(SOURCE_ROOT, 'scripts', 'build-cli.mjs')], { cwd: SOURCE_ROOT }).status !== 0) throw new Error('build-cli failed');
  report('value-ladder --help (median of 7)', median(Array.from({ length: 7 }, () => timed(['--help']))), 'ms', '≤ 150 ms');
  const demo = join(dir, 'demo.vlw');
  timed(['sample', 'demo', demo]);
  report('value-ladder info (median of 7)', median(Array.from({ length: 7 }, () => timed(['info', demo]))), 'ms', '≤ 300 ms');

  const file = join(dir, 'orders.csv');
  await writeOrdersFile(file, ROWS);
  const schema = 'CREATE TABLE orders (customer_id TEXT, order_date TEXT, order_id TEXT, product TEXT, quantity INTEGER, amount REAL, cost REAL);';
  const sqlite: number[] = [];
  const ours: number[] = [];
  for (let run = 0; run < 3; run++) {
    const db = join(dir, `sqlite-${run}.db`);
    const started = performance.now();
    const cli = spawnSync('sqlite3', [db, schema, `.import --csv --skip 1 ${file} orders`], { encoding: 'utf8' });
    if (cli.status === 0) sqlite.push(performance.now() - started);
    rmSync(db, { force: true });
    const workspace = join(dir, `cli-${run}.vlw`);
    ours.push(timed(['import', workspace, file, '--json']));
    for (const suffix of ['', '-wal', '-shm']) rmSync(workspace + suffix, { force: true });
  }
  report(`value-ladder import of ${ROWS.toLocaleString('en')} rows, end to end (median of 3)`, median(ours), 'ms');
  if (sqlite.length > 0) {
    report('sqlite3 .import --csv of the same file (median of 3)', median(sqlite), 'ms');
    report('  ratio', Number((median(ours) / median(sqlite)).toFixed(2)), '×', '≤ 1.5×');
  }
}
