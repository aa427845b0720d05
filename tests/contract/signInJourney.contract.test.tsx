import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuthClient } from 'mfa-kit';
import { MfaProvider, SignIn, type SignInProps } from 'mfa-kit';
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

async function signInThroughTheForm(
  client: AuthClient,
  credentials: { username: string; password: string } = alice,
  props: Partial<SignInProps> = {},
) {
  const onSignedIn = vi.fn();
  const user = userEvent.setup();
  render(
    <MfaProvider client={client} issuer="Acme">
      <SignIn onSignedIn={onSignedIn} {...props} />
    </MfaProvider>,
  );
  await user.type(screen.getByLabelText('Username'), credentials.username);
  await user.type(screen.getByLabelText('Password'), credentials.password);
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

  it('first sign-in with a temporary password: the new-password step, then signed in (issue 15)', async () => {
    const ada = { username: 'ada', password: 'Temp0rary-pass!', temporaryPassword: true };
    const client = await target.createPool({ mfaConfiguration: 'OPTIONAL', users: [ada] });
    const { user, onSignedIn } = await signInThroughTheForm(client, ada);
    await user.type(await screen.findByLabelText('New password'), 'N3w-and-mine-now!');
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w-and-mine-now!');
    await user.click(screen.getByRole('button', { name: 'Save password and continue' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    await client.signOut();
    await expect(client.signIn({ username: 'ada', password: 'N3w-and-mine-now!' })).resolves.toMatchObject({
      isSignedIn: true,
    });
    await client.signOut();
  });

  it('an unconfirmed account: the form says so and the host hears the username (issue 15)', async () => {
    const una = { username: 'una', password: 'Corr3ct-horse!', unconfirmed: true };
    const client = await target.createPool({ mfaConfiguration: 'OPTIONAL', users: [una] });
    const onUserNotConfirmed = vi.fn();
    await signInThroughTheForm(client, una, { onUserNotConfirmed });
    expect(await screen.findByText(/This account is not confirmed yet/)).toBeInTheDocument();
    expect(onUserNotConfirmed).toHaveBeenCalledWith('una');
  });

  it('back to sign in from method selection, then sign in again (issue 15)', async () => {
    const client = await target.createPool({ mfaConfiguration: 'OPTIONAL', users: [alice] });
    const secret = await enrol(client, { totp: 'ENABLED', sms: 'ENABLED' });
    const { user, onSignedIn } = await signInThroughTheForm(client);
    await screen.findByRole('group', { name: 'Verification method' });
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveFocus());
    expect(screen.getByLabelText('Username')).toHaveValue('alice');
    await user.type(screen.getByLabelText('Password'), alice.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    await client.signOut();
  });
});
