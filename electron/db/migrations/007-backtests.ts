import type { Migration } from './types';

/**
 * Back-tests of the projections (shared/analytics/backtest.ts): the date analysed, the months
 * projected and what happened, kept with the data they were made on so that the Models screen and
 * the report show the latest without making it again.
 */
export const migration007: Migration = {
  version: 7,
  name: 'backtests',
  up: `
    CREATE TABLE backtests (
      id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      data_fingerprint TEXT NOT NULL,
      settings TEXT NOT NULL,
      result TEXT NOT NULL
    ) STRICT;
  `,
};
