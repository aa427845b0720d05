import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as main from 'mfa-kit';
import { MfaProvider, StepUpProvider } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import type { ReactElement } from 'react';
import { expect } from 'vitest';
import { ADMIN_SECRET, demoOrganisation, signInAs } from '../../stories/support/adminDemo';
import { phoneCode } from '../contract/support/authenticator';

/** Renders `ui` over the simulator's admin adapter, signed in as `as` (an admin by default). */
export async function setup(
  ui: (adapter: main.AdminAdapter) => ReactElement,
  { count = 50, as = 'alice' } = {},
) {
  const simulator = createCognitoSimulator({ users: demoOrganisation(count) });
  await signInAs(simulator, as);
  const user = userEvent.setup();
  render(
    <MfaProvider client={simulator.client} issuer="Acme">
      <StepUpProvider verifier={simulator.stepUpVerifier}>{ui(simulator.admin)}</StepUpProvider>
    </MfaProvider>,
  );
  return { simulator, user };
}

/** Confirms the step-up prompt with the admin's authenticator code. */
export async function stepUp(user: ReturnType<typeof userEvent.setup>) {
  const prompt = await screen.findByRole('dialog', { name: "Confirm it's you" });
  const code = within(prompt).getByRole('textbox', { name: 'Verification code' });
  await waitFor(() => expect(code).toHaveFocus());
  await user.keyboard(phoneCode(ADMIN_SECRET));
}
