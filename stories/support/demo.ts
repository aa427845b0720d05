import { createCognitoSimulator } from 'mfa-kit/testing';

/** Every demo user's password. */
export const DEMO_PASSWORD = 'Passw0rd!';

/**
 * A fixed secret, so a designer can enrol a real phone authenticator once and keep using it
 * across reloads. Demo only: never ship a fixed secret.
 */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const demoUsers = [
  {
    username: 'newuser',
    password: DEMO_PASSWORD,
    email: 'new.user@example.com',
    note: 'No MFA yet: enrol a factor.',
  },
  {
    username: 'totpuser',
    password: DEMO_PASSWORD,
    email: 'totp.user@example.com',
    totpSecret: DEMO_TOTP_SECRET,
    preferred: 'TOTP' as const,
    note: 'Authenticator app enrolled and preferred.',
  },
  {
    username: 'smsuser',
    password: DEMO_PASSWORD,
    phoneNumber: '+15555550123',
    totpSecret: DEMO_TOTP_SECRET,
    enabled: ['SMS' as const, 'TOTP' as const],
    note: 'SMS and TOTP enabled, none preferred: sign-in asks which to use.',
  },
  {
    username: 'admin',
    password: DEMO_PASSWORD,
    email: 'admin@example.com',
    groups: ['admins'],
    totpSecret: DEMO_TOTP_SECRET,
    preferred: 'TOTP' as const,
    note: 'In the admins group, TOTP preferred.',
  },
];

/** The simulator every story runs on, kept in sessionStorage so a reload keeps enrolments. */
export const demo = createCognitoSimulator({
  mfaConfiguration: 'OPTIONAL',
  mfaMethods: ['TOTP', 'SMS', 'EMAIL'],
  persist: 'sessionStorage',
  storageKey: 'mfa-kit:storybook-demo',
  users: demoUsers.map(({ note: _note, ...seed }) => seed),
});
