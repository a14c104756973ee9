import { describe, expect, it } from 'vitest';
import { revealBidi } from '../../shared/domain/bidi';

describe('bidi controls in names', () => {
  it('shows every reordering control as a visible mark', () => {
    expect(revealBidi('P11\u202Egnp.exe')).toBe('P11⟦RLO⟧gnp.exe');
    expect(revealBidi('\u2067abc\u2069 \u202Ax\u202C')).toBe('⟦RLI⟧abc⟦PDI⟧ ⟦LRE⟧x⟦PDF⟧');
    // Twice in a row (the pattern is global: no state kept between calls).
    expect(revealBidi('a\u202Eb')).toBe('a⟦RLO⟧b');
    expect(revealBidi('a\u202Eb')).toBe('a⟦RLO⟧b');
  });

  it('leaves ordinary text and the direction marks Persian uses as they are', () => {
    for (const text of ['Müller & Söhne', 'کافه\u200cنادری', 'شرکت \u200Fالف\u200E (ABC)', '张三']) expect(revealBidi(text)).toBe(text);
  });
});
