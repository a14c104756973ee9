import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/domain/app-settings';
import type { TimeLabels } from '../../../shared/charts/time-axis';
import { INTL_LOCALE } from '.';

/** Formatting for people, only here and in the report: numbers, money, dates and sizes through Intl in the UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const tag = INTL_LOCALE[(i18n.language as Locale) ?? 'en'] ?? 'en-GB';
  return useMemo(() => {
    const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
    const money = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const compactMoney = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
    const date = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
    // Time-axis ticks fall on Gregorian months and years, whatever the UI's calendar.
    const month = new Intl.DateTimeFormat(`${tag}-u-ca-gregory`, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    const year = new Intl.NumberFormat(tag, { useGrouping: false });
    /** A date that Intl can say; anything else is shown as given rather than thrown (Intl throws on an invalid date). */
    const safe = (value: Date, format: Intl.DateTimeFormat, fallback: string) => (Number.isFinite(value.getTime()) ? format.format(value) : fallback);
    const timeLabels: TimeLabels = {
      day: (iso) => safe(new Date(`${iso}T00:00:00Z`), date, iso),
      month: (iso) => safe(new Date(`${iso}-01T00:00:00Z`), month, iso),
      year: (iso) => (/^-?\d+$/.test(iso) ? year.format(Number(iso)) : iso),
    };
    return {
      tag,
      integer: (value: number) => integer.format(value),
      decimal: (value: number) => decimal.format(value),
      money: (value: number) => money.format(value),
      compactMoney: (value: number) => compactMoney.format(value),
      /** A count in few characters ("14.6K"), for where the whole number does not fit. */
      compactNumber: (value: number) => compactMoney.format(value),
      percent: (value: number) => percent.format(value),
      /** An ISO calendar date (YYYY-MM-DD). */
      date: timeLabels.day,
      dateTime: (iso: string) => safe(new Date(iso), dateTime, iso),
      /** The words of time-axis ticks (shared/charts/time-axis.ts). */
      timeLabels,
      bytes: (value: number) => `${decimal.format(value / 1_048_576)} MB`,
    };
  }, [tag]);
}
