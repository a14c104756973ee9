/**
 * Why rows are left out, in every UI language: each issue code has a sentence in every catalogue
 * (and each date format its words), and the English sentence is describeIssue's word for word, so
 * the wizard says in English exactly what the CLI and the exported log say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/domain/app-settings';
import { DATE_HINTS, describeIssue, describeWarning, IMPORT_WARNINGS, ISSUE_CODES, type ImportWarning, type IssueCode, type IssueParams } from '../../shared/domain/import';
import { SKIP_REASONS } from '../../electron/services/import/profiles';
import { SOURCE_ROOT } from '../../electron/services/paths';

type Catalogue = { [key: string]: string | Catalogue };
const load = (locale: string) => JSON.parse(readFileSync(join(SOURCE_ROOT, 'renderer', 'src', 'i18n', 'locales', `${locale}.json`), 'utf8')) as Catalogue;
const message = (catalogue: Catalogue, path: string): string | undefined => {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};
const fill = (template: string, values: Record<string, string | number>) => template.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name]));

const EXAMPLES: Record<IssueCode, IssueParams[]> = {
  blank_line: [{}],
  total_row: [{}],
  unclosed_quote: [{}],
  field_count: [{ expected: 4, found: 3 }],
  missing: [{ column: 'customer_id' }],
  not_a_number: [{ column: 'amount' }],
  bad_date: DATE_HINTS.map((dateFormat) => ({ dateFormat })),
  future_date: [{}],
  duplicate: [{ of: 12 }],
  status_skipped: [
    { status: 'voided', reason: 'voided' },
    { status: '交易关闭', reason: 'cancelled' },
    { status: 'refunded', reason: 'refunded' },
  ],
  group_row: [{}],
  possible_duplicate: [{ of: 3 }],
};

describe('import issue reasons', () => {
  it.each(LOCALES)('%s has a sentence for every code and words for every date format', (locale) => {
    const catalogue = load(locale);
    const missing = [
      ...ISSUE_CODES.map((code) => `import.check.reasons.${code}`),
      ...DATE_HINTS.map((hint) => `import.check.dateHints.${hint}`),
      ...SKIP_REASONS.map((reason) => `import.check.statusReasons.${reason}`),
      ...IMPORT_WARNINGS.map((warning) => `import.check.warnings.${warning}`),
    ].filter((key) => !message(catalogue, key));
    expect(missing).toEqual([]);
  });

  it.each(ISSUE_CODES)('the English sentence of %s is describeIssue word for word', (code) => {
    const english = load('en');
    for (const params of EXAMPLES[code]) {
      const values: Record<string, string | number> = { ...params };
      if (code === 'bad_date') values.expected = message(english, `import.check.dateHints.${String(params.dateFormat)}`) ?? '';
      if (code === 'status_skipped') values.why = message(english, `import.check.statusReasons.${String(params.reason)}`) ?? '';
      expect(fill(message(english, `import.check.reasons.${code}`) ?? '', values)).toBe(describeIssue(code, params));
    }
  });

  it('the English sentence of every warning is describeWarning word for word (the share as the CLI writes it)', () => {
    const english = load('en');
    const examples: ImportWarning[] = [
      { code: 'rejected_share', params: { count: 14, share: 0.0234 } },
      { code: 'unknown_customers', params: { rows: 3722, amount: 12_345.5 } },
      { code: 'sales_not_transactions', params: { kind: 'products' } },
      { code: 'mixed_currency', params: { currencies: 'EUR, USD' } },
      { code: 'unknown_statuses', params: { statuses: 'on_hold (3)' } },
      { code: 'ambiguous_dates', params: { example: '03/04/2024' } },
    ];
    for (const warning of examples) {
      const values: Record<string, string | number> = { ...warning.params };
      if (warning.code === 'rejected_share') values.share = `${Math.round(Number(warning.params.share) * 1000) / 10} %`;
      expect(fill(message(english, `import.check.warnings.${warning.code}`) ?? '', values)).toBe(describeWarning(warning));
    }
  });
});
