import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CellKind } from '../../../shared/domain/export';
import type { ImportOptions, ImportPreview, ImportResult, ImportSummary } from '../../../shared/domain/import';
import { AppError } from '../../../shared/ipc/errors';
import type { IssueKind } from '../../db/import-writer';
import type { RunOptions, WorkerPool } from '../../workers/pool';
import { removeAbandonedFolders } from '../app/scratch-folders';
import { writeTable } from '../export/table-file';
import type { WorkspaceService } from '../workspace/workspace-service';

const MAX_STAGED_BYTES = 512 * 1024 * 1024;

/** The columns of an import's log as a file: the import's counts on every line, then the issue. */
const LOG_COLUMNS: { header: string; kind: CellKind }[] = [
  { header: 'import', kind: 'integer' },
  { header: 'file', kind: 'text' },
  { header: 'sha256', kind: 'text' },
  { header: 'imported_at', kind: 'text' },
  { header: 'kind', kind: 'text' },
  { header: 'accepted', kind: 'integer' },
  { header: 'rejected', kind: 'integer' },
  { header: 'skipped', kind: 'integer' },
  { header: 'duplicates', kind: 'integer' },
  { header: 'issue', kind: 'text' },
  { header: 'line', kind: 'integer' },
  { header: 'column', kind: 'text' },
  { header: 'value', kind: 'text' },
  { header: 'reason', kind: 'text' },
  { header: 'of_line', kind: 'integer' },
];

/**
 * Imports into the open workspace. The reading and writing run in a worker thread. Copies of dropped
 * files live only as long as their import: gone once it is committed, when the wizard lets the file
 * go, and whatever happened to it when the services stop; a copy a crashed session left behind goes
 * at a later start (after a day, so that another process using the same folder keeps its own).
 */
export class ImportService {
  /** Dropped files this session copied, by path. */
  private readonly staged = new Set<string>();

  constructor(private readonly deps: { workspaces: WorkspaceService; pool: WorkerPool; dataDir: string; keepRejectedValues: () => boolean; afterImport?: () => void }) {
    removeAbandonedFolders(join(deps.dataDir, 'staged'));
  }

  preview(path: string, options: ImportOptions, run: RunOptions): Promise<ImportPreview> {
    return this.deps.pool.run('import.preview', { workspace: this.deps.workspaces.requirePath(), file: path, options }, run);
  }

  /** Every row checked, nothing written: the validation step of the wizard. */
  async check(path: string, options: ImportOptions, run: RunOptions): Promise<ImportSummary> {
    const result = await this.deps.pool.run('import.run', { workspace: this.deps.workspaces.requirePath(), file: path, options, mode: 'check', onPreviousImport: 'skip', strict: false }, run);
    const { importId: _id, committed: _committed, notCommittedReason: _reason, notCommitted: _notCommitted, replacedImportId: _replaced, ...summary } = result;
    return summary;
  }

  async run(path: string, options: ImportOptions, settings: { onPreviousImport: 'replace' | 'skip'; strict: boolean; acceptWarnings?: boolean | undefined }, run: RunOptions): Promise<ImportResult> {
    this.deps.workspaces.requireWritable();
    const result = await this.deps.pool.run('import.run', { workspace: this.deps.workspaces.requirePath(), file: path, options, mode: 'commit', onPreviousImport: settings.onPreviousImport, strict: settings.strict, acceptWarnings: settings.acceptWarnings === true, keepRejectedValues: this.deps.keepRejectedValues() }, run);
    if (result.committed) {
      this.unstage(path);
      this.deps.workspaces.changed();
      this.deps.afterImport?.();
    }
    return result;
  }

  /** Deletes the copy of a dropped file (nothing for any other path). */
  unstage(path: string): void {
    if (!this.staged.delete(path)) return;
    rmSync(dirname(path), { recursive: true, force: true });
  }

  /** Deletes the copies of dropped files this session made. */
  removeStaged(): void {
    for (const path of [...this.staged]) this.unstage(path);
  }

  log() {
    return this.deps.workspaces.requireStore().importLog();
  }

  issues(importId: number, kind?: IssueKind) {
    return this.deps.workspaces.requireStore().importIssues(importId, kind);
  }

  /** Drops the values of rejected cells from the log (one import's, or every import's): line, column and reason stay. */
  forgetValues(importId: number | null): { issues: number } {
    return { issues: this.deps.workspaces.requireStore().forgetIssueValues(importId) };
  }

  /** One CSV row per issue, each with the import's file and counts, so it reads on its own in a spreadsheet. */
  async exportLog(importId: number, path: string): Promise<{ path: string; rows: number }> {
    const store = this.deps.workspaces.requireStore();
    const entry = store.importLog().find((candidate) => candidate.importId === importId);
    if (!entry) throw new AppError('importMissing', { id: importId });
    const issues = store.importIssues(importId);
    const head = [entry.importId, entry.fileName, entry.hash, entry.importedAt, entry.kind, entry.accepted, entry.rejected, entry.skipped, entry.duplicates];
    const rows = issues.length > 0 ? issues.map((issue) => [...head, issue.kind, issue.line, issue.column ?? '', issue.value ?? '', issue.reason, issue.of ?? null]) : [[...head, '', null, '', '', '', null]];
    await writeTable(path, { sheet: `import ${importId}`, columns: LOG_COLUMNS, rows, currency: null });
    return { path, rows: issues.length };
  }

  /** A file dropped on the window: kept in the app data folder so the import can read it by path. */
  stage(name: string, base64: string): { path: string } {
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length > MAX_STAGED_BYTES) throw new AppError('droppedFileTooLarge', { name: basename(name) });
    const folder = join(this.deps.dataDir, 'staged', randomUUID());
    mkdirSync(folder, { recursive: true });
    const path = join(folder, basename(name).replace(/[\\/:*?"<>|]/g, '_'));
    writeFileSync(path, bytes);
    this.staged.add(path);
    return { path };
  }
}
