import { describe, expect, it } from 'vitest';
import { toGregorian } from 'jalaali-js';
import { epochDayFromParts, isoFromEpochDay } from '../../shared/domain/dates';
import { digitValue, normalizeDigits } from '../../electron/services/import/values/digits';
import {
  detectNumberFormat,
  isCurrencyToken,
  numberParser,
  rateParser,
  type NumberFormat,
} from '../../electron/services/import/values/numbers';
import {
  civilEpochDay,
  dateParser,
  detectDateFormat,
  excelSerialEpochDay,
  jalaliEpochDay,
  type DateFormat,
} from '../../electron/services/import/values/dates';

const DOT: NumberFormat = { decimal: '.', thousands: ',' };
const COMMA: NumberFormat = { decimal: ',', thousands: '.' };
const COMMA_SPACE: NumberFormat = { decimal: ',', thousands: ' ' };

/** A date parser's answer as ISO text ("NaN" when refused), for readable expectations. */
function isoOf(format: DateFormat, raw: string): string {
  const day = dateParser(format)(raw);
  return Number.isNaN(day) ? 'NaN' : isoFromEpochDay(day);
}

describe('digits', () => {
  it('reads Persian, Arabic-Indic and full-width digits', () => {
    expect(normalizeDigits('۱۴۰۳/۰۱/۰۱')).toBe('1403/01/01');
    expect(normalizeDigits('١٤٠٣')).toBe('1403');
    expect(normalizeDigits('１２３')).toBe('123');
    expect(normalizeDigits('۱۲٬۳۴۵٫۶۷٪')).toBe('12,345.67%');
    expect(digitValue('۷'.charCodeAt(0))).toBe(7);
    expect(digitValue('٩'.charCodeAt(0))).toBe(9);
    expect(digitValue('a'.charCodeAt(0))).toBe(-1);
  });

  it('returns the very same string when there is nothing to convert', () => {
    const ascii = 'Сумма 1 234,50 руб.';
    expect(normalizeDigits(ascii)).toBe(ascii);
    expect(normalizeDigits('')).toBe('');
  });
});

