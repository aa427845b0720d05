import type { AuthClient } from 'mfa-kit';
import { phoneCode, wrongCode } from './support/authenticator';
import type { ContractPool, ContractTarget } from './support/target';
import { createTranscript } from './support/transcript';

export interface Scenario {
  name: string;
  /** When set, cognito-local cannot run this scenario; the text is the Cognito rule it follows. */
  simulatorOnly?: string;
  pool: ContractPool;
  run(target: ContractTarget, client: AuthClient): Promise<string[]>;
  expected: string[];
}

const alice = { username: 'alice', password: 'Corr3ct-horse!' };
const sam = { ...alice, username: 'sam', phoneNumber: '+15555550123' };
const ada = { username: 'ada', password: 'Temp0rary-pass!', temporaryPassword: true };
const adasNewPassword = 'N3w-and-mine-now!';
const optional = (users: ContractPool['users'] = [alice]): ContractPool => ({
  mfaConfiguration: 'OPTIONAL',
  users,
});

/** Enrols an authenticator for a user through the port, leaving them signed out. Returns the secret. */
async function enrolTotp(
  client: AuthClient,
  user: { username: string; password: string },
  preferences: Parameters<AuthClient['updateMFAPreference']>[0],
) {
  await client.signIn(user);
  const { sharedSecret } = await client.setUpTOTP();
  await client.verifyTOTPSetup({ code: phoneCode(sharedSecret) });
  await client.updateMFAPreference(preferences);
  await client.signOut();
  return sharedSecret;
}

