import { resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, type WorkspaceKey } from './encryption';

export type SqliteDatabase = Database.Database;

export interface SqliteOptions {
  /**
   * Path of the compiled better-sqlite3 addon to load. The Electron app passes the copy built for
   * Electron's ABI; plain Node (tests, CLI, harness) leaves it out and gets the one npm built.
   */
  nativeBinding?: string;
  /**
   * The keys of the protected workspaces this process has unlocked, by absolute path
   * (encryption.ts): every connection to one of them, workers' included, is opened with its key.
   */
  keys?: ReadonlyMap<string, WorkspaceKey>;
}

export function openSqlite(file: string, options: SqliteOptions & { readonly?: boolean; fileMustExist?: boolean } = {}): SqliteDatabase {
  const settings: Database.Options = { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false, timeout: 2000 };
  if (options.nativeBinding) settings.nativeBinding = options.nativeBinding;
  const db = new Database(file, settings);
  const key = file === ':memory:' ? undefined : options.keys?.get(resolve(file));
  if (key) {
    try {
      applyKey(db, key);
    } catch (error) {
      db.close();
      throw error;
    }
  }
  return db;
}
