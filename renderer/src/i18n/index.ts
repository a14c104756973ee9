import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, RTL_LOCALES, type Locale } from '../../../shared/domain/app-settings';
import bg from './locales/bg.json';
import en from './locales/en.json';
import fa from './locales/fa.json';
import ro from './locales/ro.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';

/** Message catalogues, one per UI language; English is the reference every other must match key for key. */
export const CATALOGUES: Record<Locale, typeof en> = { en, ru, bg, ro, zh, fa };

/** The name of each language in itself, for the language picker. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', bg: 'Български', ro: 'Română', zh: '简体中文', fa: 'فارسی' };

/** BCP 47 tags for Intl: Chinese is Simplified; Persian uses its own digits and calendar-neutral Gregorian dates. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU', bg: 'bg-BG', ro: 'ro-RO', zh: 'zh-CN', fa: 'fa-IR' };

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: CATALOGUES[locale] }])),
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function applyLocale(locale: Locale): void {
  void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
}

export { i18next };