export const scenarios: Scenario[] = [
  {
    name: 'password sign-in without MFA, then sign-out',
    pool: optional(),
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('signIn', alice);
      await t.call('getCurrentUser');
      await t.call('fetchMFAPreference');
      await t.call('signOut');
      await t.call('getCurrentUser');
      return t.entries;
    },
    expected: [
      'signIn → DONE',
      'getCurrentUser → alice',
      'fetchMFAPreference → {}',
      'signOut → ok',
      'getCurrentUser → UserUnAuthenticatedException',
    ],
  },
  {
    name: 'wrong password and unknown user are refused alike',
    pool: optional(),
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('signIn', { username: 'alice', password: 'wrong-password' });
      await t.call('signIn', { username: 'nobody', password: alice.password });
      await t.call('signIn', alice);
      return t.entries;
    },
    expected: ['signIn → NotAuthorizedException', 'signIn → NotAuthorizedException', 'signIn → DONE'],
  },
  {
    name: 'TOTP enrolment: wrong code, right code, then preference',
    pool: optional(),
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('signIn', alice);
      const setup = await t.call('setUpTOTP');
      const secret = setup?.sharedSecret ?? '';
      await t.call('verifyTOTPSetup', { code: wrongCode(secret) });
      await t.call('verifyTOTPSetup', { code: phoneCode(secret) });
      await t.call('fetchMFAPreference');
      await t.call('updateMFAPreference', { totp: 'PREFERRED' });
      await t.call('fetchMFAPreference');
      await t.call('updateMFAPreference', { totp: 'NOT_PREFERRED' });
      await t.call('fetchMFAPreference');
      return t.entries;
    },
    expected: [
      'signIn → DONE',
      'setUpTOTP → base32 secret',
      'verifyTOTPSetup → EnableSoftwareTokenMFAException',
      'verifyTOTPSetup → ok',
      // Verified and enabled, but not preferred: the caller must still set the preference.
      'fetchMFAPreference → {"enabled":["TOTP"]}',
      'updateMFAPreference → ok',
      'fetchMFAPreference → {"preferred":"TOTP","enabled":["TOTP"]}',
      'updateMFAPreference → ok',
      'fetchMFAPreference → {"enabled":["TOTP"]}',
    ],
  },
  {
    name: 'sign-in with a TOTP challenge: wrong code, then the right one on the same challenge',
    pool: optional(),
    async run(target, client) {
      const secret = await enrolTotp(client, alice, { totp: 'PREFERRED' });
      const t = createTranscript(target, client);
      await t.call('signIn', alice);
      await t.call('confirmSignIn', { challengeResponse: wrongCode(secret) });
      await t.call('confirmSignIn', { challengeResponse: phoneCode(secret) });
      await t.call('getCurrentUser');
      return t.entries;
    },
    expected: [
      'signIn → CONFIRM_SIGN_IN_WITH_TOTP_CODE',
      'confirmSignIn → CodeMismatchException',
      'confirmSignIn → DONE',
      'getCurrentUser → alice',
    ],
  },
  {
    name: 'SMS and TOTP enabled, none preferred: the user selects TOTP',
    pool: optional([sam]),
    async run(target, client) {
      const secret = await enrolTotp(client, sam, { totp: 'ENABLED', sms: 'ENABLED' });
      const t = createTranscript(target, client);
      await t.call('signIn', sam);
      await t.call('confirmSignIn', { challengeResponse: 'TOTP' });
      await t.call('confirmSignIn', { challengeResponse: phoneCode(secret) });
      await t.call('fetchMFAPreference');
      return t.entries;
    },
    expected: [
      'signIn → CONTINUE_SIGN_IN_WITH_MFA_SELECTION ["SMS","TOTP"]',
      'confirmSignIn → CONFIRM_SIGN_IN_WITH_TOTP_CODE',
      'confirmSignIn → DONE',
      'fetchMFAPreference → {"enabled":["SMS","TOTP"]}',
    ],
  },
  {
    name: 'signIn while signed in is refused',
    pool: optional(),
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('signIn', alice);
      await t.call('signIn', alice);
      await t.call('signOut');
      await t.call('signIn', alice);
      return t.entries;
    },
    expected: [
      'signIn → DONE',
      'signIn → UserAlreadyAuthenticatedException',
      'signOut → ok',
      'signIn → DONE',
    ],
  },
  {
    name: 'pool requires MFA: a user without a factor sets up TOTP inside sign-in',
    simulatorOnly:
      'Cognito guide: "If a user doesn\'t have the attribute defined for any available message-based MFA, Amazon Cognito prompts them to set up TOTP MFA" (MFA_SETUP). cognito-local answers NotAuthorized instead.',
    pool: { mfaConfiguration: 'ON', users: [alice] },
    async run(target, client) {
      const t = createTranscript(target, client);
      const step = await t.call('signIn', alice);
      const secret =
        step?.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP'
          ? step.nextStep.totpSetupDetails.sharedSecret
          : '';
      await t.call('confirmSignIn', { challengeResponse: wrongCode(secret) });
      await t.call('confirmSignIn', { challengeResponse: phoneCode(secret) });
      await t.call('fetchMFAPreference');
      return t.entries;
    },
    expected: [
      'signIn → CONTINUE_SIGN_IN_WITH_TOTP_SETUP',
      'confirmSignIn → EnableSoftwareTokenMFAException',
      'confirmSignIn → DONE',
      'fetchMFAPreference → {"enabled":["TOTP"]}',
    ],
  },
  {
    name: 'five wrong MFA codes start the lockout',
    simulatorOnly:
      'Cognito guide: "After five unsuccessful attempts to present an MFA code, Amazon Cognito begins the exponential-timeout lockout process." cognito-local has no lockout.',
    pool: optional(),
    async run(target, client) {
      const secret = await enrolTotp(client, alice, { totp: 'PREFERRED' });
      const t = createTranscript(target, client);
      await t.call('signIn', alice);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await t.call('confirmSignIn', { challengeResponse: wrongCode(secret) });
      }
      await t.call('signIn', alice);
      return t.entries;
    },
    expected: [
      'signIn → CONFIRM_SIGN_IN_WITH_TOTP_CODE',
      ...Array.from({ length: 5 }, () => 'confirmSignIn → CodeMismatchException'),
      'signIn → NotAuthorizedException',
    ],
  },
  {
    name: 'first sign-in with a temporary password: a new password, then only the new one works',
    pool: optional([ada]),
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('signIn', ada);
      await t.call('confirmSignIn', { challengeResponse: adasNewPassword });
      await t.call('getCurrentUser');
      await t.call('signOut');
      await t.call('signIn', ada);
      await t.call('signIn', { username: 'ada', password: adasNewPassword });
      return t.entries;
    },
    expected: [
      'signIn → CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED missing []',
      'confirmSignIn → DONE',
      'getCurrentUser → ada',
      'signOut → ok',
      'signIn → NotAuthorizedException',
      'signIn → DONE',
    ],
  },
  {
    name: 'temporary password: a wrong one is refused, a new one breaking the policy is retried in place',
    simulatorOnly:
      'Cognito checks the temporary password like any password, and answers InvalidPasswordException ("Password did not conform with policy") to a new password that breaks the pool policy, keeping the challenge. cognito-local checks neither.',
    pool: optional([ada]),
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('signIn', { username: 'ada', password: 'not-the-temporary-one' });
      await t.call('signIn', ada);
      await t.call('confirmSignIn', { challengeResponse: 'short' });
      await t.call('confirmSignIn', { challengeResponse: adasNewPassword });
      return t.entries;
    },
    expected: [
      'signIn → NotAuthorizedException',
      'signIn → CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED missing []',
      'confirmSignIn → InvalidPasswordException',
      'confirmSignIn → DONE',
    ],
  },
  {
    name: 'temporary password in a pool that requires MFA: new password, then TOTP setup (seed 003, phase 4)',
    simulatorOnly:
      'Cognito guide: after NEW_PASSWORD_REQUIRED, a user without a factor in a pool with MFA on gets MFA_SETUP. cognito-local answers an MFA-on pool with NotAuthorized instead.',
    pool: { mfaConfiguration: 'ON', users: [ada] },
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('signIn', ada);
      const step = await t.call('confirmSignIn', { challengeResponse: adasNewPassword });
      const secret =
        step?.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP'
          ? step.nextStep.totpSetupDetails.sharedSecret
          : '';
      await t.call('confirmSignIn', { challengeResponse: phoneCode(secret) });
      await t.call('fetchMFAPreference');
      return t.entries;
    },
    expected: [
      'signIn → CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED missing []',
      'confirmSignIn → CONTINUE_SIGN_IN_WITH_TOTP_SETUP',
      'confirmSignIn → DONE',
      'fetchMFAPreference → {"enabled":["TOTP"]}',
    ],
  },
  {
    name: 'an unconfirmed user: the right password gives CONFIRM_SIGN_UP, a wrong one is refused alike',
    pool: optional([{ username: 'una', password: 'Corr3ct-horse!', unconfirmed: true }]),
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('signIn', { username: 'una', password: 'wrong-password' });
      await t.call('signIn', { username: 'una', password: 'Corr3ct-horse!' });
      return t.entries;
    },
    // Cognito throws UserNotConfirmedException; Amplify v6 turns it into this step.
    expected: ['signIn → NotAuthorizedException', 'signIn → CONFIRM_SIGN_UP'],
  },
  {
    name: 'fetchAuthSession: no tokens signed out, ID and access tokens signed in (issue 17)',
    pool: optional(),
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('fetchAuthSession');
      await t.call('signIn', alice);
      await t.call('fetchAuthSession');
      return t.entries;
    },
    expected: [
      'fetchAuthSession → no tokens',
      'signIn → DONE',
      'fetchAuthSession → id(alice, id, groups []) access(access)',
    ],
  },
  {
    name: 'phone number in a pool that auto-verifies it: a code at once, a wrong code is refused (issue 17)',
    pool: { ...optional(), autoVerifiedAttributes: ['phone_number'] },
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('signIn', alice);
      await t.call('updateUserAttributes', { userAttributes: { phone_number: '+15555550123' } });
      await t.call('fetchUserAttributes');
      await t.call('confirmUserAttribute', { userAttributeKey: 'phone_number', confirmationCode: '000000' });
      return t.entries;
    },
    expected: [
      'signIn → DONE',
      'updateUserAttributes → phone_number: CONFIRM_ATTRIBUTE_WITH_CODE',
      'fetchUserAttributes → phone_number=+15555550123 phone_number_verified=false',
      'confirmUserAttribute → CodeMismatchException',
    ],
  },
  {
    name: 'turning methods on and off with updateMFAPreference (issue 17)',
    pool: optional([sam]),
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('signIn', sam);
      await t.call('updateMFAPreference', { totp: 'ENABLED' });
      await t.call('updateMFAPreference', { sms: 'ENABLED' });
      await t.call('fetchMFAPreference');
      await t.call('updateMFAPreference', { sms: 'PREFERRED' });
      await t.call('fetchMFAPreference');
      await t.call('updateMFAPreference', { sms: 'DISABLED' });
      await t.call('fetchMFAPreference');
      return t.entries;
    },
    expected: [
      'signIn → DONE',
      // No verified authenticator: TOTP cannot be turned on.
      'updateMFAPreference → InvalidParameterException',
      'updateMFAPreference → ok',
      'fetchMFAPreference → {"enabled":["SMS"]}',
      'updateMFAPreference → ok',
      'fetchMFAPreference → {"preferred":"SMS","enabled":["SMS"]}',
      'updateMFAPreference → ok',
      'fetchMFAPreference → {}',
    ],
  },
  {
    name: 'phone number in a pool that does not auto-verify it: saved unverified, no code sent (issue 17)',
    pool: optional(),
    async run(target, client) {
      const t = createTranscript(target, client);
      await t.call('signIn', alice);
      await t.call('updateUserAttributes', { userAttributes: { phone_number: '+15555550123' } });
      await t.call('fetchUserAttributes');
      return t.entries;
    },
    expected: [
      'signIn → DONE',
      'updateUserAttributes → phone_number: DONE',
      'fetchUserAttributes → phone_number=+15555550123 phone_number_verified=false',
    ],
  },
];
