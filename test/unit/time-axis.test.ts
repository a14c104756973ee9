import * as echarts from 'echarts/dist/echarts.esm.min';
import { describe, expect, it } from 'vitest';
import { DAY_MS, grainOfSpan, paddedRange, tickIso, timeAxis, type TimeLabels } from '../../shared/charts/time-axis';
import { epochDayFromIso } from '../../shared/domain/dates';

/** Labels that keep the ISO text, marked with their grain, so the test can read the ticks back. */
const LABELS: TimeLabels = { day: (iso) => `d:${iso}`, month: (iso) => `m:${iso}`, year: (iso) => `y:${iso}` };

/** The tick labels ECharts draws for a bar chart over these days with the helper's axis (server-side SVG, as the report renders). */
function drawnTicks(days: number[]): string[] {
  const axis = timeAxis(days, LABELS, epochDayFromIso('2024-06-01'));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 200 });
  try {
    chart.setOption({ animation: false, useUTC: true, xAxis: axis.axis, yAxis: { type: 'value' }, series: [{ type: 'bar', data: days.map((day) => [axis.x(day), 10]) }] });
    const svg = chart.renderToSVGString();
    return [...svg.matchAll(/>([dmy]:[^<]*)</g)].map((match) => match[1] as string);
  } finally {
    chart.dispose();
  }
}

const day = (iso: string) => epochDayFromIso(iso);
const start = day('2020-03-15');

describe('the time axis of charts with dates', () => {
  it('pads the range by 4 % of the span, at least a day; three days around a single date; a week around the fallback without dates', () => {
    expect(paddedRange([start], 0)).toEqual({ first: start - 3, last: start + 3, span: 0 });
    expect(paddedRange([start, start, start], 0)).toEqual({ first: start - 3, last: start + 3, span: 0 });
    // 1 day: 4 % is 0.04 days, so one day each side.
    expect(paddedRange([start, start + 1], 0)).toEqual({ first: start - 1, last: start + 2, span: 1 });
    // 400 days: 16 days each side.
    expect(paddedRange([start + 400, start], 0)).toEqual({ first: start - 16, last: start + 416, span: 400 });
    expect(paddedRange([], 100)).toEqual({ first: 93, last: 107, span: 0 });
    expect(paddedRange([Number.NaN, Number.POSITIVE_INFINITY], 100)).toEqual({ first: 93, last: 107, span: 0 });
  });

  it('steps by days up to two months, by months up to three years, by years beyond', () => {
    expect([0, 1, 28, 29, 62, 63, 400, 1098, 1099, 30 * 365].map(grainOfSpan)).toEqual(['day', 'day', 'day', 'day', 'day', 'month', 'month', 'month', 'year', 'year']);
  });

  it('says a tick at its grain, and nothing for a value that is no date', () => {
    const ms = day('2024-02-29') * DAY_MS;
    expect([tickIso(ms, 'day'), tickIso(ms, 'month'), tickIso(ms, 'year')]).toEqual(['2024-02-29', '2024-02', '2024']);
    expect(tickIso(day('0950-07-01') * DAY_MS, 'day')).toBe('0950-07-01');
    expect([tickIso(Number.NaN, 'day'), tickIso(Number.POSITIVE_INFINITY, 'month'), tickIso(8.64e15 + 1, 'day'), tickIso(-1e300, 'year')]).toEqual([null, null, null, null]);
    expect(timeAxis([start], LABELS).axis.axisLabel.formatter(Number.NaN)).toBe('');
  });

  for (const [name, days] of [
    ['0 days (every order on one day)', [start, start, start]],
    ['one order', [start]],
    ['1 day', [start, start + 1]],
    ['28 days', [start, start + 9, start + 28]],
    ['29 days', [start, start + 29]],
    ['400 days', [start, start + 120, start + 400]],
    ['30 years', [start, start + 5000, start + 30 * 365]],
  ] as const) {
    it(`draws real ticks inside the range for a span of ${name}`, () => {
      const ticks = drawnTicks([...days]);
      const { first, last, span } = paddedRange(days, 0);
      const grain = grainOfSpan(span);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(new Set(ticks).size).toBe(ticks.length);
      for (const tick of ticks) {
        expect(tick.startsWith(grain[0] as string)).toBe(true);
        const iso = tick.slice(2);
        // The tick's first day, inside the padded range (a month or year tick may start just before it).
        const tickDay = day(grain === 'day' ? iso : grain === 'month' ? `${iso}-01` : `${iso}-01-01`);
        expect(tickDay).toBeGreaterThanOrEqual(first - (grain === 'year' ? 366 : grain === 'month' ? 31 : 0));
        expect(tickDay).toBeLessThanOrEqual(last);
      }
    });
  }

  it('draws an axis without any date around the fallback day', () => {
    const ticks = drawnTicks([]);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const tick of ticks) expect(Math.abs(day(tick.slice(2)) - day('2024-06-01'))).toBeLessThanOrEqual(7);
  });
});
