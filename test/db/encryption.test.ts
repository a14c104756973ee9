/**
 * A workspace protected with a password, through the CLI as a person uses it: the file shows no
 * name or id to `strings` and does not open in `sqlite3`; without the password, or with a wrong
 * one, every command refuses it in words and leaves the file byte for byte as it was; with it,
 * every command works and gives the same numbers; the password changes and goes; an anonymised
 * copy of it is a plain file without the names.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectWorkspaceFile } from '../../electron/db/connection';
import { deriveKey, isProtectedFile, keyForFile, looksProtected, newKey } from '../../electron/db/encryption';
import { openSqlite } from '../../electron/db/sqlite';
import { createBackend, headlessPorts } from '../../electron/services/backend';
import { SOURCE_ROOT, SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { tempDir } from '../support/harness';

const CLI = join(SOURCE_ROOT, 'bin', 'value-ladder.mjs');

function cli(args: string[], env: { VALUE_LADDER_PASSWORD?: string; VALUE_LADDER_NEW_PASSWORD?: string } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: SOURCE_ROOT,
    env: { ...process.env, VALUE_LADDER_PASSWORD: '', VALUE_LADDER_NEW_PASSWORD: '', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let workspace: string;
let names: string[];
let ids: string[];
let plainAnalysis: unknown;

const ladderOf = (stdout: string) => {
  const run = JSON.parse(stdout) as { ladder: Record<string, { customers: number; profit: number }>; customerEquity: number };
  return { equity: Math.round(run.customerEquity), ...Object.fromEntries(Object.entries(run.ladder).map(([tier, cell]) => [tier, [cell.customers, Math.round(cell.profit)]])) };
};

beforeAll(() => {
  workspace = join(tempDir(), 'client.vlw');
  expect(cli(['sample', 'demo', workspace]).status).toBe(0);
  const db = openSqlite(workspace, { readonly: true, fileMustExist: true });
  names = (db.prepare('SELECT name FROM customers WHERE name IS NOT NULL LIMIT 50').pluck().all() as string[]).filter((name) => name.length >= 8);
  ids = db.prepare('SELECT label FROM customers LIMIT 50').pluck().all() as string[];
  db.close();
  expect(names.length).toBeGreaterThan(10);
  plainAnalysis = ladderOf(cli(['analyze', workspace, '--json']).stdout);
}, 180_000);

describe('a workspace protected with a password', () => {
  it('is encrypted whole: no name or id under strings, and sqlite3 cannot read it', () => {
    expect(readFileSync(workspace).includes(names[0] as string)).toBe(true);
    const protect = cli(['protect', workspace], { VALUE_LADDER_PASSWORD: 'correct horse' });
    expect(protect.stderr).toBe('');
    expect(protect.stdout).toMatch(/client\.vlw is protected with a password/);
    expect(isProtectedFile(workspace)).toBe(true);
    const text = spawnSync('strings', ['-n', '6', workspace], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout;
    for (const value of [...names, ...ids, 'CREATE TABLE', 'Morning Tulip']) expect(text.includes(value)).toBe(false);
    const sqlite = spawnSync('sqlite3', [workspace, 'SELECT count(*) FROM customers'], { encoding: 'utf8' });
    expect(sqlite.status).not.toBe(0);
    expect(sqlite.stderr).toMatch(/not a database/);
  }, 120_000);

  it('is refused in words without its password or with a wrong one, and the file is left exactly as it was', () => {
    const before = sha(workspace);
    const missing = cli(['info', workspace]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('value-ladder: client.vlw needs its password: set VALUE_LADDER_PASSWORD, or run the command in a terminal to be asked for it');
    const wrong = cli(['analyze', workspace, '--json'], { VALUE_LADDER_PASSWORD: 'Correct horse' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('The password does not open');
    expect(wrong.stderr).toContain('The file was not changed.');
    expect(wrong.stderr).not.toMatch(/\bat \w+ \(/); // no stack trace
    expect(sha(workspace)).toBe(before);
  }, 120_000);

  it('opens with its password for every command, with the same numbers as before', () => {
    const info = cli(['info', workspace, '--json'], { VALUE_LADDER_PASSWORD: 'correct horse' });
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ customers: 3000, protected: true });
    const analysis = cli(['analyze', workspace, '--json'], { VALUE_LADDER_PASSWORD: 'correct horse' });
    expect(analysis.status).toBe(0);
    expect(ladderOf(analysis.stdout)).toEqual(plainAnalysis);
    // What the analysis wrote went into the encrypted file (and its WAL) only.
    expect(readFileSync(workspace).includes(names[0] as string)).toBe(false);
  }, 120_000);

  it('writes an anonymised copy that is a plain file without the names', () => {
    const copy = join(tempDir(), 'shared.vlw');
    const result = cli(['anonymise', workspace, '--out', copy, '--json'], { VALUE_LADDER_PASSWORD: 'correct horse' });
    expect(result.status).toBe(0);
    expect(isProtectedFile(copy)).toBe(false);
    const bytes = readFileSync(copy);
    for (const value of [...names, ...ids]) expect(bytes.includes(value)).toBe(false);
    expect(JSON.parse(cli(['info', copy, '--json']).stdout)).toMatchObject({ customers: 3000, protected: false });
  }, 120_000);

  it('changes its password (the old one stops working) and refuses a short one', () => {
    const short = cli(['protect', workspace], { VALUE_LADDER_PASSWORD: 'correct horse', VALUE_LADDER_NEW_PASSWORD: 'short' });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('A password needs at least 8 characters.');
    const changed = cli(['protect', workspace, '--json'], { VALUE_LADDER_PASSWORD: 'correct horse', VALUE_LADDER_NEW_PASSWORD: 'battery staple' });
    expect(changed.status).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({ protected: true });
    expect(cli(['info', workspace], { VALUE_LADDER_PASSWORD: 'correct horse' }).status).toBe(1);
    expect(cli(['info', workspace], { VALUE_LADDER_PASSWORD: 'battery staple' }).status).toBe(0);
  }, 120_000);

  it('is written in plain again when the password is removed', () => {
    const removed = cli(['unprotect', workspace, '--json'], { VALUE_LADDER_PASSWORD: 'battery staple' });
    expect(removed.status).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ protected: false });
    expect(isProtectedFile(workspace)).toBe(false);
    expect(JSON.parse(cli(['info', workspace, '--json']).stdout)).toMatchObject({ customers: 3000, protected: false });
    expect(ladderOf(cli(['analyze', workspace, '--json']).stdout)).toEqual(plainAnalysis);
  }, 120_000);
});

describe('a protected workspace asked for at start (the command line, a double-click)', () => {
  it('goes to the top of the recent list, the window is asked to prompt for its password, and the usual start goes on', async () => {
    const dataDir = tempDir();
    const backend = createBackend({ ports: headlessPorts('cli'), dataDir, ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
    try {
      const file = join(tempDir(), 'locked.vlw');
      backend.workspaces.create(file, 'a long password');
      backend.workspaces.close();
      const asked: string[] = [];
      backend.events.subscribe((event, payload) => {
        if (event === 'workspace.needsPassword') asked.push((payload as { path: string }).path);
      });
      const opened = await backend.workspaces.restore(file);
      expect(asked).toEqual([file]);
      expect(opened.sample).toBe('demo');
      const recent = backend.workspaces.recent();
      expect(recent.find((entry) => entry.path === file)).toMatchObject({ protected: true, summary: null });
      expect(backend.workspaces.open(file, 'a long password')).toMatchObject({ path: file, protected: true, customers: 0 });
    } finally {
      await backend.dispose();
    }
  }, 120_000);
});

describe('telling a protected workspace from other files', () => {
  it('derives the key from the password and the salt with scrypt (RFC 7914 parameters N = 2^17, r = 8, p = 1)', () => {
    const salt = Buffer.alloc(16, 7);
    const key = deriveKey('correct horse', salt);
    expect(key).toMatch(/^[0-9a-f]{96}$/);
    expect(key.slice(64)).toBe('07'.repeat(16));
    expect(deriveKey('correct horse', salt)).toBe(key);
    expect(deriveKey('correct horsf', salt).slice(0, 64)).not.toBe(key.slice(0, 64));
    // The same text in another Unicode form (é as e + combining accent) is the same password.
    expect(deriveKey('caf\u00e9 au lait', salt)).toBe(deriveKey('cafe\u0301 au lait', salt));
    // A new key's salt: the mark, then 12 random bytes.
    const [one, two] = [newKey('correct horse'), newKey('correct horse')] as [string, string];
    expect(one.slice(64, 72)).toBe('00564c4b');
    expect(one.slice(72)).not.toBe(two.slice(72));
  });

  it('calls a CSV or any other file not a workspace, and a file with a protected workspace\'s salt mark locked', () => {
    const dir = tempDir();
    const csv = join(dir, 'orders.vlw');
    writeFileSync(csv, 'customer,date,amount\n'.padEnd(4096, 'x'));
    expect(looksProtected(csv)).toBe(false);
    expect(() => inspectWorkspaceFile(csv)).toThrow(/is not a Value Ladder workspace/);
    const random = join(dir, 'random.vlw');
    writeFileSync(random, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)));
    expect(looksProtected(random)).toBe(false);
    expect(() => inspectWorkspaceFile(random)).toThrow(/is not a Value Ladder workspace/);
    // The salt of every protected workspace starts with "\0VLK" (the rest of the file is the cipher's).
    const marked = join(dir, 'marked.vlw');
    writeFileSync(marked, Buffer.concat([Buffer.from('\u0000VLK', 'latin1'), readFileSync(random).subarray(4)]));
    expect(looksProtected(marked)).toBe(true);
    expect(() => inspectWorkspaceFile(marked)).toThrow(/is protected with a password/);
    expect(() => inspectWorkspaceFile(marked, { keys: new Map([[marked, keyForFile(marked, 'anything at all')]]) })).toThrow(/does not open/);
  });
});
