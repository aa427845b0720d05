/**
 * The rules every code step shares (sign-in challenge, TOTP setup, step-up): decided here once,
 * so no component repeats them.
 */

/** Digits in every code mfa-kit asks for: TOTP (SHA1/6/30 is all Cognito accepts), SMS and email. */
export const CODE_LENGTH = 6;

/** Wrong codes Cognito accepts before its exponential lockout starts. */
export const FREE_CODE_ATTEMPTS = 5;
