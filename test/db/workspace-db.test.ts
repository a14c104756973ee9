import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, existsSync, truncateSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openWorkspaceDatabase } from '../../electron/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import { WorkspaceStore } from '../../electron/db/queries';
import { expectedSchema, schemaFingerprint } from '../../electron/db/schema';
import { openSqlite, type SqliteDatabase } from '../../electron/db/sqlite';
import { tempDir } from '../support/harness';

const open: SqliteDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function track(db: SqliteDatabase): SqliteDatabase {
  open.push(db);
  return db;
}

function hash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function newWorkspace(): string {
  const file = join(tempDir(), 'w.vlw');
  track(openWorkspaceDatabase(file, { mode: 'create' })).close();
  return file;
}

describe('workspace files', () => {
  it('creates a workspace with every migration applied, WAL, foreign keys and our application id', () => {
    const file = join(tempDir(), 'new.vlw');
    const db = track(openWorkspaceDatabase(file, { mode: 'create' }));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaFingerprint(db)).toEqual(expectedSchema(LATEST_SCHEMA_VERSION));
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    expect(tables).toEqual(['analysis_column_data', 'analysis_columns', 'analysis_runs', 'backtests', 'customers', 'dataset_snapshot', 'import_issues', 'import_mappings', 'imports', 'marketing_spend', 'meta', 'model_fits', 'products', 'prospects', 'scenarios', 'service_costs', 'settings', 'transactions']);
  });

  it('refuses to create over an existing file', () => {
    const file = newWorkspace();
    expect(() => openWorkspaceDatabase(file, { mode: 'create' })).toThrow(expect.objectContaining({ code: 'already_exists' }));
  });

  it('migrates an older workspace step by step to the latest schema', () => {
    const file = join(tempDir(), 'old.vlw');
    const db = track(openSqlite(file));
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(MIGRATIONS[0]?.up ?? '');
    db.pragma('user_version = 1');
    db.close();
    const reopened = track(openWorkspaceDatabase(file, { mode: 'open' }));
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });

  it('forgets where imported files were: version 8 drops the paths an older workspace kept', () => {
    const file = join(tempDir(), 'paths.vlw');
    const db = track(openSqlite(file));
    db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const migration of MIGRATIONS.slice(0, 7)) db.exec(migration.up);
    db.pragma('user_version = 7');
    db.prepare("INSERT INTO imports (kind, file_name, file_path, content_hash, imported_at, mapping) VALUES ('transactions', 'orders.csv', '/home/anna/Clients/Secret Bakery Ltd/orders.csv', 'abc', '2026-01-01', '{}')").run();
    db.close();
    const reopened = track(openWorkspaceDatabase(file, { mode: 'open' }));
    expect(reopened.prepare('SELECT file_name AS name FROM imports').all()).toEqual([{ name: 'orders.csv' }]);
    reopened.pragma('wal_checkpoint(TRUNCATE)');
    reopened.exec('VACUUM');
    reopened.close();
    expect(readFileSync(file).includes('Secret Bakery')).toBe(false);
  });

  it('enforces foreign keys: a transaction must belong to a customer', () => {
    const db = track(openWorkspaceDatabase(join(tempDir(), 'fk.vlw'), { mode: 'create' }));
    expect(() => db.prepare('INSERT INTO transactions (customer_id, day, amount) VALUES (999, 1, 1.0)').run()).toThrow(/FOREIGN KEY/);
  });

  it('does not open a workspace from a newer version, and leaves it untouched', () => {
    const file = newWorkspace();
    const db = track(openSqlite(file));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = hash(file);
    expect(() => openWorkspaceDatabase(file, { mode: 'open' })).toThrow(
      expect.objectContaining({ code: 'workspace_newer', message: expect.stringMatching(/newer version of Value Ladder \(schema \d+; this version reads up to \d+\)\. It was not changed\./) }),
    );
    expect(hash(file)).toBe(before);
  });

  it('says a text file is not a workspace, and leaves it untouched', () => {
    const file = join(tempDir(), 'orders.vlw');
    writeFileSync(file, 'customer_id,date,amount\n1,2024-01-01,10\n');
    const before = hash(file);
    expect(() => openWorkspaceDatabase(file, { mode: 'open' })).toThrow(expect.objectContaining({ code: 'not_a_workspace', message: expect.stringContaining('is not a Value Ladder workspace (it is not a database file)') }));
    expect(hash(file)).toBe(before);
  });

  it('says another SQLite database is not a workspace, and leaves it untouched', () => {
    const file = join(tempDir(), 'other.db');
    const db = track(openSqlite(file));
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    const before = hash(file);
    expect(() => openWorkspaceDatabase(file, { mode: 'open' })).toThrow(expect.objectContaining({ code: 'not_a_workspace', message: expect.stringContaining('is a database, but not a Value Ladder workspace') }));
    expect(hash(file)).toBe(before);
  });

  it('leaves nothing beside a WAL-mode database it refuses (no -wal, no -shm)', () => {
    const dir = tempDir();
    const file = join(dir, 'other-wal.db');
    const db = track(openSqlite(file));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    expect(readdirSync(dir)).toEqual(['other-wal.db']);
    expect(() => openWorkspaceDatabase(file, { mode: 'open' })).toThrow(expect.objectContaining({ code: 'not_a_workspace' }));
    expect(readdirSync(dir)).toEqual(['other-wal.db']);
  });

  it('says a damaged workspace is damaged, and leaves it untouched', () => {
    const file = newWorkspace();
    const db = track(openWorkspaceDatabase(file, { mode: 'open' }));
    const store = new WorkspaceStore(db);
    const customers = Array.from({ length: 3000 }, (_, i) => ({ key: `k${i}`, label: `K${i}`, name: `Customer number ${i} with a long name`, acquiredDay: 1, channel: null, acquisitionCost: null, region: null, industry: null, size: null, age: null, income: null, attributes: {} }));
    store.insertDataset({ customers, transactions: [], serviceCosts: [], products: [], marketingSpend: [], prospects: [] });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Overwrite the middle of the file (table and index pages) with garbage.
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let i = pageSize * 3; i < pageSize * 6; i++) bytes[i] = (i * 7919) % 251;
    writeFileSync(file, bytes);
    const before = hash(file);
    expect(() => openWorkspaceDatabase(file, { mode: 'open' })).toThrow(expect.objectContaining({ code: 'workspace_corrupt', message: expect.stringContaining('is damaged and cannot be opened. It was not changed.') }));
    expect(hash(file)).toBe(before);
  });

  it('says a truncated workspace is damaged', () => {
    const file = newWorkspace();
    const db = track(openWorkspaceDatabase(file, { mode: 'open' }));
    new WorkspaceStore(db).insertDataset({
      customers: Array.from({ length: 2000 }, (_, i) => ({ key: `k${i}`, label: `K${i}`, name: 'x'.repeat(200), acquiredDay: 1, channel: null, acquisitionCost: null, region: null, industry: null, size: null, age: null, income: null, attributes: {} })),
      transactions: [], serviceCosts: [], products: [], marketingSpend: [], prospects: [],
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    truncateSync(file, Math.floor(statSync(file).size / 2));
    expect(() => openWorkspaceDatabase(file, { mode: 'open' })).toThrow(expect.objectContaining({ code: 'workspace_corrupt' }));
  });

  it('refuses a workspace whose schema differs from what its version promises', () => {
    const file = newWorkspace();
    const db = track(openSqlite(file));
    db.exec('DROP TABLE prospects');
    db.close();
    expect(() => openWorkspaceDatabase(file, { mode: 'open' })).toThrow(expect.objectContaining({ code: 'workspace_corrupt', message: expect.stringContaining('missing: table prospects') }));
  });

  it('says when there is no file', () => {
    expect(() => openWorkspaceDatabase(join(tempDir(), 'absent.vlw'), { mode: 'open' })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(existsSync(join(tempDir(), 'absent.vlw'))).toBe(false);
  });
});
