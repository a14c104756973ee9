/**
 * The report's words and numbers in the client's language: its own message catalogues (one per UI
 * language, the same keys in each) and Intl formats in the client's locale with the workspace's
 * currency. Messages take `{name}` and ICU-style plurals: `{n, plural, one {# customer} other {# customers}}`.
 */
import type { TimeLabels } from '../../../shared/charts/time-axis';
import type { Locale } from '../../../shared/domain/app-settings';
import bg from './messages/bg.json';
import en from './messages/en.json';
import fa from './messages/fa.json';
import ro from './messages/ro.json';
import ru from './messages/ru.json';
import zh from './messages/zh.json';

type Catalogue = { [key: string]: string | Catalogue };

export const REPORT_CATALOGUES: Record<Locale, Catalogue> = { en, ru, bg, ro, zh, fa };

/** BCP 47 tags for Intl; Persian dates are Gregorian in the body (the data's months), with Persian digits. */
export const REPORT_INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU', bg: 'bg-BG', ro: 'ro-RO', zh: 'zh-CN', fa: 'fa-IR' };

export type Params = Record<string, string | number>;

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The end of a `{…}` group that starts at `start` (the index of `{`). */
function closing(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

export interface Formats {
  locale: Locale;
  tag: string;
  rtl: boolean;
  integer(value: number): string;
  decimal(value: number, digits?: number): string;
  /** Money totals, whole units, with the workspace's currency when it has one. */
  money(value: number): string;
  /** Money per customer or per month: two decimals below 1,000. */
  moneyFine(value: number): string;
  /** Short money for chart axes (compact notation). */
  moneyShort(value: number): string;
  percent(value: number, digits?: number): string;
  /** An ISO date (YYYY-MM-DD), long form. */
  date(iso: string): string;
  /** An ISO date, short numeric form (tables). */
  dateShort(iso: string): string;
  /** A month of the data (YYYY-MM), or a quarter (YYYY-Qn). */
  month(label: string): string;
  /** The date in the locale's own calendar when it is not Gregorian (Persian: Solar Hijri), else null. */
  localCalendarDate(iso: string): string | null;
  /** The words of time-axis ticks (shared/charts/time-axis.ts). */
  timeLabels: TimeLabels;
}

export function createFormats(locale: Locale, currency: string | null): Formats {
  const tag = REPORT_INTL_LOCALE[locale];
  const gregorian = locale === 'fa' ? `${tag}-u-ca-gregory` : tag;
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const currencyOptions: Intl.NumberFormatOptions = currency ? { style: 'currency', currency, currencyDisplay: 'symbol' } : {};
  const money = new Intl.NumberFormat(tag, { ...currencyOptions, minimumFractionDigits: 0, maximumFractionDigits: 0 });
  const moneyFine = new Intl.NumberFormat(tag, { ...currencyOptions, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const moneyShort = new Intl.NumberFormat(tag, { ...currencyOptions, notation: 'compact', maximumFractionDigits: 1 });
  const decimals = new Map<number, Intl.NumberFormat>();
  const percents = new Map<number, Intl.NumberFormat>();
  const longDate = new Intl.DateTimeFormat(gregorian, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(gregorian, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(gregorian, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const local = locale === 'fa' ? new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }) : null;
  const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return {
    locale,
    tag,
    rtl: locale === 'fa',
    integer: (value) => integer.format(value),
    decimal(value, digits = 2) {
      let format = decimals.get(digits);
      if (!format) decimals.set(digits, (format = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
      return format.format(value);
    },
    money: (value) => money.format(value),
    moneyFine: (value) => (Math.abs(value) >= 1000 ? money.format(value) : moneyFine.format(value)),
    moneyShort: (value) => moneyShort.format(value),
    percent(value, digits = 1) {
      let format = percents.get(digits);
      if (!format) percents.set(digits, (format = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: digits })));
      return format.format(value);
    },
    date: (iso) => longDate.format(utc(iso)),
    dateShort: (iso) => shortDate.format(utc(iso)),
    month(label) {
      const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
      if (quarter) return `${integer.format(Number(quarter[2]))}/${new Intl.NumberFormat(tag, { useGrouping: false }).format(Number(quarter[1]))}`;
      return /^\d{4}-\d{2}$/.test(label) ? monthFormat.format(utc(`${label}-01`)) : label;
    },
    localCalendarDate: (iso) => (local ? local.format(utc(iso)) : null),
    timeLabels: {
      day: (iso) => shortDate.format(utc(iso)),
      month: (iso) => monthFormat.format(utc(`${iso}-01`)),
      year: (iso) => new Intl.NumberFormat(tag, { useGrouping: false }).format(Number(iso)),
    },
  };
}

export type Translate = (key: string, params?: Params) => string;

/** The translator of a locale; a key missing from a catalogue falls back to English, then to the key. */
export function createTranslator(locale: Locale, formats: Formats): Translate {
  const catalogue = REPORT_CATALOGUES[locale];
  const plural = new Intl.PluralRules(formats.tag);
  function render(text: string, params: Params, count: number | null): string {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const char = text[i] as string;
      if (char === '#' && count !== null) {
        out += formats.integer(count);
        i++;
        continue;
      }
      if (char !== '{') {
        out += char;
        i++;
        continue;
      }
      const end = closing(text, i);
      const body = text.slice(i + 1, end);
      i = end + 1;
      const comma = body.indexOf(',');
      if (comma < 0) {
        const value = params[body.trim()];
        out += value === undefined ? `{${body}}` : typeof value === 'number' ? formats.integer(value) : value;
        continue;
      }
      const name = body.slice(0, comma).trim();
      const rest = body.slice(comma + 1);
      const kind = /^\s*plural\s*,/.exec(rest);
      const value = params[name];
      if (!kind || typeof value !== 'number') {
        out += typeof value === 'string' ? value : `{${body}}`;
        continue;
      }
      // Cases: "one {…} other {…}" (and "=0 {…}").
      const cases = new Map<string, string>();
      const list = rest.slice(kind[0].length);
      let j = 0;
      while (j < list.length) {
        const match = /^\s*(=?\w+)\s*\{/.exec(list.slice(j));
        if (!match) break;
        const open = j + match[0].length - 1;
        const close = closing(list, open);
        cases.set(match[1] as string, list.slice(open + 1, close));
        j = close + 1;
      }
      const chosen = cases.get(`=${value}`) ?? cases.get(plural.select(value)) ?? cases.get('other') ?? '';
      out += render(chosen, params, value);
    }
    return out;
  }
  return (key, params = {}) => {
    const text = lookup(catalogue, key) ?? lookup(REPORT_CATALOGUES.en, key) ?? key;
    return render(text, params, null);
  };
}

/** Every key of a catalogue, dotted (for checking that all six have the same). */
export function catalogueKeys(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : catalogueKeys(value, `${prefix}${key}.`)));
}
