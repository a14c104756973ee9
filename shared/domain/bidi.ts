/**
 * Bidirectional-text controls that reorder what follows them — embeddings, overrides, isolates — in
 * a customer's name or id can disguise it: "P11\u202Egnp.exe" reads as "P11exe.png". Where names are
 * shown to a person (grid, drill-down, report) each such control is written as a visible mark; the
 * data itself keeps them. The marks that only set a direction (LRM, RLM, ALM) are left alone: Persian
 * and Arabic text uses them legitimately and they reorder nothing.
 */
const CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');
const NAMES: Record<string, string> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

/** The text with every reordering control shown as "⟦RLO⟧" (and so on). */
export function revealBidi(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, (control) => `⟦${NAMES[control] ?? 'BIDI'}⟧`) : text;
}
