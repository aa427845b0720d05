import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCompleteCode, normalizeCode } from '../../src/core/codes';

const runs = { numRuns: 1000 };

describe('normalizeCode', () => {
  it.each([
    ['123 456', '123456'],
    ['123-456', '123456'],
    ['１２３４５６', '123456'],
    ['١٢٣٤٥٦', '123456'],
    ['۱۲۳۴۵۶', '123456'],
    [' 12a3b4\t56 ', '123456'],
    ['code: 987654.', '987654'],
  ])('turns %j into %j', (raw, expected) => {
    expect(normalizeCode(raw)).toBe(expected);
  });

  it('stops at the requested length', () => {
    expect(normalizeCode('1234567890', 6)).toBe('123456');
  });

  it('never throws and returns only ASCII digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (raw) => {
        expect(normalizeCode(raw)).toMatch(/^[0-9]*$/);
      }),
      runs,
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.nat(12), { nil: undefined }), (raw, length) => {
        const once = normalizeCode(raw, length);
        expect(normalizeCode(once, length)).toBe(once);
      }),
      runs,
    );
  });

  it('never returns more digits than asked for', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(12), (raw, length) => {
        expect(normalizeCode(raw, length).length).toBeLessThanOrEqual(length);
      }),
      runs,
    );
  });

  it('keeps every ASCII digit in order, whatever separators surround them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'0123456789')),
        fc.constantFrom(' ', '-', '.', '\u00a0'),
        (digits, sep) => {
          expect(normalizeCode(digits.join(sep))).toBe(digits.join(''));
        },
      ),
      runs,
    );
  });
});

describe('isCompleteCode', () => {
  it('accepts exactly `length` ASCII digits', () => {
    expect(isCompleteCode('123456', 6)).toBe(true);
    expect(isCompleteCode('12345', 6)).toBe(false);
    expect(isCompleteCode('12345a', 6)).toBe(false);
  });
});
