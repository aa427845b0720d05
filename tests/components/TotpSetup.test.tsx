import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MfaProvider, TotpSetup } from 'mfa-kit';
import { type CognitoSimulator, createCognitoSimulator, type SimulatorUserSeed } from 'mfa-kit/testing';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { phoneCode, wrongCode } from '../contract/support/authenticator';
import { readManualKey } from './manualKey';

const PASSWORD = 'Passw0rd!';

async function signedInSimulator(users: SimulatorUserSeed[] = [{ username: 'alice', password: PASSWORD }]) {
  const simulator = createCognitoSimulator({ users });
  const { nextStep } = await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  if (nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE') {
    await simulator.client.confirmSignIn({ challengeResponse: simulator.pool.totpCodeFor('alice') ?? '' });
  }
  return simulator;
}

function renderSetup(simulator: CognitoSimulator, props: Partial<Parameters<typeof TotpSetup>[0]> = {}) {
  const onVerified = vi.fn();
  render(
    <StrictMode>
      <MfaProvider client={simulator.client} issuer="Acme Corp">
        <TotpSetup accountName="alice@example.com" onVerified={onVerified} {...props} />
      </MfaProvider>
    </StrictMode>,
  );
  return { onVerified };
}

/** What a user reads off the screen when they cannot scan: the grouped key. */
const codeField = () => screen.getByRole('textbox', { name: 'Verification code' });

