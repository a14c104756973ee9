/**
 * An import is one transaction: a process killed with SIGKILL in the middle of one leaves the
 * workspace exactly as it was.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openWorkspaceDatabase } from '../../electron/db/connection';
import { isProtectedFile, keyForFile } from '../../electron/db/encryption';
import { openSqlite } from '../../electron/db/sqlite';
import { SOURCE_ROOT } from '../../electron/services/paths';
import { writeOrdersFile } from '../../bench/orders-file';
import { tempDir } from '../support/harness';

const CLI = join(SOURCE_ROOT, 'bin', 'value-ladder.mjs');

const PASSWORD = 'kill nine twice';

function cli(args: string[], password?: string) {
  const env = { ...process.env, VALUE_LADDER_PASSWORD: password ?? '' };
  return spawn(process.execPath, [CLI, ...args], { cwd: SOURCE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The key ring that opens a protected workspace (none for a plain one). */
function keysFor(path: string, password?: string) {
  return password ? new Map([[path, keyForFile(path, password)]]) : undefined;
}

function snapshot(path: string, password?: string) {
  const db = openSqlite(path, { readonly: true, fileMustExist: true, keys: keysFor(path, password) });
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
  // A protected workspace is created encrypted by the first import (VALUE_LADDER_PASSWORD set).
  it.each([
    { kind: 'plain', password: undefined },
    { kind: 'protected', password: PASSWORD },
  ])('leaves a $kind workspace as it was when the importing process is killed (kill -9)', async ({ password }) => {
    const dir = tempDir();
    const workspace = join(dir, 'w.vlw');
    const file = join(dir, 'orders.csv');
    await writeOrdersFile(file, 400_000);
    const first = cli(['import', workspace, join(SOURCE_ROOT, 'test', 'fixtures', 'messy', 'broken_orders.csv'), '--json'], password);
    expect(await new Promise((resolve) => first.on('exit', resolve))).toBe(0);
    expect(isProtectedFile(workspace)).toBe(password !== undefined);
    const before = snapshot(workspace, password);
    expect(before.content).toMatchObject({ transactions: 295, imports: 1 });

    const child = cli(['import', workspace, file, '--json', '--progress'], password);
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
    expect(snapshot(workspace, password)).toEqual(before);
    // And the workspace still opens and migrates cleanly (a protected one with its password only).
    openWorkspaceDatabase(workspace, { mode: 'open', keys: keysFor(workspace, password) }).close();
    if (password) for (const text of ['CREATE TABLE', 'broken_orders']) expect(readFileSync(workspace).includes(text)).toBe(false);
  }, 120_000);

  it('commits one of two imports of the same file started together; the other says it was imported already', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'w.vlw');
    const file = join(dir, 'orders.csv');
    await writeOrdersFile(file, 60_000);
    const created = cli(['import', workspace, join(SOURCE_ROOT, 'test', 'fixtures', 'messy', 'broken_orders.csv'), '--json']);
    expect(await new Promise((resolve) => created.on('exit', resolve))).toBe(0);
    const run = () => {
      const child = cli(['import', workspace, file, '--json']);
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      return new Promise<{ code: number | null; report: { committed: boolean; notCommittedReason: string | null }; err: string }>((resolve) =>
        child.on('exit', (code) => resolve({ code, report: JSON.parse(out) as { committed: boolean; notCommittedReason: string | null }, err })),
      );
    };
    const results = await Promise.all([run(), run()]);
    // Exit 0 for the import that committed, 1 (with the reason) for the other: never anything else.
    expect(results.map((result) => result.code).sort()).toEqual([0, 1]);
    expect(results.map((result) => result.report.committed).sort()).toEqual([false, true]);
    const skipped = results.find((result) => !result.report.committed);
    expect(skipped?.report.notCommittedReason).toMatch(/already imported/);
    expect(skipped?.err).toMatch(/already imported/);
    expect(snapshot(workspace).content).toMatchObject({ transactions: 295 + 60_000, imports: 2 });
  }, 120_000);
});
