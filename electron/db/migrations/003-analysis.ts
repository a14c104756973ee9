import type { Migration } from './types';

/**
 * Analyses kept in the workspace: each run with the settings and data that produced it, its
 * summary (JSON) and its per-customer results as typed-array columns (BLOBs), so that reopening
 * a workspace shows the last analysis at once. And the data itself in the columns the analysis
 * reads (a snapshot tagged with the data fingerprint), so an analysis does not re-read every row.
 */
export const migration003: Migration = {
  version: 3,
  name: 'analysis',
  up: `
    CREATE TABLE analysis_runs (
      id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      as_of INTEGER NOT NULL,
      data_fingerprint TEXT NOT NULL,
      settings TEXT NOT NULL,
      summary TEXT NOT NULL,
      duration_ms REAL NOT NULL
    ) STRICT;

    -- Column contents, shared by the runs that have the same values (a re-run after a threshold
    -- change writes only the columns that changed).
    CREATE TABLE analysis_column_data (
      id INTEGER PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('f64', 'i32', 'u8')),
      data BLOB NOT NULL
    ) STRICT;

    CREATE TABLE analysis_columns (
      run_id INTEGER NOT NULL REFERENCES analysis_runs (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      data_id INTEGER NOT NULL REFERENCES analysis_column_data (id),
      PRIMARY KEY (run_id, name)
    ) STRICT;

    CREATE TABLE dataset_snapshot (
      part TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      data BLOB NOT NULL
    ) STRICT;
  `,
};
