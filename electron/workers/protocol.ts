import type { ApiErrorShape } from '../../shared/ipc/errors';
import type { SqliteOptions } from '../db/sqlite';

/** Data every worker starts with. */
export interface WorkerBootData {
  sqlite: SqliteOptions;
  /** This worker's own script, to start helper threads of the same code (the import writer). */
  script: string;
  /** What the thread is for: a pool worker runs tasks; an import writer writes one import. */
  role?: 'pool' | 'import-writer';
}

export type ToWorker = {
  type: 'run';
  id: number;
  task: string;
  input: unknown;
  /** One Int32: set to 1 by the pool when the caller cancels (the worker is busy and reads no messages). */
  cancelFlag: SharedArrayBuffer;
  /** The keys of the protected workspaces unlocked so far (the boot data's are those at the start). */
  keys: ReadonlyMap<string, string>;
};

export type FromWorker =
  | { type: 'progress'; id: number; stage: string; done: number; total: number }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: ApiErrorShape; detail: string | null };
