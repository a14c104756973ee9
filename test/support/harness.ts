import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness, type HarnessOptions } from '../../electron/harness/loopback-server';
import { SOURCE_ROOT } from '../../electron/services/paths';

export const HARNESS_RENDERER_DIR = join(SOURCE_ROOT, 'dist', 'harness-renderer');
let built = false;

/** Builds the renderer the harness serves (once per test process; about two seconds). */
export function buildHarnessRenderer(): void {
  if (built) return;
  execFileSync(process.execPath, [join(SOURCE_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', 'harness', '--logLevel', 'error'], { cwd: SOURCE_ROOT, stdio: 'inherit' });
  built = true;
}

export function tempDir(prefix = 'vl-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A harness over a fresh data folder, serving the built renderer, checking outputs against the contract. */
export async function startTestHarness(options: Partial<HarnessOptions> = {}): Promise<Harness> {
  buildHarnessRenderer();
  return startHarness({ renderer: { dir: HARNESS_RENDERER_DIR }, dataDir: tempDir('vl-harness-'), validateOutput: true, ...options });
}
