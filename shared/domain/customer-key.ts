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
