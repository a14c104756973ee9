import { MIGRATIONS } from './migrations';
import { openSqlite, type SqliteDatabase, type SqliteOptions } from './sqlite';

/** The schema as SQLite reports it, whitespace-normalised, one line per object, in a stable order. */
export function schemaFingerprint(db: SqliteDatabase): string[] {
  const rows = db
    .prepare("SELECT type, name, tbl_name AS tableName, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; tableName: string; sql: string | null }[];
  return rows.map((row) => `${row.type} ${row.name} ON ${row.tableName}: ${(row.sql ?? '').replace(/\s+/g, ' ').trim()}`);
}

export function applyMigrations(db: SqliteDatabase, fromVersion: number, toVersion: number): void {
  for (const migration of MIGRATIONS.slice(fromVersion, toVersion)) {
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

const expectedByVersion = new Map<number, string[]>();

/** What the schema must look like after the first `version` migrations: built once in memory. */
export function expectedSchema(version: number, options: SqliteOptions = {}): string[] {
  let expected = expectedByVersion.get(version);
  if (!expected) {
    const memory = openSqlite(':memory:', options);
    try {
      applyMigrations(memory, 0, version);
      expected = schemaFingerprint(memory);
    } finally {
      memory.close();
    }
    expectedByVersion.set(version, expected);
  }
  return expected;
}

/** Lines of difference between a workspace's schema and the expected one; empty when they match. */
export function schemaDifferences(actual: string[], expected: string[]): string[] {
  const actualSet = new Set(actual);
  const expectedSet = new Set(expected);
  return [
    ...expected.filter((line) => !actualSet.has(line)).map((line) => `missing: ${line}`),
    ...actual.filter((line) => !expectedSet.has(line)).map((line) => `unexpected: ${line}`),
  ];
}
