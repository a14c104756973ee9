import { type z } from 'zod';
import { contract, isCallName, type CallArgs, type CallName, type CallOutput } from '../../../shared/ipc/contract';
import { AppError, type ApiErrorShape, type Envelope } from '../../../shared/ipc/errors';
import type { EventBus } from './events';
import type { JobRegistry } from './jobs';
import { toAppError } from './to-app-error';

export interface CallContext {
  jobId: string;
  /** Aborted when the caller cancels the job. */
  signal: AbortSignal;
  /** Report how far a long job has come; throttled by the dispatcher. */
  progress(stage: string, done: number, total: number): void;
}

export type Handler<N extends CallName> = (args: CallArgs<N>, context: CallContext) => Promise<CallOutput<N>> | CallOutput<N>;
export type Handlers = { [N in CallName]: Handler<N> };

export interface DispatcherOptions {
  events: EventBus;
  jobs: JobRegistry;
  /** Check outputs against the contract too (tests and the harness); inputs are always checked. */
  validateOutput?: boolean;
  /** Where unexpected errors go with their stack; people only see the message. */
  logError?: (name: string, error: unknown) => void;
  /** A check of the parsed input before the handler runs (the desktop app's path grants); throws an AppError to refuse. */
  authorize?: (name: CallName, args: unknown) => void;
}

export type Dispatch = (name: unknown, input: unknown, jobId?: unknown) => Promise<Envelope<unknown>>;

const PROGRESS_INTERVAL_MS = 100;

function issuesOf(error: z.ZodError): NonNullable<ApiErrorShape['issues']> {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));
}

/**
 * The single entry of every transport: checks the call name and its input against the contract,
 * runs the handler with a cancellation signal and progress reporting, and turns any failure into
 * an error in words. Nothing thrown escapes, and no stack crosses to the caller.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatch {
  const { events, jobs, validateOutput = false, logError = () => undefined, authorize } = options;

  return async function dispatch(name, input, rawJobId) {
    if (!isCallName(name)) {
      return { ok: false, error: new AppError('unknownCall', { name: String(name).slice(0, 80) }).toShape() };
    }
    const spec = contract[name];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      const first = issues[0];
      return { ok: false, error: new AppError('invalidRequest', { call: name, detail: first ? `${first.path}: ${first.message}` : '(input)' }, { issues }).toShape() };
    }
    const jobId = typeof rawJobId === 'string' && rawJobId.length > 0 && rawJobId.length <= 64 ? rawJobId : globalThis.crypto.randomUUID();
    const signal = jobs.start(jobId);
    let lastProgressAt = 0;
    const context: CallContext = {
      jobId,
      signal,
      progress(stage, done, total) {
        const now = Date.now();
        if (done < total && now - lastProgressAt < PROGRESS_INTERVAL_MS) return;
        lastProgressAt = now;
        events.emit('job.progress', { jobId, call: name, stage, done, total });
      },
    };
    try {
      authorize?.(name, parsed.data);
      const handler = handlers[name] as (args: unknown, context: CallContext) => unknown;
      const value = await handler(parsed.data, context);
      if (signal.aborted) throw new AppError('cancelled');
      if (validateOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          throw new Error(`Output of ${name} does not match the contract: ${JSON.stringify(issuesOf(checked.error).slice(0, 3))}`);
        }
      }
      return { ok: true, value };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal') logError(name, error);
      return { ok: false, error: appError.toShape() };
    } finally {
      jobs.finish(jobId);
    }
  };
}
