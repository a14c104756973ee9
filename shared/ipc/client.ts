import { AppError } from './errors';
import { CALL_NAMES, type CallInput, type CallName, type CallOutput, type EventName, type EventPayload, type JobProgress } from './contract';
import type { Transport } from './transport';

export interface CallOptions {
  /** Aborting cancels the job on the other side (`job.cancel`) and rejects with code `cancelled`. */
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

export type Api = {
  [N in CallName]: (input: CallInput<N>, options?: CallOptions) => Promise<CallOutput<N>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

function newJobId(): string {
  return globalThis.crypto.randomUUID();
}

/** The typed client over any transport: `api['workspace.open']({ path })` resolves with the output or throws AppError. */
export function createApi(transport: Transport): Api {
  const progressListeners = new Map<string, (progress: JobProgress) => void>();
  const eventListeners = new Map<EventName, Set<(payload: never) => void>>();

  transport.subscribe((event, payload) => {
    if (event === 'job.progress') {
      const progress = payload as JobProgress;
      progressListeners.get(progress.jobId)?.(progress);
    }
    for (const listener of eventListeners.get(event) ?? []) listener(payload as never);
  });

  async function invoke(name: CallName, input: unknown, options: CallOptions = {}): Promise<unknown> {
    const jobId = newJobId();
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new AppError('cancelled');
    if (onProgress) progressListeners.set(jobId, onProgress);
    const onAbort = () => void transport.invoke('job.cancel', { jobId }, newJobId());
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const reply = await transport.invoke(name, input, jobId);
      if (!reply.ok) throw AppError.fromShape(reply.error);
      return reply.value;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      progressListeners.delete(jobId);
    }
  }

  const api: Record<string, unknown> = {
    on(event: EventName, listener: (payload: never) => void) {
      let set = eventListeners.get(event);
      if (!set) eventListeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  for (const name of CALL_NAMES) api[name] = (input: unknown, options?: CallOptions) => invoke(name, input, options);
  return api as Api;
}
