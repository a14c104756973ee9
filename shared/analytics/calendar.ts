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

/** Month index since January 1970 (0 = 1970-01), for grouping days into months. */
export function monthIndex(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
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
