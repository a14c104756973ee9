import { z } from 'zod';
import { ERROR_CODES, ERROR_KEYS, ERROR_MESSAGES, fillMessage, type ErrorKey, type ErrorParams } from '../domain/error-messages';

export { ERROR_CODES };

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorShape = z.object({
  code: ErrorCode,
  /** Which message of ERROR_MESSAGES: what the renderer says in the person's language. */
  key: z.enum(ERROR_KEYS as [ErrorKey, ...ErrorKey[]]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The message in English (the CLI and logs print it). */
  message: z.string(),
  /** What the person can do about it, when there is something (English). */
  hint: z.string().optional(),
  /** Field-level problems of invalid input: path and message. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

/**
 * The one error type services throw and clients rethrow; never carries a stack across a transport.
 * It is made from a key of ERROR_MESSAGES and its parameters, so it can be said in every language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key: ErrorKey;
  readonly params: ErrorParams;
  readonly hint: string | undefined;
  readonly issues: ApiErrorShape['issues'];

  constructor(key: ErrorKey, params: ErrorParams = {}, options: { issues?: ApiErrorShape['issues']; cause?: unknown } = {}) {
    const entry: { code: ErrorCode; message: string; hint?: string } = ERROR_MESSAGES[key];
    super(fillMessage(entry.message, params), { cause: options.cause });
    this.name = 'AppError';
    this.code = entry.code;
    this.key = key;
    this.params = params;
    this.hint = entry.hint === undefined ? undefined : fillMessage(entry.hint, params);
    this.issues = options.issues;
  }

  toShape(): ApiErrorShape {
    const shape: ApiErrorShape = { code: this.code, key: this.key, params: this.params, message: this.message };
    if (this.hint !== undefined) shape.hint = this.hint;
    if (this.issues !== undefined) shape.issues = this.issues;
    return shape;
  }

  static fromShape(shape: ApiErrorShape): AppError {
    return new AppError(shape.key, shape.params, { issues: shape.issues });
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** The reply every transport carries: a value or an error in words, never an exception object. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };
