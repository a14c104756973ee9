import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_REASONS } from '../../../../shared/analytics/contacts';
import { EXPORT_LISTS } from '../../../../shared/domain/analysis';
import type { Locale } from '../../../../shared/domain/app-settings';
import { LIST_COLUMN_KEYS, type ExportWords } from '../../../../shared/domain/export';
import { CATALOGUES } from '../../i18n';
import { LIFECYCLE_STAGES, QUADRANTS, REASONS, RFM_SEGMENTS, STRATEGIES, TIERS } from './codes';

const CODE_LISTS: Record<string, readonly string[]> = { tier: TIERS, quadrant: QUADRANTS, strategy: STRATEGIES, lifecycle: LIFECYCLE_STAGES, rfmSegment: RFM_SEGMENTS };

/** A catalogue entry as written, placeholders and all (i18next would fill them in). */
function rawMessage(locale: Locale, key: string): string | undefined {
  let node: unknown = CATALOGUES[locale];
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/**
 * The words an action list is written in (shared/domain/export.ts): the column headers, every code,
 * yes / no and the reason sentences of the UI language, so that a spreadsheet reads like the screen.
 */
export function useExportWords(): () => ExportWords {
  const { t, i18n } = useTranslation();
  return useCallback(() => {
    const locale = (i18n.language in CATALOGUES ? i18n.language : 'en') as Locale;
    const columns = (CATALOGUES.en.customers.columns ?? {}) as Record<string, string>;
    const headers: Record<string, string> = {};
    for (const key of [...Object.keys(columns), ...LIST_COLUMN_KEYS]) headers[key] = t(`customers.columns.${key}`);
    for (const list of EXPORT_LISTS) headers[`list.${list}`] = t(`customers.export.sheets.${list}`);
    const codes: Record<string, Record<string, string>> = {};
    for (const [kind, list] of Object.entries(CODE_LISTS)) codes[kind] = Object.fromEntries(list.map((code) => [code, t(`codes.${kind}.${code}`)]));
    codes.reason = Object.fromEntries(REASONS.map((code) => [code, t(`reasons.short.${code}`)]));
    codes.contactReason = Object.fromEntries(CONTACT_REASONS.map((code) => [code, t(`codes.contactReason.${code}`)]));
    const reasons = Object.fromEntries(REASONS.map((code) => [code, rawMessage(locale, `reasons.full.${code}`) ?? rawMessage('en', `reasons.full.${code}`) ?? code]));
    return { locale, headers, codes, yes: t('customers.yes'), no: t('customers.no'), reasons };
  }, [t, i18n.language]);
}
