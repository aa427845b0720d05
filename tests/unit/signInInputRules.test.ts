import {
  COGNITO_DEFAULT_PASSWORD_POLICY,
  EXAMPLE_PASSWORD_POLICY,
  identifierProblem,
  normalizeIdentifier,
  type PasswordPolicy,
  passwordRules,
  unmetPasswordRules,
} from 'mfa-kit';
import { describe, expect, it } from 'vitest';
import {
  isMfaAdminError,
  isMfaAdminErrorCode,
  isValidJustification,
  JUSTIFICATION_MAX_LENGTH,
  JUSTIFICATION_MIN_LENGTH,
  MFA_ADMIN_ERROR_CODES,
  MfaAdminError,
} from '../../src/core/adminErrors';

/**
 * Issue 21: the input rules the browser checks before Cognito does — the sign-in identifier, the
 * password policy — and the admin console's justification rule, through the public names.
 */
describe('sign-in identifier', () => {
  it('trims every kind, and strips what people type inside phone numbers', () => {
    expect(normalizeIdentifier('username', '  alice ')).toBe('alice');
    expect(normalizeIdentifier('email', '\talice@example.com\n')).toBe('alice@example.com');
    expect(normalizeIdentifier('phone', ' +1 (555) 555-0123 ')).toBe('+15555550123');
    expect(normalizeIdentifier('phone', '+44.20.7946.0958')).toBe('+442079460958');
    expect(normalizeIdentifier('username', 'a (b) c-d.e')).toBe('a (b) c-d.e');
  });

  it('requires a value of every kind', () => {
    expect(identifierProblem('username', '')).toBe('required');
    expect(identifierProblem('email', '')).toBe('required');
    expect(identifierProblem('phone', '')).toBe('required');
    expect(identifierProblem('username', 'x')).toBeUndefined();
  });

  it('accepts an email address with a local part, a domain and a dot; nothing else', () => {
    for (const good of ['a@b.co', 'first.last+tag@sub.example.com']) {
      expect(identifierProblem('email', good), good).toBeUndefined();
    }
    for (const bad of [
      'alice',
      'alice@example',
      '@example.com',
      'alice@.',
      'al ice@example.com',
      'a@b@c.d',
      'x a@b.c',
      'a@b.c d',
    ]) {
      expect(identifierProblem('email', bad), bad).toBe('invalidEmail');
    }
    // A username may look like anything.
    expect(identifierProblem('username', 'not an email')).toBeUndefined();
  });

  it('accepts E.164 phone numbers only: a plus, no leading 0, 2 to 15 digits', () => {
    for (const good of ['+12', '+15555550123', `+1${'2'.repeat(14)}`]) {
      expect(identifierProblem('phone', good), good).toBeUndefined();
    }
    for (const bad of [
      '15555550123',
      '+05555550123',
      '+1',
      `+1${'2'.repeat(15)}`,
      '+1555x550123',
      'x+15555550123',
      '+15555550123x',
    ]) {
      expect(identifierProblem('phone', bad), bad).toBe('invalidPhone');
    }
    expect(identifierProblem('email', '+15555550123')).toBe('invalidEmail');
    expect(identifierProblem('username', '+0')).toBeUndefined();
  });
});

