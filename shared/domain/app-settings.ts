import { z } from 'zod';

export const LOCALES = ['en', 'ru', 'bg', 'ro', 'zh', 'fa'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Locales written right to left. */
export const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['fa']);

export const Theme = z.enum(['light', 'dark', 'system']);
export type Theme = z.infer<typeof Theme>;

/** Settings of the app itself (not of a workspace), with their defaults. */
export const AppSettings = z.object({
  locale: Locale.default('en'),
  theme: Theme.default('system'),
  /** Keep the values of rejected rows in the import log (until cleared); off keeps only line, column and reason. */
  keepRejectedValues: z.boolean().default(true),
});
export type AppSettings = z.infer<typeof AppSettings>;
export const DEFAULT_APP_SETTINGS: AppSettings = AppSettings.parse({});
