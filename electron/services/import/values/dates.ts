/**
 * Reading dates as real exports write them: "2024-01-31", "31.12.2024", "12/31/2024", "2024/12/31",
 * Excel serial numbers (45292), Solar Hijri "۱۴۰۳/۰۱/۰۱". The order of the parts is detected once
 * per column from samples; each cell is then read by a parser built for that order, with a fast path
 * for plain 10-character ASCII dates. The result is an epoch day (shared/domain/dates.ts).
 *
 * Rules the parsers follow:
 * - Separators are free ("-", ".", "/", " ", also "2024年1月31日"), but the same one twice.
 * - A time after the date ("14:05", "23:59:59", "T14:05:00Z", "3:04 PM", "+03:00") is accepted
 *   and ignored: the date is the calendar date as written, with no time-zone shift.
 * - Two-digit years (day-month-year or month-day-year only): 00–69 → 2000s, 70–99 → 1900s.
 * - English month names are understood in any of the Gregorian orders ("31 Dec 2024",
 *   "Dec 31, 2024", "31-Dec-24", "2024-Dec-31"); a name fixes which part is the month.
 * - Impossible dates (2023-02-30, month 13, Jalali 1400/12/30) read as NaN.
 * - Excel serials use the 1900 date system with its bug: serial 60 is the fake 1900-02-29 (NaN),
 *   61 is 1900-03-01, 45292 is 2024-01-01; a time fraction is dropped.
 */
import { isValidJalaaliDate, j2d } from 'jalaali-js';
import { digitValue } from './digits';

export type DateFormat = 'ymd' | 'dmy' | 'mdy' | 'excel' | 'jalali';

