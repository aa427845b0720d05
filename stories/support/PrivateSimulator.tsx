import { MfaProvider, useMfa } from 'mfa-kit';
import { type CognitoSimulator, type CognitoSimulatorOptions, createCognitoSimulator } from 'mfa-kit/testing';
import { type ReactNode, useEffect, useState } from 'react';

/** A simulator of the story's own, nobody signed in, with the toolbar's locale. */
export function PrivateSimulator({
  options,
  prepare,
  recovery = false,
  children,
}: {
  options: CognitoSimulatorOptions;
  /**
   * Runs once, before the story shows: inject faults, sign in, generate codes. The story waits
   * for a returned promise.
   */
  prepare?: (simulator: CognitoSimulator) => void | Promise<void>;
  /** Give the provider the simulator's recovery-code adapter. */
  recovery?: boolean;
  children: (simulator: CognitoSimulator) => ReactNode;
}) {
  const { locale } = useMfa();
  const [setup] = useState(() => {
    const simulator = createCognitoSimulator(options);
    // Synchronous preparation (fault injection) renders at once; only a promise is waited for.
    return { simulator, prepared: prepare?.(simulator) };
  });
  const [ready, setReady] = useState(setup.prepared === undefined);
  useEffect(() => {
    let active = true;
    void setup.prepared?.then(() => active && setReady(true));
    return () => {
      active = false;
    };
  }, [setup]);
  const { simulator } = setup;
  return (
    <MfaProvider
      client={simulator.client}
      recovery={recovery ? simulator.recoveryCodes : undefined}
      issuer="Acme"
      locale={locale}
    >
      {ready ? children(simulator) : null}
    </MfaProvider>
  );
}