describe('numberParser', () => {
  it('reads plain ASCII numbers in either format', () => {
    const dot = numberParser(DOT);
    const comma = numberParser(COMMA);
    expect(dot('123.45')).toBe(123.45);
    expect(dot('0.1')).toBe(0.1);
    expect(dot('-7')).toBe(-7);
    expect(dot('42')).toBe(42);
    expect(dot('.5')).toBe(0.5);
    expect(dot('-0')).toBe(0);
    expect(comma('123,45')).toBe(123.45);
    expect(comma('-12,5')).toBe(-12.5);
    expect(dot('80.98')).toBe(80.98);
    expect(dot('1.2E+5')).toBe(120000);
    expect(dot('12345678901234567890')).toBe(1.2345678901234567e19);
  });

  it('reads thousands separators: comma, dot, space, NBSP, narrow NBSP, apostrophe', () => {
    expect(numberParser(DOT)('1,234.56')).toBe(1234.56);
    expect(numberParser(DOT)('1,234,567')).toBe(1234567);
    expect(numberParser(COMMA)('1.234.567,89')).toBe(1234567.89);
    expect(numberParser(COMMA_SPACE)('1 234,50')).toBe(1234.5);
    expect(numberParser(COMMA_SPACE)('1\u00a0234,50')).toBe(1234.5);
    expect(numberParser(COMMA_SPACE)('1\u202f234,50')).toBe(1234.5);
    expect(numberParser(COMMA_SPACE)('7 020 214,73')).toBe(7020214.73);
    expect(numberParser({ decimal: '.', thousands: "'" })("1'234.50")).toBe(1234.5);
    expect(numberParser({ decimal: '.', thousands: "'" })('1’234.50')).toBe(1234.5);
  });

  it('strips currency text before or after the number', () => {
    expect(numberParser(COMMA)('1.234,56 lei')).toBe(1234.56);
    expect(numberParser(COMMA)('3.582,34 lei')).toBe(3582.34);
    expect(numberParser(COMMA)('€ 1.234,56')).toBe(1234.56);
    expect(numberParser(COMMA)('12,50 лв.')).toBe(12.5);
    expect(numberParser(COMMA)('1.234,56 RON')).toBe(1234.56);
    expect(numberParser(COMMA_SPACE)('1 234,50 ₽')).toBe(1234.5);
    expect(numberParser(COMMA_SPACE)('1 234 567,89 руб.')).toBe(1234567.89);
    expect(numberParser(COMMA_SPACE)('99,90 р.')).toBe(99.9);
    expect(numberParser(COMMA_SPACE)('12 zł')).toBe(12);
    expect(numberParser(DOT)('￥2,566.90')).toBe(2566.9);
    expect(numberParser(DOT)('¥930.79')).toBe(930.79);
    expect(numberParser(DOT)('$1,200.00')).toBe(1200);
    expect(numberParser(DOT)('USD 12.00')).toBe(12);
    expect(numberParser(DOT)('US$5')).toBe(5);
    expect(numberParser(DOT)('12 000 ریال')).toBe(12000);
    expect(numberParser(DOT)('12,000 ريال')).toBe(12000);
    expect(numberParser(DOT)('۵۰۰ تومان')).toBe(500);
  });

  it('reads negatives: sign, trailing minus, parentheses, with or without currency', () => {
    const dot = numberParser(DOT);
    expect(dot('(12.50)')).toBe(-12.5);
    expect(dot('12.5-')).toBe(-12.5);
    expect(dot('−3')).toBe(-3);
    expect(dot('-$12')).toBe(-12);
    expect(dot('$-12')).toBe(-12);
    expect(dot('($1,234.50)')).toBe(-1234.5);
    expect(dot('+12')).toBe(12);
    expect(numberParser(COMMA)('12,5-')).toBe(-12.5);
    expect(numberParser(COMMA)('(1.234,56) lei')).toBe(-1234.56);
    expect(dot('-(12)')).toBeNaN();
    expect(dot('--12')).toBeNaN();
  });

  it('reads Persian and Arabic-Indic digits with Arabic separators', () => {
    const dot = numberParser(DOT);
    expect(dot('۱۱۳۰۶۹')).toBe(113069);
    expect(dot('٤٥٢٢٧')).toBe(45227);
    expect(dot('۱۲٬۳۴۵٫۶۷')).toBe(12345.67);
    expect(dot('۱,۲۳۴.۵')).toBe(1234.5);
    // ٫ is a decimal separator whatever the column's format.
    expect(numberParser(COMMA)('۳٫۵')).toBe(3.5);
    expect(numberParser(COMMA)('۱۲٬۳۴۵')).toBe(12345);
  });

  it('refuses text that is not a number in the format', () => {
    const dot = numberParser(DOT);
    for (const raw of ['twelve', '12.34.56', '1,2,3', '', '   ', '-', '.', '0,123', '1,23', '12 apples', '12.50)', '(12.50', '1e400', 'NaN', 'Infinity', '0x1F', '15%']) {
      expect(dot(raw), raw).toBeNaN();
    }
    const comma = numberParser(COMMA);
    for (const raw of ['1.23', '12,34,56', '1 234.5,6', 'abc lei']) expect(comma(raw), raw).toBeNaN();
    // Mixed grouping in one value.
    expect(numberParser(COMMA_SPACE)('1 234.567,8')).toBeNaN();
  });

  it('takes the other separator as thousands only with real 3-digit groups', () => {
    expect(numberParser(COMMA)('1.234')).toBe(1234);
    expect(numberParser(DOT)('1,234')).toBe(1234);
    expect(numberParser(DOT)('1234,567')).toBeNaN();
    expect(numberParser({ decimal: '.', thousands: '' })('1,200')).toBe(1200);
  });

  it('knows currency words, signs and ISO codes, and nothing else', () => {
    for (const token of ['lei', 'Lei', '₽', 'руб.', 'руб', 'р.', '￥', '¥', '$', '€', 'лв.', 'zł', 'ریال', 'تومان', 'RON', 'USD', 'HK$', '元'])
      expect(isCurrencyToken(token), token).toBe(true);
    for (const token of ['apples', 'kg', 'шт', 'usd1', '']) expect(isCurrencyToken(token), token).toBe(false);
  });
});

