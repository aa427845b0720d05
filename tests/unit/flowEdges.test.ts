import { describe, expect, it } from 'vitest';
import { isCompleteCode } from '../../src/core/codes';
import { MfaError } from '../../src/core/errors';
import { initialSignInState, type SignInState, signInReducer } from '../../src/core/flows/signIn';
import { closedStepUp, type StepUpState, stepUpReducer } from '../../src/core/flows/stepUp';
import { totpSetupReducer } from '../../src/core/flows/totpSetup';
import { isStepUpFresh, requiresStepUp } from '../../src/core/policy';

/** Issue 21: the transitions and edges the flow tests left unstated. */
const challenge = { method: 'TOTP' as const, requiresPassword: false };
const smsChallenge = { method: 'SMS' as const, requiresPassword: false };

describe('stepUpReducer: every event outside its state is ignored', () => {
  const starting: StepUpState = { status: 'starting', reason: 'pay' };
  const awaiting: StepUpState = { status: 'awaiting-code', reason: 'pay', challenge, failedAttempts: 1 };
  const verifying: StepUpState = { status: 'verifying', reason: 'pay', challenge, failedAttempts: 1 };

  it('OPENED starts only from closed', () => {
    expect(stepUpReducer(closedStepUp, { type: 'OPENED', reason: 'pay' })).toEqual(starting);
    expect(stepUpReducer(awaiting, { type: 'OPENED', reason: 'other' })).toBe(awaiting);
  });

  it('CHALLENGE_READY and START_FAILED apply only while starting', () => {
    expect(stepUpReducer(verifying, { type: 'CHALLENGE_READY', challenge: smsChallenge })).toBe(verifying);
    const error = new MfaError('NETWORK');
    expect(stepUpReducer(starting, { type: 'START_FAILED', error })).toEqual({
      status: 'unavailable',
      reason: 'pay',
      error,
    });
    expect(stepUpReducer(awaiting, { type: 'START_FAILED', error })).toBe(awaiting);
  });

  it('VERIFY_FAILED applies only while verifying', () => {
    expect(stepUpReducer(awaiting, { type: 'VERIFY_FAILED', error: new MfaError('CODE_MISMATCH') })).toBe(
      awaiting,
    );
  });

  it('CHALLENGE_CHANGED asks for the new code with the count reset, only while verifying', () => {
    expect(stepUpReducer(verifying, { type: 'CHALLENGE_CHANGED', challenge: smsChallenge })).toEqual({
      status: 'awaiting-code',
      reason: 'pay',
      challenge: smsChallenge,
      failedAttempts: 0,
    });
    expect(stepUpReducer(awaiting, { type: 'CHALLENGE_CHANGED', challenge: smsChallenge })).toBe(awaiting);
    expect(stepUpReducer(starting, { type: 'CHALLENGE_CHANGED', challenge: smsChallenge })).toBe(starting);
  });
});

describe('totpSetupReducer edges', () => {
  it('ignores a late SECRET_FAILED, and drops the secret after SIGNED_OUT', () => {
    const scan = { status: 'scan' as const, secret: 'ABC' };
    expect(totpSetupReducer(scan, { type: 'SECRET_FAILED', error: new MfaError('NETWORK') })).toBe(scan);
    const error = new MfaError('SIGNED_OUT');
    expect(
      totpSetupReducer(
        { status: 'verifying', secret: 'ABC', code: '123456' },
        { type: 'VERIFY_FAILED', error },
      ),
    ).toEqual({ status: 'failed', error });
  });
});

describe('signInReducer at the password step', () => {
  it('an expired session there changes only status and error', () => {
    const atPassword: SignInState = {
      ...initialSignInState('alice'),
      status: 'submitting',
      failedAttempts: 2,
    };
    const error = new MfaError('SESSION_EXPIRED');
    expect(signInReducer(atPassword, { type: 'FAILED', error })).toEqual({
      ...atPassword,
      status: 'idle',
      error,
    });
  });
});

describe('policy and code edges', () => {
  it('fails closed for scores that are not finite numbers, and for a NaN threshold', () => {
    expect(requiresStepUp(Number.NaN)).toBe(true);
    expect(requiresStepUp(Number.POSITIVE_INFINITY)).toBe(true);
    expect(requiresStepUp(Number.NEGATIVE_INFINITY)).toBe(true);
    expect(requiresStepUp(undefined as unknown as number)).toBe(true);
    expect(requiresStepUp(10, Number.NaN)).toBe(true);
    expect(requiresStepUp(10)).toBe(false);
  });

  it('counts a verification from this very moment as fresh, and one from the future as not', () => {
    expect(isStepUpFresh(1000, 1000)).toBe(true);
    expect(isStepUpFresh(1001, 1000)).toBe(false);
    expect(isStepUpFresh(undefined, 1000)).toBe(false);
  });

  it('calls a code complete only when every character is a digit', () => {
    expect(isCompleteCode('123456', 6)).toBe(true);
    expect(isCompleteCode('x23456', 6)).toBe(false);
    expect(isCompleteCode('12345x', 6)).toBe(false);
  });
});
