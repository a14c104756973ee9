/**
 * An anonymised copy of a workspace, to share: the same purchases, amounts and (optionally shifted)
 * dates, so that its analysis gives the same ladder, strategies and lifetime values — and nothing
 * that names a person. Customer and prospect ids (and order ids) become keyed hashes: the key stays
 * in the original workspace, so its owner can tell who is who and nobody else can. Names are
 * dropped; attributes are kept only when they are categories (few values, none that looks like an
 * e-mail, a phone number or an address), or when the person says to keep them. The import log keeps
 * counts only (no file names, no rejected values, no detected samples); cached analyses, fits and
 * back-tests are not copied (they hold customer ids) and are made again on the copy.
 *
 * The copy is written beside the target and renamed over it when complete; it is rebuilt (VACUUM)
 * after the changes, so no page of it holds what was removed.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import { rekey, type WorkspaceKey } from './encryption';
import { openSqlite, type SqliteDatabase } from './sqlite';

export interface AnonymiseOptions {
  /** Attributes to keep whatever they hold (by name, as imported). */
  keepAttributes?: readonly string[];
  /** Move every date by one random number of whole weeks (−52…52, never 0) so that no date is a real one. */
  shiftDates?: boolean;
  /** For tests: the key and the shift instead of random ones. */
  key?: Buffer;
  shiftDays?: number;
  /**
   * The key of a protected original: SQLite copies it encrypted with that key, so the copy is
   * scrubbed encrypted and written in plain only once nothing personal is left in it.
   */
  sourceKey?: WorkspaceKey;
}

export interface AnonymisedCopy {
  path: string;
  customers: number;
  prospects: number;
  /** Attribute names kept and dropped. */
  attributes: { kept: string[]; dropped: string[] };
  shiftDays: number;
}

/** An attribute with at most this many distinct values (or under 5 % of the rows) is a category. */
const CATEGORY_VALUES = 50;
/** What looks like a way to reach or find a person. */
const PERSONAL = [/@/, /(?:\d[\s\-().]*){7,}/, /\b(?:street|st\.|road|rd\.|avenue|ave\.|lane|ул\.|улица|пр-т|str\.|strada|бул\.|خیابان|路|街)\b/i];

/** Hashes an id with the copy's key: the same id gives the same hash (a customer stays one customer). */
function hasher(key: Buffer, prefix: string): (text: string | null) => string | null {
  return (text) => (text === null ? null : `${prefix}${createHmac('sha256', key).update(text).digest('hex').slice(0, 16)}`);
}

/** Which attributes of customers and prospects to keep: categories and the ones asked for. */
function chooseAttributes(db: SqliteDatabase, keep: ReadonlySet<string>): { kept: Set<string>; dropped: Set<string> } {
  const values = new Map<string, Set<string>>();
  const personal = new Set<string>();
  let rows = 0;
  for (const table of ['customers', 'prospects']) {
    for (const { attributes } of db.prepare(`SELECT attributes FROM ${table} WHERE attributes IS NOT NULL`).iterate() as Iterable<{ attributes: string }>) {
      rows++;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(attributes) as Record<string, unknown>;
      } catch {
        continue;
      }
      for (const [name, value] of Object.entries(parsed)) {
        const text = String(value ?? '');
        let seen = values.get(name);
        if (!seen) values.set(name, (seen = new Set()));
        if (seen.size <= CATEGORY_VALUES) seen.add(text);
        if (PERSONAL.some((pattern) => pattern.test(text))) personal.add(name);
      }
    }
  }
  const kept = new Set<string>();
  const dropped = new Set<string>();
  for (const [name, seen] of values) {
    const category = seen.size <= CATEGORY_VALUES || seen.size < rows * 0.05;
    if (keep.has(name) || (category && !personal.has(name))) kept.add(name);
    else dropped.add(name);
  }
  return { kept, dropped };
}

/**
 * Writes the anonymised copy of the workspace open in `source` to `target` (which must not exist).
 * Returns what was copied; the key is returned for the caller to keep with the original.
 */
