import { MfaProvider, StepUpProvider, useMfa } from 'mfa-kit';
import { type CognitoSimulator, createCognitoSimulator, type SimulatorUserSeed } from 'mfa-kit/testing';
import { Secret, TOTP } from 'otpauth';
import { type ReactNode, useEffect, useState } from 'react';

export const ADMIN_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const DEMO_PASSWORD = 'Passw0rd!';
const ROLES = ['staff', 'engineering', 'finance', 'support'];
const USER_SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';

/** What the authenticator app of a demo user shows now. */
export const demoCode = (username: string) =>
  new TOTP({
    secret: Secret.fromBase32(username === 'alice' ? ADMIN_SECRET : USER_SECRET),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).generate();

/**
 * A demo organisation: `alice` (admin, authenticator app), `bob` (authenticator app), `carol` (no MFA),
 * `dave` (a plain user) and `count` generated users `user000001…` with a fixed mix of methods and roles:
 * 6 in 10 an authenticator app, 1 in 10 text messages, 1 in 10 email, 2 in 10 nothing.
 */
export function demoOrganisation(count: number): SimulatorUserSeed[] {
  const users: SimulatorUserSeed[] = [
    {
      username: 'alice',
      password: DEMO_PASSWORD,
      email: 'alice@example.com',
      groups: ['admin'],
      totpSecret: ADMIN_SECRET,
    },
    {
      username: 'bob',
      password: DEMO_PASSWORD,
      email: 'bob@example.com',
      groups: ['finance'],
      totpSecret: USER_SECRET,
    },
    { username: 'carol', password: DEMO_PASSWORD, email: 'carol@example.com', groups: ['support'] },
    {
      username: 'dave',
      password: DEMO_PASSWORD,
      email: 'dave@example.com',
      groups: ['staff'],
      totpSecret: USER_SECRET,
    },
  ];
  for (let index = 1; index <= count; index += 1) {
    const username = `user${String(index).padStart(6, '0')}`;
    const kind = index % 10;
    const seed: SimulatorUserSeed = {
      username,
      password: DEMO_PASSWORD,
      email: `${username}@example.com`,
      groups: [ROLES[index % ROLES.length] as string],
    };
    if (kind < 6) seed.totpSecret = USER_SECRET;
    else if (kind === 6) Object.assign(seed, { phoneNumber: '+15555550100', enabled: ['SMS'] });
    else if (kind === 7) seed.enabled = ['EMAIL'];
    users.push(seed);
  }
  return users;
}

/** Signs `username` in on `simulator`, answering the authenticator challenge when there is one. */
export async function signInAs(simulator: CognitoSimulator, username = 'alice') {
  const result = await simulator.client.signIn({ username, password: DEMO_PASSWORD });
  if (result.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE')
    await simulator.client.confirmSignIn({ challengeResponse: demoCode(username) });
}

interface AdminSessionProps {
  /** Generated users besides alice, bob, carol and dave. Default 50. */
  count?: number;
  /** Who is signed in. Default alice (an admin). */
  as?: string;
  mfaConfiguration?: 'OFF' | 'OPTIONAL' | 'ON';
  /** Runs after sign-in, before the console renders: inject faults, add events. */
  prepare?: (simulator: CognitoSimulator) => void | Promise<void>;
  children: (simulator: CognitoSimulator) => ReactNode;
}

/**
 * A private simulator with a demo organisation and an admin signed in, inside `MfaProvider` (locale
 * and theme from the toolbar) and `StepUpProvider` (the admin's authenticator confirms each change).
 */
export function AdminSession({
  count = 50,
  as = 'alice',
  mfaConfiguration = 'OPTIONAL',
  prepare,
  children,
}: AdminSessionProps) {
  const { locale } = useMfa();
  const [simulator] = useState(() =>
    createCognitoSimulator({
      users: demoOrganisation(count),
      mfaConfiguration,
      mfaMethods: ['TOTP', 'SMS', 'EMAIL'],
    }),
  );
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let active = true;
    signInAs(simulator, as)
      .then(() => prepare?.(simulator))
      .then(() => {
        if (active) setReady(true);
      });
    return () => {
      active = false;
    };
  }, [simulator, as, prepare]);
  if (!ready) return null;
  return (
    <MfaProvider client={simulator.client} issuer="Acme" locale={locale}>
      <StepUpProvider verifier={simulator.stepUpVerifier}>{children(simulator)}</StepUpProvider>
    </MfaProvider>
  );
}
