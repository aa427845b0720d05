import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CodeInput, MfaChallenge, MfaProvider, SignIn, type SignInProps } from 'mfa-kit';
import { type CognitoSimulatorOptions, createCognitoSimulator } from 'mfa-kit/testing';
import { describe, expect, it, vi } from 'vitest';
import { phoneCode, wrongCode } from '../contract/support/authenticator';

/**
 * Issue 15: what a team moving from Amplify UI's Authenticator expects of <SignIn>. Each describe
 * is one item of the list.
 */
const PASSWORD = 'Passw0rd!';
const TEMPORARY = 'Temp-Passw0rd!';
const NEW_PASSWORD = 'Brand-new-Passw0rd!';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const users: CognitoSimulatorOptions['users'] = [
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
  {
    username: 'mailuser',
    password: PASSWORD,
    email: 'mail@example.com',
    enabled: ['EMAIL'],
    preferred: 'EMAIL',
  },
  { username: 'newuser', password: PASSWORD },
  {
    username: 'admincreated',
    password: TEMPORARY,
    status: 'FORCE_CHANGE_PASSWORD',
    email: 'ada@example.com',
  },
  { username: 'pending', password: PASSWORD, status: 'UNCONFIRMED' },
];

function setup(options: CognitoSimulatorOptions = {}, props: Partial<SignInProps> = {}) {
  const simulator = createCognitoSimulator({ users, ...options });
  const onSignedIn = vi.fn();
  const user = userEvent.setup();
  render(
    <MfaProvider client={simulator.client} issuer="Acme">
      <SignIn onSignedIn={onSignedIn} {...props} />
    </MfaProvider>,
  );
  return { simulator, onSignedIn, user };
}

type User = ReturnType<typeof userEvent.setup>;

