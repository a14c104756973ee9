/**
 * Non-ASCII digits as they appear in real exports: Persian (U+06F0–06F9), Arabic-Indic
 * (U+0660–0669) and full-width (U+FF10–FF19, Chinese and Japanese input methods).
 * Pure and allocation-free on ASCII text: these run on every cell of large files.
 */

/** The value (0–9) of a digit character code in any supported script, or -1. */
export function digitValue(code: number): number {
  const ascii = code - 48;
  if (ascii >= 0 && ascii <= 9) return ascii;
  if (code < 0x660) return -1;
  if (code <= 0x669) return code - 0x660;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** Arabic decimal separator ٫ (U+066B). */
export const ARABIC_DECIMAL = 0x66b;
/** Arabic thousands separator ٬ (U+066C). */
export const ARABIC_THOUSANDS = 0x66c;
/** Arabic percent sign ٪ (U+066A). */
export const ARABIC_PERCENT = 0x66a;

function asciiOf(code: number): number {
  const d = digitValue(code);
  if (d >= 0) return 48 + d;
  if (code === ARABIC_DECIMAL) return 46; // '.'
  if (code === ARABIC_THOUSANDS) return 44; // ','
  if (code === ARABIC_PERCENT) return 37; // '%'
  return -1;
}

/**
 * Persian, Arabic-Indic and full-width digits to ASCII, ٫ to ".", ٬ to "," and ٪ to "%".
 * Returns the same string (no allocation) when there is nothing to convert.
 */
export function normalizeDigits(s: string): string {
  const n = s.length;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x660 && asciiOf(c) >= 0) {
      first = i;
      break;
    }
  }
  if (first < 0) return s;
  let out = s.slice(0, first);
  for (let i = first; i < n; i++) {
    const c = s.charCodeAt(i);
    const mapped = c >= 0x660 ? asciiOf(c) : -1;
    out += mapped >= 0 ? String.fromCharCode(mapped) : s[i];
  }
  return out;
}

/** True when the text contains a Persian or Arabic-Indic digit (۰-۹, ٠-٩). */
export function hasEasternArabicDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9)) return true;
  }
  return false;
}