describe('rateParser', () => {
  it('reads percentages and fractions as fractions', () => {
    const rate = rateParser({ decimal: '.', thousands: '' });
    expect(rate('15%')).toBe(0.15);
    expect(rate('15 %')).toBe(0.15);
    expect(rate('0.15')).toBe(0.15);
    expect(rate('15')).toBe(0.15);
    expect(rate('12.34%')).toBe(0.1234);
    expect(rate('-5%')).toBe(-0.05);
    expect(rate('1')).toBe(1);
    expect(rate('۱۵٪')).toBe(0.15);
    expect(rate('abc')).toBeNaN();
    expect(rate('')).toBeNaN();
    expect(rate('15%%')).toBeNaN();
    expect(rateParser({ decimal: ',', thousands: '' })('12,5 %')).toBe(0.125);
  });
});

describe('detectNumberFormat', () => {
  it('reads Russian exports: space thousands, decimal comma', () => {
    const detected = detectNumberFormat(['2 645,33', '788,48', '16 240,71', '1 640,10', '7 020 214,73']);
    expect(detected).toEqual({ format: { decimal: ',', thousands: ' ' }, currency: null, share: 1 });
  });

  it('reads NBSP and narrow NBSP as space thousands', () => {
    const detected = detectNumberFormat(['1\u00a0234,50', '1\u202f000,00', '12,00']);
    expect(detected.format).toEqual({ decimal: ',', thousands: ' ' });
  });

  it('reads Romanian lei with dot thousands and finds the currency', () => {
    const detected = detectNumberFormat(['3.582,34 lei', '1.199,38 lei', '935,52 lei', '31,85 lei']);
    expect(detected).toEqual({ format: { decimal: ',', thousands: '.' }, currency: 'lei', share: 1 });
  });

  it('reads Chinese yuan and dollar amounts with comma thousands', () => {
    expect(detectNumberFormat(['￥2,566.90', '￥13,567.42', '￥930.79'])).toEqual({
      format: { decimal: '.', thousands: ',' },
      currency: '￥',
      share: 1,
    });
    expect(detectNumberFormat(['$1,200.00', '$35.50'])).toMatchObject({ format: { decimal: '.', thousands: ',' }, currency: '$' });
  });

  it('decides "1,200" from the other samples', () => {
    expect(detectNumberFormat(['1,200', '1,500']).format.decimal).toBe('.');
    expect(detectNumberFormat(['1,200', '1,234,567']).format).toEqual({ decimal: '.', thousands: ',' });
    expect(detectNumberFormat(['1,200', '3,5', '17,25']).format.decimal).toBe(',');
    expect(detectNumberFormat(['1,200', '12.75']).format.decimal).toBe('.');
    // No decisive sample: the currency's convention, then the decimal point.
    expect(detectNumberFormat(['1.234 lei', '5.000 lei']).format).toEqual({ decimal: ',', thousands: '.' });
    expect(detectNumberFormat(['1.234', '5.000']).format.decimal).toBe('.');
  });

  it('reads accounting negatives, trailing minus and Swiss apostrophes', () => {
    expect(detectNumberFormat(['(12.50)', '3.25', '-1.5'])).toMatchObject({ format: { decimal: '.' }, share: 1 });
    expect(detectNumberFormat(['-12,5', '4', '12,5-'])).toMatchObject({ format: { decimal: ',' }, share: 1 });
    expect(detectNumberFormat(['12.5-', '3.1'])).toMatchObject({ format: { decimal: '.' }, share: 1 });
    expect(detectNumberFormat(["1'234.50", '12.00'])).toMatchObject({ format: { decimal: '.', thousands: "'" }, share: 1 });
  });

  it('reads euro amounts with the sign in front', () => {
    expect(detectNumberFormat(['€ 1.234,56', '€ 12,00'])).toEqual({ format: { decimal: ',', thousands: '.' }, currency: '€', share: 1 });
  });

  it('reads Persian digits and Arabic separators', () => {
    expect(detectNumberFormat(['۱۱۳۰۶۹', '۴۵۲۲۷', '۱۰۰۰۱۹۲'])).toEqual({ format: { decimal: '.', thousands: '' }, currency: null, share: 1 });
    expect(detectNumberFormat(['۱۲٬۳۴۵٫۶', '۳٫۵'])).toMatchObject({ format: { decimal: '.' }, share: 1 });
    expect(detectNumberFormat(['12 000 ریال', '500 ریال'])).toMatchObject({ currency: 'ریال', share: 1 });
  });

  it('reads plain integers, ignores blanks and counts what does not parse', () => {
    expect(detectNumberFormat(['121', '11', '304', '', '  '])).toEqual({ format: { decimal: '.', thousands: '' }, currency: null, share: 1 });
    expect(detectNumberFormat(['80.98', 'twelve', '36.11', '127.29']).share).toBe(0.75);
    expect(detectNumberFormat([]).share).toBe(0);
  });

  it('reports the most common currency text', () => {
    expect(detectNumberFormat(['12 руб.', '1 200 руб.', '5 ₽']).currency).toBe('руб.');
    expect(detectNumberFormat(['12,50 лв.', '3,00 лв.']).currency).toBe('лв.');
    expect(detectNumberFormat(['12 zł', '3,50 zł'])).toMatchObject({ currency: 'zł', format: { decimal: ',' } });
  });
});

