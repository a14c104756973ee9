import { z } from 'zod';

/**
 * Error codes a call can fail with. The message is for people (it is shown as is);
 * the code lets the renderer and the CLI decide what to offer next.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_call',
  'not_found',
  'already_exists',
  'no_workspace',
  'workspace_newer',
  'workspace_corrupt',
  'not_a_workspace',
  'workspace_busy',
  'io',
  'cancelled',
  'unavailable',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /** What the person can do about it, when there is something. */
  hint: z.string().optional(),
  /** Field-level problems of invalid input: path and message. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

/** The one error type services throw and clients rethrow; never carries a stack across a transport. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly issues: ApiErrorShape['issues'];

  constructor(code: ErrorCode, message: string, options: { hint?: string; issues?: ApiErrorShape['issues']; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = options.hint;
    this.issues = options.issues;
  }

  toShape(): ApiErrorShape {
    const shape: ApiErrorShape = { code: this.code, message: this.message };
    if (this.hint !== undefined) shape.hint = this.hint;
    if (this.issues !== undefined) shape.issues = this.issues;
    return shape;
  }

  static fromShape(shape: ApiErrorShape): AppError {
    return new AppError(shape.code, shape.message, { hint: shape.hint, issues: shape.issues });
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** The reply every transport carries: a value or an error in words, never an exception object. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };
