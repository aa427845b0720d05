import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifierProblem, isE164, normalizeIdentifier } from '../../src/core/identifier';
import {
  COGNITO_DEFAULT_PASSWORD_POLICY,
  EXAMPLE_PASSWORD_POLICY,
  passwordRules,
  unmetPasswordRules,
} from '../../src/core/passwordPolicy';
import { createCognitoSimulator } from '../../src/testing';

describe('password policy', () => {
  it('names each unmet rule of seed 000’s policy', () => {
    expect(unmetPasswordRules(EXAMPLE_PASSWORD_POLICY, '')).toEqual(passwordRules(EXAMPLE_PASSWORD_POLICY));
    expect(unmetPasswordRules(EXAMPLE_PASSWORD_POLICY, 'short1!A')).toEqual(['minimumLength']);
    expect(unmetPasswordRules(EXAMPLE_PASSWORD_POLICY, 'alllowercase1!')).toEqual(['requireUppercase']);
    expect(unmetPasswordRules(EXAMPLE_PASSWORD_POLICY, 'ALLUPPERCASE1!')).toEqual(['requireLowercase']);
    expect(unmetPasswordRules(EXAMPLE_PASSWORD_POLICY, 'NoDigitsHere!!')).toEqual(['requireNumbers']);
    expect(unmetPasswordRules(EXAMPLE_PASSWORD_POLICY, 'NoSymbols1234')).toEqual(['requireSymbols']);
    expect(unmetPasswordRules(EXAMPLE_PASSWORD_POLICY, 'Brand-new-Passw0rd!')).toEqual([]);
  });

  it('counts an inner space as a symbol, as Cognito does, but not an edge one', () => {
    expect(unmetPasswordRules(COGNITO_DEFAULT_PASSWORD_POLICY, 'Has space1')).toEqual([]);
    expect(unmetPasswordRules(COGNITO_DEFAULT_PASSWORD_POLICY, ' Nospace12')).toEqual(['requireSymbols']);
  });

  it('asks only for what the policy requires', () => {
    const lax = { ...COGNITO_DEFAULT_PASSWORD_POLICY, requireSymbols: false, requireUppercase: false };
    expect(passwordRules(lax)).toEqual(['minimumLength', 'requireLowercase', 'requireNumbers']);
    fc.assert(
      fc.property(fc.string(), (password) => {
        const unmet = unmetPasswordRules(lax, password);
        expect(unmet.every((rule) => passwordRules(lax).includes(rule))).toBe(true);
      }),
    );
  });

  it('never reports a rule as unmet once the password is longer and holds every character class', () => {
    fc.assert(
      fc.property(fc.string(), (extra) => {
        expect(unmetPasswordRules(EXAMPLE_PASSWORD_POLICY, `Aa1!${'x'.repeat(8)}${extra}`)).toEqual([]);
      }),
    );
  });
});

describe('sign-in identifier', () => {
  it('trims every kind, and strips phone punctuation', () => {
    expect(normalizeIdentifier('username', '  alice ')).toBe('alice');
    expect(normalizeIdentifier('email', ' a@example.com\t')).toBe('a@example.com');
    expect(normalizeIdentifier('phone', ' +1 (555) 555-0123 ')).toBe('+15555550123');
  });

  it('accepts E.164 only', () => {
    expect(isE164('+15555550123')).toBe(true);
    expect(isE164('15555550123')).toBe(false);
    expect(isE164('+05555550123')).toBe(false);
    expect(isE164('+1234567890123456')).toBe(false);
    expect(identifierProblem('phone', '')).toBe('required');
    expect(identifierProblem('phone', '5550123')).toBe('invalidPhone');
    expect(identifierProblem('email', 'nope')).toBe('invalidEmail');
    expect(identifierProblem('username', 'anything goes')).toBeUndefined();
  });

  it('normalisation is idempotent and keeps any valid E.164 number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'username' | 'email' | 'phone'>('username', 'email', 'phone'),
        fc.string(),
        (kind, raw) => {
          const once = normalizeIdentifier(kind, raw);
          expect(normalizeIdentifier(kind, once)).toBe(once);
        },
      ),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-9]\d{1,14}$/), (number) => {
        const spaced = ` ${number.slice(0, 3)} ${number.slice(3)} `;
        expect(identifierProblem('phone', normalizeIdentifier('phone', spaced))).toBeUndefined();
      }),
    );
  });
});

describe('simulator: temporary passwords, unconfirmed users, resend', () => {
  const TEMP = 'Temp0rary-pass!';

  it('refuses a new password breaking the policy with Cognito’s words, keeping the challenge', async () => {
    const simulator = createCognitoSimulator({
      passwordPolicy: EXAMPLE_PASSWORD_POLICY,
      users: [{ username: 'ada', password: TEMP, status: 'FORCE_CHANGE_PASSWORD' }],
    });
    await simulator.client.signIn({ username: 'ada', password: TEMP });
    await expect(simulator.client.confirmSignIn({ challengeResponse: 'Short-1!' })).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    });
    await expect(
      simulator.client.confirmSignIn({ challengeResponse: 'Long-enough-Passw0rd' }),
    ).resolves.toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
  });

  it('lists the required attributes a user lacks and refuses an answer without them', async () => {
    const simulator = createCognitoSimulator({
      requiredAttributes: ['email', 'name'],
      users: [{ username: 'ada', password: TEMP, status: 'FORCE_CHANGE_PASSWORD', email: 'ada@example.com' }],
    });
    await expect(simulator.client.signIn({ username: 'ada', password: TEMP })).resolves.toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: ['name'] },
    });
    await expect(
      simulator.client.confirmSignIn({ challengeResponse: 'N3w-and-mine-now!' }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await simulator.client.confirmSignIn({
      challengeResponse: 'N3w-and-mine-now!',
      options: { userAttributes: { name: 'Ada' } },
    });
    expect(await simulator.client.fetchUserAttributes()).toMatchObject({ name: 'Ada' });
  });

  it('answers CONFIRM_SIGN_UP for an unconfirmed user with the right password, as Amplify does', async () => {
    const simulator = createCognitoSimulator({
      users: [{ username: 'una', password: TEMP, status: 'UNCONFIRMED' }],
    });
    await expect(simulator.client.signIn({ username: 'una', password: 'wrong' })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    await expect(simulator.client.signIn({ username: 'una', password: TEMP })).resolves.toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_UP' },
    });
  });

  it('a second signIn sends a new SMS code and the first one stops working (resend)', async () => {
    const simulator = createCognitoSimulator({
      users: [{ username: 'sam', password: TEMP, phoneNumber: '+15555550123', enabled: ['SMS'] }],
    });
    for (let round = 0; round < 5; round += 1) {
      await simulator.client.signIn({ username: 'sam', password: TEMP });
      const first = simulator.outbox.latest({ username: 'sam' })?.code;
      await simulator.client.signIn({ username: 'sam', password: TEMP });
      const second = simulator.outbox.latest({ username: 'sam' })?.code;
      if (first === second) continue;
      await expect(simulator.client.confirmSignIn({ challengeResponse: first ?? '' })).rejects.toMatchObject({
        name: 'CodeMismatchException',
      });
      await expect(
        simulator.client.confirmSignIn({ challengeResponse: second ?? '' }),
      ).resolves.toMatchObject({
        isSignedIn: true,
      });
      return;
    }
    throw new Error('five pairs of identical random codes');
  });

  it('signs in by email address or phone number when the pool uses them as usernames', async () => {
    const simulator = createCognitoSimulator({
      usernameAttributes: ['email', 'phone_number'],
      users: [{ username: 'uuid-1', password: TEMP, email: 'ada@example.com', phoneNumber: '+15555550123' }],
    });
    await expect(
      simulator.client.signIn({ username: 'ada@example.com', password: TEMP }),
    ).resolves.toMatchObject({
      isSignedIn: true,
    });
    await simulator.client.signOut();
    await expect(
      simulator.client.signIn({ username: '+15555550123', password: TEMP }),
    ).resolves.toMatchObject({
      isSignedIn: true,
    });
  });
});
