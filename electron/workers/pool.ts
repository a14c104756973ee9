import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/ipc/errors';
import type { FromWorker, ToWorker, WorkerBootData } from './protocol';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

export interface RunOptions {
  signal?: AbortSignal;
  /**
   * Tasks with the same affinity run on the same worker, one after another: an analysis finds
   * the data and results the previous one left in that worker's memory.
   */
  affinity?: string;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface WorkerPoolOptions extends Pick<WorkerBootData, 'sqlite'> {
  /** The worker script: the bundled worker.mjs in the app, the tsx bootstrap when running from source. */
  script: URL | string;
  size?: number;
  logError?: (task: string, detail: string) => void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

/** A task waiting for a worker: started when one is free, or rejected when the pool closes. */
interface Waiting {
  start(): void;
  cancel(error: AppError): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress: RunOptions['onProgress'];
  slot: Slot;
}

/** The default worker script next to this module: source (.ts, via tsx) or the bundle (.js). */
export function defaultWorkerScript(): URL {
  const here = import.meta.url;
  return /\.ts$/.test(here) ? new URL('./dev-bootstrap.mjs', here) : new URL('./worker.mjs', here);
}

/**
 * A small pool of worker threads for heavy tasks. Workers start on demand, are reused, and do
 * not keep the process alive while idle. Cancelling sets a shared flag the task polls.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly queue: Waiting[] = [];
  private readonly affine = new Map<string, Slot>();
  private readonly affineQueues = new Map<string, Waiting[]>();
  private closed = false;
  private nextId = 1;
  private readonly size: number;

  constructor(private readonly options: WorkerPoolOptions) {
    this.size = options.size ?? Math.max(1, Math.min(2, availableParallelism() - 1));
  }

  run<T extends TaskName>(task: T, input: TaskInput<T>, options: RunOptions = {}): Promise<TaskOutput<T>> {
    if (options.signal?.aborted) return Promise.reject(new AppError('cancelled'));
    if (this.closed) return Promise.reject(new AppError('cancelled'));
    return new Promise<TaskOutput<T>>((resolve, reject) => {
      const start = (slot: Slot, done: () => void) => {
        const id = this.nextId++;
        const cancelFlag = new SharedArrayBuffer(4);
        const onAbort = () => Atomics.store(new Int32Array(cancelFlag), 0, 1);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const settle = () => {
          options.signal?.removeEventListener('abort', onAbort);
          done();
        };
        this.pending.set(id, {
          slot,
          onProgress: options.onProgress,
          resolve: (value) => {
            settle();
            resolve(value as TaskOutput<T>);
          },
          reject: (error) => {
            settle();
            reject(error);
          },
        });
        const message: ToWorker = { type: 'run', id, task, input, cancelFlag, keys: new Map(this.options.sqlite.keys ?? []) };
        slot.worker.postMessage(message);
      };
      const { affinity } = options;
      if (affinity !== undefined) {
        const queue = this.affineQueues.get(affinity) ?? [];
        this.affineQueues.set(affinity, queue);
        const begin = () => {
          let slot = this.affine.get(affinity);
          if (!slot || !this.slots.includes(slot)) {
            slot = this.spawn();
            this.affine.set(affinity, slot);
          }
          slot.busy = true;
          slot.worker.ref();
          const pinned = slot;
          start(pinned, () => {
            pinned.busy = false;
            pinned.worker.unref();
            queue.shift();
            queue[0]?.start();
          });
        };
        queue.push({ start: begin, cancel: reject });
        if (queue.length === 1) begin();
        return;
      }
      const startShared = () => {
        const slot = this.acquire();
        start(slot, () => this.release(slot));
      };
      if (this.slots.some((slot) => !slot.busy && !this.isAffine(slot)) || this.sharedCount() < this.size) startShared();
      else this.queue.push({ start: startShared, cancel: reject });
    });
  }

  /**
   * Starts a worker before its first task (for the tasks of `affinity`, else a shared one), idle
   * and not keeping the process alive: its start (loading the code, about a quarter of a second)
   * then overlaps whatever the caller does first.
   */
  warm(affinity?: string): void {
    if (this.closed) return;
    if (affinity !== undefined) {
      if (this.affine.has(affinity)) return;
      const slot = this.spawn();
      slot.worker.unref();
      this.affine.set(affinity, slot);
      return;
    }
    if (this.sharedCount() > 0) return;
    this.spawn().worker.unref();
  }

  private isAffine(slot: Slot): boolean {
    for (const pinned of this.affine.values()) if (pinned === slot) return true;
    return false;
  }

  private sharedCount(): number {
    return this.slots.filter((slot) => !this.isAffine(slot)).length;
  }

  private acquire(): Slot {
    let slot = this.slots.find((candidate) => !candidate.busy && !this.isAffine(candidate));
    if (!slot) slot = this.spawn();
    slot.busy = true;
    slot.worker.ref();
    return slot;
  }

  private release(slot: Slot): void {
    slot.busy = false;
    slot.worker.unref();
    this.queue.shift()?.start();
  }

  private spawn(): Slot {
    const script = this.options.script;
    const boot: WorkerBootData = { sqlite: this.options.sqlite, script: typeof script === 'string' ? script : fileURLToPath(script), role: 'pool' };
    // A larger young generation: imports and analyses allocate many short-lived objects.
    const worker = new Worker(this.options.script, { workerData: boot, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    const slot: Slot = { worker, busy: false };
    worker.on('message', (message: FromWorker) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      if (message.type === 'progress') {
        pending.onProgress?.(message.stage, message.done, message.total);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'done') pending.resolve(message.value);
      else {
        if (message.detail) this.options.logError?.('worker', message.detail);
        pending.reject(AppError.fromShape(message.error));
      }
    });
    const fail = (error: unknown) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      for (const [id, pending] of this.pending) {
        if (pending.slot !== slot) continue;
        this.pending.delete(id);
        this.options.logError?.('worker', String(error instanceof Error ? (error.stack ?? error.message) : error));
        pending.reject(new AppError('taskStopped'));
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`worker exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  /**
   * Ends every worker. Tasks still running or waiting are rejected as cancelled: a promise that
   * nothing will ever settle would leave its caller waiting on a process with nothing left to run
   * (the CLI's top-level await then ends with Node's exit code 13).
   */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    const cancelled = () => new AppError('cancelled');
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(cancelled());
    }
    for (const waiting of [...this.queue.splice(0), ...[...this.affineQueues.values()].flatMap((queue) => queue.splice(0))]) waiting.cancel(cancelled());
    this.affine.clear();
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