export function writeAnonymisedCopy(source: SqliteDatabase, target: string, options: AnonymiseOptions = {}): AnonymisedCopy & { key: Buffer } {
  if (existsSync(target)) throw new AppError('workspaceExists', { path: target });
  const key = options.key ?? randomBytes(32);
  const shiftDays = options.shiftDays ?? (options.shiftDates ? 7 * (1 + Math.floor(Math.random() * 52)) * (Math.random() < 0.5 ? -1 : 1) : 0);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  source.prepare('VACUUM INTO ?').run(partial);
  let copy: SqliteDatabase | null = null;
  try {
    copy = openSqlite(partial, { fileMustExist: true, keys: options.sourceKey ? new Map([[resolve(partial), options.sourceKey]]) : undefined });
    const scrubbed = scrub(copy, key, shiftDays, new Set(options.keepAttributes ?? []));
    // Rebuilt from its rows: no free page keeps a name, an id or a rejected value.
    copy.exec('VACUUM');
    if (options.sourceKey) rekey(copy, null);
    copy.close();
    copy = null;
    renameSync(partial, target);
    return { path: target, ...scrubbed, shiftDays, key };
  } catch (error) {
    copy?.close();
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Removes from a copy what names a person (see the module comment), in one transaction. */
function scrub(db: SqliteDatabase, key: Buffer, shiftDays: number, keep: ReadonlySet<string>): Omit<AnonymisedCopy, 'path' | 'shiftDays'> {
  db.pragma('journal_mode = DELETE');
  db.pragma('secure_delete = ON');
  // Whole cached tables go; their order among themselves does not matter.
  db.pragma('foreign_keys = OFF');
  const customerId = hasher(key, 'A');
  const prospectId = hasher(key, 'P');
  const orderId = hasher(key, 'O');
  db.function('vl_customer', { deterministic: true }, (text: unknown) => customerId(text as string | null));
  db.function('vl_prospect', { deterministic: true }, (text: unknown) => prospectId(text as string | null));
  db.function('vl_order', { deterministic: true }, (text: unknown) => orderId(text as string | null));
  const attributes = chooseAttributes(db, keep);
  db.function('vl_attributes', { deterministic: true }, (json: unknown) => {
    if (typeof json !== 'string') return null;
    const kept = Object.entries(JSON.parse(json) as Record<string, unknown>).filter(([name]) => attributes.kept.has(name));
    return kept.length > 0 ? JSON.stringify(Object.fromEntries(kept)) : null;
  });
  return db.transaction(() => {
    db.exec(`
      UPDATE customers SET key = lower(vl_customer(key)), label = vl_customer(key), name = NULL, attributes = vl_attributes(attributes);
      UPDATE prospects SET key = lower(vl_prospect(key)), label = vl_prospect(key), name = NULL, attributes = vl_attributes(attributes);
      UPDATE transactions SET order_id = vl_order(order_id) WHERE order_id IS NOT NULL;
      DELETE FROM import_issues;
      DELETE FROM import_mappings;
      UPDATE imports SET file_name = 'import ' || id, content_hash = lower(hex(randomblob(32))), detected = NULL;
      DELETE FROM analysis_column_data;
      DELETE FROM analysis_columns;
      DELETE FROM analysis_runs;
      DELETE FROM dataset_snapshot;
      DELETE FROM model_fits;
      DELETE FROM backtests;
      DELETE FROM meta WHERE key NOT IN ('createdAt');
      INSERT INTO meta (key, value) VALUES ('anonymisedAt', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    `);
    const settings = db.prepare("SELECT value FROM settings WHERE key = 'analysis'").get() as { value: string } | undefined;
    if (settings) {
      // The report's cover (client, author, logo) names the client.
      const parsed = JSON.parse(settings.value) as Record<string, unknown>;
      for (const name of ['reportClient', 'reportAuthor', 'reportLogoPath']) delete parsed[name];
      db.prepare("UPDATE settings SET value = ? WHERE key = 'analysis'").run(JSON.stringify(parsed));
    }
    if (shiftDays !== 0) {
      db.prepare('UPDATE transactions SET day = day + ?').run(shiftDays);
      db.prepare('UPDATE service_costs SET day = day + ?').run(shiftDays);
      db.prepare('UPDATE marketing_spend SET period_start = period_start + ?, period_end = period_end + ?').run(shiftDays, shiftDays);
      db.prepare('UPDATE customers SET acquired_day = acquired_day + ? WHERE acquired_day IS NOT NULL').run(shiftDays);
    }
    return {
      customers: (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n,
      prospects: (db.prepare('SELECT count(*) AS n FROM prospects').get() as { n: number }).n,
      attributes: { kept: [...attributes.kept].sort(), dropped: [...attributes.dropped].sort() },
    };
  })();
}
