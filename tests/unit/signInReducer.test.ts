import { describe, expect, it } from 'vitest';
import { attemptsLeft, FREE_CODE_ATTEMPTS } from '../../src/core/codeRules';
import { MfaError } from '../../src/core/errors';
import {
  initialSignInState,
  type SignInState,
  signInError,
  signInReducer,
  stepFromOutput,
} from '../../src/core/flows/signIn';
import type { SignInStep } from '../../src/ports';

/** Issue 21: every transition of the sign-in reducer, and the step each Amplify step maps to. */
const out = (nextStep: SignInStep) => ({ isSignedIn: nextStep.signInStep === 'DONE', nextStep });
const delivery = { deliveryMedium: 'SMS' as const, destination: '+*******1234' };
const totpStep = { name: 'code', method: 'TOTP' } as const;
const onTotp: SignInState = { ...initialSignInState('alice'), step: totpStep };

describe('stepFromOutput', () => {
  it.each([
    [{ signInStep: 'DONE' }, { name: 'done' }],
    [{ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' }, { name: 'code', method: 'TOTP' }],
    [
      { signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE', codeDeliveryDetails: delivery },
      { name: 'code', method: 'SMS', codeDeliveryDetails: delivery },
    ],
    [
      { signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: delivery },
      { name: 'code', method: 'EMAIL', codeDeliveryDetails: delivery },
    ],
    [
      { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: ['SMS', 'TOTP'] },
      { name: 'select-method', methods: ['SMS', 'TOTP'] },
    ],
    [{ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION' }, { name: 'select-method', methods: [] }],
    [
      { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION', allowedMFATypes: ['SMS', 'TOTP', 'EMAIL'] },
      { name: 'select-setup-method', methods: ['TOTP', 'EMAIL'] },
    ],
    [
      { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION' },
      { name: 'select-setup-method', methods: [] },
    ],
    [
      {
        signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP',
        totpSetupDetails: { sharedSecret: 'ABC' },
      },
      { name: 'totp-setup', totpSetupDetails: expect.objectContaining({ sharedSecret: 'ABC' }) },
    ],
    [{ signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP' }, { name: 'email-setup' }],
    [
      { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: ['email'] },
      { name: 'new-password', missingAttributes: ['email'] },
    ],
    [
      { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED' },
      { name: 'new-password', missingAttributes: [] },
    ],
    [{ signInStep: 'RESET_PASSWORD' }, { name: 'host', nextStep: { signInStep: 'RESET_PASSWORD' } }],
  ] as [SignInStep, unknown][])('maps %o', (step, expected) => {
    expect(stepFromOutput(out(step))).toEqual(expected);
  });
});

describe('signInReducer', () => {
  it('starts at the credentials step with the given username', () => {
    expect(initialSignInState('bob')).toEqual({
      step: { name: 'credentials' },
      status: 'idle',
      username: 'bob',
      failedAttempts: 0,
      recovering: false,
    });
    expect(initialSignInState().username).toBe('');
  });

  it('SUBMITTED: submitting, clears error and refusal, takes a new username or keeps the old', () => {
    const failed: SignInState = {
      ...onTotp,
      error: new MfaError('CODE_MISMATCH'),
      recoveryRefusal: { reason: 'CODE_INVALID' },
    };
    expect(signInReducer(failed, { type: 'SUBMITTED' })).toEqual({
      ...onTotp,
      status: 'submitting',
      error: undefined,
      recoveryRefusal: undefined,
      username: 'alice',
    });
    expect(signInReducer(failed, { type: 'SUBMITTED', username: 'carol' }).username).toBe('carol');
  });

  it('SUBMITTED while submitting changes nothing (a double click sends once)', () => {
    const busy: SignInState = { ...onTotp, status: 'submitting', error: new MfaError('NETWORK') };
    expect(signInReducer(busy, { type: 'SUBMITTED', username: 'x' })).toBe(busy);
  });

  it('STEP_RECEIVED: the new step, idle, no error; wrong-code count kept only on the same challenge', () => {
    const counted: SignInState = {
      ...onTotp,
      status: 'submitting',
      failedAttempts: 2,
      error: new MfaError('NETWORK'),
    };
    const same = signInReducer(counted, {
      type: 'STEP_RECEIVED',
      output: out({ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' }),
    });
    expect(same).toEqual({ ...counted, status: 'idle', step: totpStep, error: undefined, failedAttempts: 2 });
    const other = signInReducer(counted, { type: 'STEP_RECEIVED', output: out({ signInStep: 'DONE' }) });
    expect(other).toMatchObject({ step: { name: 'done' }, failedAttempts: 0, status: 'idle' });
  });

  it('FAILED: a wrong code or a failed TOTP setup counts; other errors do not', () => {
    const busy: SignInState = { ...onTotp, status: 'submitting', failedAttempts: 1 };
    const mismatch = new MfaError('CODE_MISMATCH');
    expect(signInReducer(busy, { type: 'FAILED', error: mismatch })).toEqual({
      ...busy,
      status: 'idle',
      error: mismatch,
      failedAttempts: 2,
    });
    expect(
      signInReducer(busy, { type: 'FAILED', error: new MfaError('TOTP_SETUP_FAILED') }).failedAttempts,
    ).toBe(2);
    const network = signInReducer(busy, { type: 'FAILED', error: new MfaError('NETWORK') });
    expect(network).toMatchObject({ status: 'idle', failedAttempts: 1, step: totpStep });
    expect(network.error?.code).toBe('NETWORK');
  });

  it('FAILED with an expired session goes back to the password with the username and the error', () => {
    const expired = new MfaError('SESSION_EXPIRED');
    const busy: SignInState = { ...onTotp, status: 'submitting', failedAttempts: 3, recovering: true };
    expect(signInReducer(busy, { type: 'FAILED', error: expired })).toEqual({
      ...initialSignInState('alice'),
      error: expired,
    });
    // At the password step itself there is nothing to go back to.
    const atPassword: SignInState = { ...initialSignInState('alice'), status: 'submitting' };
    expect(signInReducer(atPassword, { type: 'FAILED', error: expired })).toEqual({
      ...atPassword,
      status: 'idle',
      error: expired,
    });
  });

  it('RESTARTED: back to the start, username kept', () => {
    const deep: SignInState = {
      ...onTotp,
      failedAttempts: 4,
      recovering: true,
      error: new MfaError('NETWORK'),
    };
    expect(signInReducer(deep, { type: 'RESTARTED' })).toEqual(initialSignInState('alice'));
  });

  it('RECOVERY_REQUESTED remembers the challenge to return to, once', () => {
    const withError: SignInState = {
      ...onTotp,
      error: new MfaError('CODE_MISMATCH'),
      recoveryRefusal: { reason: 'CODE_USED' },
    };
    const recovery = signInReducer(withError, { type: 'RECOVERY_REQUESTED', needsPassword: true });
    expect(recovery).toEqual({
      ...onTotp,
      step: { name: 'recovery-code', needsPassword: true },
      resumeStep: totpStep,
      error: undefined,
      recoveryRefusal: undefined,
    });
    const again = signInReducer(recovery, { type: 'RECOVERY_REQUESTED', needsPassword: false });
    expect(again.step).toEqual({ name: 'recovery-code', needsPassword: false });
    expect(again.resumeStep).toEqual(totpStep);
  });

  it('RECOVERY_CANCELLED returns to the remembered challenge, or to the password', () => {
    const recovery: SignInState = {
      ...onTotp,
      step: { name: 'recovery-code', needsPassword: false },
      resumeStep: totpStep,
      status: 'submitting',
      error: new MfaError('NETWORK'),
      recoveryRefusal: { reason: 'RATE_LIMITED', retryAfterSeconds: 30 },
    };
    expect(signInReducer(recovery, { type: 'RECOVERY_CANCELLED' })).toEqual({
      ...onTotp,
      step: totpStep,
      resumeStep: undefined,
      status: 'idle',
      error: undefined,
      recoveryRefusal: undefined,
    });
    const orphan: SignInState = { ...recovery, resumeStep: undefined };
    expect(signInReducer(orphan, { type: 'RECOVERY_CANCELLED' }).step).toEqual({ name: 'credentials' });
  });

  it('RECOVERY_REFUSED: idle with the refusal; RECOVERY_REDEEMED: recovering, counters reset', () => {
    const busy: SignInState = { ...onTotp, status: 'submitting', resumeStep: totpStep, failedAttempts: 3 };
    const refusal = { reason: 'RATE_LIMITED' as const, retryAfterSeconds: 60 };
    expect(signInReducer(busy, { type: 'RECOVERY_REFUSED', refusal })).toEqual({
      ...busy,
      status: 'idle',
      recoveryRefusal: refusal,
    });
    expect(signInReducer(busy, { type: 'RECOVERY_REDEEMED' })).toEqual({
      ...busy,
      recovering: true,
      resumeStep: undefined,
      failedAttempts: 0,
    });
  });

  it('FOLLOW_UP shows the named step, idle and without error', () => {
    const busy: SignInState = { ...onTotp, status: 'submitting', error: new MfaError('NETWORK') };
    expect(signInReducer(busy, { type: 'FOLLOW_UP', step: 'recovery-enrol' })).toEqual({
      ...busy,
      status: 'idle',
      step: { name: 'recovery-enrol' },
      error: undefined,
    });
  });
});

describe('signInError and attemptsLeft', () => {
  it('reads InvalidPasswordException as a refused new password only at the new-password step', () => {
    const cause = Object.assign(new Error('policy'), { name: 'InvalidPasswordException' });
    const error = new MfaError('NOT_AUTHORIZED', { cause });
    const mapped = signInError(error, 'new-password');
    expect(mapped.code).toBe('INVALID_PASSWORD');
    expect(mapped.cause).toBe(cause);
    expect(signInError(error, 'credentials')).toBe(error);
    const other = new MfaError('NOT_AUTHORIZED', {
      cause: Object.assign(new Error(), { name: 'NotAuthorizedException' }),
    });
    expect(signInError(other, 'new-password')).toBe(other);
    const noCause = new MfaError('NETWORK');
    expect(signInError(noCause, 'new-password')).toBe(noCause);
  });

  it('counts down from five once a code was wrong, never below zero', () => {
    expect(FREE_CODE_ATTEMPTS).toBe(5);
    expect(attemptsLeft(onTotp)).toBeUndefined();
    expect(attemptsLeft({ ...onTotp, failedAttempts: 1 })).toBe(4);
    expect(attemptsLeft({ ...onTotp, failedAttempts: 5 })).toBe(0);
    expect(attemptsLeft({ ...onTotp, failedAttempts: 7 })).toBe(0);
  });
});