describe('calendar arithmetic', () => {
  it('agrees with epochDayFromParts on every day from 1899 to 2101, and refuses the same dates', () => {
    for (let y = 1899; y <= 2101; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const expected = epochDayFromParts(y, m, d);
          const actual = civilEpochDay(y, m, d);
          if (Number.isNaN(expected)) expect(actual, `${y}-${m}-${d}`).toBeNaN();
          else if (actual !== expected) expect(actual, `${y}-${m}-${d}`).toBe(expected);
        }
      }
    }
    expect(civilEpochDay(2024, 1, 1)).toBe(19723);
    expect(civilEpochDay(1970, 1, 1)).toBe(0);
  });

  it('converts Solar Hijri dates through jalaali-js', () => {
    expect(isoFromEpochDay(jalaliEpochDay(1403, 1, 1))).toBe('2024-03-20');
    expect(isoFromEpochDay(jalaliEpochDay(1400, 10, 15))).toBe('2022-01-05');
    expect(isoFromEpochDay(jalaliEpochDay(1399, 12, 30))).toBe('2021-03-20');
    expect(jalaliEpochDay(1400, 12, 30)).toBeNaN();
    // Every first and last day of month 1300–1499 matches the library's own Gregorian answer.
    for (let jy = 1300; jy <= 1499; jy++) {
      for (let jm = 1; jm <= 12; jm++) {
        const { gy, gm, gd } = toGregorian(jy, jm, 1);
        expect(jalaliEpochDay(jy, jm, 1)).toBe(epochDayFromParts(gy, gm, gd));
      }
    }
  });

  it('reads Excel serials with the 1900 leap-year bug', () => {
    expect(isoFromEpochDay(excelSerialEpochDay(1))).toBe('1900-01-01');
    expect(isoFromEpochDay(excelSerialEpochDay(59))).toBe('1900-02-28');
    expect(excelSerialEpochDay(60)).toBeNaN(); // 1900-02-29, which never was
    expect(isoFromEpochDay(excelSerialEpochDay(61))).toBe('1900-03-01');
    expect(excelSerialEpochDay(25569)).toBe(0);
    expect(isoFromEpochDay(excelSerialEpochDay(45292))).toBe('2024-01-01');
    expect(isoFromEpochDay(excelSerialEpochDay(45292.75))).toBe('2024-01-01');
    expect(excelSerialEpochDay(0)).toBeNaN();
    expect(excelSerialEpochDay(-1)).toBeNaN();
  });
});

