/**
 * Export formats for the action lists (DOMAIN.md: the cross-sell list "exports as a CSV for a CRM",
 * the contact plan "exports as CSV / calendar file"). Pure text formatting; writing the file (and a
 * UTF-8 BOM, if the reader wants one) is the caller's business.
 */
export type CsvCell = string | number | null;

export interface CsvOptions {
  /**
   * Prefix text cells that a spreadsheet would run as a formula (starting with =, +, −, @, tab or CR)
   * with an apostrophe. Off by default: it changes the data.
   */
  formulaGuard?: boolean;
}

/**
 * A number as the shortest plain decimal text that reads back as it: '.' decimals, no exponent
 * (1e21 → "1000000000000000000000", 1.5e-7 → "0.00000015"); −0 is "0"; NaN and ±Infinity are empty.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value === 0) return '0';
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const integerLength = (dot < 0 ? mantissa.length : dot) + exponent;
  let plain: string;
  if (integerLength <= 0) plain = `0.${'0'.repeat(-integerLength)}${digits}`;
  else if (integerLength >= digits.length) plain = digits + '0'.repeat(integerLength - digits.length);
  else plain = `${digits.slice(0, integerLength)}.${digits.slice(integerLength)}`;
  return negative ? `-${plain}` : plain;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: RFC 4180 quoting (quotes doubled) when it holds a quote, comma, CR or LF, or starts or ends with white space; null is empty. */
export function csvField(cell: CsvCell, options: CsvOptions = {}): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return plainNumber(cell);
  const text = options.formulaGuard && FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: a header record, then one record per row, every record ended by CRLF; every row must have as many cells as there are headers. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const lines: string[] = [headers.map((header) => csvField(header, options)).join(',')];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly CsvCell[];
    if (row.length !== headers.length) throw new RangeError(`CSV row ${r + 1} has ${row.length} cells for ${headers.length} headers`);
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : ',') + csvField(row[i] as CsvCell, options);
    lines.push(line);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface CalendarEvent {
  /** Globally unique and stable across exports (e.g. "contact-<customer>-<day>@value-ladder"). */
  uid: string;
  /** All-day event on this epoch day. */
  day: number;
  summary: string;
  description: string;
}

/**
 * RFC 5545 TEXT escaping: backslash, semicolon and comma get a backslash, line breaks (CRLF, LF, CR)
 * become "\n"; other control characters, which TEXT may not hold, are dropped (tab is kept).
 */
export function escapeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\\;,\u0000-\u0008\u000a-\u001f\u007f]/.test(text)) return text;
  return text
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * RFC 5545 folding of one content line: physical lines of at most 75 UTF-8 octets joined by CRLF, each
 * continuation starting with one space (which counts), never splitting a character or surrogate pair.
 */
export function foldLine(line: string): string {
  // A UTF-16 unit is at most 3 octets: 25 units always fit.
  if (line.length <= 25) return line;
  let out = '';
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const code = line.charCodeAt(i);
    let units = 1;
    let size = 3;
    if (code < 0x80) size = 1;
    else if (code < 0x800) size = 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = line.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        size = 4;
        units = 2;
      }
    }
    if (octets + size > 75) {
      out += `${line.slice(start, i)}\r\n `;
      start = i;
      octets = 1;
    }
    octets += size;
    i += units;
  }
  return out + line.slice(start);
}

/**
 * An epoch day as an iCalendar DATE (YYYYMMDD), by the proleptic Gregorian calendar (days-to-civil
 * arithmetic, no Date objects); a RangeError for days that are not whole or outside years 1–9999.
 */
export function icsDate(day: number): string {
  if (!Number.isInteger(day) || day < -719162 || day > 2932896) throw new RangeError(`not a calendar day: ${day}`);
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}${month < 10 ? '0' : ''}${month}${date < 10 ? '0' : ''}${date}`;
}

/**
 * An RFC 5545 VCALENDAR with one all-day VEVENT per event (DTSTART;VALUE=DATE, DTEND the next day),
 * text escaped, lines folded and ended by CRLF; DTSTAMP is `dtStamp` (Date or epoch ms), for determinism.
 */
export function toICalendar(events: readonly CalendarEvent[], prodId: string, dtStamp: Date | number): string {
  const stampDate = typeof dtStamp === 'number' ? new Date(dtStamp) : dtStamp;
  if (Number.isNaN(stampDate.getTime())) throw new RangeError('DTSTAMP is not a valid time');
  const stamp = `${stampDate.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(prodId)}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const event of events) {
    if (event.uid === '') throw new RangeError('an event needs a UID');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(event.day)}`,
      `DTEND;VALUE=DATE:${icsDate(event.day + 1)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  let out = '';
  for (const line of lines) out += `${foldLine(line)}\r\n`;
  return out;
}
