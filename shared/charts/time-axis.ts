/**
 * The time axis of every chart with dates, in the app and in the report: its range, the size of
 * its steps and the words of its ticks, from the dates the chart shows (epoch days).
 *
 * - The range pads the dates by 4 % of their span on each side, at least one day, so the first
 *   and last bars are not cut in half; one date (or every order on one day) gets three days on
 *   each side; no date at all gets a week around `fallbackDay`.
 * - The ticks step by whole days, months or years as the span asks (≤ 62 days: days; ≤ 3 years:
 *   months; beyond: years) and are labelled at that grain: a tick is never a time of day, and a
 *   30-year axis does not print full dates.
 * - Everything is in UTC (`useUTC` for ECharts): a calendar date has no time zone, and ticks at
 *   local midnight would carry the previous day's date east of Greenwich.
 * - A tick outside the dates JavaScript can represent gets no label rather than an exception.
 */
export const DAY_MS = 86_400_000;

export type TimeGrain = 'day' | 'month' | 'year';

/** How a chart says a date at each grain, in its language (ISO text in: YYYY-MM-DD, YYYY-MM, YYYY). */
export interface TimeLabels {
  day(iso: string): string;
  month(isoMonth: string): string;
  year(isoYear: string): string;
}

export interface TimeAxis {
  /** ECharts' options for a `type: 'time'` axis. */
  axis: {
    type: 'time';
    min: number;
    max: number;
    minInterval: number;
    axisLabel: { formatter: (value: number) => string; hideOverlap: true };
  };
  /** The grain of the ticks. */
  grain: TimeGrain;
  /** Milliseconds of an epoch day: the x value of a data point. */
  x(day: number): number;
}

const GRAIN_INTERVAL: Record<TimeGrain, number> = { day: DAY_MS, month: 28 * DAY_MS, year: 365 * DAY_MS };
/** The widest range of dates JavaScript represents: ±100,000,000 days around 1970. */
const MAX_EPOCH_DAY = 100_000_000;

export function grainOfSpan(spanDays: number): TimeGrain {
  if (spanDays <= 62) return 'day';
  if (spanDays <= 3 * 366) return 'month';
  return 'year';
}

/** The ISO text of a tick at a grain; null when the value is no date. */
export function tickIso(ms: number, grain: TimeGrain): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_DAY * DAY_MS) return null;
  const iso = new Date(ms).toISOString();
  const year = iso.slice(0, iso.indexOf('-', 1));
  if (grain === 'year') return year;
  const rest = iso.slice(year.length);
  return grain === 'month' ? `${year}${rest.slice(0, 3)}` : `${year}${rest.slice(0, 6)}`;
}

/** The range of days a chart shows, padded as described above. */
export function paddedRange(days: ArrayLike<number>, fallbackDay: number): { first: number; last: number; span: number } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    if (!Number.isFinite(day) || Math.abs(day) > MAX_EPOCH_DAY) continue;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (first > last) return { first: fallbackDay - 7, last: fallbackDay + 7, span: 0 };
  const span = last - first;
  const pad = span === 0 ? 3 : Math.max(1, Math.ceil(span * 0.04));
  return { first: first - pad, last: last + pad, span };
}

export function timeAxis(days: ArrayLike<number>, labels: TimeLabels, fallbackDay = Math.floor(Date.now() / DAY_MS)): TimeAxis {
  const { first, last, span } = paddedRange(days, fallbackDay);
  const grain = grainOfSpan(span);
  const say = labels[grain];
  return {
    axis: {
      type: 'time',
      min: first * DAY_MS,
      max: last * DAY_MS,
      minInterval: GRAIN_INTERVAL[grain],
      axisLabel: {
        formatter: (value: number) => {
          const iso = tickIso(value, grain);
          return iso === null ? '' : say(iso);
        },
        hideOverlap: true,
      },
    },
    grain,
    x: (day: number) => day * DAY_MS,
  };
}
