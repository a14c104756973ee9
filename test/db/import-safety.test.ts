/**
 * An import is one transaction: a process killed with SIGKILL in the middle of one leaves the
 * workspace exactly as it was.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspaceDatabase } from '../../electron/db/connection';
import { openSqlite } from '../../electron/db/sqlite';
import { SOURCE_ROOT } from '../../electron/services/paths';
import { writeOrdersFile } from '../../bench/orders-file';
import { tempDir } from '../support/harness';

const CLI = join(SOURCE_ROOT, 'bin', 'value-ladder.mjs');

function cli(args: string[]) {
  return spawn(process.execPath, [CLI, ...args], { cwd: SOURCE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

function snapshot(path: string) {
  const db = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      content: db
        .prepare(
          `SELECT (SELECT count(*) FROM transactions) AS transactions, (SELECT total(amount) FROM transactions) AS revenue,
                  (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM imports) AS imports, (SELECT count(*) FROM import_issues) AS issues`,
        )
        .get(),
    };
  } finally {
    db.close();
  }
}

describe('import safety', () => {
  it('leaves the workspace as it was when the importing process is killed (kill -9)', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'w.vlw');
    const file = join(dir, 'orders.csv');
    await writeOrdersFile(file, 400_000);
    const first = cli(['import', workspace, join(SOURCE_ROOT, 'test', 'fixtures', 'messy', 'broken_orders.csv'), '--json']);
    expect(await new Promise((resolve) => first.on('exit', resolve))).toBe(0);
    const before = snapshot(workspace);
    expect(before.content).toMatchObject({ transactions: 293, imports: 1 });

    const child = cli(['import', workspace, file, '--json', '--progress']);
    const killedAt = await new Promise<number>((resolve, reject) => {
      let buffered = '';
      child.stderr.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        for (const line of buffered.split('\n')) {
          try {
            const progress = JSON.parse(line) as { stage: string; done: number; total: number };
            if (progress.stage === 'importing' && progress.done / progress.total > 0.5) {
              child.kill('SIGKILL');
              resolve(progress.done / progress.total);
              return;
            }
          } catch {
            // not a whole line yet
          }
        }
      });
      child.on('exit', (code) => reject(new Error(`the import finished (exit ${code}) before it could be killed`)));
    });
    await new Promise((resolve) => child.on('exit', resolve));
    expect(killedAt).toBeGreaterThan(0.5);
    expect(snapshot(workspace)).toEqual(before);
    // And the workspace still opens and migrates cleanly.
    openWorkspaceDatabase(workspace, { mode: 'open' }).close();
  }, 120_000);
});
