import { describe, expect, it } from 'vitest';
import {
  attemptsLeft,
  CODE_LENGTH,
  endsSession,
  FREE_CODE_ATTEMPTS,
  isWrongCode,
  lockoutMs,
} from '../../src/core/codeRules';
import { MfaError } from '../../src/core/errors';

describe('the rules every code step shares', () => {
  it('asks for six digits and allows five wrong codes before the lockout, as Cognito does', () => {
    expect(CODE_LENGTH).toBe(6);
    expect(FREE_CODE_ATTEMPTS).toBe(5);
  });

  it('counts a mismatched code and a failed TOTP enrolment as a wrong code, nothing else', () => {
    expect(isWrongCode(new MfaError('CODE_MISMATCH'))).toBe(true);
    expect(isWrongCode(new MfaError('TOTP_SETUP_FAILED'))).toBe(true);
    expect(isWrongCode(new MfaError('NETWORK'))).toBe(false);
    expect(isWrongCode(new MfaError('SESSION_EXPIRED'))).toBe(false);
    expect(isWrongCode(undefined)).toBe(false);
  });

  it('ends the flow on an expired session or a sign-out, not on a wrong code', () => {
    expect(endsSession(new MfaError('SESSION_EXPIRED'))).toBe(true);
    expect(endsSession(new MfaError('SIGNED_OUT'))).toBe(true);
    expect(endsSession(new MfaError('CODE_MISMATCH'))).toBe(false);
    expect(endsSession(undefined)).toBe(false);
  });

  it('says how many attempts are left only after a wrong code, never fewer than none', () => {
    expect(attemptsLeft({ failedAttempts: 0 })).toBeUndefined();
    expect(attemptsLeft({ failedAttempts: 1 })).toBe(4);
    expect(attemptsLeft({ failedAttempts: 5 })).toBe(0);
    expect(attemptsLeft({ failedAttempts: 8 })).toBe(0);
  });

  it('estimates Cognito lockout: one second at the fifth failure, doubling, at most 15 minutes', () => {
    expect(lockoutMs(0)).toBe(1000);
    expect(lockoutMs(5)).toBe(1000);
    expect(lockoutMs(6)).toBe(2000);
    expect(lockoutMs(10)).toBe(32_000);
    expect(lockoutMs(14)).toBe(512_000);
    expect(lockoutMs(15)).toBe(15 * 60_000);
    expect(lockoutMs(40)).toBe(15 * 60_000);
  });
});
