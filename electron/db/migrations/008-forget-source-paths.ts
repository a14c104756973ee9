import type { Migration } from './types';

/**
 * A workspace travels (to a client, a colleague, a lost laptop): it keeps the name of each imported
 * file, not where it was on the importer's disk — the full path can name people and folders.
 */
export const migration008: Migration = {
  version: 8,
  name: 'forget-source-paths',
  up: `
    ALTER TABLE imports DROP COLUMN file_path;
  `,
};
