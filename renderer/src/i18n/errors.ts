import type { TFunction } from 'i18next';
import type { ErrorKey, ErrorParams } from '../../../shared/domain/error-messages';
import { AppError } from '../../../shared/ipc/errors';

/** An error in the person's language: what happened and what to do. */
export interface ErrorWords {
  message: string;
  hint: string | undefined;
}

interface Formats {
  integer(value: number): string;
  date(iso: string): string;
  tag: string;
}

/**
 * The parameters of a message in words: codes become the app's words for them (an import kind,
 * the fields of a file), ISO dates and numbers are formatted; paths and names stay as they are.
 */
function localParams(params: ErrorParams, t: TFunction, format: Formats): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') out[name] = format.integer(value);
    else if (name === 'kind') out[name] = t(`import.kinds.${value}`, { defaultValue: value });
    else if (name === 'fields') out[name] = new Intl.ListFormat(format.tag, { type: 'conjunction' }).format(value.split(', ').map((field) => t(`import.fields.${field}`, { defaultValue: field })));
    else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) out[name] = format.date(value);
    else out[name] = value;
  }
  return out;
}

/** A message of ERROR_MESSAGES in the person's language. */
export function errorWords(key: ErrorKey, params: ErrorParams, t: TFunction, format: Formats): ErrorWords {
  const values = localParams(params, t, format);
  const hintKey = `errors.messages.${key}.hint`;
  return { message: t(`errors.messages.${key}.message`, values), hint: t(hintKey, { ...values, defaultValue: '' }) || undefined };
}

/**
 * Anything caught, in words: an AppError by its key; anything else (a bug in the renderer) as the
 * internal error, whose details go to the log, never to the screen.
 */
export function describeError(error: unknown, t: TFunction, format: Formats): ErrorWords {
  const known = error instanceof AppError ? error : new AppError('internal');
  return errorWords(known.key, known.params, t, format);
}
