/**
 * Reading numbers as real exports write them: "1 234,50", "1.234,56 lei", "￥2,566.90", "(12.50)",
 * "12.5-", "۱۲٬۳۴۵٫۶", "1'234.50". The format (decimal separator) is detected once per column from
 * samples; each cell is then read by a parser built for that format, with a fast path for plain
 * ASCII values ("123.45", "-7").
 *
 * Rules the parsers follow:
 * - The decimal separator is the format's; a second one makes the text not a number ("12.34.56").
 * - Thousands separators are accepted leniently: the format's, the other one of "." / ",", spaces
 *   (also NBSP U+00A0, narrow NBSP U+202F, thin space), apostrophes and Arabic ٬ — but only as real
 *   grouping: 1–3 digits not starting with 0, then groups of exactly 3, one kind per value
 *   ("1,2,3" and "0,123" are not numbers under a "." decimal).
 * - Arabic ٫ is always a decimal separator, whatever the format.
 * - Negatives: "-12", "−12", "12-", "(12)", "($12)"; one negator at most.
 * - Currency text before or after the number is ignored when it is a currency: a currency sign
 *   (any Unicode Sc character, "US$"), a 3-letter upper-case code ("RON") or a known word ("lei",
 *   "руб.", "лв.", "zł", "ریال", "تومان" …). Other text makes the cell not a number.
 * - "%" is refused by `numberParser` and read by `rateParser` only.
 */
import { ARABIC_DECIMAL, ARABIC_PERCENT, ARABIC_THOUSANDS, digitValue } from './digits';

export interface NumberFormat {
  decimal: '.' | ',';
  thousands: '' | ',' | '.' | ' ' | "'";
}

export interface NumberDetection {
  format: NumberFormat;
  /** The currency text most often found next to the numbers, as written ("lei", "￥"), or null. */
  currency: string | null;
  /** Fraction of the non-empty samples that read as numbers (or percentages) under `format`. */
  share: number;
}

const POW10: readonly number[] = Array.from({ length: 40 }, (_, k) => Number(`1e${k}`));

function pow10(k: number): number {
  return POW10[k] ?? 10 ** k;
}

// ---------------------------------------------------------------------------------------------
// Character classes

/** Spaces that may separate thousands or pad a value. */
function isSpaceSep(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}

/** Padding that carries no meaning around a value: spaces, tabs, bidi marks, BOM, ZWNJ/ZWJ. */
function isPadding(c: number): boolean {
  return (
    isSpaceSep(c) ||
    c === 9 ||
    c === 0x200b ||
    c === 0x200c ||
    c === 0x200d ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c ||
    c === 0xfeff ||
    c === 0x3000
  );
}

function isMinus(c: number): boolean {
  return c === 45 || c === 0x2212 || c === 0x2013 || c === 0xfe63 || c === 0xff0d;
}

function isPercent(c: number): boolean {
  return c === 37 || c === ARABIC_PERCENT || c === 0xff05;
}

const CLS_OTHER = 1; // the other one of "." / ","
const CLS_SPACE = 2;
const CLS_APOS = 3;
const CLS_ARABIC = 4;

