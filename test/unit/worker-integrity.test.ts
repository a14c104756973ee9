import { createHash } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerIsIntact } from '../../electron/main/worker-integrity';
import { tempDir } from '../support/harness';

describe('the unpacked worker script', () => {
  it('is accepted only when it is the file the build hashed', () => {
    const script = join(tempDir(), 'worker.mjs');
    writeFileSync(script, 'export const work = 1;\n');
    const hash = createHash('sha256').update('export const work = 1;\n').digest('hex');
    expect(workerIsIntact(script, hash)).toBe(true);
    appendFileSync(script, 'process.env.STOLEN = "yes";\n');
    expect(workerIsIntact(script, hash)).toBe(false);
    expect(workerIsIntact(join(tempDir(), 'missing.mjs'), hash)).toBe(false);
    // Run from the sources: nothing was built, nothing to compare.
    expect(workerIsIntact(script, undefined)).toBe(true);
  });
});