describe('password policy', () => {
  const all: PasswordPolicy = COGNITO_DEFAULT_PASSWORD_POLICY;

  it('names Cognito’s default policy and the 12-character example', () => {
    expect(COGNITO_DEFAULT_PASSWORD_POLICY).toEqual({
      minimumLength: 8,
      requireUppercase: true,
      requireLowercase: true,
      requireNumbers: true,
      requireSymbols: true,
    });
    expect(EXAMPLE_PASSWORD_POLICY).toEqual({ ...COGNITO_DEFAULT_PASSWORD_POLICY, minimumLength: 12 });
  });

  it('lists the unmet rules in the policy’s order', () => {
    expect(unmetPasswordRules(all, '')).toEqual([
      'minimumLength',
      'requireUppercase',
      'requireLowercase',
      'requireNumbers',
      'requireSymbols',
    ]);
    expect(unmetPasswordRules(all, 'Abcdef1!')).toEqual([]);
    expect(unmetPasswordRules(all, 'abcdef1!')).toEqual(['requireUppercase']);
    expect(unmetPasswordRules(all, 'ABCDEF1!')).toEqual(['requireLowercase']);
    expect(unmetPasswordRules(all, 'Abcdefg!')).toEqual(['requireNumbers']);
    expect(unmetPasswordRules(all, 'Abcdefg1')).toEqual(['requireSymbols']);
    expect(unmetPasswordRules(all, 'Abcde1!')).toEqual(['minimumLength']);
  });

  it('counts characters, not UTF-16 units', () => {
    const policy = { ...all, requireSymbols: false, requireNumbers: false, requireUppercase: false };
    expect(unmetPasswordRules({ ...policy, minimumLength: 4 }, 'a😀😀')).toEqual(['minimumLength']);
    expect(unmetPasswordRules({ ...policy, minimumLength: 3 }, 'a😀😀')).toEqual([]);
  });

  it('checks only the rules the policy turns on', () => {
    const none: PasswordPolicy = {
      minimumLength: 1,
      requireUppercase: false,
      requireLowercase: false,
      requireNumbers: false,
      requireSymbols: false,
    };
    expect(unmetPasswordRules(none, 'x')).toEqual([]);
    expect(unmetPasswordRules({ ...none, requireNumbers: true }, 'x')).toEqual(['requireNumbers']);
    expect(unmetPasswordRules({ ...none, requireUppercase: true }, 'x')).toEqual(['requireUppercase']);
    expect(unmetPasswordRules({ ...none, requireLowercase: true }, 'X')).toEqual(['requireLowercase']);
    expect(unmetPasswordRules({ ...none, requireSymbols: true }, 'x')).toEqual(['requireSymbols']);
  });

  it('knows Cognito’s symbols, and a space only between other characters', () => {
    const symbols = {
      ...COGNITO_DEFAULT_PASSWORD_POLICY,
      minimumLength: 1,
      requireUppercase: false,
      requireLowercase: false,
      requireNumbers: false,
    };
    for (const symbol of '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-') {
      expect(unmetPasswordRules(symbols, symbol), symbol).toEqual([]);
    }
    for (const notSymbol of ['a', '1', '§', '€', ' a', 'a ', ' ', 'a\tb']) {
      expect(unmetPasswordRules(symbols, notSymbol), JSON.stringify(notSymbol)).toEqual(['requireSymbols']);
    }
    expect(unmetPasswordRules(symbols, 'a b')).toEqual([]);
  });

  it('lists the rules a policy asks for, for the hint', () => {
    expect(passwordRules(all)).toEqual([
      'minimumLength',
      'requireUppercase',
      'requireLowercase',
      'requireNumbers',
      'requireSymbols',
    ]);
    expect(passwordRules({ ...all, requireUppercase: false, requireSymbols: false })).toEqual([
      'minimumLength',
      'requireLowercase',
      'requireNumbers',
    ]);
  });
});

describe('admin errors and justifications', () => {
  it('carries a code, a message, a cause and an optional alternative', () => {
    const cause = new Error('root cause');
    const error = new MfaAdminError('FORBIDDEN', 'Not an admin.', { cause, alternative: 'Ask an admin.' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MfaAdminError');
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('Not an admin.');
    expect(error.cause).toBe(cause);
    expect(error.alternative).toBe('Ask an admin.');
    expect(new MfaAdminError('UNKNOWN', 'x').alternative).toBeUndefined();
    expect(isMfaAdminError(error)).toBe(true);
    expect(isMfaAdminError(Object.assign(new Error('x'), { name: 'MfaAdminError', code: 'FORBIDDEN' }))).toBe(
      false,
    );
  });

  it('knows its codes', () => {
    expect(MFA_ADMIN_ERROR_CODES).toEqual([
      'UNAUTHORIZED',
      'FORBIDDEN',
      'SELF_ACTION_FORBIDDEN',
      'INVALID_REQUEST',
      'JUSTIFICATION_REQUIRED',
      'USER_NOT_FOUND',
      'ALREADY_BYPASSED',
      'NOT_BYPASSED',
      'NO_MFA_TO_BYPASS',
      'BYPASS_UNAVAILABLE_POOL_MFA_ON',
      'RESET_UNAVAILABLE_POOL_MFA_ON',
      'POOL_ERROR',
      'NETWORK',
      'UNKNOWN',
    ]);
    for (const code of MFA_ADMIN_ERROR_CODES) expect(isMfaAdminErrorCode(code)).toBe(true);
    for (const other of ['forbidden', 'INTERNAL', '', 42, undefined])
      expect(isMfaAdminErrorCode(other)).toBe(false);
  });

  it('needs 10 non-space characters and at most 1000 in all', () => {
    expect([JUSTIFICATION_MIN_LENGTH, JUSTIFICATION_MAX_LENGTH]).toEqual([10, 1000]);
    expect(isValidJustification('1234567890')).toBe(true);
    expect(isValidJustification('123456789')).toBe(false);
    expect(isValidJustification('  123456789  ')).toBe(false);
    expect(isValidJustification(`  ${'x'.repeat(10)}  `)).toBe(true);
    expect(isValidJustification('x'.repeat(1000))).toBe(true);
    expect(isValidJustification('x'.repeat(1001))).toBe(false);
    expect(isValidJustification(`${'x'.repeat(995)}      `)).toBe(false);
    expect(isValidJustification(1234567890)).toBe(false);
    expect(isValidJustification(undefined)).toBe(false);
  });
});
