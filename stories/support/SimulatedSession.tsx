import type { SignInOutput } from 'mfa-kit';
import { MfaProvider, useMfa } from 'mfa-kit';
import { type CognitoSimulator, type CognitoSimulatorOptions, createCognitoSimulator } from 'mfa-kit/testing';
import { type ReactNode, useEffect, useState } from 'react';

export const STORY_PASSWORD = 'Passw0rd!';

interface SimulatedSessionProps {
  options?: CognitoSimulatorOptions;
  /** Runs after sign-in, before the component renders: inject faults here. */
  prepare?: (simulator: CognitoSimulator) => void;
  issuer?: string;
  /** Give the provider the simulator's recovery-code adapter. */
  recovery?: boolean;
  children: (session: { simulator: CognitoSimulator; signIn: SignInOutput }) => ReactNode;
}

/**
 * A private simulator with `alice` signed in (or mid sign-in), so a story's state never leaks into
 * the shared demo pool. Locale and theme still come from the toolbar.
 */
export function SimulatedSession({
  options,
  prepare,
  issuer = 'Acme',
  recovery = false,
  children,
}: SimulatedSessionProps) {
  const { locale } = useMfa();
  const [simulator] = useState(() =>
    createCognitoSimulator({ users: [{ username: 'alice', password: STORY_PASSWORD }], ...options }),
  );
  const [signIn, setSignIn] = useState<SignInOutput | null>(null);
  useEffect(() => {
    let active = true;
    simulator.client.signIn({ username: 'alice', password: STORY_PASSWORD }).then((result) => {
      if (!active) return;
      prepare?.(simulator);
      setSignIn(result);
    });
    return () => {
      active = false;
    };
  }, [simulator, prepare]);
  if (!signIn) return null;
  return (
    <MfaProvider
      client={simulator.client}
      recovery={recovery ? simulator.recoveryCodes : undefined}
      issuer={issuer}
      locale={locale}
    >
      {children({ simulator, signIn })}
    </MfaProvider>
  );
}
