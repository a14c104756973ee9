import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SOURCE_ROOT } from '../electron/services/paths';
import { fuzzImports } from './fuzz-import';
import { ensureDir, report } from './util';

/** Issue 4's fuzz target: 10,000 cases never crash and never leave a partial import. */
export async function fuzzBench(dir: string): Promise<void> {
  ensureDir(dir);
  const built = spawnSync(process.execPath, [join(SOURCE_ROOT, 'scripts', 'build.mjs')], { cwd: SOURCE_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  const start = performance.now();
  const result = await fuzzImports(dir, 10_000, join(SOURCE_ROOT, 'dist', 'electron', 'worker.mjs'));
  report(`import fuzz: ${result.cases.toLocaleString('en')} cases (${result.committed} committed, ${result.refused} refused in words)`, performance.now() - start, 'ms');
  report('  crashes, internal errors or partial imports', result.failures.length, '', '0');
  for (const failure of result.failures.slice(0, 10)) console.log(`  ${failure}`);
}
