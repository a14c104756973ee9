import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetRecords } from '../../../shared/domain/records';
import type { SampleName } from '../../../shared/domain/workspace';
import { AppError } from '../../../shared/ipc/errors';
import { inspectWorkspaceFile, openWorkspaceDatabase } from '../../db/connection';
import { WorkspaceStore } from '../../db/queries';
import type { SqliteOptions } from '../../db/sqlite';
import { loadCdnowDataset } from './cdnow';
import { generateDemoDataset } from './demo';

export interface BuildSampleOptions {
  sample: SampleName;
  target: string;
  /** Overwrite an existing file at `target`. */
  replace: boolean;
  samplesDir: string;
  sqlite: SqliteOptions;
  onProgress: (stage: string, done: number, total: number) => void;
  shouldStop: () => boolean;
}

export function sampleDataset(sample: SampleName, samplesDir: string): DatasetRecords {
  return sample === 'cdnow' ? loadCdnowDataset(join(samplesDir, 'cdnow_master.csv')) : generateDemoDataset();
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Writes a sample into a new workspace. It is built in a temporary file beside the target and
 * renamed into place at the end, so a failure or a cancel never leaves a half-filled workspace.
 */
export function buildSampleWorkspace(options: BuildSampleOptions): void {
  const { sample, target, replace, samplesDir, sqlite, onProgress, shouldStop } = options;
  if (existsSync(target) && !replace) throw new AppError('sampleTargetExists', { path: target });
  // Replacing is for a sample's own workspace (damaged or from a newer version included): a file that
  // is not one of our workspaces is never overwritten.
  if (existsSync(target)) {
    try {
      inspectWorkspaceFile(target, sqlite);
    } catch (error) {
      if (!(error instanceof AppError) || ['notADatabase', 'foreignDatabase', 'workspaceIsFolder'].includes(error.key)) throw error;
    }
  }
  onProgress('reading', 0, 1);
  const dataset = sampleDataset(sample, samplesDir);
  const temp = `${target}.building-${process.pid}-${Date.now()}`;
  let store: WorkspaceStore | undefined;
  try {
    store = new WorkspaceStore(openWorkspaceDatabase(temp, { ...sqlite, mode: 'create' }));
    store.setMeta('createdAt', new Date().toISOString());
    store.setMeta('sample', sample);
    store.insertDataset(dataset, (done, total) => onProgress('writing', done, total), shouldStop);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    store = undefined;
    if (replace) removeDatabaseFiles(target);
    renameSync(temp, target);
  } finally {
    store?.close();
    removeDatabaseFiles(temp);
  }
}
