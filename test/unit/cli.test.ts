import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { SOURCE_ROOT } from '../../electron/services/paths';
import { tempDir } from '../support/harness';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the value-ladder CLI', () => {
  it('creates a sample workspace and reports it with info --json', async () => {
    const path = join(tempDir(), 'c.vlw');
    expect((await run(['sample', 'cdnow', path, '--json'])).code).toBe(0);
    const info = await run(['info', path, '--json']);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.out)).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, customers: 23_570, transactions: 69_659, revenue: 2_500_315.63, firstDate: '1997-01-01', lastDate: '1998-06-30' });
    // Running the same sample command again rebuilds it instead of failing: nothing of the person's is lost.
    expect((await run(['sample', 'cdnow', path, '--json'])).code).toBe(0);
    // A different sample into the same file needs --replace.
    const refused = await run(['sample', 'demo', path]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already exists/);
  });

  it('prints errors in words on stderr with a non-zero exit code', async () => {
    const dir = tempDir();
    const missing = await run(['info', join(dir, 'nope.vlw'), '--json']);
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toMatch(/^value-ladder: There is no workspace at .*nope\.vlw\.\nCheck the path, or create a new workspace\.$/);
    const text = join(dir, 'orders.csv');
    writeFileSync(text, 'a,b\n1,2\n');
    expect((await run(['info', text])).err).toMatch(/is not a Value Ladder workspace/);
    expect(await run(['frobnicate'])).toMatchObject({ code: 2 });
    expect((await run(['sample', 'cdnow'])).err).toBe('value-ladder: usage: value-ladder sample cdnow|demo <workspace> [--replace] [--json]');
    expect((await run(['info', 'x.vlw', '--bogus'])).code).toBe(2);
  });

  it('runs as `npx value-ladder` from the repository with no build step', () => {
    const path = join(tempDir(), 'demo.vlw');
    execFileSync('npx', ['--no-install', 'value-ladder', 'sample', 'demo', path, '--json'], { cwd: SOURCE_ROOT, stdio: 'pipe' });
    const info = JSON.parse(execFileSync('npx', ['--no-install', 'value-ladder', 'info', path, '--json'], { cwd: SOURCE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { customers: number };
    expect(info.customers).toBe(3000);
    const failed = spawnSync('npx', ['--no-install', 'value-ladder', 'info', join(tempDir(), 'absent.vlw')], { cwd: SOURCE_ROOT, encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('There is no workspace at');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('the developer harness refuses a workspace that does not open in words, with exit code 1', () => {
    const missing = join(tempDir(), 'missing.vlw');
    const result = spawnSync(process.execPath, [join(SOURCE_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(SOURCE_ROOT, 'electron', 'harness', 'main.ts'), '--workspace', missing, '--built', '--data-dir', tempDir()], {
      cwd: SOURCE_ROOT,
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`value-ladder harness: There is no workspace at ${missing}.\nCheck the path, or create a new workspace.\n`);
  }, 60_000);
});
