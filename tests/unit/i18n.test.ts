import { describe, expect, it } from 'vitest';
import { directionOf, en, formatMessage } from '../../src/i18n';
import { ar } from '../../src/i18n/ar';
import { de } from '../../src/i18n/de';
import { enAdmin } from '../../src/i18n/enAdmin';
import { enChallenge } from '../../src/i18n/enChallenge';
import { enCore } from '../../src/i18n/enCore';
import { enCodeInput, enMethodPicker } from '../../src/i18n/enLeaves';
import { enNewPassword } from '../../src/i18n/enNewPassword';
import { enRecovery } from '../../src/i18n/enRecovery';
import { enSettings } from '../../src/i18n/enSettings';
import { enStepUp } from '../../src/i18n/enStepUp';
import { enTotpSetup } from '../../src/i18n/enTotpSetup';
import { es } from '../../src/i18n/es';

// Each catalog is its own entry point (mfa-kit/locales/…); English is built in.
const locales = { en, es, de, ar };

/** Placeholder names, `{name}` and `{name, plural, …}` alike, each once. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();

describe('message catalog', () => {
  for (const [locale, catalog] of Object.entries(locales)) {
    it(`${locale} has every key, each translated text keeping the English placeholders`, () => {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalog)) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]));
      }
    });
  }

  it('English is split into families that share no key and together make the whole catalog', () => {
    const families = [
      enCore,
      enCodeInput,
      enMethodPicker,
      enChallenge,
      enTotpSetup,
      enRecovery,
      enNewPassword,
      enStepUp,
      enSettings,
      enAdmin,
    ];
    const keys = families.flatMap((family) => Object.keys(family));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Object.keys(en).sort());
  });

  it('translates rather than copying English', () => {
    for (const locale of ['es', 'de', 'ar'] as const) {
      expect(locales[locale]['codeInput.label']).not.toBe(en['codeInput.label']);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Enter the {length}-digit code.', { length: 6 })).toBe('Enter the 6-digit code.');
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it("chooses plural forms by the locale's rules", () => {
    const seconds = en['challenge.lockedUntil'];
    expect(formatMessage(seconds, { seconds: 1 })).toBe(
      'Too many wrong codes. You can try again in 1 second.',
    );
    expect(formatMessage(seconds, { seconds: 42 })).toBe(
      'Too many wrong codes. You can try again in 42 seconds.',
    );
    const arabic = locales.ar['challenge.lockedUntil'];
    expect(formatMessage(arabic, { seconds: 1 }, 'ar')).toContain('ثانية واحدة');
    expect(formatMessage(arabic, { seconds: 2 }, 'ar')).toContain('ثانيتين');
    expect(formatMessage(arabic, { seconds: 5 }, 'ar')).toContain('5 ثوانٍ');
    expect(formatMessage(arabic, { seconds: 30 }, 'ar')).toContain('30 ثانية');
    expect(formatMessage(locales.de['challenge.attemptsLeft'], { count: 1 }, 'de')).toContain(
      'noch 1 Versuch,',
    );
    expect(formatMessage('{n, plural, =0 {none} one {# item} other {# items}}', { n: 0 })).toBe('none');
  });

  it('reads locale tags with underscores', () => {
    expect(formatMessage(en['challenge.lockedUntil'], { seconds: 1 }, 'en_US')).toMatch(/in 1 second\./);
    expect(formatMessage(locales.ar['challenge.lockedUntil'], { seconds: 2 }, 'ar_EG')).toContain('ثانيتين');
  });

  it('leaves a plural visible when its value is missing or not a number', () => {
    const template = 'in {seconds, plural, one {# second} other {# seconds}}';
    expect(formatMessage(template, {})).toBe(template);
    expect(formatMessage(template, { seconds: 'soon' })).toBe(template);
  });

  it('every plural in every catalog has an "other" form and parses', () => {
    for (const catalog of Object.values(locales)) {
      for (const [key, text] of Object.entries(catalog)) {
        if (!/,\s*plural,/.test(text)) continue;
        expect(text, key).toMatch(/other \{/);
        expect(formatMessage(text, { count: 3, seconds: 3, remaining: 3 }), key).not.toMatch(/plural/);
      }
    }
  });

  it('picks directions by language', () => {
    expect(directionOf('ar-EG')).toBe('rtl');
    expect(directionOf('de')).toBe('ltr');
  });
});

describe('German speaks to the user one way', () => {
  it('uses "du" throughout, never the formal "Sie"/"Ihr"', () => {
    const formal = Object.entries(de).filter(([, text]) =>
      /\b(Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihnen)\b/.test(text),
    );
    expect(formal).toEqual([]);
  });
});
