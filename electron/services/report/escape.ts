/**
 * Text of a workspace or of the person (client name, customer names, products, the author) put into
 * the report's HTML: escaped for the context it lands in, so that no value can add markup.
 */

/** HTML text and attribute values (quoted). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

/**
 * A CSS string literal inside a <style> element: quotes and backslashes escaped, and every character
 * that could end the element or the string (<, >, &, control characters, line separators) written
 * as a hex escape — a "</style>" in a client's name stays text. Line breaks become spaces.
 */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/[\r\n]+/g, ' ').replace(/[\\"'<>&\u0000-\u001f\u007f\u2028\u2029]/g, (char) => `\\${(char.codePointAt(0) ?? 0).toString(16)} `);
  return `"${escaped}"`;
}
