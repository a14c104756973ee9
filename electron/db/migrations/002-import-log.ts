import type { Migration } from './types';

/**
 * The import log in full: what each import detected and decided, every row it rejected, skipped
 * or found duplicated (with its file line), and the column mapping remembered per source.
 */
export const migration002: Migration = {
  version: 2,
  name: 'import-log',
  up: `
    ALTER TABLE imports ADD COLUMN file_path TEXT;
    ALTER TABLE imports ADD COLUMN detected TEXT;

    CREATE TABLE import_issues (
      id INTEGER PRIMARY KEY,
      import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('rejected', 'skipped', 'duplicate')),
      line INTEGER NOT NULL,
      column_name TEXT,
      value TEXT,
      reason TEXT NOT NULL,
      of_line INTEGER
    ) STRICT;
    CREATE INDEX import_issues_import ON import_issues (import_id, kind, line);

    CREATE TABLE import_mappings (
      source TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      mapping TEXT NOT NULL,
      options TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
