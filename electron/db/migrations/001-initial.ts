import type { Migration } from './types';

/**
 * The tables of DOMAIN.md "Input data". Dates are epoch days (INTEGER), money REAL.
 * Customers get a small integer id so that the large tables refer to them cheaply; `key` is
 * the normalised identity, `label` the id as the export wrote it.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE imports (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      file_name TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      mapping TEXT NOT NULL,
      accepted INTEGER NOT NULL DEFAULT 0,
      rejected INTEGER NOT NULL DEFAULT 0,
      skipped INTEGER NOT NULL DEFAULT 0,
      duplicates INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      label TEXT NOT NULL,
      name TEXT,
      acquired_day INTEGER,
      channel TEXT,
      acquisition_cost REAL,
      region TEXT,
      industry TEXT,
      size TEXT,
      age REAL,
      income REAL,
      attributes TEXT
    ) STRICT;

    CREATE TABLE transactions (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers (id),
      day INTEGER NOT NULL,
      amount REAL NOT NULL,
      cost REAL,
      product_id TEXT,
      category TEXT,
      quantity REAL,
      order_id TEXT,
      channel TEXT,
      import_id INTEGER REFERENCES imports (id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE service_costs (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers (id),
      day INTEGER NOT NULL,
      cost REAL NOT NULL,
      kind TEXT,
      import_id INTEGER REFERENCES imports (id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE products (
      product_id TEXT PRIMARY KEY,
      name TEXT,
      category TEXT,
      margin_rate REAL,
      import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL
    ) STRICT;

    CREATE TABLE marketing_spend (
      id INTEGER PRIMARY KEY,
      channel TEXT NOT NULL,
      period_start INTEGER NOT NULL,
      period_end INTEGER NOT NULL,
      spend REAL NOT NULL,
      new_customers INTEGER,
      import_id INTEGER REFERENCES imports (id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE prospects (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      label TEXT NOT NULL,
      name TEXT,
      channel TEXT,
      region TEXT,
      industry TEXT,
      size TEXT,
      age REAL,
      income REAL,
      attributes TEXT,
      import_id INTEGER REFERENCES imports (id) ON DELETE CASCADE
    ) STRICT;
  `,
};
