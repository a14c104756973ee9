/**
 * AG Grid's own words (filter and column menus, "Loading…", "No Rows To Show", page and aria
 * texts) in the UI language, from AG Grid's published translations (@ag-grid-community/locale,
 * the version matching the grid). It has no Russian: ours (locale-ru.ts) is laid over the English
 * one, so that a key it leaves out stays English.
 */
import { AG_GRID_LOCALE_BG, AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN, AG_GRID_LOCALE_IR, AG_GRID_LOCALE_RO } from '@ag-grid-community/locale';
import type { Locale } from '../../../../shared/domain/app-settings';
import { AG_GRID_LOCALE_RU_PARTIAL } from './locale-ru';

const AG_GRID_LOCALE_RU: Record<string, string> = { ...AG_GRID_LOCALE_EN, ...AG_GRID_LOCALE_RU_PARTIAL };

const GRID_TEXTS: Record<Locale, Record<string, string> | undefined> = {
  en: undefined,
  ru: AG_GRID_LOCALE_RU,
  bg: AG_GRID_LOCALE_BG,
  ro: AG_GRID_LOCALE_RO,
  zh: AG_GRID_LOCALE_CN,
  fa: AG_GRID_LOCALE_IR,
};

/** The grid's texts for a UI language (undefined: the grid's built-in English). */
export function gridLocaleText(language: string): Record<string, string> | undefined {
  return GRID_TEXTS[language as Locale];
}
