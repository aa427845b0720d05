import { ar } from './ar.js';
import { de } from './de.js';
import { en, type Messages } from './en.js';
import { es } from './es.js';

export type { MessageKey, Messages } from './en.js';
export { formatMessage, type MessageVars } from './format.js';
export { ar, de, en, es };

export const locales = { en, es, de, ar } satisfies Record<string, Messages>;
export type Locale = keyof typeof locales;

const rtlLanguages = new Set(['ar', 'fa', 'he', 'ur']);

export function directionOf(locale: string): 'ltr' | 'rtl' {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return rtlLanguages.has(language) ? 'rtl' : 'ltr';
}

/** The catalog a locale tag gets: its language ('es-MX', 'es_MX' → 'es'), else English. */
export function catalogLocale(locale: string): Locale {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return Object.hasOwn(locales, language) ? (language as Locale) : 'en';
}

/** The catalog for a locale tag: its language ('es-MX' → es), then English. */
export function messagesFor(locale: string): Messages {
  return locales[catalogLocale(locale)];
}
