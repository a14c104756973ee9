/**
 * Dates are stored and analysed as epoch days: whole days since 1970-01-01 (UTC).
 * Integers compare, subtract and index arrays cheaply, and a calendar date has no time zone.
 */
const MS_PER_DAY = 86_400_000;

/** Epoch day of an ISO calendar date (YYYY-MM-DD); NaN when the text is not a real date. */
export function epochDayFromIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return Number.NaN;
  return epochDayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Epoch day of a proleptic Gregorian year, month (1–12) and day; NaN for impossible dates (31 June). */
export function epochDayFromParts(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return Number.NaN;
  }
  return Math.round(ms / MS_PER_DAY);
}

/** ISO calendar date (YYYY-MM-DD) of an epoch day. */
export function isoFromEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today as an epoch day, in UTC. */
export function todayEpochDay(now: Date = new Date()): number {
  return Math.floor(now.getTime() / MS_PER_DAY);
}
