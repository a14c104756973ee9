import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../shared/charts/wrap-label';

describe('axis labels on several lines', () => {
  it('breaks between words only, a long word whole on its own line', () => {
    expect(wrapLabel('Сценарий', 5)).toBe('Сценарий');
    expect(wrapLabel('Базовый сценарий', 10)).toBe('Базовый\nсценарий');
    expect(wrapLabel('Retention change for everyone', 14)).toBe('Retention\nchange for\neveryone');
    expect(wrapLabel('Drop  the   group', 40)).toBe('Drop the group');
  });

  it('breaks Chinese, which has no spaces, every few characters', () => {
    expect(wrapLabel('留存率变化提高', 3)).toBe('留存率\n变化提\n高');
    expect(wrapLabel('基线 方案', 6)).toBe('基线 方案');
  });

  it('keeps an empty label empty', () => {
    expect(wrapLabel('', 10)).toBe('');
    expect(wrapLabel('   ', 10)).toBe('');
  });
});
