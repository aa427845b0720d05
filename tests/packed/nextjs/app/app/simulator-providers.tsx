'use client';
// The README's app/providers.tsx, on the simulator instead of Amplify, so the example runs with no
// AWS account; the README's own version is compiled beside it.
import { MfaProvider, StepUpProvider } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import type { ReactNode } from 'react';

const simulator = createCognitoSimulator({
  mfaConfiguration: 'OPTIONAL',
  persist: 'sessionStorage',
  users: [{ username: 'bob', password: 'Passw0rd!' }],
});

export function SimulatorProviders({ children }: { children: ReactNode }) {
  return (
    <MfaProvider client={simulator.client} recovery={simulator.recoveryCodes} issuer="Acme">
      <StepUpProvider verifier={simulator.stepUpVerifier}>{children}</StepUpProvider>
    </MfaProvider>
  );
}