describe('TotpSetup for a signed-in user', () => {
  it('enrols with a code typed from the manual key, then makes TOTP preferred', async () => {
    const user = userEvent.setup();
    const simulator = await signedInSimulator();
    const { onVerified } = renderSetup(simulator);
    expect(screen.getByRole('status')).toHaveTextContent('Preparing your setup key…');
    const secret = await readManualKey(user);
    // The QR renderer loads on demand: the labelled image appears once the code is drawn.
    const qr = await screen.findByRole('img', {
      name: 'QR code to add Acme Corp (alice@example.com) to your authenticator app',
    });
    expect(qr.querySelector('svg')).not.toBeNull();
    expect(screen.getByText('Acme Corp')).toBeInTheDocument();
    await user.type(codeField(), phoneCode(secret));
    // The success line holds focus (the code field is gone), so keyboard users are not on <body>.
    await waitFor(async () =>
      expect(await screen.findByText(/Your authenticator app is set up/)).toHaveFocus(),
    );
    expect(onVerified).toHaveBeenCalledTimes(1);
    expect(simulator.pool.getUser('alice')).toMatchObject({ totpEnabled: true, preferred: 'TOTP' });
  });

  it('sends the optional authenticator name with the verification', async () => {
    const user = userEvent.setup();
    const simulator = await signedInSimulator();
    const verify = vi.spyOn(simulator.client, 'verifyTOTPSetup');
    renderSetup(simulator);
    const secret = await readManualKey(user);
    await user.type(screen.getByLabelText('Name this authenticator (optional)'), 'Work phone');
    await user.type(codeField(), phoneCode(secret));
    await screen.findByText(/Your authenticator app is set up/);
    expect(verify).toHaveBeenCalledWith({
      code: expect.any(String),
      options: { friendlyDeviceName: 'Work phone' },
    });
  });

  it('asks for one secret only, even in StrictMode', async () => {
    const simulator = await signedInSimulator();
    const setUp = vi.spyOn(simulator.client, 'setUpTOTP');
    renderSetup(simulator);
    await screen.findByRole('img', { name: /QR code/ });
    expect(setUp).toHaveBeenCalledTimes(1);
  });

  it('explains a wrong code, clears it, keeps the secret, and accepts the next one', async () => {
    const user = userEvent.setup();
    const simulator = await signedInSimulator();
    renderSetup(simulator);
    const secret = await readManualKey(user);
    await user.type(codeField(), wrongCode(secret));
    expect(
      await screen.findByText(/That code didn't match. Check that your device sets its clock/),
    ).toBeInTheDocument();
    expect(codeField()).toHaveValue('');
    expect(codeField()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(secret.replace(/(.{4})(?=.)/g, '$1 '))).toBeInTheDocument();
    await user.type(codeField(), phoneCode(secret));
    expect(await screen.findByText(/Your authenticator app is set up/)).toBeInTheDocument();
  });

  it('keeps the typed code through a network error and retries it', async () => {
    const user = userEvent.setup();
    const simulator = await signedInSimulator();
    renderSetup(simulator);
    const secret = await readManualKey(user);
    simulator.failNext('verifyTOTPSetup', 'network');
    const code = phoneCode(secret);
    await user.type(codeField(), code);
    expect(await screen.findByText(/We could not reach the server/)).toBeInTheDocument();
    expect(codeField()).toHaveValue(code);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Your authenticator app is set up/)).toBeInTheDocument();
  });

  it('retries only the preference when the code already verified', async () => {
    const user = userEvent.setup();
    const simulator = await signedInSimulator();
    renderSetup(simulator);
    const secret = await readManualKey(user);
    simulator.failNext('updateMFAPreference', 'network');
    await user.type(codeField(), phoneCode(secret));
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Your authenticator app is set up/)).toBeInTheDocument();
    expect(simulator.pool.getUser('alice')?.preferred).toBe('TOTP');
  });

  it('offers a fresh start when the session is gone', async () => {
    const user = userEvent.setup();
    const simulator = await signedInSimulator();
    renderSetup(simulator);
    const secret = await readManualKey(user);
    await act(() => simulator.client.signOut());
    await user.type(codeField(), phoneCode(secret));
    expect(
      await screen.findByText('Your setup session expired. Start again to get a new key.'),
    ).toBeInTheDocument();
    await act(() => simulator.client.signIn({ username: 'alice', password: PASSWORD }));
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    const newSecret = await readManualKey(user);
    expect(newSecret).not.toBe(secret);
  });

  it('warns that an existing authenticator will be replaced', async () => {
    const simulator = await signedInSimulator([
      { username: 'alice', password: PASSWORD, totpSecret: 'JBSWY3DPEHPK3PXP', preferred: 'TOTP' },
    ]);
    renderSetup(simulator);
    expect(await screen.findByText(/codes from the old one stop working/)).toBeInTheDocument();
  });

  it('copies the key and says so; selects it when the clipboard is refused', async () => {
    const user = userEvent.setup();
    const simulator = await signedInSimulator();
    renderSetup(simulator);
    const secret = await readManualKey(user);
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    expect(await screen.findByText('Setup key copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(secret);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    expect(await screen.findByText(/Could not copy. The key is selected/)).toBeInTheDocument();
    expect(globalThis.getSelection()?.toString().replace(/ /g, '')).toBe(secret);
  });
});

describe('TotpSetup inside sign-in', () => {
  it('answers CONTINUE_SIGN_IN_WITH_TOTP_SETUP with confirmSignIn', async () => {
    const user = userEvent.setup();
    const simulator = createCognitoSimulator({
      mfaConfiguration: 'ON',
      mfaMethods: ['TOTP'],
      users: [{ username: 'alice', password: PASSWORD }],
    });
    const { nextStep } = await simulator.client.signIn({ username: 'alice', password: PASSWORD });
    if (nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') throw new Error(nextStep.signInStep);
    const { onVerified } = renderSetup(simulator, { totpSetupDetails: nextStep.totpSetupDetails });
    const qr = await screen.findByRole('img', { name: /QR code/ });
    expect(qr).toBeInTheDocument();
    const secret = await readManualKey(user);
    expect(secret).toBe(nextStep.totpSetupDetails.sharedSecret);
    await user.type(codeField(), phoneCode(secret));
    await waitFor(() =>
      expect(onVerified).toHaveBeenCalledWith({ isSignedIn: true, nextStep: { signInStep: 'DONE' } }),
    );
    expect(simulator.pool.getUser('alice')?.totpEnabled).toBe(true);
  });
});
