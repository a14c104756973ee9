/**
 * Why rows are left out, in every UI language: each issue code has a sentence in every catalogue
 * (and each date format its words), and the English sentence is describeIssue's word for word, so
 * the wizard says in English exactly what the CLI and the exported log say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/domain/app-settings';
import { DATE_HINTS, describeIssue, ISSUE_CODES, type IssueCode, type IssueParams } from '../../shared/domain/import';
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
};

describe('import issue reasons', () => {
  it.each(LOCALES)('%s has a sentence for every code and words for every date format', (locale) => {
    const catalogue = load(locale);
    const missing = [...ISSUE_CODES.map((code) => `import.check.reasons.${code}`), ...DATE_HINTS.map((hint) => `import.check.dateHints.${hint}`)].filter((key) => !message(catalogue, key));
    expect(missing).toEqual([]);
  });

  it.each(ISSUE_CODES)('the English sentence of %s is describeIssue word for word', (code) => {
    const english = load('en');
    for (const params of EXAMPLES[code]) {
      const values: Record<string, string | number> = { ...params };
      if (code === 'bad_date') values.expected = message(english, `import.check.dateHints.${String(params.dateFormat)}`) ?? '';
      expect(fill(message(english, `import.check.reasons.${code}`) ?? '', values)).toBe(describeIssue(code, params));
    }
  });
});
