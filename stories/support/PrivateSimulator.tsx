import { type ReactNode, useState } from 'react';
import { MfaProvider, useMfa } from '../../src/components/MfaProvider';
import {
  type CognitoSimulator,
  type CognitoSimulatorOptions,
  createCognitoSimulator,
} from '../../src/testing';

/** A simulator of the story's own, nobody signed in, with the toolbar's locale. */
export function PrivateSimulator({
  options,
  prepare,
  children,
}: {
  options: CognitoSimulatorOptions;
  /** Runs once, before the first render: inject faults here. */
  prepare?: (simulator: CognitoSimulator) => void;
  children: (simulator: CognitoSimulator) => ReactNode;
}) {
  const { locale } = useMfa();
  const [simulator] = useState(() => {
    const created = createCognitoSimulator(options);
    prepare?.(created);
    return created;
  });
  return (
    <MfaProvider client={simulator.client} issuer="Acme" locale={locale}>
      {children(simulator)}
    </MfaProvider>
  );
}
