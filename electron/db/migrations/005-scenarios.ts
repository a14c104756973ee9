import type { Migration } from './types';

/** What-if scenarios saved in the workspace: a name, the scenario (JSON) and whether the report includes it. */
export const migration005: Migration = {
  version: 5,
  name: 'scenarios',
  up: `
    CREATE TABLE scenarios (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      scenario TEXT NOT NULL,
      for_report INTEGER NOT NULL DEFAULT 0 CHECK (for_report IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
