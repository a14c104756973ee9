/**
 * AG Grid's own words (filter and column menus, "Loading…", "No Rows To Show", page and aria
 * texts) in the UI language, from AG Grid's published translations (@ag-grid-community/locale,
 * the version matching the grid). It has no Russian: Russian falls back to the grid's English.
 */
import { AG_GRID_LOCALE_BG, AG_GRID_LOCALE_CN, AG_GRID_LOCALE_IR, AG_GRID_LOCALE_RO } from '@ag-grid-community/locale';
import type { Locale } from '../../../../shared/domain/app-settings';

const GRID_TEXTS: Record<Locale, Record<string, string> | undefined> = {
  en: undefined,
  ru: undefined,
  bg: AG_GRID_LOCALE_BG,
  ro: AG_GRID_LOCALE_RO,
  zh: AG_GRID_LOCALE_CN,
  fa: AG_GRID_LOCALE_IR,
};

/** The grid's texts for a UI language (undefined: the grid's built-in English). */
export function gridLocaleText(language: string): Record<string, string> | undefined {
  return GRID_TEXTS[language as Locale];
}
