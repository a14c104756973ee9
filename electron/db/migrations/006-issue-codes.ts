import type { Migration } from './types';

/**
 * Each issue of the import log keeps why as a stable code and its parameters (JSON), so that the
 * app can say it in the reader's language; `reason` stays the English sentence. Issues logged
 * before this have no code.
 */
export const migration006: Migration = {
  version: 6,
  name: 'issue-codes',
  up: `
    ALTER TABLE import_issues ADD COLUMN code TEXT;
    ALTER TABLE import_issues ADD COLUMN params TEXT;
  `,
};
