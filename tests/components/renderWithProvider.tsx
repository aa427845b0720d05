import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MfaProvider, type MfaProviderProps } from '../../src/components/MfaProvider';
import { createCognitoSimulator } from '../../src/testing';

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
