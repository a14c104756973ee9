import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import { isProtectedFile, looksProtected } from './encryption';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { applyMigrations, expectedSchema, schemaDifferences, schemaFingerprint } from './schema';
import { openSqlite, type SqliteDatabase, type SqliteOptions } from './sqlite';

/** PRAGMA application_id of a workspace ("VLDW"): tells our files from other SQLite databases. */
export const APPLICATION_ID = 0x564c4457;

export interface OpenWorkspaceOptions extends SqliteOptions {
  /** `create` makes a new file (it must not exist); `open` needs an existing workspace. */
  mode: 'create' | 'open';
}

/**
 * Looks at an existing file without changing it: is it SQLite, is it ours, is it intact, and which
 * schema version does it have. Throws AppError with a message for people otherwise.
 */
export function inspectWorkspaceFile(file: string, options: SqliteOptions = {}): { schemaVersion: number } {
  if (!existsSync(file)) throw new AppError('workspaceMissing', { path: file });
  if (statSync(file).isDirectory()) throw new AppError('workspaceIsFolder', { path: file });
  // Not plain SQLite: a protected workspace (encryption.ts), opened with the key its password gave, else locked; or no workspace.
  const locked = isProtectedFile(file);
  if (locked && !looksProtected(file)) throw new AppError('notADatabase', { path: file });
  if (locked && !options.keys?.has(resolve(file))) throw new AppError('workspaceLocked', { path: file });
  // A WAL-mode file opened even read-only gets a -wal and a -shm beside it: those this look made go
  // again when the file is refused, so that a file that is not a workspace is left as it was found.
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((sidecar) => !existsSync(sidecar));
  let refused = true;
  let db: SqliteDatabase | undefined;
  try {
    db = openSqlite(file, { ...options, readonly: true, fileMustExist: true });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      throw new AppError('foreignDatabase', { path: file });
    }
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new AppError('workspaceNewer', { schema: schemaVersion, supported: LATEST_SCHEMA_VERSION });
    }
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw Object.assign(new Error(check), { code: 'SQLITE_CORRUPT' });
    refused = false;
    return { schemaVersion };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (locked && code.startsWith('SQLITE_NOTADB')) throw new AppError('wrongPassword', { path: file });
    if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
      throw new AppError('workspaceDamaged', { path: file }, { cause: error });
    }
    throw error;
  } finally {
    db?.close();
    if (refused) for (const sidecar of sidecars) rmSync(sidecar, { force: true });
  }
}

function configure(db: SqliteDatabase): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Deleted or changed content is overwritten on its pages where that costs no extra writing (forgotten values stay forgotten).
  db.pragma('secure_delete = FAST');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
}

/**
 * Opens (or creates) a workspace read-write: checks it first without writing, migrates it to the
 * latest schema, and verifies the result against the schema the migrations produce in memory.
 */
export function openWorkspaceDatabase(file: string, options: OpenWorkspaceOptions): SqliteDatabase {
  let fromVersion = 0;
  if (options.mode === 'create') {
    if (existsSync(file)) throw new AppError('workspaceExists', { path: file });
  } else {
    fromVersion = inspectWorkspaceFile(file, options).schemaVersion;
  }
  const db = openSqlite(file, { nativeBinding: options.nativeBinding, keys: options.keys, fileMustExist: options.mode === 'open' });
  try {
    configure(db);
    if (options.mode === 'create') db.pragma(`application_id = ${APPLICATION_ID}`);
    applyMigrations(db, fromVersion, LATEST_SCHEMA_VERSION);
    const differences = schemaDifferences(schemaFingerprint(db), expectedSchema(LATEST_SCHEMA_VERSION, options));
    if (differences.length > 0) {
      throw new AppError('workspaceStructure', { path: file, count: differences.length, first: differences[0] ?? '' });
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A second connection to a workspace the app already opened and checked (workers use it): only
 * the cheap checks, no integrity scan, no migrations.
 */
export function attachWorkspaceDatabase(file: string, options: SqliteOptions & { readonly: boolean }): SqliteDatabase {
  const db = openSqlite(file, { nativeBinding: options.nativeBinding, keys: options.keys, readonly: options.readonly, fileMustExist: true });
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID || version !== LATEST_SCHEMA_VERSION) {
      throw new AppError('workspaceNotAttached', { path: file });
    }
    if (!options.readonly) configure(db);
    else db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
