import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MfaChallenge, MfaProvider, SignIn } from 'mfa-kit';
import { type CognitoSimulatorOptions, createCognitoSimulator } from 'mfa-kit/testing';
import { describe, expect, it, vi } from 'vitest';
import { phoneCode, wrongCode } from '../contract/support/authenticator';

const PASSWORD = 'Passw0rd!';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function setup(options: CognitoSimulatorOptions = {}) {
  const simulator = createCognitoSimulator({
    users: [
      { username: 'totpuser', password: PASSWORD, totpSecret: SECRET, preferred: 'TOTP' },
      {
        username: 'smsuser',
        password: PASSWORD,
        phoneNumber: '+15555550123',
        totpSecret: SECRET,
        enabled: ['SMS', 'TOTP'],
      },
      {
        username: 'textuser',
        password: PASSWORD,
        phoneNumber: '+15555550199',
        enabled: ['SMS'],
        preferred: 'SMS',
      },
    ],
    ...options,
  });
  const onSignedIn = vi.fn();
  const user = userEvent.setup();
  render(
    <MfaProvider client={simulator.client} issuer="Acme">
      <SignIn onSignedIn={onSignedIn} />
    </MfaProvider>,
  );
  return { simulator, onSignedIn, user };
}

async function enterCredentials(
  user: ReturnType<typeof userEvent.setup>,
  username: string,
  password = PASSWORD,
) {
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

const codeField = () => screen.findByRole('textbox', { name: 'Verification code' });

describe('SignIn', () => {
  it('says what is missing before calling Cognito', async () => {
    const { user, simulator } = setup();
    const signIn = vi.spyOn(simulator.client, 'signIn');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your username.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(signIn).not.toHaveBeenCalled();
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const { user } = setup();
    await enterCredentials(user, 'totpuser', 'wrong');
    expect(await screen.findByText('Incorrect username or password.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Username'));
    await user.clear(screen.getByLabelText('Password'));
    await enterCredentials(user, 'nobody');
    expect(await screen.findByText('Incorrect username or password.')).toBeInTheDocument();
  });

  it('signs in with a TOTP code after a wrong one, counting attempts', async () => {
    const { user, onSignedIn } = setup();
    await enterCredentials(user, 'totpuser');
    expect(
      await screen.findByRole('heading', { name: 'Enter the code from your authenticator app' }),
    ).toBeInTheDocument();
    await user.type(await codeField(), wrongCode(SECRET));
    // One alert says both what went wrong and how many tries are left.
    expect(
      await screen.findByText(
        'That code is not correct. Check the code and try again. Check the code carefully: 4 attempts left before sign-in is paused for a while.',
      ),
    ).toHaveAttribute('role', 'alert');
    expect(await codeField()).toHaveValue('');
    await waitFor(async () => expect(await codeField()).toHaveFocus());
    await user.type(await codeField(), phoneCode(SECRET));
    await waitFor(() =>
      expect(onSignedIn).toHaveBeenCalledWith({ isSignedIn: true, nextStep: { signInStep: 'DONE' } }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('You are signed in.');
  });

  it('lets the user pick a method with the keyboard when several are enabled', async () => {
    const { user, onSignedIn } = setup();
    await enterCredentials(user, 'smsuser');
    const group = await screen.findByRole('group', { name: 'Verification method' });
    expect(within(group).getByText(/SIM swapping/)).toBeInTheDocument();
    const totp = within(group).getByRole('radio', { name: 'Authenticator app' });
    expect(totp).toBeChecked();
    await user.click(totp);
    await user.keyboard('{ArrowUp}');
    expect(within(group).getByRole('radio', { name: 'Text message (SMS)' })).toBeChecked();
    await user.keyboard('{ArrowDown}');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await codeField(), phoneCode(SECRET));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
  });

  it('lets the user go back and choose another method without retyping the password', async () => {
    const { user, onSignedIn, simulator } = setup();
    await enterCredentials(user, 'smsuser');
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await codeField();
    await user.click(screen.getByRole('button', { name: 'Try another way' }));
    const group = await screen.findByRole('group', { name: 'Verification method' });
    await user.click(within(group).getByRole('radio', { name: 'Text message (SMS)' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('We sent a code to +*******0123.')).toBeInTheDocument();
    await user.type(await codeField(), simulator.outbox.latest({ username: 'smsuser' })?.code ?? '');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
  });

  it('offers no other way when Cognito gave no choice', async () => {
    const { user } = setup();
    await enterCredentials(user, 'totpuser');
    await codeField();
    expect(screen.queryByRole('button', { name: 'Try another way' })).not.toBeInTheDocument();
  });

  it.each(['signIn', 'selection', 'code'] as const)(
    'keeps the user on the step with their input when the network fails at %s, and the retry completes',
    async (failingCall) => {
      const { user, simulator, onSignedIn } = setup();
      const failHere = async (call: typeof failingCall, keptInput: () => Promise<unknown>) => {
        if (call !== failingCall) return;
        expect(await screen.findByText(/We could not reach the server/)).toBeInTheDocument();
        await keptInput();
        await user.click(screen.getByRole('button', { name: 'Try again' }));
      };
      if (failingCall === 'signIn') simulator.failNext('signIn', 'network');
      await enterCredentials(user, 'smsuser');
      await failHere('signIn', async () => expect(screen.getByLabelText('Username')).toHaveValue('smsuser'));

      if (failingCall === 'selection') simulator.failNext('confirmSignIn', 'network');
      await user.click(await screen.findByRole('button', { name: 'Continue' }));
      await failHere('selection', async () =>
        expect(screen.getByRole('radio', { name: 'Authenticator app' })).toBeChecked(),
      );

      const code = phoneCode(SECRET);
      if (failingCall === 'code') simulator.failNext('confirmSignIn', 'network');
      await user.type(await codeField(), code);
      await failHere('code', async () => expect(await codeField()).toHaveValue(code));
      await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    },
  );

  it('shows where an SMS code went and accepts it', async () => {
    const { user, onSignedIn, simulator } = setup();
    await enterCredentials(user, 'textuser');
    expect(await screen.findByText('We sent a code to +*******0199.')).toBeInTheDocument();
    await user.type(await codeField(), simulator.outbox.latest({ username: 'textuser' })?.code ?? '');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
  });

  it('goes back to the password form with the username kept when the challenge expires', async () => {
    const { user, simulator } = setup();
    await enterCredentials(user, 'totpuser');
    await codeField();
    simulator.clock.advance(3 * 60_000 + 1000);
    await user.type(await codeField(), phoneCode(SECRET, simulator.clock.now()));
    expect(
      await screen.findByText('Your sign-in session expired. Start again to get a new one.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveValue('totpuser');
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('keeps the code through a network failure and retries it', async () => {
    const { user, simulator, onSignedIn } = setup();
    await enterCredentials(user, 'totpuser');
    simulator.failNext('confirmSignIn', 'network');
    const code = phoneCode(SECRET);
    await user.type(await codeField(), code);
    expect(await screen.findByText(/We could not reach the server/)).toBeInTheDocument();
    expect(await codeField()).toHaveValue(code);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
  });

  it('retries the same credentials after a network failure at sign-in, without retyping', async () => {
    const { user, simulator, onSignedIn } = setup();
    simulator.failNext('signIn', 'network');
    await enterCredentials(user, 'totpuser');
    expect(await screen.findByText(/We could not reach the server/)).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveValue('totpuser');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await user.type(await codeField(), phoneCode(SECRET));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
  });

  it('signs in even when remembering the device fails', async () => {
    const { user, simulator, onSignedIn } = setup();
    await enterCredentials(user, 'totpuser');
    await user.click(await screen.findByRole('checkbox', { name: 'Remember this device' }));
    simulator.failNext('rememberDevice', 'network');
    await user.type(await codeField(), phoneCode(SECRET));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(simulator.pool.getUser('totpuser')?.devices).toEqual([]);
  });

  it('locks out after five wrong codes and says so', async () => {
    const { user } = setup();
    await enterCredentials(user, 'totpuser');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await user.type(await codeField(), wrongCode(SECRET));
      await screen.findByText(/attempts? left|0 attempts/);
    }
    expect(screen.getByText(/0 attempts left/)).toBeInTheDocument();
    await user.type(await codeField(), wrongCode(SECRET));
    // One message with the live countdown, not a second "Too many failed attempts" beside it.
    expect(
      await screen.findByText(/Too many wrong codes\. You can try again in \d+ seconds?\./),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Too many failed attempts/)).not.toBeInTheDocument();
    expect(await codeField()).toBeDisabled();
  });

  it('remembers the device so the next sign-in skips the code', async () => {
    const { user, simulator, onSignedIn } = setup();
    await enterCredentials(user, 'totpuser');
    await user.click(await screen.findByRole('checkbox', { name: 'Remember this device' }));
    await user.type(await codeField(), phoneCode(SECRET));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(simulator.pool.getUser('totpuser')?.devices).toHaveLength(1);
    await simulator.client.signOut();
    expect(
      (await simulator.client.signIn({ username: 'totpuser', password: PASSWORD })).nextStep.signInStep,
    ).toBe('DONE');
  });

  it('offers sign-out when someone is already signed in', async () => {
    const { user, simulator, onSignedIn } = setup();
    await act(async () => {
      await simulator.client.signIn({ username: 'smsuser', password: PASSWORD });
      await simulator.client.confirmSignIn({ challengeResponse: 'TOTP' });
      await simulator.client.confirmSignIn({ challengeResponse: phoneCode(SECRET) });
    });
    await enterCredentials(user, 'totpuser');
    expect(await screen.findByText(/You are already signed in/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.queryByText(/You are already signed in/)).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await codeField(), phoneCode(SECRET));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
  });

  it('onboards a new user with TOTP when the pool requires MFA', async () => {
    const { user, onSignedIn, simulator } = setup({ mfaConfiguration: 'ON', mfaMethods: ['TOTP'] });
    act(() => {
      simulator.pool.createUser({ username: 'newbie', password: PASSWORD });
    });
    await enterCredentials(user, 'newbie');
    await user.click(await screen.findByRole('button', { name: /setup key/ }));
    const key =
      (await screen.findByText(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/)).textContent?.replace(/ /g, '') ?? '';
    await user.type(await codeField(), phoneCode(key));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(simulator.pool.getUser('newbie')?.totpEnabled).toBe(true);
  });
});

describe('focus between steps (keyboard and screen-reader users are never left on <body>)', () => {
  it('moves to the selected method after the password, and back to it after "Try another way"', async () => {
    const { user } = setup();
    await enterCredentials(user, 'smsuser');
    const picker = await screen.findByRole('group', { name: 'Verification method' });
    await waitFor(() =>
      expect(within(picker).getByRole('radio', { name: 'Authenticator app' })).toHaveFocus(),
    );
    // Enter on the focused option submits the step: the keyboard alone goes on.
    await user.keyboard('{Enter}');
    await codeField();
    await user.click(screen.getByRole('button', { name: 'Try another way' }));
    const again = await screen.findByRole('group', { name: 'Verification method' });
    await waitFor(() =>
      expect(within(again).getByRole('radio', { name: 'Authenticator app' })).toHaveFocus(),
    );
  });

  it('moves to the heading of authenticator setup during sign-in, so the QR instructions are read first', async () => {
    const { user, simulator } = setup({ mfaConfiguration: 'ON', mfaMethods: ['TOTP'] });
    act(() => {
      simulator.pool.createUser({ username: 'newbie', password: PASSWORD });
    });
    await enterCredentials(user, 'newbie');
    const heading = await screen.findByRole('heading', { name: 'Set up your authenticator app' });
    await waitFor(() => expect(heading).toHaveFocus());
  });
});

describe('MfaChallenge', () => {
  it("continues the host's own signIn and hands back steps it does not handle", async () => {
    const simulator = createCognitoSimulator({
      users: [{ username: 'totpuser', password: PASSWORD, totpSecret: SECRET, preferred: 'TOTP' }],
    });
    const { nextStep } = await simulator.client.signIn({ username: 'totpuser', password: PASSWORD });
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    const { unmount } = render(
      <MfaProvider client={simulator.client}>
        <MfaChallenge defaultStep={nextStep} onSignedIn={onSignedIn} />
      </MfaProvider>,
    );
    await user.type(await codeField(), phoneCode(SECRET));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    unmount();

    const onUnhandledStep = vi.fn();
    const custom = { signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE' } as const;
    render(
      <MfaProvider client={simulator.client}>
        <MfaChallenge defaultStep={custom} onUnhandledStep={onUnhandledStep} />
      </MfaProvider>,
    );
    expect(onUnhandledStep).toHaveBeenCalledWith(custom);
  });
});
