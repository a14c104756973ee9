import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

declare global {
  /** SHA-256 of dist/electron/worker.mjs, written into main.js by scripts/build.mjs. */
  const __WORKER_SHA256__: string | undefined;
}

/**
 * The worker runs every import and analysis, but Node cannot start a worker from inside app.asar, so
 * the package leaves it unpacked beside it — outside the archive's integrity check. The shell holds
 * the hash the build gave it and refuses a worker script that is not that file.
 */
export function workerIsIntact(script: string, expected: string | undefined = typeof __WORKER_SHA256__ === 'string' ? __WORKER_SHA256__ : undefined): boolean {
  if (!expected) return true; // run from the sources (tsx), where nothing was built to compare with
  try {
    return createHash('sha256').update(readFileSync(script)).digest('hex') === expected;
  } catch {
    return false;
  }
}
