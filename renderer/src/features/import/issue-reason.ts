import type { TFunction } from 'i18next';
import { DATE_HINTS, type DateHint, type ImportIssue } from '../../../../shared/domain/import';

/**
 * Why a row was left out, in the reader's language: the issue's code and parameters through the
 * catalogue (numbers in the language's digits, a date format in its words). Issues logged before
 * codes were kept have only their English reason, which is shown as it is.
 */
export function issueReason(t: TFunction, integer: (value: number) => string, issue: Pick<ImportIssue, 'reason' | 'code' | 'params'>): string {
  // A grid switching tabs may ask once with a row of another kind (a duplicate has neither).
  if (!issue.code) return issue.reason ?? '';
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(issue.params ?? {})) values[name] = typeof value === 'number' ? integer(value) : value;
  if (issue.code === 'bad_date') {
    const hint: DateHint = (DATE_HINTS as readonly string[]).includes(String(issue.params?.dateFormat)) ? (issue.params.dateFormat as DateHint) : 'none';
    values.expected = t(`import.check.dateHints.${hint}`);
  }
  return t(`import.check.reasons.${issue.code}`, { ...values, defaultValue: issue.reason });
}

/** A recognised export in the reader's language ("Shopify orders", "Заказы Shopify"); its English label when the export is not known here. */
export function profileName(t: TFunction, profile: { label: string; platform?: string | undefined; export?: string | undefined }): string {
  return profile.platform && profile.export ? t(`import.profileExports.${profile.export}`, { platform: profile.platform, defaultValue: profile.label }) : profile.label;
}