describe('dateParser', () => {
  it('reads ISO and year-first dates with any separator', () => {
    expect(dateParser('ymd')('2024-01-31')).toBe(19753);
    expect(isoOf('ymd', '2024-01-31')).toBe('2024-01-31');
    expect(isoOf('ymd', '2024/12/31')).toBe('2024-12-31');
    expect(isoOf('ymd', '2024.1.5')).toBe('2024-01-05');
    expect(isoOf('ymd', '2024 01 31')).toBe('2024-01-31');
    expect(isoOf('ymd', ' 2024-01-31 ')).toBe('2024-01-31');
    expect(isoOf('ymd', '20240131')).toBe('2024-01-31');
    expect(isoOf('ymd', '2024年1月31日')).toBe('2024-01-31');
  });

  it('ignores a time part without shifting the date', () => {
    expect(isoOf('ymd', '2024-01-31 14:05')).toBe('2024-01-31');
    expect(isoOf('ymd', '2024-01-31T14:05:00Z')).toBe('2024-01-31');
    expect(isoOf('ymd', '2024-01-31T23:30:00-08:00')).toBe('2024-01-31');
    expect(isoOf('ymd', '2024-01-31 00:00:00.000')).toBe('2024-01-31');
    expect(isoOf('dmy', '31.12.2024 23:59:59')).toBe('2024-12-31');
    expect(isoOf('mdy', '1/2/2024 3:04 PM')).toBe('2024-01-02');
    expect(isoOf('dmy', '1/2/2024 3:04 PM')).toBe('2024-02-01');
    expect(isoOf('ymd', '2024-01-31 lunch')).toBe('NaN');
  });

  it('reads day-first and month-first dates, with two-digit years', () => {
    expect(isoOf('dmy', '31.12.2024')).toBe('2024-12-31');
    expect(isoOf('dmy', '03/01/2022')).toBe('2022-01-03');
    expect(isoOf('dmy', '26.04.2021')).toBe('2021-04-26');
    expect(isoOf('dmy', '1.2.2024')).toBe('2024-02-01');
    expect(isoOf('dmy', '31-12-2024')).toBe('2024-12-31');
    expect(isoOf('dmy', '31 12 2024')).toBe('2024-12-31');
    expect(isoOf('dmy', '31.12.2024 г.')).toBe('2024-12-31');
    expect(isoOf('mdy', '12/31/2024')).toBe('2024-12-31');
    expect(isoOf('dmy', '1/2/24')).toBe('2024-02-01');
    expect(isoOf('dmy', '31.12.69')).toBe('2069-12-31');
    expect(isoOf('dmy', '01.01.70')).toBe('1970-01-01');
    expect(isoOf('mdy', '12/31/99')).toBe('1999-12-31');
    expect(isoOf('dmy', '31.12.024')).toBe('NaN');
  });

  it('reads English month names in any Gregorian order', () => {
    expect(isoOf('dmy', '31 Dec 2024')).toBe('2024-12-31');
    expect(isoOf('dmy', 'Dec 31, 2024')).toBe('2024-12-31');
    expect(isoOf('mdy', '31-Dec-24')).toBe('2024-12-31');
    expect(isoOf('mdy', 'September 5, 2024')).toBe('2024-09-05');
    expect(isoOf('ymd', '2024-Dec-31')).toBe('2024-12-31');
    expect(isoOf('dmy', '31 Foo 2024')).toBe('NaN');
  });

  it('refuses impossible dates', () => {
    expect(isoOf('ymd', '2023-02-30')).toBe('NaN');
    expect(isoOf('ymd', '2023-02-29')).toBe('NaN');
    expect(isoOf('ymd', '2024-02-29')).toBe('2024-02-29');
    expect(isoOf('ymd', '2024-13-01')).toBe('NaN');
    expect(isoOf('ymd', '2024-00-10')).toBe('NaN');
    expect(isoOf('ymd', '2024-06-31')).toBe('NaN');
    expect(isoOf('dmy', '29.02.2023')).toBe('NaN');
    expect(isoOf('dmy', '32.01.2024')).toBe('NaN');
    expect(isoOf('mdy', '13/01/2024')).toBe('NaN');
    expect(isoOf('ymd', '2024-01-3x')).toBe('NaN');
    expect(isoOf('ymd', '2024-01/31')).toBe('NaN');
    expect(isoOf('ymd', '')).toBe('NaN');
    expect(isoOf('dmy', 'hello')).toBe('NaN');
  });

  it('reads Solar Hijri dates in Persian, Arabic-Indic or ASCII digits', () => {
    expect(isoOf('jalali', '1403/01/01')).toBe('2024-03-20');
    expect(isoOf('jalali', '۱۴۰۳/۰۱/۰۱')).toBe('2024-03-20');
    expect(isoOf('jalali', '١٤٠٣/٠١/٠١')).toBe('2024-03-20');
    expect(isoOf('jalali', '۱۴۰۰/۱۰/۱۵')).toBe('2022-01-05');
    expect(isoOf('jalali', '1399/12/30')).toBe('2021-03-20');
    expect(isoOf('jalali', '1400/12/30')).toBe('NaN');
    expect(isoOf('jalali', '1403/12/31')).toBe('NaN');
    expect(isoOf('jalali', '1403-1-1')).toBe('2024-03-20');
    expect(isoOf('jalali', '۱۴۰۳/۱۰/۰۹ ۱۴:۳۰')).toBe('2024-12-29');
    expect(isoOf('jalali', '1403/13/01')).toBe('NaN');
  });

  it('reads Excel serials', () => {
    const excel = dateParser('excel');
    expect(isoOf('excel', '45292')).toBe('2024-01-01');
    expect(isoOf('excel', '45292.5')).toBe('2024-01-01');
    expect(isoOf('excel', '45292,5')).toBe('2024-01-01');
    expect(isoOf('excel', '61')).toBe('1900-03-01');
    expect(excel('60')).toBeNaN();
    expect(excel('0')).toBeNaN();
    expect(excel('-5')).toBeNaN();
    expect(excel('2024-01-01')).toBeNaN();
  });
});

