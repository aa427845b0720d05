import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhoneAsTyped, parseE164 } from '../../src/core/phone';

const runs = { numRuns: 1000 };
const nationalDigits = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 14 }),
  )
  .map(([first, rest]) => `${first}${rest.join('')}`);
const separator = fc.constantFrom('', ' ', '-', '.', ' (', ') ', '\u00a0', '/');
const nativeDigits = ['0', '\uff10', '\u0660', '\u06f0', '\u0966'];

/** The digits written with random separators between them and in random scripts. */
const written = (digits: string) =>
  fc
    .tuple(
      fc.array(separator, { minLength: digits.length, maxLength: digits.length }),
      fc.array(fc.constantFrom(...nativeDigits), { minLength: digits.length, maxLength: digits.length }),
    )
    .map(([seps, zeros]) =>
      [...digits]
        .map(
          (d, i) => String.fromCodePoint(((zeros[i] as string).codePointAt(0) ?? 48) + Number(d)) + seps[i],
        )
        .join(''),
    );

describe('parseE164', () => {
  it.each([
    ['+1 555 555 0123', '+15555550123'],
    ['+44 (20) 7946-0958', '+442079460958'],
    ['0049 30 901820', '+4930901820'],
    ['＋８１ ３ １２３４ ５６７８', '+81312345678'],
    ['+٩٧١ ٥٠ ١٢٣ ٤٥٦٧', '+971501234567'],
  ])('reads %j as %s', (raw, e164) => {
    expect(parseE164(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'empty'],
    ['555 555 0123', 'missing_plus'],
    ['+0 555 555 0123', 'country_code'],
    ['+1 555', 'too_short'],
    ['+1 555 555 0123 45678', 'too_long'],
    ['+1 555 CALL NOW', 'characters'],
  ])('refuses %j: %s', (raw, problem) => {
    expect(parseE164(raw)).toEqual({ ok: false, problem });
  });

  it('reads any valid number however it is written (property)', () => {
    fc.assert(
      fc.property(
        nationalDigits.chain((digits) =>
          fc.tuple(fc.constant(digits), written(digits), fc.constantFrom('+', '＋', '00')),
        ),
        ([digits, text, prefix]) => {
          expect(parseE164(`${prefix}${text}`)).toEqual({ ok: true, e164: `+${digits}` });
        },
      ),
      runs,
    );
  });

  it('never throws, and anything it accepts is E.164 (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (raw) => {
        const parsed = parseE164(raw);
        if (parsed.ok) expect(parsed.e164).toMatch(/^\+[1-9]\d{7,14}$/);
      }),
      runs,
    );
  });

  it('formatting as typed never changes what the number means, and is idempotent (property)', () => {
    const typed = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 25 }),
      nationalDigits.chain((d) => written(d)).map((t) => `+${t}`),
    );
    fc.assert(
      fc.property(typed, (raw) => {
        const formatted = formatPhoneAsTyped(raw);
        expect(formatPhoneAsTyped(formatted)).toBe(formatted);
        const before = parseE164(raw);
        if (before.ok) expect(parseE164(formatted)).toEqual(before);
      }),
      runs,
    );
  });
});
