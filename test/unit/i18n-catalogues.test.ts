import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/domain/app-settings';
import { ERROR_KEYS, ERROR_MESSAGES } from '../../shared/domain/error-messages';
import { SOURCE_ROOT } from '../../electron/services/paths';

type Catalogue = { [key: string]: string | Catalogue };
const DIR = join(SOURCE_ROOT, 'renderer', 'src', 'i18n', 'locales');

function load(locale: string): Catalogue {
  return JSON.parse(readFileSync(join(DIR, `${locale}.json`), 'utf8')) as Catalogue;
}

/** Every leaf key path with its message. */
function leaves(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, message] of leaves(value, path)) out.set(inner, message);
  }
  return out;
}

const placeholders = (message: string) => [...message.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();
const english = leaves(load('en'));

describe('message catalogues', () => {
  it('exist for exactly the six UI languages', () => {
    expect(readdirSync(DIR).map((file) => file.replace('.json', '')).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has every key of English, no other, and the same placeholders', (locale) => {
    const messages = leaves(load(locale));
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, message] of messages) {
      expect(message.trim(), key).not.toBe('');
      expect(placeholders(message), key).toEqual(placeholders(english.get(key) ?? ''));
    }
  });

  it.each(['ru', 'bg', 'zh', 'fa'])('%s is translated, not a copy of English', (locale) => {
    const messages = leaves(load(locale));
    // Names stay as they are in every language: the product, the data set, keys, the models and their notation, Excel.
    const same = [...messages].filter(([key, message]) => message === english.get(key) && /[a-z]{4}/i.test(message) && !/Value Ladder|CDNOW|Ctrl|Gamma-Gamma|BG\/NBD|Pareto\/NBD|P\(alive\)|Excel \(/.test(message));
    expect(same.map(([key]) => key)).toEqual([]);
  });

  it('say every error of the services, the English one word for word as the CLI and the log say it', () => {
    for (const key of ERROR_KEYS) {
      const entry: { message: string; hint?: string } = ERROR_MESSAGES[key];
      expect(english.get(`errors.messages.${key}.message`), key).toBe(entry.message);
      expect(english.get(`errors.messages.${key}.hint`), key).toBe(entry.hint);
    }
    const extra = [...english.keys()].filter((path) => path.startsWith('errors.messages.') && !ERROR_KEYS.includes(path.split('.')[2] as (typeof ERROR_KEYS)[number]));
    expect(extra).toEqual([]);
  });
});
