import type { Migration } from './types';

/** Fitted lifetime-value models: parameters and diagnostics; the analysis uses the latest usable one. */
export const migration004: Migration = {
  version: 4,
  name: 'model-fits',
  up: `
    CREATE TABLE model_fits (
      id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      model TEXT NOT NULL,
      data_fingerprint TEXT NOT NULL,
      usable INTEGER NOT NULL,
      summary TEXT NOT NULL,
      fitted TEXT NOT NULL
    ) STRICT;
  `,
};
