/** How customer ids are turned into identities, so that case, spaces or leading zeros do not split a customer. */
export interface CustomerKeyRules {
  ignoreCase: boolean;
  ignoreSpaces: boolean;
  ignoreLeadingZeros: boolean;
}

export const DEFAULT_CUSTOMER_KEY_RULES: CustomerKeyRules = {
  ignoreCase: true,
  ignoreSpaces: true,
  ignoreLeadingZeros: true,
};

/** The identity of a raw customer id under the rules; '' when nothing is left (a missing id). */
export function normalizeCustomerKey(raw: string, rules: CustomerKeyRules = DEFAULT_CUSTOMER_KEY_RULES): string {
  let key = raw.normalize('NFKC').trim();
  if (rules.ignoreSpaces) key = key.replace(/\s+/g, '');
  if (rules.ignoreCase) key = key.toLowerCase();
  // Only leading zeros of the digit run at the start: "007" → "7", "0A12" stays (a code, not a number).
  if (rules.ignoreLeadingZeros && /^0+\d/.test(key)) key = key.replace(/^0+(?=\d)/, '');
  return key;
}

/**
 * The one customer that stands for rows without a real customer: guests, walk-ins, "(blank)". Its
 * rows are kept (their revenue is real) but it is not a customer: the analysis leaves it out and
 * the import reports it. The key cannot come out of normalizeCustomerKey for a real id.
 */
export const UNKNOWN_CUSTOMER_KEY = '\u2205unknown';
export const UNKNOWN_CUSTOMER_LABEL = '(unknown customer)';

/** Ids that say "no customer" rather than name one (compared without case, spaces or punctuation around them). */
const PLACEHOLDER_IDS = new Set([
  '', '(blank)', 'blank', '(empty)', 'empty', 'unknown', '(unknown)', 'n/a', 'na', 'none', 'null', 'nil', '-', '--', '---', '0', '?', '#n/a',
  'guest', 'guests', 'walk-in', 'walkin', 'walk in', 'cash', 'cash customer', 'cash sale', 'anonymous', 'no name', 'noname', 'retail customer', 'pos customer',
  'гость', 'без имени', 'неизвестно', 'неизвестный', 'аноним', 'розничный покупатель', 'частное лицо', 'физическое лицо', 'наличные',
  'гост', 'анонимен', 'неизвестен', 'vizitator', 'anonim', 'necunoscut', 'client ocazional', 'persoană fizică',
  '匿名', '客人', '散客', '游客', '未知', '无', 'مهمان', 'ناشناس', 'نامشخص', 'مشتری متفرقه',
  'invitado', 'anónimo', 'consumidor final', 'convidado', 'anônimo', 'gast', 'barverkauf', 'invité', 'anonyme', 'ospite', 'anonimo', 'misafir', 'bilinmiyor',
]);

/** True for a customer id that names no customer ("(blank)", "guest", "0", an empty cell …). */
export function isPlaceholderId(raw: string): boolean {
  return PLACEHOLDER_IDS.has(raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' '));
}
