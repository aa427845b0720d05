// Issue 16 (look): the brand header, alert icons and the next action after success.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MfaProvider, SignIn, StepUpDialog, TotpSetup } from 'mfa-kit';
import { de } from 'mfa-kit/locales/de';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { describe, expect, it, vi } from 'vitest';
import { phoneCode, wrongCode } from '../contract/support/authenticator';
import { readManualKey } from './manualKey';

const PASSWORD = 'Passw0rd!';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const logo = <svg data-testid="logo" aria-hidden="true" />;

function simulatorWith(mfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL' = 'OPTIONAL') {
  return createCognitoSimulator({
    mfaConfiguration,
    mfaMethods: ['TOTP'],
    users: [
      { username: 'totpuser', password: PASSWORD, totpSecret: SECRET, preferred: 'TOTP' },
      { username: 'newuser', password: PASSWORD },
    ],
  });
}

async function signIn(username: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('the app name and logo', () => {
  it('head the sign-in card and stay once on every later step', async () => {
    const simulator = simulatorWith();
    render(
      <MfaProvider client={simulator.client} appName="Acme Cloud" logo={logo}>
        <SignIn />
      </MfaProvider>,
    );
    const form = screen.getByRole('form', { name: 'Sign in' });
    expect(within(form).getByText('Acme Cloud')).toBeVisible();
    expect(within(form).getByTestId('logo')).toBeInTheDocument();
    await signIn('totpuser');
    await screen.findByRole('textbox', { name: 'Verification code' });
    expect(screen.getAllByText('Acme Cloud')).toHaveLength(1);
  });

  it('are not repeated by TOTP setup inside sign-in, and head TOTP setup on its own', async () => {
    const simulator = simulatorWith('ON');
    const { unmount } = render(
      <MfaProvider client={simulator.client} appName="Acme Cloud">
        <SignIn />
      </MfaProvider>,
    );
    await signIn('newuser');
    await screen.findByRole('heading', { name: 'Set up your authenticator app' });
    expect(screen.getAllByText('Acme Cloud')).toHaveLength(1);
    unmount();

    await simulator.client.signOut();
    await simulator.client.signIn({ username: 'totpuser', password: PASSWORD });
    await simulator.client.confirmSignIn({ challengeResponse: phoneCode(SECRET) });
    render(
      <MfaProvider client={simulator.client} appName="Acme Cloud">
        <TotpSetup accountName="totpuser" />
      </MfaProvider>,
    );
    const card = screen.getByRole('region', { name: 'Set up your authenticator app' });
    expect(within(card).getByText('Acme Cloud')).toBeVisible();
  });

  it('head the step-up dialog, portalled outside the page', async () => {
    const simulator = simulatorWith('OFF');
    await simulator.client.signIn({ username: 'totpuser', password: PASSWORD });
    render(
      <MfaProvider client={simulator.client} appName="Acme Cloud" logo={logo}>
        <StepUpDialog open onOpenChange={() => {}} verifier={simulator.stepUpVerifier} reason="Delete" />
      </MfaProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: "Confirm it's you" });
    expect(within(dialog).getByText('Acme Cloud')).toBeVisible();
  });

  it('are absent when the provider has neither', () => {
    const simulator = simulatorWith();
    const { container } = render(
      <MfaProvider client={simulator.client}>
        <SignIn />
      </MfaProvider>,
    );
    expect(container.querySelector('[data-mfa-part="brand"]')).toBeNull();
  });

  it('are inherited by a nested provider', () => {
    const simulator = simulatorWith();
    render(
      <MfaProvider client={simulator.client} appName="Acme Cloud">
        <MfaProvider client={simulator.client} locale="de" catalog={de}>
          <SignIn />
        </MfaProvider>
      </MfaProvider>,
    );
    expect(screen.getByText('Acme Cloud')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  });
});

describe('alert icons', () => {
  it('are decorative: the alert reads as its text alone', async () => {
    const simulator = simulatorWith();
    const { container } = render(
      <MfaProvider client={simulator.client}>
        <SignIn />
      </MfaProvider>,
    );
    const user = await signIn('totpuser');
    await user.type(await screen.findByRole('textbox', { name: 'Verification code' }), wrongCode(SECRET));
    const alert = await screen.findByText(/That code is not correct/);
    const icon = alert.querySelector('svg');
    expect(icon).toHaveAttribute('aria-hidden', 'true');
    expect(icon).toHaveAttribute('data-tone', 'error');
    expect(alert.closest('[role="alert"]')?.textContent).toMatch(/^That code is not correct/);
    expect(container.querySelectorAll('[data-mfa-part="status-icon"]')).toHaveLength(1);
  });

  it('say warning for a lockout and success for the end of a flow', async () => {
    const simulator = simulatorWith();
    render(
      <MfaProvider client={simulator.client}>
        <SignIn />
      </MfaProvider>,
    );
    const user = await signIn('totpuser');
    const field = await screen.findByRole('textbox', { name: 'Verification code' });
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await waitFor(() => expect(field).toBeEnabled());
      await user.type(field, wrongCode(SECRET));
      await waitFor(() => expect(field).toHaveValue(attempt < 5 ? '' : wrongCode(SECRET)));
    }
    const lockout = await screen.findByText(/You can try again in \d+ seconds/);
    expect(lockout.querySelector('svg')).toHaveAttribute('data-tone', 'warning');
  });
});

describe('the next action after success', () => {
  it('TotpSetup: "Continue" appears, takes focus and calls onContinue', async () => {
    const user = userEvent.setup();
    const simulator = simulatorWith();
    await simulator.client.signIn({ username: 'newuser', password: PASSWORD });
    const onContinue = vi.fn();
    render(
      <MfaProvider client={simulator.client}>
        <TotpSetup accountName="newuser" onContinue={onContinue} />
      </MfaProvider>,
    );
    const secret = await readManualKey(user);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    const next = await screen.findByRole('button', { name: 'Continue' });
    await waitFor(() => expect(next).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent('Your authenticator app is set up.');
    expect(screen.getByRole('status').querySelector('svg')).toHaveAttribute('data-tone', 'success');
    await user.keyboard('{Enter}');
    expect(onContinue).toHaveBeenCalledTimes(1);
  });

  it('TotpSetup without onContinue: the success line holds focus, no button', async () => {
    const user = userEvent.setup();
    const simulator = simulatorWith();
    await simulator.client.signIn({ username: 'newuser', password: PASSWORD });
    render(
      <MfaProvider client={simulator.client}>
        <TotpSetup accountName="newuser" />
      </MfaProvider>,
    );
    const secret = await readManualKey(user);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    await waitFor(() => expect(screen.getByRole('status')).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
  });

  it('SignIn: after TOTP setup in a pool that requires MFA, "Continue" takes focus', async () => {
    const simulator = simulatorWith('ON');
    const onSignedIn = vi.fn();
    const onContinue = vi.fn();
    render(
      <MfaProvider client={simulator.client}>
        <SignIn onSignedIn={onSignedIn} onContinue={onContinue} />
      </MfaProvider>,
    );
    const user = await signIn('newuser');
    const secret = await readManualKey(user);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    const next = await screen.findByRole('button', { name: 'Continue' });
    await waitFor(() => expect(next).toHaveFocus());
    expect(screen.getByText('You are signed in.')).toBeVisible();
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    await user.click(next);
    expect(onContinue).toHaveBeenCalledTimes(1);
  });
});
