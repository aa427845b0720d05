import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRecoveryCode,
  generateRecoveryCode,
  generateRecoveryCodes,
  normalizeRecoveryCode,
  RECOVERY_CODE_ALPHABET,
} from '../../src/core/recovery';

const cryptoBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const canonicalCode = fc
  .array(fc.constantFrom(...RECOVERY_CODE_ALPHABET), { minLength: 10, maxLength: 10 })
  .map((chars) => chars.join(''));

describe('recovery code format', () => {
  it('uses 32 symbols with no look-alikes, so 10 symbols carry 50 bits', () => {
    expect(new Set(RECOVERY_CODE_ALPHABET).size).toBe(32);
    for (const lookAlike of ['0', 'O', '1', 'I']) expect(RECOVERY_CODE_ALPHABET).not.toContain(lookAlike);
    expect(10 * Math.log2(RECOVERY_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(50);
  });

  it('generates 10 distinct codes shown as XXXXX-XXXXX', () => {
    const codes = generateRecoveryCodes(cryptoBytes);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
  });

  it('maps every byte value onto the alphabet evenly', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte += 1) {
      const code = generateRecoveryCode(() => new Uint8Array(10).fill(byte));
      counts.set(code[0] ?? '', (counts.get(code[0] ?? '') ?? 0) + 1);
    }
    expect([...counts.values()].every((count) => count === 8)).toBe(true);
    expect(counts.size).toBe(32);
  });

  it('refuses a random source that returns too few bytes', () => {
    expect(() => generateRecoveryCode(() => new Uint8Array(3))).toThrow(/too few bytes/);
  });

  it('accepts any case, spaces and a missing or Unicode dash', () => {
    expect(normalizeRecoveryCode('abcde-23456')).toBe('ABCDE23456');
    expect(normalizeRecoveryCode(' ab cde 234 56 ')).toBe('ABCDE23456');
    expect(normalizeRecoveryCode('ABCDE–23456')).toBe('ABCDE23456');
    expect(normalizeRecoveryCode('ＡＢＣＤＥ２３４５６')).toBe('ABCDE23456');
  });

  it('rejects codes of the wrong length or with symbols outside the alphabet', () => {
    expect(normalizeRecoveryCode('ABCDE-2345')).toBeUndefined();
    expect(normalizeRecoveryCode('ABCDE-234567')).toBeUndefined();
    expect(normalizeRecoveryCode('ABCD0-23456')).toBeUndefined();
    expect(normalizeRecoveryCode('ABCDI-23456')).toBeUndefined();
    expect(normalizeRecoveryCode('')).toBeUndefined();
  });
});

describe('recovery code normalisation (properties)', () => {
  it('round-trips: normalize(format(code)) is the code', () => {
    fc.assert(fc.property(canonicalCode, (code) => normalizeRecoveryCode(formatRecoveryCode(code)) === code));
  });

  it('ignores case, whitespace and dashes wherever they are', () => {
    const noise = fc.array(fc.constantFrom(' ', '-', '\t', '\u2013', '\u00a0'), { maxLength: 3 });
    fc.assert(
      fc.property(
        canonicalCode,
        fc.array(noise, { minLength: 11, maxLength: 11 }),
        fc.boolean(),
        (code, gaps, lower) => {
          const typed =
            [...code].map((char, i) => (gaps[i] ?? []).join('') + char).join('') + (gaps[10] ?? []).join('');
          return normalizeRecoveryCode(lower ? typed.toLowerCase() : typed) === code;
        },
      ),
    );
  });

  it('is idempotent and never returns anything outside the alphabet', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (raw) => {
        const once = normalizeRecoveryCode(raw);
        if (once === undefined) return true;
        return (
          normalizeRecoveryCode(once) === once &&
          once.length === 10 &&
          [...once].every((char) => RECOVERY_CODE_ALPHABET.includes(char))
        );
      }),
    );
  });
});
