/**
 * One-time-code normalisation: whatever a user types or pastes ("123 456", "123-456", full-width
 * "１２３４５６", Arabic-Indic "١٢٣٤٥٦") becomes ASCII digits; everything else is dropped.
 */

const zeroCodePoints = [
  0x0030, // ASCII
  0xff10, // full-width
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic (Persian, Urdu)
  0x0966, // Devanagari
];

function asciiDigit(char: string): string | undefined {
  const codePoint = char.codePointAt(0);
  // Stryker disable next-line ConditionalExpression: equivalent — iterating a string never yields an empty character.
  if (codePoint === undefined) return undefined;
  for (const zero of zeroCodePoints) {
    const value = codePoint - zero;
    if (value >= 0 && value <= 9) return String(value);
  }
  return undefined;
}

/** ASCII digits from `raw`, at most `maxLength` of them when given. Pure and idempotent. */
export function normalizeCode(raw: string, maxLength?: number): string {
  let digits = '';
  for (const char of raw) {
    const digit = asciiDigit(char);
    if (digit === undefined) continue;
    digits += digit;
    if (maxLength !== undefined && digits.length >= maxLength) break;
  }
  return digits;
}

export function isCompleteCode(code: string, length: number): boolean {
  return code.length === length && /^\d+$/.test(code);
}
