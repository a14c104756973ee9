import { existsSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { isoFromEpochDay } from '../../../shared/domain/dates';
import { SampleName, type WorkspaceSummary } from '../../../shared/domain/workspace';
import { isProtectedFile } from '../../db/encryption';
import type { WorkspaceStore } from '../../db/queries';

function fileSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

export function workspaceName(path: string): string {
  return basename(path, extname(path));
}

/** The summary of an open workspace: its counts and dates, size on disk and where it came from. */
export function summarize(path: string, store: WorkspaceStore): WorkspaceSummary {
  const summary = store.summary();
  const sample = SampleName.safeParse(store.getMeta('sample'));
  return {
    path,
    name: workspaceName(path),
    schemaVersion: summary.schemaVersion,
    sizeBytes: fileSize(path) + fileSize(`${path}-wal`),
    customers: summary.customers,
    transactions: summary.transactions,
    revenue: Math.round(summary.revenue * 100) / 100,
    firstDate: summary.firstDay === null ? null : isoFromEpochDay(summary.firstDay),
    lastDate: summary.lastDay === null ? null : isoFromEpochDay(summary.lastDay),
    tables: summary.tables,
    sample: sample.success ? sample.data : null,
    createdAt: store.getMeta('createdAt') ?? '',
    lastAnalysisAt: store.getMeta('lastAnalysisAt'),
    protected: isProtectedFile(path),
    viewOnly: false,
  };
}
