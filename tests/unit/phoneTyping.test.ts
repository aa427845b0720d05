import { formatPhoneAsTyped, parseE164 } from 'mfa-kit/core';
import { describe, expect, it } from 'vitest';

/** Issue 21: what the phone field shows while typing, and where a plus sign may stand. */
describe('formatPhoneAsTyped', () => {
  it('keeps one leading plus, only before any digit', () => {
    expect(formatPhoneAsTyped('+49')).toBe('+49');
    expect(formatPhoneAsTyped('＋49')).toBe('+49');
    expect(formatPhoneAsTyped('++49')).toBe('+49');
    expect(formatPhoneAsTyped('49+1')).toBe('491');
    expect(formatPhoneAsTyped('')).toBe('');
  });

  it('turns native digits into ASCII and keeps anything else as typed', () => {
    expect(formatPhoneAsTyped('+٤٩ ١٢٣')).toBe('+49 123');
    expect(formatPhoneAsTyped('+１２３')).toBe('+123');
    expect(formatPhoneAsTyped('+49x1')).toBe('+49x1');
  });

  it('turns runs of separators into one space, never first or right after the plus', () => {
    expect(formatPhoneAsTyped('+1 (555) 555-0123')).toBe('+1 555 555 0123');
    expect(formatPhoneAsTyped('+44.20.7946')).toBe('+44 20 7946');
    expect(formatPhoneAsTyped(' - +49')).toBe('+49');
    expect(formatPhoneAsTyped('+ 49')).toBe('+49');
    expect(formatPhoneAsTyped('+49 - 30')).toBe('+49 30');
    expect(formatPhoneAsTyped('12 ')).toBe('12 ');
  });
});

describe('parseE164: the plus sign', () => {
  it('counts a plus only as the first character after trimming', () => {
    expect(parseE164('  +4930123456  ')).toEqual({ ok: true, e164: '+4930123456' });
    expect(parseE164('4+930123456')).toEqual({ ok: false, problem: 'characters' });
    expect(parseE164('++4930123456')).toEqual({ ok: false, problem: 'characters' });
  });
});
