import Database from 'better-sqlite3-multiple-ciphers';

export type SqliteDatabase = Database.Database;

export interface SqliteOptions {
  /**
   * Path of the compiled better-sqlite3 addon to load. The Electron app passes the copy built for
   * Electron's ABI; plain Node (tests, CLI, harness) leaves it out and gets the one npm built.
   */
  nativeBinding?: string;
}

export function openSqlite(file: string, options: SqliteOptions & { readonly?: boolean; fileMustExist?: boolean } = {}): SqliteDatabase {
  const settings: Database.Options = { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false, timeout: 2000 };
  if (options.nativeBinding) settings.nativeBinding = options.nativeBinding;
  return new Database(file, settings);
}
