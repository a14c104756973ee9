/**
 * Analysis runs in the workspace: settings, data fingerprint, summary and per-customer columns.
 */
import { AnalysisSettings, DEFAULT_ANALYSIS_SETTINGS } from '../../shared/domain/settings';
import type { SqliteDatabase } from './sqlite';

export type ColumnArray = Float64Array | Int32Array | Uint8Array;

/** How many runs a workspace keeps (the newest). */
const KEEP_RUNS = 8;

export interface StoredRun {
  runId: number;
  createdAt: string;
  asOf: number;
  fingerprint: string;
  settings: AnalysisSettings;
  summary: unknown;
  durationMs: number;
}

/**
 * What the data looks like now, in an instant: the highest row id of every input table (new rows
 * always get higher ids, a replaced import's rows too) and the imports made. An analysis is stale
 * when the fingerprint it was made from differs.
 */
export function dataFingerprint(db: SqliteDatabase): string {
  const tables = ['transactions', 'customers', 'service_costs', 'marketing_spend', 'prospects', 'imports', 'products'];
  return tables.map((table) => String((db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0)).join('|') + `|${(db.prepare('SELECT count(*) FROM imports').pluck().get() as number) ?? 0}`;
}

export function readAnalysisSettings(db: SqliteDatabase): AnalysisSettings {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'analysis'").get() as { value: string } | undefined;
  if (!row) return DEFAULT_ANALYSIS_SETTINGS;
  const parsed = AnalysisSettings.safeParse({ ...DEFAULT_ANALYSIS_SETTINGS, ...(JSON.parse(row.value) as object) });
  return parsed.success ? parsed.data : DEFAULT_ANALYSIS_SETTINGS;
}

export function writeAnalysisSettings(db: SqliteDatabase, settings: AnalysisSettings): void {
  db.prepare("INSERT INTO settings (key, value) VALUES ('analysis', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(settings));
}

function toBlob(values: ColumnArray): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

function fromBlob(data: Buffer, like: string): ColumnArray {
  // A blob read from SQLite usually comes in a buffer of its own: used as it is then, else copied
  // (a small one shares Node's buffer pool, and a typed array needs aligned, unshared memory).
  let buffer: ArrayBufferLike;
  if (data.byteOffset === 0 && data.buffer.byteLength === data.byteLength && !(data.buffer instanceof SharedArrayBuffer)) buffer = data.buffer;
  else {
    const bytes = new Uint8Array(data.byteLength);
    bytes.set(data);
    buffer = bytes.buffer;
  }
  return like === 'f64' ? new Float64Array(buffer) : like === 'i32' ? new Int32Array(buffer) : new Uint8Array(buffer);
}

function typeOf(values: ColumnArray): 'f64' | 'i32' | 'u8' {
  if (values instanceof Float64Array) return 'f64';
  if (values instanceof Int32Array) return 'i32';
  return 'u8';
}

/**
 * Stores a run. `written` remembers which arrays are already in the workspace (by identity): an
 * analysis reuses unchanged stage results, and their columns are then referenced, not written again.
 */
export function saveRun(db: SqliteDatabase, run: Omit<StoredRun, 'runId'>, columns: Record<string, ColumnArray>, written: WeakMap<ColumnArray, number> = new WeakMap()): number {
  return db.transaction(() => {
    const runId = Number(
      db
        .prepare('INSERT INTO analysis_runs (created_at, as_of, data_fingerprint, settings, summary, duration_ms) VALUES (?, ?, ?, ?, ?, ?)')
        .run(run.createdAt, run.asOf, run.fingerprint, JSON.stringify(run.settings), JSON.stringify(run.summary), run.durationMs).lastInsertRowid,
    );
    const insertData = db.prepare('INSERT INTO analysis_column_data (type, data) VALUES (?, ?)');
    const exists = db.prepare('SELECT 1 FROM analysis_column_data WHERE id = ?').pluck();
    const insert = db.prepare('INSERT INTO analysis_columns (run_id, name, data_id) VALUES (?, ?, ?)');
    for (const [name, values] of Object.entries(columns)) {
      let dataId = written.get(values);
      if (dataId === undefined || !exists.get(dataId)) {
        dataId = Number(insertData.run(typeOf(values), toBlob(values)).lastInsertRowid);
        written.set(values, dataId);
      }
      insert.run(runId, name, dataId);
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('lastAnalysisAt', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(run.createdAt);
    // Keep the newest runs only.
    const old = db.prepare('SELECT id FROM analysis_runs ORDER BY id DESC LIMIT -1 OFFSET ?').pluck().all(KEEP_RUNS) as number[];
    for (const id of old) {
      db.prepare('DELETE FROM analysis_columns WHERE run_id = ?').run(id);
      db.prepare('DELETE FROM analysis_runs WHERE id = ?').run(id);
    }
    if (old.length > 0) db.prepare('DELETE FROM analysis_column_data WHERE id NOT IN (SELECT data_id FROM analysis_columns)').run();
    return runId;
  })();
}

export function latestRun(db: SqliteDatabase): StoredRun | null {
  const row = db.prepare('SELECT id, created_at, as_of, data_fingerprint, settings, summary, duration_ms FROM analysis_runs ORDER BY id DESC LIMIT 1').get() as
    | { id: number; created_at: string; as_of: number; data_fingerprint: string; settings: string; summary: string; duration_ms: number }
    | undefined;
  if (!row) return null;
  const settings = AnalysisSettings.safeParse({ ...DEFAULT_ANALYSIS_SETTINGS, ...(JSON.parse(row.settings) as object) });
  return {
    runId: row.id,
    createdAt: row.created_at,
    asOf: row.as_of,
    fingerprint: row.data_fingerprint,
    settings: settings.success ? settings.data : DEFAULT_ANALYSIS_SETTINGS,
    summary: JSON.parse(row.summary) as unknown,
    durationMs: row.duration_ms,
  };
}

export function readRunColumns(db: SqliteDatabase, runId: number, names?: readonly string[]): Record<string, ColumnArray> {
  const rows = db
    .prepare('SELECT c.name, d.type, d.data FROM analysis_columns c JOIN analysis_column_data d ON d.id = c.data_id WHERE c.run_id = ?')
    .all(runId) as { name: string; type: string; data: Buffer }[];
  const columns: Record<string, ColumnArray> = {};
  for (const row of rows) {
    if (names && !names.includes(row.name)) continue;
    columns[row.name] = fromBlob(row.data, row.type);
  }
  return columns;
}

type Columns = Record<string, ColumnArray | string[] | number>;

/**
 * Keeps the analysis dataset in the workspace as columns (typed arrays as BLOBs, text lists as
 * JSON), tagged with the data fingerprint: the next analysis reads it in milliseconds instead of
 * reading every row.
 */
export function saveDatasetSnapshot(db: SqliteDatabase, fingerprint: string, dataset: object): void {
  const insert = db.prepare('INSERT INTO dataset_snapshot (part, fingerprint, data) VALUES (?, ?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM dataset_snapshot').run();
    for (const [table, columns] of Object.entries(dataset as Record<string, Columns | Float64Array>)) {
      if (ArrayBuffer.isView(columns)) {
        insert.run(`${table}:f64`, fingerprint, toBlob(columns as Float64Array));
        continue;
      }
      for (const [name, values] of Object.entries(columns)) {
        if (typeof values === 'number' || Array.isArray(values)) insert.run(`${table}.${name}:json`, fingerprint, Buffer.from(JSON.stringify(values)));
        else insert.run(`${table}.${name}:${typeOf(values)}`, fingerprint, toBlob(values));
      }
    }
  })();
}

/** The kept dataset when it was made from data with this fingerprint; null otherwise. */
export function loadDatasetSnapshot<T>(db: SqliteDatabase, fingerprint: string): T | null {
  return db.inTransaction ? readSnapshot<T>(db, fingerprint) : db.transaction(() => readSnapshot<T>(db, fingerprint))();
}

function readSnapshot<T>(db: SqliteDatabase, fingerprint: string): T | null {
  const parts = db.prepare('SELECT count(*) AS parts, count(*) FILTER (WHERE fingerprint IS NOT ?) AS other FROM dataset_snapshot').get(fingerprint) as { parts: number; other: number };
  if (parts.parts === 0 || parts.other > 0) return null;
  const dataset: Record<string, Record<string, unknown> | ColumnArray> = {};
  // One part at a time: the blobs are not all held twice (as read and as columns) at once.
  for (const row of db.prepare('SELECT part, fingerprint, data FROM dataset_snapshot').iterate() as Iterable<{ part: string; fingerprint: string; data: Buffer }>) {
    const [path = '', type = ''] = row.part.split(':');
    const [table = '', name] = path.split('.');
    const value = type === 'json' ? (JSON.parse(row.data.toString('utf8')) as unknown) : fromBlob(row.data, type);
    if (name === undefined) dataset[table] = value as ColumnArray;
    else ((dataset[table] ??= {}) as Record<string, unknown>)[name] = value;
  }
  return dataset as T;
}

/** Id, label and name of every customer, by workspace id. */
export function readCustomerNames(db: SqliteDatabase): Map<number, { label: string; name: string | null }> {
  const names = new Map<number, { label: string; name: string | null }>();
  for (const row of db.prepare('SELECT id, label, name FROM customers').raw(true).iterate() as Iterable<[number, string, string | null]>) names.set(row[0], { label: row[1], name: row[2] });
  return names;
}

/** The workspace id of a customer given as its id in the exports (label) or its identity key. */
export function findCustomerId(db: SqliteDatabase, labelOrKey: string, key: string): number | null {
  const row = db.prepare('SELECT id FROM customers WHERE label = ? OR key = ? LIMIT 1').pluck().get(labelOrKey, key) as number | undefined;
  return row ?? null;
}

/** A customer's orders by day up to `asOf`: net amount, gross margin (cost, else the product's margin rate, else the default) and lines. */
export function readCustomerOrders(db: SqliteDatabase, customerId: number, asOf: number, defaultMarginRate: number): { day: number; amount: number; margin: number; lines: number }[] {
  return db
    .prepare(
      `SELECT t.day AS day, total(t.amount) AS amount,
              total(CASE WHEN t.cost IS NOT NULL THEN t.amount - t.cost WHEN p.margin_rate IS NOT NULL THEN t.amount * p.margin_rate ELSE t.amount * ? END) AS margin,
              count(*) AS lines
       FROM transactions t LEFT JOIN products p ON p.product_id = t.product_id
       WHERE t.customer_id = ? AND t.day <= ? GROUP BY t.day ORDER BY t.day`,
    )
    .all(defaultMarginRate, customerId, asOf) as { day: number; amount: number; margin: number; lines: number }[];
}

export interface StoredFit {
  fitId: number;
  createdAt: string;
  fingerprint: string;
  usable: boolean;
  summary: unknown;
  /** What the analysis needs to predict (shared/analytics/model-outlook.ts FittedModels). */
  fitted: unknown;
}

export function saveFit(db: SqliteDatabase, fit: Omit<StoredFit, 'fitId'> & { model: string }): number {
  return Number(
    db
      .prepare('INSERT INTO model_fits (created_at, model, data_fingerprint, usable, summary, fitted) VALUES (?, ?, ?, ?, ?, ?)')
      .run(fit.createdAt, fit.model, fit.fingerprint, fit.usable ? 1 : 0, JSON.stringify(fit.summary), JSON.stringify(fit.fitted)).lastInsertRowid,
  );
}

/** The newest fit, or the newest usable one. */
export function latestFit(db: SqliteDatabase, usableOnly: boolean): StoredFit | null {
  const row = db.prepare(`SELECT id, created_at, data_fingerprint, usable, summary, fitted FROM model_fits ${usableOnly ? 'WHERE usable = 1' : ''} ORDER BY id DESC LIMIT 1`).get() as
    | { id: number; created_at: string; data_fingerprint: string; usable: number; summary: string; fitted: string }
    | undefined;
  if (!row) return null;
  return { fitId: row.id, createdAt: row.created_at, fingerprint: row.data_fingerprint, usable: row.usable === 1, summary: JSON.parse(row.summary) as unknown, fitted: JSON.parse(row.fitted) as unknown };
}

export interface StoredBacktest {
  createdAt: string;
  fingerprint: string;
  result: unknown;
}

export function saveBacktest(db: SqliteDatabase, backtest: StoredBacktest & { settings: AnalysisSettings }): void {
  db.prepare('INSERT INTO backtests (created_at, data_fingerprint, settings, result) VALUES (?, ?, ?, ?)').run(backtest.createdAt, backtest.fingerprint, JSON.stringify(backtest.settings), JSON.stringify(backtest.result));
  // Only the latest is read: keep a few for the record.
  db.prepare('DELETE FROM backtests WHERE id NOT IN (SELECT id FROM backtests ORDER BY id DESC LIMIT 8)').run();
}

/** The newest back-test, or null. */
export function latestBacktest(db: SqliteDatabase): StoredBacktest | null {
  const row = db.prepare('SELECT created_at, data_fingerprint, result FROM backtests ORDER BY id DESC LIMIT 1').get() as { created_at: string; data_fingerprint: string; result: string } | undefined;
  return row ? { createdAt: row.created_at, fingerprint: row.data_fingerprint, result: JSON.parse(row.result) as unknown } : null;
}
