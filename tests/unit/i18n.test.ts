import { describe, expect, it } from 'vitest';
import { de, directionOf, en, formatMessage, locales, messagesFor } from '../../src/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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

  it('translates rather than copying English', () => {
    for (const locale of ['es', 'de', 'ar'] as const) {
      expect(locales[locale]['codeInput.label']).not.toBe(en['codeInput.label']);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Enter the {length}-digit code.', { length: 6 })).toBe('Enter the 6-digit code.');
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('picks catalogs and directions by language', () => {
    expect(messagesFor('es-MX')).toBe(locales.es);
    expect(messagesFor('fr')).toBe(en);
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
