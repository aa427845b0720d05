import { describe, expect, it } from 'vitest';
import { isRetryable, MfaError, toMfaError } from '../../src/core/errors';
import { en } from '../../src/i18n';
import { errorMessageKeys } from '../../src/i18n/errorMessages';

const named = (name: string, message = 'raw SDK text') => Object.assign(new Error(message), { name });

describe('toMfaError', () => {
  it.each([
    ['CodeMismatchException', 'CODE_MISMATCH'],
    ['ExpiredCodeException', 'CODE_EXPIRED'],
    ['SignInException', 'SESSION_EXPIRED'],
    ['EnableSoftwareTokenMFAException', 'TOTP_SETUP_FAILED'],
    ['TooManyFailedAttemptsException', 'LOCKED_OUT'],
    ['TooManyRequestsException', 'TOO_MANY_REQUESTS'],
    ['LimitExceededException', 'TOO_MANY_REQUESTS'],
    ['UserAlreadyAuthenticatedException', 'ALREADY_SIGNED_IN'],
    ['UserUnAuthenticatedException', 'SIGNED_OUT'],
    ['UserNotFoundException', 'NOT_AUTHORIZED'],
    ['InvalidPasswordException', 'NOT_AUTHORIZED'],
    ['PasswordResetRequiredException', 'PASSWORD_RESET_REQUIRED'],
    ['UserNotConfirmedException', 'USER_NOT_CONFIRMED'],
    ['InvalidParameterException', 'INVALID_PARAMETER'],
    ['EmptyChallengeResponse', 'INVALID_PARAMETER'],
    ['MfaNotEnrolledException', 'MFA_NOT_ENROLLED'],
    ['NetworkError', 'NETWORK'],
    ['AbortError', 'NETWORK'],
    ['SomethingNewException', 'UNKNOWN'],
  ])('maps %s to %s', (name, code) => {
    expect(toMfaError(named(name)).code).toBe(code);
  });

  it.each([
    ['Incorrect username or password.', 'NOT_AUTHORIZED'],
    ['Invalid session for the user, session is expired.', 'SESSION_EXPIRED'],
    ['Password attempts exceeded', 'LOCKED_OUT'],
  ])('reads NotAuthorizedException "%s" as %s', (message, code) => {
    expect(toMfaError(named('NotAuthorizedException', message)).code).toBe(code);
  });

  it('treats a failed fetch as a network error', () => {
    expect(toMfaError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
    expect(toMfaError(new TypeError('x is not a function')).code).toBe('UNKNOWN');
  });

  it('handles values that are not errors', () => {
    expect(toMfaError('boom').code).toBe('UNKNOWN');
    expect(toMfaError(null).code).toBe('UNKNOWN');
    expect(toMfaError({ name: 42 }).code).toBe('UNKNOWN');
  });

  it('keeps the SDK error as cause and never puts its text in the message', () => {
    const sdkError = named('CodeMismatchException', 'Invalid code received for user');
    const error = toMfaError(sdkError);
    expect(error).toBeInstanceOf(MfaError);
    expect(error.cause).toBe(sdkError);
    expect(error.message).not.toContain('Invalid code');
    expect(toMfaError(error)).toBe(error);
  });

  it('has a catalog message for every code', () => {
    for (const key of Object.values(errorMessageKeys)) expect(en[key]).toBeTruthy();
  });

  it('marks only transient failures as retryable', () => {
    expect(isRetryable(new MfaError('NETWORK'))).toBe(true);
    expect(isRetryable(new MfaError('CODE_MISMATCH'))).toBe(false);
  });
});
