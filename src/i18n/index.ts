import type { Messages } from './en.js';

export type { CoreMessageKey, MessageKey, Messages } from './en.js';
export { en } from './en.js';
export { formatMessage, type MessageVars } from './format.js';

// English is the only catalog in the default bundle. The others are entry points of their own
// (`mfa-kit/locales/es`, `/de`, `/ar`) that a host passes to `<MfaProvider catalog={…}>`, so an
// app pays only for the languages it ships.

/** A complete catalog for another language, e.g. `import { es } from 'mfa-kit/locales/es'`. */
export type Catalog = Messages;

const rtlLanguages = new Set(['ar', 'fa', 'he', 'ur']);

export function directionOf(locale: string): 'ltr' | 'rtl' {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return rtlLanguages.has(language) ? 'rtl' : 'ltr';
}
