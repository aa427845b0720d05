import type { RecoveryRedeemFailure } from '../ports.js';

/**
 * Recovery-code format. A code is 10 symbols from a 32-symbol alphabet without look-alikes
 * (no 0/O, 1/I), so 50 bits of entropy, shown as `XXXXX-XXXXX`. Typing is forgiving: any case,
 * spaces, dashes or a missing dash. Generation takes its random bytes from the caller's CSPRNG.
 */

export const RECOVERY_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const RECOVERY_CODE_LENGTH = 10;
export const RECOVERY_CODE_COUNT = 10;
const GROUP = 5;

/** Fills `length` random bytes; pass `crypto.getRandomValues`-backed randomness, never Math.random. */
export type RandomBytes = (length: number) => Uint8Array;

/** One code in canonical form (no dash). 32 symbols divide 256, so `byte & 31` is unbiased. */
export function generateRecoveryCode(randomBytes: RandomBytes): string {
  const bytes = randomBytes(RECOVERY_CODE_LENGTH);
  if (bytes.length < RECOVERY_CODE_LENGTH) throw new Error('The random source returned too few bytes.');
  let code = '';
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i += 1) code += RECOVERY_CODE_ALPHABET[(bytes[i] ?? 0) & 31];
  return code;
}

/** `count` distinct codes in display form. */
export function generateRecoveryCodes(randomBytes: RandomBytes, count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode(randomBytes));
  return [...codes].map(formatRecoveryCode);
}

/** `ABCDE23456` → `ABCDE-23456`. Leaves anything that is not a canonical code as it is. */
export function formatRecoveryCode(canonical: string): string {
  if (canonical.length !== RECOVERY_CODE_LENGTH) return canonical;
  return `${canonical.slice(0, GROUP)}-${canonical.slice(GROUP)}`;
}

/**
 * What the user typed, in canonical form, or `undefined` when it cannot be a recovery code.
 * Case, whitespace and dashes (including Unicode dashes) are ignored.
 */
export function normalizeRecoveryCode(raw: string): string | undefined {
  // Stryker disable Regex: equivalent — with the g flag, removing runs or single characters leaves the same string.
  const compact = raw
    .normalize('NFKC')
    .replace(/[\s\p{Pd}]+/gu, '')
    .toUpperCase();
  // Stryker restore Regex
  if (compact.length !== RECOVERY_CODE_LENGTH) return undefined;
  for (const char of compact) if (!RECOVERY_CODE_ALPHABET.includes(char)) return undefined;
  return compact;
}

/** Why a recovery code was not accepted, as the forms show it. */
export interface RecoveryRefusal {
  reason: RecoveryRedeemFailure;
  retryAfterSeconds?: number;
}
