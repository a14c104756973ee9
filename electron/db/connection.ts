import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../../shared/ipc/errors';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { applyMigrations, expectedSchema, schemaDifferences, schemaFingerprint } from './schema';
import { openSqlite, type SqliteDatabase, type SqliteOptions } from './sqlite';

/** PRAGMA application_id of a workspace ("VLDW"): tells our files from other SQLite databases. */
export const APPLICATION_ID = 0x564c4457;

const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenWorkspaceOptions extends SqliteOptions {
  /** `create` makes a new file (it must not exist); `open` needs an existing workspace. */
  mode: 'create' | 'open';
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Looks at an existing file without changing it: is it SQLite, is it ours, is it intact, and which
 * schema version does it have. Throws AppError with a message for people otherwise.
 */
export function inspectWorkspaceFile(file: string, options: SqliteOptions = {}): { schemaVersion: number } {
  if (!existsSync(file)) throw new AppError('not_found', `There is no workspace at ${file}.`, { hint: 'Check the path, or create a new workspace.' });
  if (statSync(file).isDirectory()) throw new AppError('invalid_input', `${file} is a folder, not a workspace file.`);
  if (readHeader(file) !== SQLITE_HEADER) {
    throw new AppError('not_a_workspace', `${file} is not a Value Ladder workspace (it is not a database file).`, {
      hint: 'To use a CSV or Excel export, create a workspace and import the file into it.',
    });
  }
  let db: SqliteDatabase | undefined;
  try {
    db = openSqlite(file, { ...options, readonly: true, fileMustExist: true });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      throw new AppError('not_a_workspace', `${file} is a database, but not a Value Ladder workspace.`, {
        hint: 'Open a .vlw file made by Value Ladder.',
      });
    }
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'workspace_newer',
        `This workspace was saved by a newer version of Value Ladder (schema ${schemaVersion}; this version reads up to ${LATEST_SCHEMA_VERSION}). It was not changed.`,
        { hint: 'Update Value Ladder to open it.' },
      );
    }
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw Object.assign(new Error(check), { code: 'SQLITE_CORRUPT' });
    return { schemaVersion };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
      throw new AppError('workspace_corrupt', `The workspace ${file} is damaged and cannot be opened. It was not changed.`, {
        hint: 'Open a backup copy, or create a new workspace and import the original exports again.',
        cause: error,
      });
    }
    throw error;
  } finally {
    db?.close();
  }
}

function configure(db: SqliteDatabase): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
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
    if (existsSync(file)) throw new AppError('already_exists', `${file} already exists.`, { hint: 'Choose another name, or open it.' });
  } else {
    fromVersion = inspectWorkspaceFile(file, options).schemaVersion;
  }
  const db = openSqlite(file, { nativeBinding: options.nativeBinding, fileMustExist: options.mode === 'open' });
  try {
    configure(db);
    if (options.mode === 'create') db.pragma(`application_id = ${APPLICATION_ID}`);
    applyMigrations(db, fromVersion, LATEST_SCHEMA_VERSION);
    const differences = schemaDifferences(schemaFingerprint(db), expectedSchema(LATEST_SCHEMA_VERSION, options));
    if (differences.length > 0) {
      throw new AppError('workspace_corrupt', `The workspace ${file} has an unexpected structure (${differences.length} differences, first: ${differences[0]}).`, {
        hint: 'It may have been edited by another program. Open a backup copy or create a new workspace.',
      });
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
  const db = openSqlite(file, { nativeBinding: options.nativeBinding, readonly: options.readonly, fileMustExist: true });
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID || version !== LATEST_SCHEMA_VERSION) {
      throw new AppError('not_a_workspace', `${file} is not an open Value Ladder workspace of this version.`, { hint: 'Open it in the app first.' });
    }
    if (!options.readonly) configure(db);
    else db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
