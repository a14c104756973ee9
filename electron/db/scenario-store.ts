/**
 * What-if scenarios saved in the workspace. Names are unique regardless of case; the scenario is
 * kept as JSON and checked by the service when it is read back.
 */
import { AppError } from '../../shared/ipc/errors';
import type { SqliteDatabase } from './sqlite';

export interface StoredScenario {
  id: number;
  name: string;
  scenario: unknown;
  forReport: boolean;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: number;
  name: string;
  scenario: string;
  for_report: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, name, scenario, for_report, created_at, updated_at';
/** Longest name kept (the contract allows as much). */
const MAX_NAME = 120;

function fromRow(row: Row): StoredScenario {
  return { id: row.id, name: row.name, scenario: JSON.parse(row.scenario) as unknown, forReport: row.for_report === 1, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function listScenarios(db: SqliteDatabase): StoredScenario[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM scenarios ORDER BY id`).all() as Row[]).map(fromRow);
}

export function getScenario(db: SqliteDatabase, id: number): StoredScenario | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM scenarios WHERE id = ?`).get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

function requireScenario(db: SqliteDatabase, id: number): StoredScenario {
  const found = getScenario(db, id);
  if (!found) throw new AppError('scenarioMissing', { id });
  return found;
}

function idByName(db: SqliteDatabase, name: string): number | null {
  return (db.prepare('SELECT id FROM scenarios WHERE name = ?').pluck().get(name) as number | undefined) ?? null;
}

/**
 * Saves a scenario. With an id, that scenario is updated (renamed too; the new name must be free);
 * without, the scenario of the same name is replaced, or a new one made.
 */
export function saveScenario(db: SqliteDatabase, entry: { id?: number | undefined; name: string; scenario: unknown; forReport: boolean; now: string }): StoredScenario {
  const json = JSON.stringify(entry.scenario);
  const forReport = entry.forReport ? 1 : 0;
  return db.transaction(() => {
    if (entry.id !== undefined) {
      requireScenario(db, entry.id);
      const other = idByName(db, entry.name);
      if (other !== null && other !== entry.id) throw new AppError('scenarioNameTaken', { name: entry.name });
      db.prepare('UPDATE scenarios SET name = ?, scenario = ?, for_report = ?, updated_at = ? WHERE id = ?').run(entry.name, json, forReport, entry.now, entry.id);
      return requireScenario(db, entry.id);
    }
    const id = db
      .prepare(
        `INSERT INTO scenarios (name, scenario, for_report, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET scenario = excluded.scenario, for_report = excluded.for_report, updated_at = excluded.updated_at
         RETURNING id`,
      )
      .pluck()
      .get(entry.name, json, forReport, entry.now, entry.now) as number;
    return requireScenario(db, id);
  })();
}

/** Deletes a scenario; false when there was none with that id. */
export function deleteScenario(db: SqliteDatabase, id: number): boolean {
  return db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
}

/** A copy of a scenario under a free name ("Name (copy)", "Name (copy 2)", …), not in the report until chosen. */
export function duplicateScenario(db: SqliteDatabase, id: number, now: string): StoredScenario {
  return db.transaction(() => {
    const source = requireScenario(db, id);
    const copyName = (k: number) => {
      const suffix = k === 1 ? ' (copy)' : ` (copy ${k})`;
      return `${source.name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    };
    let k = 1;
    while (idByName(db, copyName(k)) !== null) k++;
    const name = copyName(k);
    const newId = db
      .prepare('INSERT INTO scenarios (name, scenario, for_report, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id')
      .pluck()
      .get(name, JSON.stringify(source.scenario), 0, now, now) as number;
    return requireScenario(db, newId);
  })();
}
