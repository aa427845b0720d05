import { render } from '@testing-library/react';
import { MfaProvider, type MfaProviderProps } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import type { ReactElement } from 'react';

/** Renders inside an MfaProvider backed by a fresh simulator, as a host app would. */
export function renderWithProvider(
  ui: ReactElement,
  props: Partial<Omit<MfaProviderProps, 'children'>> = {},
) {
  const simulator = createCognitoSimulator();
  const result = render(
    <MfaProvider client={simulator.client} issuer="Acme" {...props}>
      {ui}
    </MfaProvider>,
  );
  return { ...result, simulator };
}
