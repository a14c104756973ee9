import { describe, expect, it } from 'vitest';
import { normalizeCustomerKey } from '../../shared/domain/customer-key';
import { epochDayFromIso, epochDayFromParts, isoFromEpochDay } from '../../shared/domain/dates';
import { isSafeExternalUrl } from '../../electron/services/host/external-url';

describe('epoch days', () => {
  it('counts whole days from 1970-01-01', () => {
    expect(epochDayFromIso('1970-01-01')).toBe(0);
    expect(epochDayFromIso('1970-01-02')).toBe(1);
    // 1997 is 27 years after 1970 with 7 leap days (72, 76, 80, 84, 88, 92, 96): 27 × 365 + 7 = 9862.
    expect(epochDayFromIso('1997-01-01')).toBe(9862);
    expect(epochDayFromIso('1969-12-31')).toBe(-1);
  });

  it('round-trips and refuses impossible dates', () => {
    for (const iso of ['2024-02-29', '1999-12-31', '2025-06-30']) expect(isoFromEpochDay(epochDayFromIso(iso))).toBe(iso);
    expect(epochDayFromIso('2023-02-29')).toBeNaN();
    expect(epochDayFromParts(2024, 6, 31)).toBeNaN();
    expect(epochDayFromIso('31.12.2024')).toBeNaN();
  });
});

describe('customer identity', () => {
  it('does not split a customer because of case, spaces or leading zeros', () => {
    expect(normalizeCustomerKey('00042')).toBe('42');
    expect(normalizeCustomerKey(' 42 ')).toBe('42');
    expect(normalizeCustomerKey('AB 12')).toBe(normalizeCustomerKey('ab12'));
    expect(normalizeCustomerKey('Ｃ-001')).toBe('c-001');
  });

  it('keeps codes that only start with a zero, and zero itself', () => {
    expect(normalizeCustomerKey('0A12')).toBe('0a12');
    expect(normalizeCustomerKey('000')).toBe('0');
    expect(normalizeCustomerKey('   ')).toBe('');
  });

  it('follows the rules it is given', () => {
    expect(normalizeCustomerKey('00Ab 1', { ignoreCase: false, ignoreSpaces: false, ignoreLeadingZeros: false })).toBe('00Ab 1');
  });
});

describe('external links', () => {
  it.each([
    ['https://valueladder.app/help', true],
    ['mailto:support@valueladder.app', true],
    ['http://example.com', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://user:pass@example.com', false],
    ['smb://server/share', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isSafeExternalUrl(url)).toBe(allowed);
  });
});
