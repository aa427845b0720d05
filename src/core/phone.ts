import { normalizeCode } from './codes.js';

/**
 * Phone numbers for SMS MFA. Cognito stores `phone_number` in E.164: `+`, a country code that does
 * not start with 0, then the number, 15 digits at most (ITU-T E.164). People type spaces, dashes,
 * dots, brackets, `00` instead of `+`, full-width or Arabic-Indic digits: all of that is accepted and
 * normalised; letters are not.
 */
export type PhoneProblem =
  | 'empty'
  | 'characters'
  | 'missing_plus'
  | 'country_code'
  | 'too_short'
  | 'too_long';

export type ParsedPhone = { ok: true; e164: string } | { ok: false; problem: PhoneProblem };

/** Fewest digits after the `+` accepted: the shortest national numbers with their country code. */
export const MIN_PHONE_DIGITS = 8;
export const MAX_PHONE_DIGITS = 15;

const separators = /[\s\u00a0\u2000-\u200b\u202f\-‐‑‒–—.()/]/u;
const plusSigns = /^[+\uff0b]/u;

/** Keeps what the user typed readable while they type: native digits become ASCII, one leading `+`. */
export function formatPhoneAsTyped(raw: string): string {
  let out = '';
  for (const char of raw) {
    if (plusSigns.test(char)) {
      if (out.trim() === '') out = '+';
      continue;
    }
    const digit = normalizeCode(char);
    if (digit) out += digit;
    else if (separators.test(char)) {
      if (out !== '' && out !== '+' && !out.endsWith(' ')) out += ' ';
    } else out += char;
  }
  return out;
}

export function parseE164(raw: string): ParsedPhone {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  let plus = false;
  let digits = '';
  let index = 0;
  for (const char of text) {
    const first = index === 0;
    index += 1;
    if (first && plusSigns.test(char)) {
      plus = true;
      continue;
    }
    const digit = normalizeCode(char);
    if (digit) digits += digit;
    else if (!separators.test(char)) return { ok: false, problem: 'characters' };
  }
  // The international call prefix 00 means +.
  if (!plus && digits.startsWith('00')) {
    plus = true;
    digits = digits.slice(2);
  }
  if (!plus) return { ok: false, problem: 'missing_plus' };
  if (digits.startsWith('0')) return { ok: false, problem: 'country_code' };
  if (digits.length < MIN_PHONE_DIGITS) return { ok: false, problem: 'too_short' };
  if (digits.length > MAX_PHONE_DIGITS) return { ok: false, problem: 'too_long' };
  return { ok: true, e164: `+${digits}` };
}
