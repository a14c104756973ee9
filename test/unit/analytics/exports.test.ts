import { describe, expect, it } from 'vitest';
import { isoFromEpochDay } from '../../../shared/domain/dates';
import { csvField, escapeText, foldLine, icsDate, plainNumber, toCsv, toICalendar, type CalendarEvent, type CsvCell } from '../../../shared/analytics/exports';
import { random } from '../../support/random';

const ALPHABET = ['a', 'Z', '7', ' ', ',', ';', '"', '\\', '\n', '\r', '\r\n', '\t', 'é', 'Ж', '中', '۱', '😀', '=', '-'];
function randomText(rnd: () => number, max: number): string {
  let text = '';
  const length = Math.floor(rnd() * max);
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(rnd() * ALPHABET.length)] as string;
  return text;
}

/** A strict RFC 4180 reader, for round trips: records end with CRLF; quoted fields may hold anything. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (record.length > 0) throw new Error('last record without CRLF');
  return records;
}

describe('CSV', () => {
  it('quotes per RFC 4180, ends records with CRLF and writes numbers plainly', () => {
    const csv = toCsv(
      ['customer', 'note', 'amount'],
      [
        ['Smith, J.', 'said "hi"', 1234.5],
        ['Иванов', 'line 1\nline 2', null],
        ['  padded', 'ok', -0],
        ['plain', '', 1e21],
        ['tiny', 'x', -1.5e-7],
        ['nan', 'y', Number.NaN],
      ],
    );
    expect(csv).toBe(
      'customer,note,amount\r\n' +
        '"Smith, J.","said ""hi""",1234.5\r\n' +
        'Иванов,"line 1\nline 2",\r\n' +
        '"  padded",ok,0\r\n' +
        'plain,,1000000000000000000000\r\n' +
        'tiny,x,-0.00000015\r\n' +
        'nan,y,\r\n',
    );
  });

  it('refuses ragged rows and can guard against spreadsheet formulas', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(RangeError);
    expect(toCsv(['a'], [])).toBe('a\r\n');
    expect(csvField('=HYPERLINK("x")', { formulaGuard: true })).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@sum', { formulaGuard: true })).toBe(`'@sum`);
    expect(csvField('=1+1')).toBe('=1+1');
    expect(csvField(-3, { formulaGuard: true })).toBe('-3');
  });

  it('writes numbers that read back exactly, never in exponent form', () => {
    const rnd = random(3);
    const samples = [0, 1, -1, 0.1, 1e-7, 123456789.123, 1e21, 1.7976931348623157e308, 5e-324, -2.5e-300, 2 ** 53 + 2];
    for (let i = 0; i < 500; i++) samples.push((rnd() - 0.5) * 10 ** Math.floor(rnd() * 60 - 30));
    for (const x of samples) {
      const text = plainNumber(x);
      expect(text).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(text)).toBe(x);
    }
  });

  it('round-trips random text through a strict reader', () => {
    const rnd = random(11);
    for (let t = 0; t < 300; t++) {
      const width = 1 + Math.floor(rnd() * 4);
      const headers = Array.from({ length: width }, () => randomText(rnd, 6));
      const rows: CsvCell[][] = Array.from({ length: Math.floor(rnd() * 5) }, () => Array.from({ length: width }, () => randomText(rnd, 12)));
      expect(parseCsv(toCsv(headers, rows))).toEqual([headers, ...rows]);
    }
  });
});

const encoder = new TextEncoder();

/** Checks the calendar's structure and returns its logical lines (unfolded). */
function validateCalendar(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/\uFFFD/);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const stack: string[] = [];
  let event: Set<string> | null = null;
  for (const line of logical) {
    expect(line).toMatch(/^[A-Z-]+(;[A-Z-]+=[^:;]+)*:/);
    const name = line.slice(0, line.search(/[;:]/));
    const value = line.slice(line.indexOf(':') + 1);
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') event = new Set();
    } else if (name === 'END') {
      expect(stack.pop()).toBe(value);
      if (value === 'VEVENT') {
        for (const required of ['UID', 'DTSTAMP', 'DTSTART']) expect(event?.has(required)).toBe(true);
        event = null;
      }
    } else event?.add(name);
  }
  expect(stack).toEqual([]);
  expect(logical[0]).toBe('BEGIN:VCALENDAR');
  expect(logical).toContain('VERSION:2.0');
  expect(logical.some((l) => l.startsWith('PRODID:'))).toBe(true);
  return logical;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe('iCalendar', () => {
  const STAMP = Date.UTC(2024, 0, 2, 3, 4, 5);

  it('writes all-day events with a fixed DTSTAMP', () => {
    // Epoch day 19737 = 2024-01-15.
    const ics = toICalendar([{ uid: 'contact-1-19737@value-ladder', day: 19737, summary: 'Call Smith, J.', description: 'Rhythm; last purchase 2023-12-20\nOffer: tea' }], '-//Value Ladder//Contact plan//EN', STAMP);
    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Value Ladder//Contact plan//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:contact-1-19737@value-ladder',
        'DTSTAMP:20240102T030405Z',
        'DTSTART;VALUE=DATE:20240115',
        'DTEND;VALUE=DATE:20240116',
        'SUMMARY:Call Smith\\, J.',
        'DESCRIPTION:Rhythm\\; last purchase 2023-12-20\\nOffer: tea',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    validateCalendar(ics);
    expect(toICalendar([], 'x', new Date(STAMP))).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n');
  });

  it('escapes text and folds at 75 octets without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf\rg\u0001h\ti')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng' + 'h\ti');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // 'Ж' is 2 octets: 37 fit in 74, the 38th would make 76 → fold; a continuation holds 1 + 37 × 2 = 75.
    expect(foldLine('Ж'.repeat(80))).toBe(`${'Ж'.repeat(37)}\r\n ${'Ж'.repeat(37)}\r\n ${'Ж'.repeat(6)}`);
    // '😀' is 4 octets (a surrogate pair in JavaScript): 18 fit in 72, 'a' brings 73; never split between the pair.
    expect(foldLine(`${'😀'.repeat(18)}ab😀`)).toBe(`${'😀'.repeat(18)}ab\r\n 😀`);
  });

  it('round-trips random text and stays valid', () => {
    const rnd = random(5);
    for (let t = 0; t < 100; t++) {
      const events: CalendarEvent[] = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, i) => ({
        uid: `u${t}-${i}@test`,
        day: Math.floor(rnd() * 40000),
        summary: randomText(rnd, 60),
        description: randomText(rnd, 200),
      }));
      const logical = validateCalendar(toICalendar(events, '-//Test//EN', STAMP));
      const summaries = logical.filter((l) => l.startsWith('SUMMARY:')).map((l) => unescapeText(l.slice(8)));
      const descriptions = logical.filter((l) => l.startsWith('DESCRIPTION:')).map((l) => unescapeText(l.slice(12)));
      // Line breaks come back as LF; other control characters but tab are dropped.
      const expected = (s: string) => s.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
      expect(summaries).toEqual(events.map((e) => expected(e.summary)));
      expect(descriptions).toEqual(events.map((e) => expected(e.description)));
    }
  });

  it('writes calendar dates as the ISO calendar does, from year 1 to 9999', () => {
    expect(icsDate(0)).toBe('19700101');
    expect(icsDate(19737)).toBe('20240115');
    expect(icsDate(-719162)).toBe('00010101');
    expect(icsDate(2932896)).toBe('99991231');
    const rnd = random(9);
    const days = [-1, 59, 60, 11016, 11017, -141428, -141427];
    for (let i = 0; i < 3000; i++) days.push(Math.floor(-719162 + rnd() * (2932896 + 719162)));
    for (let d = 10900; d < 11700; d++) days.push(d);
    for (const d of days) expect(icsDate(d)).toBe(isoFromEpochDay(d).replace(/-/g, ''));
  });

  it('refuses days that are not calendar days and events without a UID', () => {
    expect(() => toICalendar([{ uid: 'a', day: 1.5, summary: '', description: '' }], 'x', 0)).toThrow(RangeError);
    expect(() => toICalendar([{ uid: 'a', day: 1e9, summary: '', description: '' }], 'x', 0)).toThrow(RangeError);
    expect(() => toICalendar([{ uid: '', day: 0, summary: '', description: '' }], 'x', 0)).toThrow(RangeError);
    expect(() => toICalendar([], 'x', Number.NaN)).toThrow(RangeError);
  });
});
