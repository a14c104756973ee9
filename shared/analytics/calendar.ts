/** Calendar arithmetic on epoch days (UTC), for windows "the last 12 months" and cohort periods. */
const MS_PER_DAY = 86_400_000;

/** The same day of the month `months` later (or earlier), clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(date.getUTCDate(), last)) / MS_PER_DAY);
}

export type CohortPeriod = 'month' | 'quarter';

/**
 * Month index since January 1970 (or quarter index = month index / 3, floored) of an epoch day —
 * in integer arithmetic (days-to-civil), without allocating a Date.
 */
export function periodIndex(day: number, period: CohortPeriod): number {
  const z = day + 719468; // days since 0000-03-01
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153); // 0 = March … 11 = February
  const year = yoe + era * 400 + (mp >= 10 ? 1 : 0);
  const month = (year - 1970) * 12 + (mp < 10 ? mp + 2 : mp - 10);
  return period === 'quarter' ? Math.floor(month / 3) : month;
}

/** Month index since January 1970 (0 = 1970-01), for grouping days into months. */
export function monthIndex(day: number): number {
  return periodIndex(day, 'month');
}

/** First epoch day of a month index. */
export function monthStart(month: number): number {
  return Math.round(Date.UTC(1970 + Math.floor(month / 12), ((month % 12) + 12) % 12, 1) / MS_PER_DAY);
}

/** "2024-03" for a month index, "2024-Q1" for a quarter index (months / 3). */
export function periodLabel(index: number, period: 'month' | 'quarter'): string {
  if (period === 'quarter') return `${1970 + Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  return `${1970 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Average days in a month, for rates per month. */
export const DAYS_PER_MONTH = 365.25 / 12;
