/**
 * Whether a column's values fit the field a header word gave it: dates must read as dates, amounts
 * as numbers; an id is not money ("买家实际支付金额", the amount a buyer paid, names a buyer in its
 * words but holds money) and not yes/no (a "B2BOrder" flag is no order id). A column with too few
 * values to tell is given the benefit of the doubt.
 */
import type { FieldType } from '../../../shared/domain/import';
import { detectDateFormat } from './values/dates';
import { detectNumberFormat, numberParser } from './values/numbers';

const MIN_SAMPLES = 5;
const YES_NO = new Set(['yes', 'no', 'y', 'n', 'true', 'false', '0', '1', 'да', 'нет', 'не', 'si', 'sí', 'não', 'nao', 'oui', 'non', 'ja', 'nein', 'evet', 'hayır', 'da', 'nu', '是', '否', 'بله', 'خیر']);

/** Share of the values that read as numbers in their own format. */
function numericShare(samples: readonly string[]): number {
  const parse = numberParser(detectNumberFormat(samples).format);
  let numbers = 0;
  for (const sample of samples) if (!Number.isNaN(parse(sample))) numbers++;
  return numbers / samples.length;
}

/** Money: most values read as numbers and many are written with two decimals (ids are whole or codes). */
function looksLikeMoney(samples: readonly string[]): boolean {
  if (numericShare(samples) < 0.8) return false;
  const decimals = samples.filter((sample) => /\d[.,]\d{2}(?!\d)/.test(sample)).length;
  return decimals / samples.length >= 0.5;
}

function looksLikeYesNo(samples: readonly string[]): boolean {
  const distinct = new Set(samples.map((sample) => sample.trim().toLowerCase()));
  return distinct.size <= 3 && [...distinct].every((value) => YES_NO.has(value));
}

export function valuesFit(field: string, type: FieldType, samples: readonly string[]): boolean {
  if (samples.length < MIN_SAMPLES) return true;
  switch (type) {
    case 'date':
      return (detectDateFormat(samples)?.share ?? 0) >= 0.6;
    case 'money':
    case 'number':
    case 'rate':
      return numericShare(samples) >= 0.8;
    case 'id':
      if (looksLikeYesNo(samples)) return false;
      return field === 'productId' || !looksLikeMoney(samples);
    case 'text':
      // A name or region made of money is no name.
      return (field !== 'customerName' && field !== 'name' && field !== 'region') || !looksLikeMoney(samples);
  }
}