async function enterCredentials(user: User, username: string, password = PASSWORD, label = 'Username') {
  await user.type(screen.getByLabelText(label), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

const codeField = (name: string | RegExp = 'Verification code') => screen.findByRole('textbox', { name });
const back = () => screen.findByRole('button', { name: 'Back to sign in' });

async function expectBackAtPassword(username: string) {
  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  expect(screen.getByLabelText('Username')).toHaveValue(username);
  await waitFor(() => expect(screen.getByLabelText('Password')).toHaveFocus());
  expect(screen.getByLabelText('Password')).toHaveValue('');
}

describe('1. Back to sign in from every MFA step', () => {
  it('from the SMS code: the challenge is abandoned, username kept, password focused; signing in again works', async () => {
    const { user, simulator, onSignedIn } = setup();
    await enterCredentials(user, 'textuser');
    await codeField();
    const firstCode = simulator.outbox.latest({ username: 'textuser' })?.code ?? '';
    await user.click(await back());
    await expectBackAtPassword('textuser');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await codeField();
    const secondCode = simulator.outbox.latest({ username: 'textuser' })?.code ?? '';
    expect(simulator.outbox.messages).toHaveLength(2);
    // The abandoned challenge's code is worthless in the new sign-in (unless both happen to be equal).
    if (firstCode !== secondCode) {
      await user.type(await codeField(), firstCode);
      expect(await screen.findByText(/That code is not correct/)).toBeInTheDocument();
    }
    await user.type(await codeField(), secondCode);
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
  });

  it('from the email code and the TOTP code', async () => {
    const { user } = setup();
    await enterCredentials(user, 'mailuser');
    expect(
      await screen.findByRole('heading', { name: 'Enter the code we sent by email' }),
    ).toBeInTheDocument();
    await user.click(await back());
    await expectBackAtPassword('mailuser');
    await user.clear(screen.getByLabelText('Username'));
    await enterCredentials(user, 'totpuser');
    expect(
      await screen.findByRole('heading', { name: 'Enter the code from your authenticator app' }),
    ).toBeInTheDocument();
    await user.click(await back());
    await expectBackAtPassword('totpuser');
  });

  it('from method selection', async () => {
    const { user } = setup();
    await enterCredentials(user, 'smsuser');
    await screen.findByRole('group', { name: 'Verification method' });
    await user.click(await back());
    await expectBackAtPassword('smsuser');
  });

  it('from setup selection and from email setup', async () => {
    const { user } = setup({ mfaConfiguration: 'ON', mfaMethods: ['TOTP', 'EMAIL'] });
    await enterCredentials(user, 'newuser');
    await screen.findByRole('heading', { name: 'Choose a second step to protect your account' });
    await user.click(await back());
    await expectBackAtPassword('newuser');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const group = await screen.findByRole('group', { name: 'Verification method' });
    await user.click(within(group).getByRole('radio', { name: 'Email' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByLabelText('Email address');
    await user.click(await back());
    await expectBackAtPassword('newuser');
  });

  it('from authenticator-app setup during sign-in', async () => {
    const { user } = setup({ mfaConfiguration: 'ON', mfaMethods: ['TOTP'] });
    await enterCredentials(user, 'newuser');
    await screen.findByRole('heading', { name: /Set up/i });
    await user.click(await back());
    await expectBackAtPassword('newuser');
  });

  it('from the new-password step', async () => {
    const { user } = setup();
    await enterCredentials(user, 'admincreated', TEMPORARY);
    await screen.findByRole('heading', { name: 'Choose a new password' });
    await user.click(await back());
    await expectBackAtPassword('admincreated');
  });

  it('MfaChallenge shows the link only when the host can take the user back', async () => {
    const simulator = createCognitoSimulator({ users });
    const { nextStep } = await simulator.client.signIn({ username: 'totpuser', password: PASSWORD });
    const onRestart = vi.fn();
    const user = userEvent.setup();
    const { unmount } = render(
      <MfaProvider client={simulator.client}>
        <MfaChallenge defaultStep={nextStep} onRestart={onRestart} />
      </MfaProvider>,
    );
    await user.click(await back());
    expect(onRestart).toHaveBeenCalledTimes(1);
    unmount();
    render(
      <MfaProvider client={simulator.client}>
        <MfaChallenge defaultStep={nextStep} />
      </MfaProvider>,
    );
    await codeField();
    expect(screen.queryByRole('button', { name: 'Back to sign in' })).toBeNull();
  });
});

describe('2. First sign-in with a temporary password (CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED)', () => {
  it('shows the policy hint, refuses a mismatch and an unmet rule before calling Cognito, then signs in', async () => {
    const { user, simulator, onSignedIn } = setup();
    await enterCredentials(user, 'admincreated', TEMPORARY);
    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument();
    const password = screen.getByLabelText('New password');
    const confirm = screen.getByLabelText('Confirm new password');
    await waitFor(() => expect(password).toHaveFocus());
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    // Seed 000's policy is the default hint.
    const hint = screen.getByText('Your password needs:').parentElement as HTMLElement;
    expect(
      within(hint)
        .getAllByRole('listitem')
        .map((item) => item.getAttribute('data-rule')),
    ).toEqual(['minimumLength', 'requireUppercase', 'requireLowercase', 'requireNumbers', 'requireSymbols']);
    expect(within(hint).getByText(/At least 12 characters/)).toBeInTheDocument();
    expect(password.getAttribute('aria-describedby')).toContain(hint.id);

    const confirmSignIn = vi.spyOn(simulator.client, 'confirmSignIn');
    await user.type(password, 'short1!A');
    await user.type(confirm, 'different');
    await user.click(screen.getByRole('button', { name: 'Save password and continue' }));
    expect(
      await screen.findByText('This password does not meet every requirement listed.'),
    ).toBeInTheDocument();
    expect(screen.getByText('The two passwords do not match.')).toBeInTheDocument();
    expect(
      within(hint)
        .getByText(/At least 12 characters/)
        .closest('li'),
    ).not.toHaveAttribute('data-met');
    expect(
      within(hint)
        .getByText(/A number/)
        .closest('li'),
    ).toHaveAttribute('data-met');
    expect(confirmSignIn).not.toHaveBeenCalled();

    // Show/hide toggles both fields.
    const toggle = screen.getByRole('button', { name: 'Show passwords' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(password).toHaveAttribute('type', 'text');
    expect(confirm).toHaveAttribute('type', 'text');

    await user.clear(password);
    await user.type(password, NEW_PASSWORD);
    await user.clear(confirm);
    await user.type(confirm, NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Save password and continue' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(confirmSignIn).toHaveBeenCalledWith({ challengeResponse: NEW_PASSWORD });
    expect(simulator.pool.getUser('admincreated')?.status).toBe('CONFIRMED');
    // The temporary password is spent; the new one works.
    await simulator.client.signOut();
    await expect(
      simulator.client.signIn({ username: 'admincreated', password: TEMPORARY }),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    await expect(
      simulator.client.signIn({ username: 'admincreated', password: NEW_PASSWORD }),
    ).resolves.toMatchObject({
      isSignedIn: true,
    });
  });

  it("says so at the field when Cognito's policy refuses the password (InvalidPasswordException), keeping what was typed", async () => {
    // The pool wants 16 characters; the hint was configured laxer, so only Cognito catches it.
    const { user, onSignedIn } = setup(
      {
        passwordPolicy: {
          minimumLength: 16,
          requireUppercase: true,
          requireLowercase: true,
          requireNumbers: true,
          requireSymbols: true,
        },
      },
      {
        passwordPolicy: {
          minimumLength: 8,
          requireUppercase: true,
          requireLowercase: true,
          requireNumbers: true,
          requireSymbols: true,
        },
      },
    );
    await enterCredentials(user, 'admincreated', TEMPORARY);
    const password = await screen.findByLabelText('New password');
    await user.type(password, 'Short-Passw0rd');
    await user.type(screen.getByLabelText('Confirm new password'), 'Short-Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Save password and continue' }));
    expect(
      await screen.findByText(
        'This password does not meet the account’s password rules. Choose another one.',
      ),
    ).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveValue('Short-Passw0rd');
    // Same challenge, another try.
    await user.clear(password);
    await user.type(password, 'Long-enough-Passw0rd');
    await user.clear(screen.getByLabelText('Confirm new password'));
    await user.type(screen.getByLabelText('Confirm new password'), 'Long-enough-Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Save password and continue' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
  });

  it('asks for the attributes Cognito lists in missingAttributes and sends them', async () => {
    const { user, simulator, onSignedIn } = setup({ requiredAttributes: ['name', 'email', 'phone_number'] });
    await enterCredentials(user, 'admincreated', TEMPORARY);
    const details = await screen.findByRole('group', { name: 'We also need some details' });
    // The seed has an email address, so only name and phone are missing.
    expect(within(details).queryByLabelText('Email address')).toBeNull();
    await user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await user.type(screen.getByLabelText('Confirm new password'), NEW_PASSWORD);
    await user.type(within(details).getByLabelText('Phone number'), '5550123');
    await user.click(screen.getByRole('button', { name: 'Save password and continue' }));
    expect(await within(details).findByText('Fill in this field.')).toBeInTheDocument();
    expect(within(details).getByText(/Enter the number with its country code/)).toBeInTheDocument();
    await user.type(within(details).getByLabelText('Full name'), 'Ada Lovelace');
    await user.clear(within(details).getByLabelText('Phone number'));
    await user.type(within(details).getByLabelText('Phone number'), '+15555550100');
    await user.click(screen.getByRole('button', { name: 'Save password and continue' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(await simulator.client.fetchUserAttributes()).toMatchObject({
      name: 'Ada Lovelace',
      phone_number: '+15555550100',
    });
  });

  it('continues with what Cognito returns next: TOTP setup in a pool that requires MFA (seed 003, phase 4)', async () => {
    const { user, onSignedIn, simulator } = setup({ mfaConfiguration: 'ON', mfaMethods: ['TOTP'] });
    await enterCredentials(user, 'admincreated', TEMPORARY);
    await user.type(await screen.findByLabelText('New password'), NEW_PASSWORD);
    await user.type(screen.getByLabelText('Confirm new password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Save password and continue' }));
    await user.click(await screen.findByRole('button', { name: /setup key/ }));
    const key =
      (await screen.findByText(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/)).textContent?.replace(/ /g, '') ?? '';
    await user.type(await codeField(), phoneCode(key));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(simulator.pool.getUser('admincreated')?.totpEnabled).toBe(true);
  });

  it('MfaChallenge handles the step from a host-run signIn too', async () => {
    const simulator = createCognitoSimulator({ users });
    const { nextStep } = await simulator.client.signIn({ username: 'admincreated', password: TEMPORARY });
    expect(nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    render(
      <MfaProvider client={simulator.client}>
        <MfaChallenge
          defaultStep={nextStep}
          defaultUsername="admincreated"
          onSignedIn={onSignedIn}
          passwordPolicy={false}
        />
      </MfaProvider>,
    );
    await screen.findByRole('heading', { name: 'Choose a new password' });
    expect(screen.queryByText('Your password needs:')).toBeNull();
    await user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await user.type(screen.getByLabelText('Confirm new password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Save password and continue' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
  });
});

describe('3. Per-step code field label and placeholder', () => {
  it('uses the label and placeholder given for each step', async () => {
    const { user } = setup(
      {},
      {
        codeFields: {
          totp: { label: 'Authenticator code', placeholder: '000000' },
          sms: { label: 'Text message code', placeholder: '······' },
        },
      },
    );
    await enterCredentials(user, 'totpuser');
    const totp = await codeField('Authenticator code');
    expect(totp).toHaveAttribute('placeholder', '000000');
    await user.click(await back());
    await user.clear(screen.getByLabelText('Username'));
    await enterCredentials(user, 'textuser');
    expect(await codeField('Text message code')).toHaveAttribute('placeholder', '······');
  });

  it('draws the placeholder in the empty slots, one character each, and hides it as digits arrive', async () => {
    const user = userEvent.setup();
    const { container } = render(<CodeInput placeholder="000000" />);
    const slots = () =>
      [...container.querySelectorAll('[data-mfa-part="slot"]')].map((slot) => slot.textContent);
    expect(slots()).toEqual(['0', '0', '0', '0', '0', '0']);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), '12');
    // The focused slot shows the caret rather than its placeholder.
    expect(slots()).toEqual(['1', '2', '', '0', '0', '0']);
  });

  it('reaches the code field of authenticator setup during sign-in', async () => {
    const { user } = setup(
      { mfaConfiguration: 'ON', mfaMethods: ['TOTP'] },
      { codeFields: { totpSetup: { label: 'Code from your new app' } } },
    );
    await enterCredentials(user, 'newuser');
    expect(await codeField('Code from your new app')).toBeInTheDocument();
  });
});

describe('4. Resend an SMS or email code after a cooldown', () => {
  it('counts down, then resends by signing in again; the old code stops working and the new one signs in', async () => {
    const { user, simulator, onSignedIn } = setup({}, { resendCooldownSeconds: 1 });
    await enterCredentials(user, 'textuser');
    await codeField();
    const cooling = screen.getByRole('button', { name: /^Resend in \d+ s$/ });
    expect(cooling).toBeDisabled();
    const resend = await screen.findByRole('button', { name: 'Resend code' }, { timeout: 3000 });
    const oldCode = simulator.outbox.latest({ username: 'textuser' })?.code ?? '';
    const signIn = vi.spyOn(simulator.client, 'signIn');
    await user.click(resend);
    expect(
      await screen.findByText('We sent a new code. The previous code no longer works.'),
    ).toBeInTheDocument();
    expect(signIn).toHaveBeenCalledWith({ username: 'textuser', password: PASSWORD });
    expect(simulator.outbox.messages).toHaveLength(2);
    // The cooldown starts again.
    expect(screen.getByRole('button', { name: /^Resend in \d+ s$/ })).toBeDisabled();
    const newCode = simulator.outbox.latest({ username: 'textuser' })?.code ?? '';
    if (oldCode !== newCode) {
      await user.type(await codeField(), oldCode);
      expect(await screen.findByText(/That code is not correct/)).toBeInTheDocument();
    }
    await user.type(await codeField(), newCode);
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
  });

  it('after choosing SMS from a list, resending chooses SMS again', async () => {
    const { user, simulator } = setup({}, { resendCooldownSeconds: 1 });
    await enterCredentials(user, 'smsuser');
    const group = await screen.findByRole('group', { name: 'Verification method' });
    await user.click(within(group).getByRole('radio', { name: /Text message/ }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Enter the code we sent by text message' });
    await user.click(await screen.findByRole('button', { name: 'Resend code' }, { timeout: 3000 }));
    expect(
      await screen.findByText('We sent a new code. The previous code no longer works.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Enter the code we sent by text message' }),
    ).toBeInTheDocument();
    expect(simulator.outbox.messages.filter((m) => m.username === 'smsuser')).toHaveLength(2);
  });

  it('is offered for email codes, never for authenticator codes', async () => {
    const { user } = setup();
    await enterCredentials(user, 'mailuser');
    expect(await screen.findByRole('button', { name: /^Resend in (30|29) s$/ })).toBeDisabled();
    await user.click(await back());
    await user.clear(screen.getByLabelText('Username'));
    await enterCredentials(user, 'totpuser');
    await codeField();
    expect(screen.queryByRole('button', { name: /Resend/ })).toBeNull();
  });
});

describe('5. The identifier field follows the pool', () => {
  it('email: label, type, autocomplete, inputmode, validation; signs in by email address', async () => {
    const { user } = setup({ usernameAttributes: ['email'] }, { loginWith: 'email' });
    const field = screen.getByLabelText('Email address');
    expect(field).toHaveAttribute('type', 'email');
    expect(field).toHaveAttribute('autocomplete', 'email');
    expect(field).toHaveAttribute('inputmode', 'email');
    await enterCredentials(user, 'not-an-address', PASSWORD, 'Email address');
    expect(
      await screen.findByText('Enter a valid email address, like name@example.com.'),
    ).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, '  mail@example.com ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByRole('heading', { name: 'Enter the code we sent by email' }),
    ).toBeInTheDocument();
  });

  it('phone: E.164 hint and validation, typed spacing removed', async () => {
    const { user, simulator } = setup({ usernameAttributes: ['phone_number'] }, { loginWith: 'phone' });
    const field = screen.getByLabelText('Phone number');
    expect(field).toHaveAttribute('type', 'tel');
    expect(field).toHaveAttribute('autocomplete', 'tel');
    expect(field).toHaveAttribute('inputmode', 'tel');
    expect(field).toHaveAccessibleDescription('Format: +[country code][number], like +14155550123.');
    await enterCredentials(user, '555 555 0199', PASSWORD, 'Phone number');
    expect(await screen.findByText(/Enter the number with its country code/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    const signIn = vi.spyOn(simulator.client, 'signIn');
    await user.clear(field);
    await user.type(field, ' +1 (555) 555-0199 ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByRole('heading', { name: 'Enter the code we sent by text message' }),
    ).toBeInTheDocument();
    expect(signIn).toHaveBeenCalledWith({ username: '+15555550199', password: PASSWORD });
  });

  it('username (default): trimmed before it is sent', async () => {
    const { user, simulator } = setup();
    const field = screen.getByLabelText('Username');
    expect(field).toHaveAttribute('autocomplete', 'username');
    const signIn = vi.spyOn(simulator.client, 'signIn');
    await enterCredentials(user, '  totpuser  ');
    await codeField();
    expect(signIn).toHaveBeenCalledWith({ username: 'totpuser', password: PASSWORD });
  });
});

describe('6. Unconfirmed users', () => {
  it('says the account is not confirmed and hands the username to the host', async () => {
    const onUserNotConfirmed = vi.fn();
    const { user } = setup({}, { onUserNotConfirmed });
    await enterCredentials(user, 'pending');
    expect(
      await screen.findByText(
        'This account is not confirmed yet. Confirm it with the code sent when you signed up, then sign in.',
      ),
    ).toBeInTheDocument();
    expect(onUserNotConfirmed).toHaveBeenCalledWith('pending');
    expect(screen.getByLabelText('Username')).toHaveValue('pending');
  });

  it('MfaChallenge given CONFIRM_SIGN_UP says the same and calls back', async () => {
    const simulator = createCognitoSimulator({ users });
    const { nextStep } = await simulator.client.signIn({ username: 'pending', password: PASSWORD });
    const onUserNotConfirmed = vi.fn();
    render(
      <MfaProvider client={simulator.client}>
        <MfaChallenge
          defaultStep={nextStep}
          defaultUsername="pending"
          onUserNotConfirmed={onUserNotConfirmed}
        />
      </MfaProvider>,
    );
    expect(await screen.findByText(/This account is not confirmed yet/)).toBeInTheDocument();
    expect(onUserNotConfirmed).toHaveBeenCalledWith('pending');
  });

  it('a wrong password for an unconfirmed user reveals nothing', async () => {
    const onUserNotConfirmed = vi.fn();
    const { user } = setup({}, { onUserNotConfirmed });
    await enterCredentials(user, 'pending', 'wrong');
    expect(await screen.findByText('Incorrect username or password.')).toBeInTheDocument();
    expect(onUserNotConfirmed).not.toHaveBeenCalled();
  });

  it('also when a client throws UserNotConfirmedException instead of answering CONFIRM_SIGN_UP', async () => {
    const onUserNotConfirmed = vi.fn();
    const { user, simulator } = setup({}, { onUserNotConfirmed });
    act(() =>
      simulator.failNext(
        'signIn',
        Object.assign(new Error('User is not confirmed.'), { name: 'UserNotConfirmedException' }),
      ),
    );
    await enterCredentials(user, 'pending');
    expect(await screen.findByText(/This account is not confirmed yet/)).toBeInTheDocument();
    expect(onUserNotConfirmed).toHaveBeenCalledWith('pending');
  });
});

describe('kept deliberately different from the Authenticator', () => {
  it('pre-selects the authenticator app and submits on the sixth digit', async () => {
    const { user, onSignedIn } = setup();
    await enterCredentials(user, 'smsuser');
    const group = await screen.findByRole('group', { name: 'Verification method' });
    expect(within(group).getByRole('radio', { name: 'Authenticator app' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await codeField(), wrongCode(SECRET).slice(0, 5));
    expect(onSignedIn).not.toHaveBeenCalled();
    await user.clear(await codeField());
    await user.type(await codeField(), phoneCode(SECRET));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
  });
});
