import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MfaChallenge, MfaProvider, SignIn } from 'mfa-kit';
import { type CognitoSimulator, type CognitoSimulatorOptions, createCognitoSimulator } from 'mfa-kit/testing';
import { describe, expect, it, vi } from 'vitest';
import { phoneCode } from '../contract/support/authenticator';
import { readManualKey } from './manualKey';

const PASSWORD = 'Passw0rd!';
const LOST_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Alice enrolled an authenticator and saved her recovery codes; then she lost the phone. */
async function aliceWithSavedCodes(options: CognitoSimulatorOptions = {}) {
  const simulator = createCognitoSimulator({
    users: [{ username: 'alice', password: PASSWORD, totpSecret: LOST_SECRET, preferred: 'TOTP' }],
    ...options,
  });
  await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  await simulator.client.confirmSignIn({ challengeResponse: phoneCode(LOST_SECRET) });
  const { codes } = await simulator.recoveryCodes.generate();
  await simulator.client.signOut();
  return { simulator, codes };
}

function renderSignIn(simulator: CognitoSimulator) {
  const onSignedIn = vi.fn();
  const user = userEvent.setup();
  render(
    <MfaProvider client={simulator.client} recovery={simulator.recoveryCodes} issuer="Acme">
      <SignIn onSignedIn={onSignedIn} />
    </MfaProvider>,
  );
  return { user, onSignedIn };
}

async function signInToChallenge(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Username'), 'alice');
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('heading', { name: 'Enter the code from your authenticator app' });
}

/** What the live regions say: the recovery form's own and the flow's. */
const alerts = () =>
  screen
    .getAllByRole('alert')
    .map((alert) => alert.textContent)
    .join(' ');

const recoveryField = () => screen.getByRole('textbox', { name: 'Recovery code' });

