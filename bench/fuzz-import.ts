/**
 * Import fuzzing: random bytes, truncated files, random delimiters and quotes, huge fields. Every
 * case must end in a result or an AppError (never a crash or an internal error), and a workspace
 * after a committed or refused import holds exactly what it held before plus what was accepted.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspaceDatabase } from '../electron/db/connection';
import { openSqlite } from '../electron/db/sqlite';
import { runImport, type ImportContext } from '../electron/services/import/run-import';
import { AppError } from '../shared/ipc/errors';

function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

const GOOD = 'customer_id,order_date,amount,cost\nC1,2024-01-05,10.50,4\nC2,2024-02-01,"1,200.00",600\nC1,2024-03-01,-2,-1\n';

/** One fuzz input, of a kind chosen by the case number. */
export function fuzzInput(caseNumber: number): Buffer {
  const next = random(caseNumber * 2654435761);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const kind = caseNumber % 5;
  if (kind === 0) return Buffer.from(Array.from({ length: Math.floor(next() * 4096) }, () => Math.floor(next() * 256)));
  if (kind === 1) return Buffer.from(GOOD).subarray(0, Math.floor(next() * GOOD.length));
  if (kind === 2) {
    const delimiter = pick([',', ';', '\t', '|', ' ', '"']);
    const quote = pick(['"', "'", '', '""']);
    const rows = ['customer_id,order_date,amount'.replace(/,/g, delimiter)];
    for (let i = 0; i < 1 + Math.floor(next() * 30); i++) {
      rows.push([`${quote}C${Math.floor(next() * 5)}${next() < 0.1 ? '' : quote}`, pick(['2024-01-05', '05.01.2024', '1/5/2024', '2024-13-40', '', '۱۴۰۳/۰۱/۰۱']), pick(['10', '1 234,50', '(5)', 'x', '', '1e308', '-0'])].join(delimiter));
    }
    return Buffer.from(rows.join(pick(['\n', '\r\n', '\r'])));
  }
  if (kind === 3) {
    const huge = 'x'.repeat(100_000 + Math.floor(next() * 900_000));
    return Buffer.from(`customer_id,order_date,amount\nC1,2024-01-05,10\n"${huge}",2024-01-06,5\nC2,2024-01-07,${huge}\n`);
  }
  // Valid text in a random encoding-looking shape: UTF-16 with or without BOM, or Latin-1 bytes.
  const text = GOOD.replace('C2', 'Ç2ü');
  const form = pick(['utf16le-bom', 'utf16le', 'latin1', 'utf8-bom']);
  if (form === 'utf16le-bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (form === 'utf16le') return Buffer.from(text, 'utf16le');
  if (form === 'latin1') return Buffer.from(text, 'latin1');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
}

const TABLES = ['transactions', 'customers', 'service_costs', 'marketing_spend', 'prospects', 'products', 'imports', 'import_issues'] as const;

/** Row counts of every table an import writes. */
function counts(workspace: string): Record<(typeof TABLES)[number], number> {
  const db = openSqlite(workspace, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(TABLES.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number])) as Record<(typeof TABLES)[number], number>;
  } finally {
    db.close();
  }
}

/** Rows of an import's own table that carry its id (customers and products are updated in place: not counted). */
function importedRows(workspace: string, kind: string, importId: number): number | null {
  const table = ({ transactions: 'transactions', costs: 'service_costs', marketing: 'marketing_spend' } as Record<string, string>)[kind];
  if (!table) return null;
  const db = openSqlite(workspace, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table} WHERE import_id = ?`).pluck().get(importId) as number;
  } finally {
    db.close();
  }
}

export interface FuzzReport {
  cases: number;
  committed: number;
  refused: number;
  errors: Record<string, number>;
  failures: string[];
}

/** Runs `cases` fuzz cases: all are checked, one in `commitEvery` (keep it coprime with 5, the number of kinds) is imported for real. */
export async function fuzzImports(dir: string, cases: number, workerScript: string, commitEvery = 9, firstCase = 1): Promise<FuzzReport> {
  const workspace = join(dir, 'fuzz.vlw');
  openWorkspaceDatabase(workspace, { mode: 'create' }).close();
  const context: ImportContext = { sqlite: {}, workerScript, progress: () => undefined, shouldStop: () => false };
  const report: FuzzReport = { cases: 0, committed: 0, refused: 0, errors: {}, failures: [] };
  for (let n = firstCase; n < firstCase + cases; n++) {
    const file = join(dir, `case-${n % 16}.csv`);
    writeFileSync(file, fuzzInput(n));
    const commit = n % commitEvery === 0;
    const before = commit ? JSON.stringify(counts(workspace)) : '';
    try {
      const result = await runImport({ workspace, file, options: {}, mode: commit ? 'commit' : 'check', onPreviousImport: 'replace', strict: false }, context);
      if (commit && result.committed && result.importId !== null) {
        report.committed++;
        // A committed import holds exactly the rows it accepted.
        const rows = importedRows(workspace, result.kind, result.importId);
        if (rows !== null && rows !== result.accepted) report.failures.push(`case ${n}: import #${result.importId} holds ${rows} rows, accepted ${result.accepted}`);
      } else if (commit && JSON.stringify(counts(workspace)) !== before) {
        report.failures.push(`case ${n}: an import that was not committed changed the workspace`);
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'internal') report.failures.push(`case ${n}: ${error instanceof Error ? error.stack : String(error)}`);
      else {
        report.refused++;
        report.errors[error.code] = (report.errors[error.code] ?? 0) + 1;
        if (commit && JSON.stringify(counts(workspace)) !== before) report.failures.push(`case ${n}: a refused import changed the workspace`);
      }
    }
    report.cases++;
  }
  return report;
}
