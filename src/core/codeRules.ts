import type { MfaError } from './errors.js';

/**
 * The rules every code step shares (sign-in challenge, TOTP setup, step-up, contact-factor
 * verification): decided here once, so no flow or component repeats them.
 */

/** Digits in every code mfa-kit asks for: TOTP (SHA1/6/30 is all Cognito accepts), SMS and email. */
export const CODE_LENGTH = 6;

/** Wrong codes Cognito accepts before its exponential lockout starts. */
export const FREE_CODE_ATTEMPTS = 5;

/** Cognito's longest lockout: 2^(n-5) seconds grows to about 15 minutes and stops there. */
const MAX_LOCKOUT_MS = 15 * 60_000;

/**
 * The typed code was wrong: the field is cleared for the next one and the attempt counts. A wrong
 * code while enrolling TOTP is EnableSoftwareTokenMFAException in Cognito (TOTP_SETUP_FAILED).
 */
export function isWrongCode(error: MfaError | undefined): boolean {
  return error?.code === 'CODE_MISMATCH' || error?.code === 'TOTP_SETUP_FAILED';
}

/** The session this step belonged to is gone: nothing can be retried, the flow starts again. */
export function endsSession(error: MfaError | undefined): boolean {
  return error?.code === 'SESSION_EXPIRED' || error?.code === 'SIGNED_OUT';
}

/** Attempts left before Cognito's lockout starts, or undefined when no code was wrong yet. */
export function attemptsLeft({ failedAttempts }: { failedAttempts: number }): number | undefined {
  return failedAttempts === 0 ? undefined : Math.max(FREE_CODE_ATTEMPTS - failedAttempts, 0);
}

/** Cognito locks for 2^(n-5) seconds after n wrong codes; it does not say until when, so we estimate. */
export function lockoutMs(failures: number): number {
  return Math.min(2 ** Math.max(failures - FREE_CODE_ATTEMPTS, 0) * 1000, MAX_LOCKOUT_MS);
}