async function saveNewCodes(user: ReturnType<typeof userEvent.setup>) {
  const list = await screen.findByRole('list', { name: 'Your recovery codes' });
  const codes = within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
  await user.click(screen.getByRole('checkbox', { name: 'I have saved these codes' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  return codes;
}

describe('Lost authenticator → recovery code → signed in → re-enrolled → new codes', () => {
  it('walks the whole journey in an OPTIONAL pool, and the used code is refused afterwards', async () => {
    const { simulator, codes } = await aliceWithSavedCodes();
    const { user, onSignedIn } = renderSignIn(simulator);
    await signInToChallenge(user);

    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    // The recovery step loads on demand (React.lazy), then takes focus.
    await waitFor(() => expect(recoveryField()).toHaveFocus());
    // The password is kept from the form: not asked again.
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();

    await user.type(recoveryField(), 'abc');
    await user.click(screen.getByRole('button', { name: 'Use recovery code' }));
    expect(alerts()).toMatch('A recovery code has 10 letters and digits');
    expect(recoveryField()).toHaveAttribute('aria-invalid', 'true');

    await user.clear(recoveryField());
    await user.type(recoveryField(), 'AAAAA-AAAAA');
    await user.click(screen.getByRole('button', { name: 'Use recovery code' }));
    await waitFor(() =>
      expect(alerts()).toMatch('That recovery code is not correct. Check it and try again.'),
    );
    expect(recoveryField()).toHaveValue('AAAAA-AAAAA');

    const used = codes[0] ?? '';
    await user.clear(recoveryField());
    await user.type(recoveryField(), used.toLowerCase().replace('-', ' '));
    await user.click(screen.getByRole('button', { name: 'Use recovery code' }));

    expect(await screen.findByText(/signed in with a recovery code/)).toBeInTheDocument();
    // The enrol step loads on demand as well, and takes focus: it never drops to <body>.
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    expect(simulator.pool.getUser('alice')?.totpEnabled).toBe(false);
    expect(onSignedIn).not.toHaveBeenCalled();

    const newSecret = await readManualKey(user);
    expect(newSecret).not.toBe(LOST_SECRET);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(newSecret));

    const newCodes = await saveNewCodes(user);
    expect(newCodes).toHaveLength(10);
    expect(newCodes).not.toContain(used);
    expect(onSignedIn).toHaveBeenCalledWith({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(simulator.pool.getUser('alice')).toMatchObject({ totpEnabled: true, preferred: 'TOTP' });

    // The used code, and every other code of the old set, no longer work.
    for (const old of [used, codes[1] ?? '']) {
      expect(
        await simulator.recoveryCodes.redeem({ username: 'alice', password: PASSWORD, code: old }),
      ).toEqual({
        ok: false,
        reason: 'CODE_INVALID',
      });
    }
    expect(simulator.auditLog().filter((event) => event.type === 'mfa_recovery_used')).toHaveLength(1);
  });

  it('in a pool with MFA required, the pool itself asks for the new authenticator during sign-in', async () => {
    const { simulator, codes } = await aliceWithSavedCodes({ mfaConfiguration: 'ON', mfaMethods: ['TOTP'] });
    const { user, onSignedIn } = renderSignIn(simulator);
    await signInToChallenge(user);
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await user.type(recoveryField(), codes[2] ?? '');
    await user.click(screen.getByRole('button', { name: 'Use recovery code' }));

    const secret = await readManualKey(user);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    expect(await saveNewCodes(user)).toHaveLength(10);
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    expect(simulator.pool.getUser('alice')?.totpEnabled).toBe(true);
  });

  it('says a used code was used, and a rate-limited user when to come back', async () => {
    const { simulator, codes } = await aliceWithSavedCodes();
    await simulator.recoveryCodes.redeem({ username: 'alice', password: PASSWORD, code: codes[0] ?? '' });
    // Alice enrols again, so a challenge is asked once more.
    simulator.pool.setUserMfaPreference('alice', { TOTP: 'PREFERRED' });
    const { user } = renderSignIn(simulator);
    await signInToChallenge(user);
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await user.type(recoveryField(), codes[0] ?? '');
    await user.click(screen.getByRole('button', { name: 'Use recovery code' }));
    await waitFor(() => expect(alerts()).toMatch('That recovery code was already used'));

    for (let i = 0; i < 4; i += 1)
      await user.click(await screen.findByRole('button', { name: 'Use recovery code' }));
    await waitFor(() => expect(alerts()).toMatch(/Too many attempts. Try again in \d+ seconds/));
  });

  it('goes back to the same challenge, and the authenticator code still works there', async () => {
    const { simulator } = await aliceWithSavedCodes();
    const { user, onSignedIn } = renderSignIn(simulator);
    await signInToChallenge(user);
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.type(
      await screen.findByRole('textbox', { name: 'Verification code' }),
      phoneCode(LOST_SECRET),
    );
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
  });

  it('keeps the typed code through a network failure, and Try again redeems it', async () => {
    const { simulator, codes } = await aliceWithSavedCodes();
    const { user } = renderSignIn(simulator);
    await signInToChallenge(user);
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await user.type(recoveryField(), codes[3] ?? '');
    simulator.failNext('recoveryCodes.redeem', 'network');
    await user.click(screen.getByRole('button', { name: 'Use recovery code' }));
    const alert = await screen.findByText(
      'We could not reach the server. Check your connection and try again.',
    );
    expect(recoveryField()).toHaveValue(codes[3]);
    await user.click(
      within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Try again' }),
    );
    expect(await screen.findByText(/signed in with a recovery code/)).toBeInTheDocument();
  });

  it('MfaChallenge after the host’s own signIn asks for the password with the code', async () => {
    const { simulator, codes } = await aliceWithSavedCodes();
    const { nextStep } = await simulator.client.signIn({ username: 'alice', password: PASSWORD });
    const user = userEvent.setup();
    render(
      <MfaProvider client={simulator.client} recovery={simulator.recoveryCodes}>
        <MfaChallenge defaultStep={nextStep} defaultUsername="alice" />
      </MfaProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code' }));
    await user.type(recoveryField(), codes[4] ?? '');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Use recovery code' }));
    // One answer for a wrong password or a wrong code (issue 12: no password oracle).
    await waitFor(() =>
      expect(alerts()).toMatch('That recovery code is not correct, or the password is wrong.'),
    );
    expect(
      await simulator.recoveryCodes.redeem({ username: 'alice', password: 'x', code: 'AAAAA-AAAAA' }),
    ).toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Use recovery code' }));
    expect(await screen.findByText(/signed in with a recovery code/)).toBeInTheDocument();
  });

  it('shows new codes after a first enrolment during sign-in', async () => {
    const simulator = createCognitoSimulator({
      mfaConfiguration: 'ON',
      mfaMethods: ['TOTP'],
      users: [{ username: 'alice', password: PASSWORD }],
    });
    const { user, onSignedIn } = renderSignIn(simulator);
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const secret = await readManualKey(user);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    expect(await saveNewCodes(user)).toHaveLength(10);
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('offers no recovery link when the provider has no recovery adapter', async () => {
    const { simulator } = await aliceWithSavedCodes();
    const user = userEvent.setup();
    render(
      <MfaProvider client={simulator.client}>
        <SignIn />
      </MfaProvider>,
    );
    await signInToChallenge(user);
    expect(screen.queryByRole('button', { name: 'Use a recovery code' })).not.toBeInTheDocument();
  });

  it('after an enrolment that finds codes already saved, says how many are left and goes on', async () => {
    const { simulator } = await aliceWithSavedCodes({ mfaConfiguration: 'ON', mfaMethods: ['TOTP'] });
    simulator.pool.resetUserMfa('alice');
    const { user, onSignedIn } = renderSignIn(simulator);
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const secret = await readManualKey(user);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    expect(await screen.findByText(/10 of 10 codes left/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Your recovery codes' })).not.toBeInTheDocument();
    // Replacing codes is for the user's settings, not a sign-in interstitial.
    expect(screen.queryByRole('button', { name: 'Generate new codes' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('with few codes left, says where to replace them, and goes on without replacing them', async () => {
    // Eight codes used over two hours: redeeming is limited to five attempts in 15 minutes.
    let now = Date.now();
    const { simulator, codes } = await aliceWithSavedCodes({
      mfaConfiguration: 'ON',
      mfaMethods: ['TOTP'],
      now: () => now,
    });
    for (const code of codes.slice(0, 8)) {
      now += 16 * 60_000;
      expect(
        await simulator.recoveryCodes.redeem({ username: 'alice', password: PASSWORD, code }),
      ).toMatchObject({
        ok: true,
      });
    }
    simulator.pool.resetUserMfa('alice');
    const { user, onSignedIn } = renderSignIn(simulator);
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const secret = await readManualKey(user);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret, now));
    expect(await screen.findByText(/2 of 10 codes left/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'Only 2 recovery codes left. Generate new ones soon. You can do that in your security settings once you are signed in.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Generate new codes' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    // The two codes left still work: nothing was replaced behind the user's back.
    await simulator.client.signOut();
    expect(
      await simulator.recoveryCodes.redeem({ username: 'alice', password: PASSWORD, code: codes[8] ?? '' }),
    ).toMatchObject({ ok: true });
  });
});