describe('detectDateFormat', () => {
  it('takes ISO and year-first dates as ymd', () => {
    expect(detectDateFormat(['2022-01-06', '2022-01-09', '2023-02-30', '2024-12-28'])).toEqual({ format: 'ymd', share: 0.75, ambiguous: false });
    expect(detectDateFormat(['2022/01/03', '2024/12/30', '2025/01/01'])).toMatchObject({ format: 'ymd', share: 1 });
  });

  it('takes dotted day-first dates as dmy', () => {
    expect(detectDateFormat(['03.01.2022', '31.12.2024', '01.01.2025'])).toEqual({ format: 'dmy', share: 1, ambiguous: false });
    expect(detectDateFormat(['26.04.2021', '21.01.2021', '03.11.2021'])).toMatchObject({ format: 'dmy', share: 1 });
  });

  it('decides day-first or month-first from the data', () => {
    expect(detectDateFormat(['03/01/2022', '04/01/2022', '30/12/2024'])).toEqual({ format: 'dmy', share: 1, ambiguous: false });
    expect(detectDateFormat(['01/03/2022', '12/31/2024', '1/2/2024 3:04 PM'])).toEqual({ format: 'mdy', share: 1, ambiguous: false });
    // Nothing decides: day-first, flagged as ambiguous.
    expect(detectDateFormat(['01/02/2024', '03/04/2024'])).toEqual({ format: 'dmy', share: 1, ambiguous: true });
    expect(detectDateFormat(['01.02.2024', '03.04.2024'])).toEqual({ format: 'dmy', share: 1, ambiguous: true });
  });

  it('takes numbers in the Excel range as serials only when nothing else fits', () => {
    expect(detectDateFormat(['45292', '45300', '45310.5'])).toEqual({ format: 'excel', share: 1, ambiguous: false });
    expect(detectDateFormat(['1', '2', '3'])).toBeNull();
    expect(detectDateFormat(['20240131', '20240201'])).toMatchObject({ format: 'ymd', share: 1 });
  });

  it('takes year-first dates in 1300–1499 as Solar Hijri', () => {
    expect(detectDateFormat(['۱۴۰۰/۱۰/۱۵', '۱۴۰۰/۱۰/۱۷', '۱۴۰۳/۱۰/۱۲'])).toEqual({ format: 'jalali', share: 1, ambiguous: false });
    expect(detectDateFormat(['1403/01/01', '1402/12/29'])).toMatchObject({ format: 'jalali', share: 1 });
  });

  it('takes English month names as day-first', () => {
    expect(detectDateFormat(['31 Dec 2024', 'Jan 5, 2024'])).toMatchObject({ format: 'dmy', share: 1 });
  });

  it('gives up when fewer than half of the samples read', () => {
    expect(detectDateFormat(['hello', 'world', '2024-01-01'])).toBeNull();
    expect(detectDateFormat(['', ' '])).toBeNull();
    expect(detectDateFormat([])).toBeNull();
    expect(detectDateFormat(['2024-01-01', 'n/a'])).toMatchObject({ format: 'ymd', share: 0.5 });
  });
});
