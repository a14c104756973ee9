import { describe, expect, it } from 'vitest';
import { defaultWorkerScript } from '../../electron/workers/pool';
import { fuzzImports } from '../../bench/fuzz-import';
import { tempDir } from '../support/harness';

describe('import fuzzing (a short run; `npm run bench -- fuzz` runs 10,000 cases)', () => {
  it('never crashes and never leaves a partial import', async () => {
    const report = await fuzzImports(tempDir(), 150, defaultWorkerScript().pathname, 7);
    expect(report.failures).toEqual([]);
    expect(report.cases).toBe(150);
    expect(report.committed).toBeGreaterThan(0);
  }, 120_000);
});