export interface DateDetection {
  format: DateFormat;
  /** Fraction of the non-empty samples that read as plausible dates in `format`. */
  share: number;
  /**
   * True when day-month order could not be told from the data (no day above 12, and some sample
   * such as 01/02/2024 reads differently either way): dmy was assumed.
   */
  ambiguous: boolean;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian), equal to epochDayFromParts but without allocating.

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Epoch day of a Gregorian date (years 1000–9999), NaN when impossible. */
export function civilEpochDay(y: number, m: number, d: number): number {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return Number.NaN;
  if (d > 28) {
    const length = m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : (MONTH_DAYS[m] ?? 0);
    if (d > length) return Number.NaN;
  }
  // Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Julian Day Number of 1970-01-01. */
const JDN_EPOCH = 2440588;

/** Epoch day of a Solar Hijri date (via jalaali-js), NaN when impossible. */
export function jalaliEpochDay(jy: number, jm: number, jd: number): number {
  if (jy < 1000 || jy > 3177 || !isValidJalaaliDate(jy, jm, jd)) return Number.NaN;
  return j2d(jy, jm, jd) - JDN_EPOCH;
}

/** Excel serial (1900 date system) to epoch day; NaN for 60 (1900-02-29, which never was) and out of range. */
export function excelSerialEpochDay(serial: number): number {
  const day = Math.floor(serial);
  if (!(day >= 1 && day <= 2958465) || day === 60) return Number.NaN;
  return day < 60 ? day - 25568 : day - 25569;
}

function fullYear(value: number, length: number): number {
  if (length === 4) return value;
  if (length === 2) return value < 70 ? 2000 + value : 1900 + value;
  return Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// The scanner: three parts and separators, then an optional time. Scratch in module variables.

let p0 = 0;
let p1 = 0;
let p2 = 0;
/** Digit counts of the parts; 0 for a month name (its number is in the part). */
let l0 = 0;
let l1 = 0;
let l2 = 0;
/** Which part is a month name, or -1. */
let namePart = -1;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

function monthOfName(word: string): number {
  const w = word.toLowerCase();
  const m = MONTHS.indexOf(w.slice(0, 3));
  if (m < 0) return -1;
  const full = MONTH_NAMES[m] ?? '';
  return full.startsWith(w) || w === 'sept' ? m + 1 : -1;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x200e || c === 0x200f || c === 0x061c || c === 0xfeff;
}

/** Separator kinds: 1 "-", 2 ".", 3 "/", 4 " " (also ", "), 5 年, 6 月; 0 none. */
function sepKind(c: number): number {
  switch (c) {
    case 45:
    case 0x2010:
    case 0x2011:
    case 0x2013:
      return 1;
    case 46:
      return 2;
    case 47:
    case 0x2215:
    case 0xff0f:
      return 3;
    case 44:
      return 4;
    case 0x5e74:
      return 5;
    case 0x6708:
      return 6;
    default:
      return isBlank(c) ? 4 : 0;
  }
}

let cursor = 0;

/** Reads one part at `cursor`: up to 4 digits, or an English month name. False if neither. */
function readPart(s: string, index: number): boolean {
  const n = s.length;
  let k = cursor;
  let value = 0;
  let length = 0;
  while (k < n && length < 5) {
    const d = digitValue(s.charCodeAt(k));
    if (d < 0) break;
    value = value * 10 + d;
    length++;
    k++;
  }
  if (length === 0) {
    while (k < n && isLetter(s.charCodeAt(k))) k++;
    if (k - cursor < 3 || namePart >= 0) return false;
    value = monthOfName(s.slice(cursor, k));
    if (value < 0) return false;
    if (k < n && s.charCodeAt(k) === 46) k++; // "Dec."
    namePart = index;
  } else if (length > 4) {
    return false;
  }
  cursor = k;
  if (index === 0) {
    p0 = value;
    l0 = length;
  } else if (index === 1) {
    p1 = value;
    l1 = length;
  } else {
    p2 = value;
    l2 = length;
  }
  return true;
}

/** Reads a separator run at `cursor` (e.g. "-", ". ", ", "); its kind, or 0. */
function readSep(s: string): number {
  const n = s.length;
  let kind = 0;
  let k = cursor;
  while (k < n && k - cursor < 3) {
    const c = s.charCodeAt(k);
    const sk = sepKind(c);
    if (sk === 0) break;
    if (sk !== 4) {
      if (kind !== 0 && kind !== 4) break;
      kind = sk;
    } else if (kind === 0) {
      kind = 4;
    }
    k++;
  }
  cursor = k;
  return kind;
}

/** What may follow a date: a day mark ("日", "г.", "."), then a time, then nothing. */
const REST_RE =
  /(?:\.|日|\s*г\.?)?(?:(?:T|\s+)[0-9۰-۹٠-٩]{1,2}[:.][0-9۰-۹٠-٩]{2}(?:[:.][0-9۰-۹٠-٩]{2}(?:[.,]\d{1,9})?)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?)?\s*$/y;

/** Splits a date into three parts; false when the text does not have that shape. */
function scanParts(s: string): boolean {
  const n = s.length;
  cursor = 0;
  namePart = -1;
  while (cursor < n && isBlank(s.charCodeAt(cursor))) cursor++;
  if (isCompact(s, cursor)) return true;
  if (!readPart(s, 0)) return false;
  const sep1 = readSep(s);
  if (sep1 === 0) return false;
  if (!readPart(s, 1)) return false;
  const sep2 = readSep(s);
  if (sep2 === 0) return false;
  if (sep1 !== sep2 && !(sep1 === 5 && sep2 === 6) && namePart < 0) return false;
  if (!readPart(s, 2)) return false;
  if (cursor === n) return true;
  REST_RE.lastIndex = cursor;
  return REST_RE.test(s);
}

/** Compact "20240131" (8 digits, nothing else but blanks): split into year, month, day. */
function isCompact(s: string, start: number): boolean {
  const n = s.length;
  if (n - start < 8) return false;
  let value = 0;
  for (let k = start; k < start + 8; k++) {
    const d = digitValue(s.charCodeAt(k));
    if (d < 0) return false;
    value = value * 10 + d;
  }
  for (let k = start + 8; k < n; k++) if (!isBlank(s.charCodeAt(k))) return false;
  p0 = Math.floor(value / 10000);
  p1 = Math.floor(value / 100) % 100;
  p2 = value % 100;
  l0 = 4;
  l1 = 2;
  l2 = 2;
  return true;
}

/** Reading the scanned parts in a format. */
function fromParts(format: DateFormat): number {
  if (namePart >= 0 && format !== 'dmy' && format !== 'mdy' && !(format === 'ymd' && namePart === 1 && l0 === 4)) {
    return Number.NaN;
  }
  if (namePart === 0) {
    // "Dec 31, 2024": month, day, year.
    return l1 >= 1 && l1 <= 2 ? civilEpochDay(fullYear(p2, l2), p0, p1) : Number.NaN;
  }
  if (namePart === 1) {
    if (l0 === 4) return l2 >= 1 && l2 <= 2 ? civilEpochDay(p0, p1, p2) : Number.NaN;
    return l0 <= 2 ? civilEpochDay(fullYear(p2, l2), p1, p0) : Number.NaN;
  }
  if (namePart === 2) return Number.NaN;
  switch (format) {
    case 'ymd':
      return l0 === 4 && l1 <= 2 && l2 <= 2 ? civilEpochDay(p0, p1, p2) : Number.NaN;
    case 'jalali':
      return l0 === 4 && l1 <= 2 && l2 <= 2 ? jalaliEpochDay(p0, p1, p2) : Number.NaN;
    case 'dmy':
      return l0 <= 2 && l1 <= 2 ? civilEpochDay(fullYear(p2, l2), p1, p0) : Number.NaN;
    case 'mdy':
      return l0 <= 2 && l1 <= 2 ? civilEpochDay(fullYear(p2, l2), p0, p1) : Number.NaN;
    default:
      return Number.NaN;
  }
}

function slowDate(raw: string, format: DateFormat): number {
  if (!scanParts(raw)) return Number.NaN;
  return fromParts(format);
}

/** Two ASCII digits at i and i + 1, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function isFastSep(c: number): boolean {
  return c === 45 || c === 47 || c === 46;
}

/** An Excel serial: digits with an optional fraction ("45292", "45292.5", "45292,5"). */
function parseExcel(raw: string): number {
  const n = raw.length;
  let i = 0;
  let j = n - 1;
  while (i < n && isBlank(raw.charCodeAt(i))) i++;
  while (j >= i && isBlank(raw.charCodeAt(j))) j--;
  let value = 0;
  let digits = 0;
  let k = i;
  for (; k <= j; k++) {
    const d = digitValue(raw.charCodeAt(k));
    if (d < 0) break;
    value = value * 10 + d;
    digits++;
  }
  if (digits === 0 || digits > 7) return Number.NaN;
  if (k <= j) {
    const c = raw.charCodeAt(k);
    if (c !== 46 && c !== 44) return Number.NaN;
    for (k++; k <= j; k++) if (digitValue(raw.charCodeAt(k)) < 0) return Number.NaN;
  }
  return excelSerialEpochDay(value);
}

/** A parser for one column's date format: epoch day, or NaN when the text is not a real date in it. */
export function dateParser(format: DateFormat): (raw: string) => number {
  switch (format) {
    case 'excel':
      return parseExcel;
    case 'ymd':
    case 'jalali': {
      const toDay = format === 'ymd' ? civilEpochDay : jalaliEpochDay;
      return (raw: string): number => {
        if (raw.length === 10) {
          const sep = raw.charCodeAt(4);
          if (isFastSep(sep) && raw.charCodeAt(7) === sep) {
            const hi = two(raw, 0);
            const lo = two(raw, 2);
            const m = two(raw, 5);
            const d = two(raw, 8);
            if (hi >= 0 && lo >= 0 && m >= 0 && d >= 0) return toDay(hi * 100 + lo, m, d);
          }
        }
        return slowDate(raw, format);
      };
    }
    case 'dmy':
    case 'mdy': {
      const dayFirst = format === 'dmy';
      return (raw: string): number => {
        if (raw.length === 10) {
          const sep = raw.charCodeAt(2);
          if (isFastSep(sep) && raw.charCodeAt(5) === sep) {
            const a = two(raw, 0);
            const b = two(raw, 3);
            const hi = two(raw, 6);
            const lo = two(raw, 8);
            if (a >= 0 && b >= 0 && hi >= 0 && lo >= 0) {
              return dayFirst ? civilEpochDay(hi * 100 + lo, b, a) : civilEpochDay(hi * 100 + lo, a, b);
            }
          }
        }
        return slowDate(raw, format);
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Detection

/** Gregorian years a ymd column may hold (older ones are Solar Hijri years read wrongly). */
const YMD_MIN = civilEpochDay(1600, 1, 1);
/** Solar Hijri 1300/01/01 … 1499/12/29 in epoch days. */
const JALALI_MIN = jalaliEpochDay(1300, 1, 1);
const JALALI_MAX = jalaliEpochDay(1499, 12, 29);
/** Excel serials taken for dates: ~1954 … ~2119. */
const EXCEL_MIN = excelSerialEpochDay(20000);
const EXCEL_MAX = excelSerialEpochDay(80000);

const DETECTION_ORDER: readonly DateFormat[] = ['ymd', 'jalali', 'dmy', 'mdy', 'excel'];

/**
 * Detects a column's date format from sample cells: the format under which most non-empty samples
 * read as plausible dates (ymd: year ≥ 1600; jalali: year 1300–1499; excel: serial 20000–80000).
 * Ties go to ymd, jalali, dmy, mdy, excel in that order — so day-month order is dmy unless some
 * sample has a day above 12 in second place. Null when fewer than half of the samples read.
 */
export function detectDateFormat(samples: readonly string[]): DateDetection | null {
  const counts = new Map<DateFormat, number>();
  const parsers = DETECTION_ORDER.map((format) => [format, dateParser(format)] as const);
  let nonEmpty = 0;
  let undecided = 0;
  for (const raw of samples) {
    if (raw.trim() === '') continue;
    nonEmpty++;
    if (scanParts(raw) && namePart < 0 && l0 <= 2 && l1 <= 2 && p0 !== p1 && p0 <= 12 && p1 <= 12) undecided++;
    for (const [format, parse] of parsers) {
      const day = parse(raw);
      if (Number.isNaN(day)) continue;
      const plausible =
        format === 'ymd'
          ? day >= YMD_MIN
          : format === 'jalali'
            ? day >= JALALI_MIN && day <= JALALI_MAX
            : format === 'excel'
              ? day >= EXCEL_MIN && day <= EXCEL_MAX
              : true;
      if (plausible) counts.set(format, (counts.get(format) ?? 0) + 1);
    }
  }
  if (nonEmpty === 0) return null;
  let best: DateFormat = 'ymd';
  let bestCount = -1;
  for (const format of DETECTION_ORDER) {
    const count = counts.get(format) ?? 0;
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  const share = bestCount / nonEmpty;
  if (share < 0.5) return null;
  const ambiguous =
    (best === 'dmy' || best === 'mdy') && (counts.get('dmy') ?? 0) === (counts.get('mdy') ?? 0) && undecided > 0;
  return { format: best, share, ambiguous };
}
