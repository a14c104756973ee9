import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonParams } from '../../../../shared/analytics/strategies';
import { revealBidi } from '../../../../shared/domain/bidi';
import { CODE_KINDS, isReason, type Reason } from '../analysis/codes';
import type { AnalysisFormat } from '../analysis/format';
import type { CustomerColumn, CustomerValue } from './columns';

/** A column's header in the UI language (its key, spaced out, when the catalogue has no name for it). */
export function useColumnName() {
  const { t } = useTranslation();
  return useCallback((key: string) => t(`customers.columns.${key}`, { defaultValue: key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()) }), [t]);
}

/** A code in words: tiers, quadrants, strategies, lifecycle stages, RFM segments; reasons by their short label. */
export function useCodeWord() {
  const { t } = useTranslation();
  return useCallback(
    (key: string, code: string) => {
      const kind = CODE_KINDS[key];
      if (kind === 'reason') return t(`reasons.short.${code}`, { defaultValue: code });
      return t(`codes.${kind ?? key}.${code}`, { defaultValue: code });
    },
    [t],
  );
}

/** The same lookup, each word looked up once (a grid page asks for the same few codes hundreds of times). */
export function rememberWords(word: (key: string, code: string) => string): (key: string, code: string) => string {
  const known = new Map<string, string>();
  return (key, code) => {
    const id = `${key}\u0000${code}`;
    let text = known.get(id);
    if (text === undefined) {
      text = word(key, code);
      known.set(id, text);
    }
    return text;
  };
}

/** A value of a customer column as people read it, by the column's type. */
export function formatValue(column: CustomerColumn, value: CustomerValue | undefined, f: AnalysisFormat, word: (key: string, code: string) => string, yesNo: [string, string]): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.type) {
    case 'money':
      return typeof value === 'number' ? f.money(value) : String(value);
    case 'integer':
      return typeof value === 'number' ? f.integer(value) : String(value);
    case 'number':
      return typeof value === 'number' ? f.decimal(value) : String(value);
    case 'share':
      return typeof value === 'number' ? f.percent(value) : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? f.date(value) : String(value);
    case 'boolean':
      return value === true || value === 1 ? yesNo[0] : yesNo[1];
    case 'code':
      return word(column.key, String(value));
    default:
      return revealBidi(String(value));
  }
}

/**
 * The reason for a customer's strategy as a full sentence in the UI language, from the customer's
 * own numbers — the same wording as describeReason (shared/analytics/strategies.ts) in English.
 */
export function reasonSentence(t: (key: string, options?: Record<string, unknown>) => string, f: AnalysisFormat, reason: Reason, values: Record<string, number>): string {
  return t(`reasons.full.${reason}`, reasonParams(values, f));
}

export { isReason };