/** Which kind of thousands separator a character is (0: none), given the other one of "." / ",". */
function thousandsClass(c: number, other: number): number {
  if (c === other) return CLS_OTHER;
  if (isSpaceSep(c)) return CLS_SPACE;
  if (c === 39 || c === 0x2019) return CLS_APOS;
  if (c === ARABIC_THOUSANDS || c === 0x060c) return CLS_ARABIC;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Currency text

/** Lower-case currency words and abbreviations (a trailing "." is dropped before lookup). */
const CURRENCY_WORDS = new Set([
  'lei', 'leu', 'ron', 'руб', 'рублей', 'рубля', 'рубль', 'р', 'rub', 'rur', 'лв', 'лева', 'лев', 'bgn',
  'usd', 'us$', 'dollar', 'dollars', 'eur', 'euro', 'euros', 'евро', 'gbp', 'cny', 'rmb', 'yuan', '元', '人民币',
  '圆', '円', 'jpy', 'zł', 'zl', 'pln', 'ریال', 'ريال', 'تومان', 'تومن', 'ت', 'irr', 'irt', 'грн', 'uah', 'тг', 'kzt',
  'сом', 'kr', 'sek', 'nok', 'dkk', 'ft', 'huf', 'kč', 'czk', 'chf', 'fr', 'tl', 'try', 'rs', 'inr', 'aed', 'درهم',
  'sar', 'ریال سعودی', 'byn', 'бел', 'mdl', 'rsd', 'дин', 'uzs', 'сум', 'amd', 'gel', 'azn', 'man', 'ман',
]);
const CURRENCY_SIGN_RE = /^\p{Sc}{1,2}$/u;
const ISO_CODE_RE = /^[A-Z]{3}$/;
const PREFIXED_SIGN_RE = /^[A-Za-z]{1,3}\p{Sc}$/u;

const currencyCache = new Map<string, boolean>();

function computeIsCurrency(token: string): boolean {
  if (CURRENCY_SIGN_RE.test(token) || ISO_CODE_RE.test(token) || PREFIXED_SIGN_RE.test(token)) return true;
  const low = token.toLowerCase().replace(/\.$/, '').replace(/ي/g, 'ی').replace(/ك/g, 'ک');
  return CURRENCY_WORDS.has(low);
}

/** True when `token` (trimmed) is currency text: "$", "lei", "руб.", "RON", "US$", "ریال" … */
export function isCurrencyToken(token: string): boolean {
  let known = currencyCache.get(token);
  if (known === undefined) {
    known = token.length > 0 && token.length <= 12 && computeIsCurrency(token);
    if (currencyCache.size < 2000) currencyCache.set(token, known);
  }
  return known;
}

/** Currencies whose countries write decimal commas; used only when the data cannot tell. */
const COMMA_CURRENCIES = new Set([
  'lei', 'leu', 'ron', 'руб', 'р', '₽', 'rub', 'лв', 'bgn', '€', 'eur', 'euro', 'евро', 'zł', 'zl', 'pln', 'грн',
  '₴', 'uah', 'тг', '₸', 'kzt', 'kr', 'sek', 'nok', 'dkk', 'ft', 'huf', 'kč', 'czk', 'tl', '₺', 'try', 'r$', 'brl',
]);
/** Currencies whose countries write decimal points. */
const DOT_CURRENCIES = new Set(['$', 'usd', 'us$', '¥', '￥', '元', 'cny', 'rmb', '£', 'gbp', '₹', 'inr', 'jpy', '円']);

// ---------------------------------------------------------------------------------------------
// The scanner. Scratch results live in module variables: parsing is synchronous and allocation-free.

/** Mantissa digits and fraction length of the last scan, valid when `sExact`. */
let sMant = 0;
let sFrac = 0;
let sExact = false;
let sNeg = false;
let sPct = false;
/** Currency tokens of the last scan, recorded only when tracking (detection). */
let sCurrency: string | null = null;
let sTrack = false;

/**
 * Checks the text around the number: padding, signs, parentheses, percent, currency.
 * Returns the number of negators (minus signs and parenthesis pairs) or -1 when invalid.
 */
function scanAffixes(s: string, i: number, a: number, b: number, j: number): number {
  let negators = 0;
  let plus = 0;
  let open = 0;
  let close = 0;
  let pct = 0;
  // prefix [i, a)
  let cs = -1;
  let ce = -1;
  for (let k = i; k < a; k++) {
    const c = s.charCodeAt(k);
    if (isPadding(c)) continue;
    if (isMinus(c)) negators++;
    else if (c === 43) plus++;
    else if (c === 40 || c === 0xff08) open++;
    else {
      if (cs < 0) cs = k;
      ce = k;
    }
  }
  if (cs >= 0) {
    const token = s.slice(cs, ce + 1);
    if (!isCurrencyToken(token)) return -1;
    if (sTrack) sCurrency = token;
  }
  // suffix (b, j]
  cs = -1;
  ce = -1;
  for (let k = b + 1; k <= j; k++) {
    const c = s.charCodeAt(k);
    if (isPadding(c)) continue;
    if (isMinus(c)) negators++;
    else if (c === 43) plus++;
    else if (c === 41 || c === 0xff09) close++;
    else if (isPercent(c)) pct++;
    else {
      if (cs < 0) cs = k;
      ce = k;
    }
  }
  if (cs >= 0) {
    const token = s.slice(cs, ce + 1);
    if (!isCurrencyToken(token)) return -1;
    if (sTrack && sCurrency === null) sCurrency = token;
  }
  if (open !== close || open > 1 || pct > 1) return -1;
  negators += open;
  if (negators + plus > 1) return -1;
  sPct = pct === 1;
  return negators;
}

/** Reads the digits between a and b (inclusive): unsigned value or NaN. */
function scanCore(s: string, a: number, b: number, dec: number): number {
  const other = dec === 46 ? 44 : 46;
  let mant = 0;
  let digits = 0;
  let intDigits = 0;
  let frac = 0;
  let seenDec = false;
  let group = 0;
  let groupLen = 0;
  let firstZero = false;
  let expAt = -1;
  for (let k = a; k <= b; k++) {
    const c = s.charCodeAt(k);
    const d = digitValue(c);
    if (d >= 0) {
      mant = mant * 10 + d;
      digits++;
      if (seenDec) frac++;
      else {
        if (intDigits === 0) firstZero = d === 0;
        intDigits++;
        groupLen++;
      }
      continue;
    }
    if (c === dec || c === ARABIC_DECIMAL) {
      if (seenDec) return Number.NaN;
      if (group !== 0 && groupLen !== 3) return Number.NaN;
      seenDec = true;
      continue;
    }
    const cls = thousandsClass(c, other);
    if (cls !== 0) {
      if (seenDec) return Number.NaN;
      if (group === 0) {
        if (intDigits < 1 || intDigits > 3 || firstZero) return Number.NaN;
        group = cls;
      } else if (cls !== group || groupLen !== 3) {
        return Number.NaN;
      }
      groupLen = 0;
      continue;
    }
    if ((c === 101 || c === 69) && digits > 0) {
      expAt = k;
      break;
    }
    return Number.NaN;
  }
  if (digits === 0) return Number.NaN;
  if (group !== 0 && !seenDec && groupLen !== 3) return Number.NaN;
  let exp = 0;
  if (expAt >= 0) {
    let k = expAt + 1;
    let expNeg = false;
    const c = s.charCodeAt(k);
    if (c === 43 || isMinus(c)) {
      expNeg = isMinus(c);
      k++;
    }
    if (k > b || b - k > 2) return Number.NaN;
    for (; k <= b; k++) {
      const d = digitValue(s.charCodeAt(k));
      if (d < 0) return Number.NaN;
      exp = exp * 10 + d;
    }
    if (expNeg) exp = -exp;
  }
  if (digits <= 15 && exp === 0) {
    sExact = true;
    sMant = mant;
    sFrac = frac;
    return frac === 0 ? mant : mant / pow10(frac);
  }
  // Long or scientific: let the engine round it, from a clean ASCII copy.
  sExact = false;
  let text = '';
  for (let k = a; k <= b && k !== expAt; k++) {
    const c = s.charCodeAt(k);
    const d = digitValue(c);
    if (d >= 0) text += String.fromCharCode(48 + d);
    else if (c === dec || c === ARABIC_DECIMAL) text += '.';
  }
  const value = Number(`${text}e${exp}`);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** The general reader: anything the fast path does not take. Signed value, scratch set. */
function slowNumber(s: string, dec: number): number {
  const n = s.length;
  let i = 0;
  let j = n - 1;
  while (i < n && isPadding(s.charCodeAt(i))) i++;
  while (j >= i && isPadding(s.charCodeAt(j))) j--;
  if (i > j) return Number.NaN;
  let a = i;
  while (a <= j && digitValue(s.charCodeAt(a)) < 0) a++;
  if (a > j) return Number.NaN;
  let b = j;
  while (digitValue(s.charCodeAt(b)) < 0) b--;
  if (a > i) {
    const before = s.charCodeAt(a - 1);
    if (before === dec || before === ARABIC_DECIMAL) a--;
  }
  const negators = scanAffixes(s, i, a, b, j);
  if (negators < 0) return Number.NaN;
  const value = scanCore(s, a, b, dec);
  sNeg = negators === 1;
  return sNeg ? 0 - value : value;
}

/**
 * Reads one cell. Fast path: optional "-", ASCII digits, at most one decimal separator,
 * at most 15 digits. Sets the scratch (sExact, sMant, sFrac, sNeg, sPct).
 */
function readNumber(raw: string, dec: number): number {
  const n = raw.length;
  sPct = false;
  if (n === 0) return Number.NaN;
  if (n <= 17) {
    let i = 0;
    let neg = false;
    if (raw.charCodeAt(0) === 45) {
      neg = true;
      i = 1;
    }
    let mant = 0;
    let digits = 0;
    let frac = -1;
    for (; i < n; i++) {
      const c = raw.charCodeAt(i);
      const d = c - 48;
      if (d >= 0 && d <= 9) {
        mant = mant * 10 + d;
        digits++;
        if (frac >= 0) frac++;
      } else if (c === dec && frac < 0) {
        frac = 0;
      } else {
        return slowNumber(raw, dec);
      }
    }
    if (digits > 0 && digits <= 15) {
      if (frac < 0) frac = 0;
      sExact = true;
      sMant = mant;
      sFrac = frac;
      sNeg = neg;
      const value = frac === 0 ? mant : mant / POW10[frac]!;
      return neg ? 0 - value : value;
    }
  }
  return slowNumber(raw, dec);
}

function decimalCode(format: NumberFormat): number {
  return format.decimal === ',' ? 44 : 46;
}

/**
 * A parser for one column's format: returns the number, or NaN when the text is not a number in
 * that format (also for empty or blank text and for percentages).
 */
export function numberParser(format: NumberFormat): (raw: string) => number {
  const dec = decimalCode(format);
  return (raw: string): number => {
    const value = readNumber(raw, dec);
    return sPct ? Number.NaN : value;
  };
}

/**
 * A parser for rates (margin %): "15%", "15 %", "15" → 0.15; "0.15" → 0.15. Values above 1 in
 * magnitude without "%" are read as percentages; 1 and below as fractions.
 */
export function rateParser(format: NumberFormat): (raw: string) => number {
  const dec = decimalCode(format);
  return (raw: string): number => {
    const value = readNumber(raw, dec);
    if (Number.isNaN(value)) return value;
    if (!sPct && Math.abs(value) <= 1) return value;
    if (sExact) {
      const scaled = sMant / pow10(sFrac + 2);
      return sNeg ? 0 - scaled : scaled;
    }
    return value / 100;
  };
}

// ---------------------------------------------------------------------------------------------
// Detection

type Vote = '.' | ',' | null;

interface SampleEvidence {
  vote: Vote;
  /** Thousands separator seen, if the decimal separator is "." or ",". */
  thousandsIfDot: NumberFormat['thousands'];
  thousandsIfComma: NumberFormat['thousands'];
  spaces: boolean;
}

function examine(s: string): SampleEvidence | null {
  const n = s.length;
  let a = 0;
  while (a < n && digitValue(s.charCodeAt(a)) < 0) a++;
  if (a >= n) return null;
  let b = n - 1;
  while (digitValue(s.charCodeAt(b)) < 0) b--;
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let spaces = 0;
  let apos = 0;
  let arabicThousands = 0;
  let arabicDecimal = 0;
  for (let k = a; k <= b; k++) {
    const c = s.charCodeAt(k);
    if (c === 46) {
      dots++;
      lastDot = k;
    } else if (c === 44) {
      commas++;
      lastComma = k;
    } else if (isSpaceSep(c)) spaces++;
    else if (c === 39 || c === 0x2019) apos++;
    else if (c === ARABIC_THOUSANDS || c === 0x060c) arabicThousands++;
    else if (c === ARABIC_DECIMAL) arabicDecimal++;
  }
  let vote: Vote = null;
  // Arabic separators say nothing about ASCII ones; they read as their ASCII forms "." and ",".
  if (arabicDecimal > 0 && dots + commas === 0) vote = '.';
  else if (dots > 0 && commas > 0) {
    if (lastDot > lastComma && dots === 1) vote = '.';
    else if (lastComma > lastDot && commas === 1) vote = ',';
  } else if (commas > 1) vote = '.';
  else if (dots > 1) vote = ',';
  else if (commas === 1 || dots === 1) {
    const sep = commas === 1 ? lastComma : lastDot;
    let after = 0;
    for (let k = sep + 1; k <= b; k++) if (digitValue(s.charCodeAt(k)) >= 0) after++;
    let before = 0;
    let firstZero = false;
    for (let k = a; k < sep; k++) {
      const d = digitValue(s.charCodeAt(k));
      if (d >= 0) {
        if (before === 0) firstZero = d === 0;
        before++;
      }
    }
    // A separator followed by other than 3 digits, after more than 3 digits or after a leading
    // zero, or in a number already grouped by spaces or apostrophes, can only be the decimal one.
    if (after !== 3 || before > 3 || firstZero || spaces > 0 || apos > 0 || arabicThousands > 0) {
      vote = commas === 1 ? ',' : '.';
    }
  }
  const spaceLike = spaces > 0 ? ' ' : apos > 0 ? "'" : arabicThousands > 0 ? ',' : '';
  return {
    vote,
    thousandsIfDot: commas > 0 ? ',' : spaceLike,
    thousandsIfComma: dots > 0 ? '.' : spaceLike,
    spaces: spaces > 0,
  };
}

function normalizedCurrencyKey(token: string): string {
  return token.toLowerCase().replace(/\.$/, '');
}

function shareOf(samples: readonly string[], parse: (raw: string) => number, nonEmpty: number): number {
  if (nonEmpty === 0) return 0;
  let ok = 0;
  for (const raw of samples) {
    if (raw.trim() !== '' && !Number.isNaN(parse(raw))) ok++;
  }
  return ok / nonEmpty;
}

/** The currency token the last tracked scan found; clears it. */
function takeCurrency(): string | null {
  const token = sCurrency;
  sCurrency = null;
  return token;
}

/**
 * Detects a column's number format from sample cells. Evidence, per sample: both "." and ","
 * (the last one is the decimal); a separator used twice (thousands); one separator followed by
 * other than 3 digits, or after 4+ digits or a leading zero, or next to space grouping (decimal).
 * The majority of deciding samples wins; undecided columns ("1,200" alone) take the convention of
 * their currency ("lei", "₽", "€" → decimal comma; "$", "￥" → point), then space grouping
 * (→ comma), then the decimal point.
 */
export function detectNumberFormat(samples: readonly string[]): NumberDetection {
  let votesDot = 0;
  let votesComma = 0;
  let spaceHint = 0;
  let nonEmpty = 0;
  const evidence: SampleEvidence[] = [];
  const currencies = new Map<string, { token: string; count: number }>();
  sTrack = true;
  try {
    for (const raw of samples) {
      if (raw.trim() === '') continue;
      nonEmpty++;
      const ev = examine(raw);
      if (ev) {
        evidence.push(ev);
        if (ev.vote === '.') votesDot++;
        else if (ev.vote === ',') votesComma++;
        if (ev.spaces) spaceHint++;
      }
      takeCurrency();
      readNumber(raw, 46);
      const found = takeCurrency();
      if (found !== null) {
        const token = found.trim();
        const key = normalizedCurrencyKey(token);
        const entry = currencies.get(key);
        if (entry) entry.count++;
        else currencies.set(key, { token, count: 1 });
      }
    }
  } finally {
    sTrack = false;
    sCurrency = null;
  }

  let currency: string | null = null;
  let currencyKey = '';
  let best = 0;
  for (const [key, entry] of currencies) {
    if (entry.count > best) {
      best = entry.count;
      currency = entry.token;
      currencyKey = key;
    }
  }

  let decimal: '.' | ',';
  if (votesDot !== votesComma) {
    decimal = votesDot > votesComma ? '.' : ',';
  } else {
    const dotShare = shareOf(samples, rateParser({ decimal: '.', thousands: '' }), nonEmpty);
    const commaShare = shareOf(samples, rateParser({ decimal: ',', thousands: '' }), nonEmpty);
    if (dotShare !== commaShare) decimal = dotShare > commaShare ? '.' : ',';
    else if (COMMA_CURRENCIES.has(currencyKey)) decimal = ',';
    else if (DOT_CURRENCIES.has(currencyKey)) decimal = '.';
    else decimal = spaceHint > 0 ? ',' : '.';
  }

  const thousandsCounts = new Map<NumberFormat['thousands'], number>();
  for (const ev of evidence) {
    const t = decimal === '.' ? ev.thousandsIfDot : ev.thousandsIfComma;
    if (t !== '') thousandsCounts.set(t, (thousandsCounts.get(t) ?? 0) + 1);
  }
  let thousands: NumberFormat['thousands'] = '';
  let bestCount = 0;
  for (const [t, count] of thousandsCounts) {
    if (count > bestCount) {
      bestCount = count;
      thousands = t;
    }
  }
  if (thousands === decimal) thousands = '';
  const format: NumberFormat = { decimal, thousands };
  return { format, currency, share: shareOf(samples, rateParser(format), nonEmpty) };
}
