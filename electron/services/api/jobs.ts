import { AppError } from '../../../shared/ipc/errors';

/** Running calls by job id, so that `job.cancel` can reach the one a client started. */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  start(jobId: string): AbortSignal {
    const controller = new AbortController();
    this.running.set(jobId, controller);
    return controller.signal;
  }

  finish(jobId: string): void {
    this.running.delete(jobId);
  }

  /** True when the job was running and is now asked to stop. */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort(new AppError('cancelled'));
    this.running.delete(jobId);
    return true;
  }

  get size(): number {
    return this.running.size;
  }
}

/** Throws the cancellation error when the signal has been aborted; long loops call it between chunks. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('cancelled');
}
