import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuthClient } from 'mfa-kit';
import { MfaProvider, SignIn } from 'mfa-kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { phoneCode } from './support/authenticator';
import { cognitoLocalTarget } from './support/cognitoLocalTarget';
import { simulatorTarget } from './support/simulatorTarget';
import type { ContractTarget } from './support/target';

const alice = { username: 'alice', password: 'Corr3ct-horse!', phoneNumber: '+15555550123' };

/** Enrols TOTP through the port, as the TotpSetup component would, and signs out. */
async function enrol(client: AuthClient, preferences: Parameters<AuthClient['updateMFAPreference']>[0]) {
  await client.signIn(alice);
  const { sharedSecret } = await client.setUpTOTP();
  await client.verifyTOTPSetup({ code: phoneCode(sharedSecret) });
  await client.updateMFAPreference(preferences);
  await client.signOut();
  return sharedSecret;
}

async function signInThroughTheForm(client: AuthClient) {
  const onSignedIn = vi.fn();
  const user = userEvent.setup();
  render(
    <MfaProvider client={client} issuer="Acme">
      <SignIn onSignedIn={onSignedIn} />
    </MfaProvider>,
  );
  await user.type(screen.getByLabelText('Username'), alice.username);
  await user.type(screen.getByLabelText('Password'), alice.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return { user, onSignedIn };
}

const targets: Array<[string, () => Promise<ContractTarget>]> = [
  ['simulator', async () => simulatorTarget()],
  ['aws-amplify v6 against cognito-local', cognitoLocalTarget],
];

describe.each(targets)('SignIn journeys on %s', (_name, makeTarget) => {
  let target: ContractTarget;
  beforeAll(async () => {
    target = await makeTarget();
  });
  afterAll(async () => {
    await target?.dispose();
  });

  it('TOTP: password, then the code from the authenticator app', async () => {
    const client = await target.createPool({ mfaConfiguration: 'OPTIONAL', users: [alice] });
    const secret = await enrol(client, { totp: 'PREFERRED' });
    const { user, onSignedIn } = await signInThroughTheForm(client);
    await user.type(await screen.findByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    await waitFor(() =>
      expect(onSignedIn).toHaveBeenCalledWith({ isSignedIn: true, nextStep: { signInStep: 'DONE' } }),
    );
    expect((await client.getCurrentUser()).username).toBe('alice');
    await client.signOut();
  });

  it('MFA selection: SMS and TOTP enabled, the user picks the authenticator app', async () => {
    const client = await target.createPool({ mfaConfiguration: 'OPTIONAL', users: [alice] });
    const secret = await enrol(client, { totp: 'ENABLED', sms: 'ENABLED' });
    const { user, onSignedIn } = await signInThroughTheForm(client);
    const group = await screen.findByRole('group', { name: 'Verification method' });
    await user.click(within(group).getByRole('radio', { name: 'Authenticator app' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    await client.signOut();
  });
});
