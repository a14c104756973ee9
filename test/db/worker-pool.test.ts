/**
 * The worker pool ends cleanly: tasks running or waiting when it closes are rejected (as
 * cancelled), never left pending — a CLI awaiting one would end with Node's exit code 13.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { defaultWorkerScript, WorkerPool } from '../../electron/workers/pool';
import { tempDir } from '../support/harness';

describe('worker pool', () => {
  it('rejects the running and the waiting tasks when it closes, and leaves nothing half-built', async () => {
    const pool = new WorkerPool({ sqlite: {}, script: defaultWorkerScript(), size: 1 });
    const folder = tempDir('vl-pool-');
    const build = (name: string, affinity?: string) =>
      pool.run('sample.build', { sample: 'cdnow', target: join(folder, name), replace: false, samplesDir: SOURCE_SAMPLES_DIR }, affinity ? { affinity } : {}).then(
        () => 'built',
        (error: { code?: string }) => error.code ?? 'error',
      );
    const running = build('a.vlw');
    const waiting = build('b.vlw');
    const runningAffine = build('c.vlw', 'analysis');
    const waitingAffine = build('d.vlw', 'analysis');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await pool.close();
    const outcomes = await Promise.race([Promise.all([running, waiting, runningAffine, waitingAffine]), new Promise((resolve) => setTimeout(() => resolve('still pending'), 5_000))]);
    expect(outcomes).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    for (const name of ['a.vlw', 'b.vlw', 'c.vlw', 'd.vlw']) expect(existsSync(join(folder, name))).toBe(false);
    await expect(pool.run('sample.build', { sample: 'cdnow', target: join(folder, 'e.vlw'), replace: false, samplesDir: SOURCE_SAMPLES_DIR })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('starts a worker ahead of the first task, which then runs in it (for a shared task and for an affinity)', async () => {
    const pool = new WorkerPool({ sqlite: {}, script: defaultWorkerScript(), size: 1 });
    const threads = () => (pool as unknown as { slots: unknown[] }).slots.length;
    try {
      pool.warm();
      pool.warm(); // once is enough
      expect(threads()).toBe(1);
      const folder = tempDir('vl-pool-');
      await pool.run('sample.build', { sample: 'cdnow', target: join(folder, 'a.vlw'), replace: false, samplesDir: SOURCE_SAMPLES_DIR });
      expect(threads()).toBe(1);
      pool.warm('analysis');
      expect(threads()).toBe(2);
      await pool.run('sample.build', { sample: 'cdnow', target: join(folder, 'b.vlw'), replace: false, samplesDir: SOURCE_SAMPLES_DIR }, { affinity: 'analysis' });
      expect(threads()).toBe(2);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
