import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CellKind } from '../../../shared/domain/export';
import type { ImportOptions, ImportPreview, ImportResult, ImportSummary } from '../../../shared/domain/import';
import { AppError } from '../../../shared/ipc/errors';
import type { IssueKind } from '../../db/import-writer';
import type { RunOptions, WorkerPool } from '../../workers/pool';
import { writeTable } from '../export/table-file';
import type { WorkspaceService } from '../workspace/workspace-service';

const MAX_STAGED_BYTES = 512 * 1024 * 1024;

/** Imports into the open workspace. The reading and writing run in a worker thread. */
export class ImportService {
  constructor(private readonly deps: { workspaces: WorkspaceService; pool: WorkerPool; dataDir: string; afterImport?: () => void }) {}

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
    const result = await this.deps.pool.run('import.run', { workspace: this.deps.workspaces.requirePath(), file: path, options, mode: 'commit', onPreviousImport: settings.onPreviousImport, strict: settings.strict, acceptWarnings: settings.acceptWarnings === true }, run);
    if (result.committed) {
      this.deps.workspaces.changed();
      this.deps.afterImport?.();
    }
    return result;
  }

  log() {
    return this.deps.workspaces.requireStore().importLog();
  }

  issues(importId: number, kind?: IssueKind) {
    return this.deps.workspaces.requireStore().importIssues(importId, kind);
  }

  /** One CSV row per issue, each with the import's file and counts, so it reads on its own in a spreadsheet. */
  async exportLog(importId: number, path: string): Promise<{ path: string; rows: number }> {
    const store = this.deps.workspaces.requireStore();
    const entry = store.importLog().find((candidate) => candidate.importId === importId);
    if (!entry) throw new AppError('importMissing', { id: importId });
    const issues = store.importIssues(importId);
    const head = [entry.importId, entry.fileName, entry.hash, entry.importedAt, entry.kind, entry.accepted, entry.rejected, entry.skipped, entry.duplicates];
    const rows = issues.length > 0 ? issues.map((issue) => [...head, issue.kind, issue.line, issue.column ?? '', issue.value ?? '', issue.reason, issue.of ?? null]) : [[...head, '', null, '', '', '', null]];
    const kinds: CellKind[] = ['integer', 'text', 'text', 'text', 'text', 'integer', 'integer', 'integer', 'integer', 'text', 'integer', 'text', 'text', 'text', 'integer'];
    const headers = ['import', 'file', 'sha256', 'imported_at', 'kind', 'accepted', 'rejected', 'skipped', 'duplicates', 'issue', 'line', 'column', 'value', 'reason', 'of_line'];
    await writeTable(path, { sheet: `import ${importId}`, columns: headers.map((header, i) => ({ header, kind: kinds[i] ?? 'text' })), rows, currency: null });
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
    return { path };
  }
}
