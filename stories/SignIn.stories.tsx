import type { Meta, StoryObj } from '@storybook/react-vite';
import { COGNITO_DEFAULT_PASSWORD_POLICY, SignIn, type SignInProps } from 'mfa-kit';
import type { CognitoSimulator, CognitoSimulatorOptions } from 'mfa-kit/testing';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { phoneCode, readSetupKey } from './support/authenticatorApp';
import { withBrand } from './support/brand';
import { PrivateSimulator } from './support/PrivateSimulator';

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
  { username: 'newuser', password: PASSWORD },
  {
    username: 'mailuser',
    password: PASSWORD,
    email: 'mail@example.com',
    enabled: ['EMAIL'],
    preferred: 'EMAIL',
  },
  // Created by an admin with a temporary password: the first sign-in asks for a new one.
  {
    username: 'admincreated',
    password: TEMPORARY,
    status: 'FORCE_CHANGE_PASSWORD',
    email: 'ada@example.com',
  },
  { username: 'pending', password: PASSWORD, status: 'UNCONFIRMED' },
];

interface StoryArgs {
  options?: CognitoSimulatorOptions;
  prepare?: (simulator: CognitoSimulator) => void;
  onSignedIn: () => void;
  onContinue: () => void;
  /** Further SignIn props: loginWith, codeFields, passwordPolicy, resendCooldownSeconds, … */
  props?: Partial<SignInProps>;
}

const meta = {
  title: 'Components/SignIn',
  component: SignIn,
  args: { onSignedIn: fn(), onContinue: fn() },
  render: ({ options, prepare, onSignedIn, onContinue, props }: StoryArgs) => (
    <PrivateSimulator options={{ users, ...options }} prepare={prepare}>
      {() => <SignIn onSignedIn={onSignedIn} onContinue={onContinue} {...props} />}
    </PrivateSimulator>
  ),
  parameters: {
    docs: {
      description: {
        component:
          'Drop-in sign-in: username and password, then every MFA step Cognito returns. Demo users (password `Passw0rd!`): ' +
          '`totpuser`, `smsuser` (chooses a method), `textuser` (SMS), `mailuser` (email), `newuser` (no MFA), ' +
          '`pending` (unconfirmed); `admincreated` signs in with the temporary password `Temp-Passw0rd!`.',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

async function signInAs(canvasElement: HTMLElement, username: string, password = PASSWORD) {
  const canvas = within(canvasElement);
  await userEvent.type(
    canvas.getByLabelText(/Username|Nombre de usuario|Benutzername|اسم المستخدم/),
    username,
  );
  await userEvent.type(canvas.getByLabelText(/^(Password|Contraseña|Passwort|كلمة المرور)$/), password);
  await userEvent.keyboard('{Enter}');
}
const codeField = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('textbox', {
    name: /Verification code|Código de verificación|Bestätigungscode|رمز التحقق/,
  });

export const Credentials: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
  },
};

export const MissingFields: Story = {
  name: 'Validation messages',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByText('Enter your username.')).toBeVisible();
    await expect(canvas.getByText('Enter your password.')).toBeVisible();
  },
};

export const WrongPassword: Story = {
  name: 'Wrong password',
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'totpuser', 'not-it');
    await expect(await within(canvasElement).findByText('Incorrect username or password.')).toBeVisible();
  },
};

export const TotpChallenge: Story = {
  name: 'TOTP code, then signed in',
  play: async ({ canvasElement, args }) => {
    await signInAs(canvasElement, 'totpuser');
    await userEvent.type(await codeField(canvasElement), phoneCode(SECRET));
    await waitFor(() => expect(args.onSignedIn).toHaveBeenCalled());
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('You are signed in.');
  },
};

export const WrongCode: Story = {
  name: 'Wrong code',
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'totpuser');
    await userEvent.type(
      await codeField(canvasElement),
      phoneCode(SECRET) === '000000' ? '111111' : '000000',
    );
    await expect(await within(canvasElement).findByText(/4 attempts left/)).toBeVisible();
  },
};

export const SmsCode: Story = {
  name: 'SMS code',
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'textuser');
    await expect(await within(canvasElement).findByText('We sent a code to +*******0199.')).toBeVisible();
  },
};

export const MethodSelection: Story = {
  name: 'Choose a method',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'smsuser');
    const group = await canvas.findByRole('group', { name: 'Verification method' });
    await expect(within(group).getByRole('radio', { name: 'Authenticator app' })).toBeChecked();
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(await codeField(canvasElement)).toBeEnabled();
  },
};

export const SetupWhenRequired: Story = {
  name: 'Pool requires MFA: set up TOTP',
  args: { options: { users, mfaConfiguration: 'ON', mfaMethods: ['TOTP'] } },
  play: async ({ canvasElement, args }) => {
    await signInAs(canvasElement, 'newuser');
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(await codeField(canvasElement), phoneCode(secret));
    await waitFor(() => expect(args.onSignedIn).toHaveBeenCalled());
  },
};

export const EmailSetup: Story = {
  name: 'Pool requires MFA: choose email',
  args: { options: { users, mfaConfiguration: 'ON', mfaMethods: ['TOTP', 'EMAIL'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'newuser');
    const group = await canvas.findByRole('group', { name: 'Verification method' });
    await userEvent.click(within(group).getByRole('radio', { name: 'Email' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await userEvent.type(await canvas.findByLabelText('Email address'), 'new@example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByText('We sent a code to n***@e***.')).toBeVisible();
  },
};

export const SessionExpired: Story = {
  name: 'Session expired',
  args: {
    prepare: (simulator) =>
      simulator.failNext(
        'confirmSignIn',
        Object.assign(new Error('Invalid session for the user, session is expired.'), {
          name: 'NotAuthorizedException',
        }),
      ),
  },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'totpuser');
    await userEvent.type(await codeField(canvasElement), phoneCode(SECRET));
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('Your sign-in session expired. Start again to get a new one.'),
    ).toBeVisible();
    await expect(canvas.getByLabelText('Username')).toHaveValue('totpuser');
  },
};

export const LockedOut: Story = {
  name: 'Locked out',
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'totpuser');
    const wrong = phoneCode(SECRET) === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const field = await codeField(canvasElement);
      await waitFor(() => expect(field).toBeEnabled());
      await userEvent.type(field, wrong);
      await waitFor(() => expect(field).toHaveValue(attempt < 5 ? '' : wrong));
    }
    await expect(await within(canvasElement).findByText(/You can try again in \d+ seconds/)).toBeVisible();
  },
};

export const NetworkError: Story = {
  name: 'Network error with retry',
  args: { prepare: (simulator) => simulator.failNext('signIn', 'network') },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'totpuser');
    await expect(await canvas.findByText(/We could not reach the server/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await userEvent.type(await codeField(canvasElement), phoneCode(SECRET));
    await waitFor(() => expect(args.onSignedIn).toHaveBeenCalled());
  },
};

export const TryAnotherWay: Story = {
  name: 'Try another way',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'smsuser');
    await userEvent.click(await canvas.findByRole('button', { name: 'Continue' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Try another way' }));
    await expect(await canvas.findByRole('group', { name: 'Verification method' })).toBeVisible();
  },
};

export const AlreadySignedIn: Story = {
  name: 'Already signed in',
  args: {
    prepare: (simulator) => {
      void simulator.client.signIn({ username: 'newuser', password: PASSWORD });
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'totpuser');
    await expect(await canvas.findByText(/You are already signed in/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(canvas.queryByText(/You are already signed in/)).toBeNull());
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('heading', { name: 'تسجيل الدخول' })).toBeVisible();
    await signInAs(canvasElement, 'totpuser');
    await expect(await codeField(canvasElement)).toBeEnabled();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'smsuser');
    await expect(
      await within(canvasElement).findByRole('group', { name: 'Verification method' }),
    ).toBeVisible();
  },
};

// SignIn completeness (issue 15): back link, first sign-in with a temporary password, resend, identifiers.

const typeNewPassword = async (canvasElement: HTMLElement, password: string, confirmation = password) => {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText('New password'), password);
  await userEvent.type(canvas.getByLabelText('Confirm new password'), confirmation);
  await userEvent.click(canvas.getByRole('button', { name: 'Save password and continue' }));
};

export const BackToSignIn: Story = {
  name: 'Back to sign in (from the SMS code)',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'textuser');
    await userEvent.click(await canvas.findByRole('button', { name: 'Back to sign in' }));
    await expect(await canvas.findByLabelText('Username')).toHaveValue('textuser');
    await waitFor(() => expect(canvas.getByLabelText('Password')).toHaveFocus());
  },
};

export const NewPassword: Story = {
  name: 'Temporary password: choose a new one',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'admincreated', TEMPORARY);
    await expect(await canvas.findByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await expect(canvas.getByText(/At least 12 characters/)).toBeVisible();
    await waitFor(() => expect(canvas.getByLabelText('New password')).toHaveFocus());
  },
};

export const NewPasswordMismatch: Story = {
  name: 'Temporary password: passwords do not match',
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'admincreated', TEMPORARY);
    await typeNewPassword(canvasElement, NEW_PASSWORD, `${NEW_PASSWORD}x`);
    await expect(await within(canvasElement).findByText('The two passwords do not match.')).toBeVisible();
  },
};

export const NewPasswordPolicyUnmet: Story = {
  name: 'Temporary password: policy not met (checked in the browser)',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'admincreated', TEMPORARY);
    await userEvent.click(await canvas.findByRole('button', { name: 'Show passwords' }));
    await typeNewPassword(canvasElement, 'short1!A');
    await expect(
      await canvas.findByText('This password does not meet every requirement listed.'),
    ).toBeVisible();
    await expect(canvas.getByLabelText('New password')).toHaveAttribute('type', 'text');
  },
};

export const NewPasswordRefused: Story = {
  name: 'Temporary password: refused by Cognito (InvalidPasswordException)',
  args: {
    // The pool wants 16 characters while the hint was configured with Cognito's default 8.
    options: { users, passwordPolicy: { ...COGNITO_DEFAULT_PASSWORD_POLICY, minimumLength: 16 } },
    props: { passwordPolicy: COGNITO_DEFAULT_PASSWORD_POLICY },
  },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'admincreated', TEMPORARY);
    await typeNewPassword(canvasElement, 'Short-Passw0rd');
    await expect(
      await within(canvasElement).findByText(
        'This password does not meet the account’s password rules. Choose another one.',
      ),
    ).toBeVisible();
  },
};

export const NewPasswordMissingAttributes: Story = {
  name: 'Temporary password: required attributes',
  args: { options: { users, requiredAttributes: ['name', 'phone_number'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'admincreated', TEMPORARY);
    const details = await canvas.findByRole('group', { name: 'We also need some details' });
    await expect(within(details).getByLabelText('Full name')).toBeVisible();
    await expect(within(details).getByLabelText('Phone number')).toBeVisible();
  },
};

export const NewPasswordThenTotpSetup: Story = {
  name: 'Temporary password, then TOTP setup (pool requires MFA)',
  args: { options: { users, mfaConfiguration: 'ON', mfaMethods: ['TOTP'] } },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'admincreated', TEMPORARY);
    await typeNewPassword(canvasElement, NEW_PASSWORD);
    await expect(await readSetupKey(canvasElement)).toMatch(/^[A-Z2-7]{32}$/);
  },
};

export const ResendCountdown: Story = {
  name: 'Resend code: countdown',
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'textuser');
    const resend = await within(canvasElement).findByRole('button', { name: /^Resend in \d+ s$/ });
    await expect(resend).toBeDisabled();
  },
};

export const ResendCode: Story = {
  name: 'Resend code: new code sent',
  // No cooldown: the story does not wait on the clock (the visual tests stop it); the countdown has its own story.
  args: { props: { resendCooldownSeconds: 0 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'mailuser');
    await userEvent.click(await canvas.findByRole('button', { name: 'Resend code' }));
    await expect(
      await canvas.findByText('We sent a new code. The previous code no longer works.'),
    ).toBeVisible();
  },
};

export const CodeFieldText: Story = {
  name: 'Code field with its own label and placeholder',
  args: { props: { codeFields: { totp: { label: 'Authenticator code', placeholder: '000000' } } } },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'totpuser');
    await expect(
      await within(canvasElement).findByRole('textbox', { name: 'Authenticator code' }),
    ).toHaveAttribute('placeholder', '000000');
  },
};

export const EmailIdentifier: Story = {
  name: 'Identifier: email address',
  args: { options: { users, usernameAttributes: ['email'] }, props: { loginWith: 'email' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText('Email address');
    await expect(field).toHaveAttribute('inputmode', 'email');
    await userEvent.type(field, 'mail@example.com');
    await userEvent.type(canvas.getByLabelText('Password'), PASSWORD);
    await userEvent.keyboard('{Enter}');
    await expect(await canvas.findByText(/We sent a code to/)).toBeVisible();
  },
};

export const PhoneIdentifier: Story = {
  name: 'Identifier: phone number (E.164 hint)',
  args: { options: { users, usernameAttributes: ['phone_number'] }, props: { loginWith: 'phone' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText('Phone number');
    await expect(field).toHaveAttribute('inputmode', 'tel');
    await userEvent.type(field, '555 555 0199');
    await userEvent.type(canvas.getByLabelText('Password'), PASSWORD);
    await userEvent.keyboard('{Enter}');
    await expect(await canvas.findByText(/Enter the number with its country code/)).toBeVisible();
  },
};

export const UserNotConfirmed: Story = {
  name: 'Unconfirmed account',
  args: { props: { onUserNotConfirmed: fn() } },
  play: async ({ canvasElement, args }) => {
    await signInAs(canvasElement, 'pending');
    await expect(await within(canvasElement).findByText(/This account is not confirmed yet/)).toBeVisible();
    await waitFor(() => expect(args.props?.onUserNotConfirmed).toHaveBeenCalledWith('pending'));
  },
};

export const NewPasswordRightToLeft: Story = {
  name: 'Temporary password (RTL, Arabic)',
  globals: { locale: 'ar' },
  args: { options: { users, requiredAttributes: ['phone_number'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'admincreated', TEMPORARY);
    await expect(await canvas.findByRole('heading', { name: 'اختر كلمة مرور جديدة' })).toBeVisible();
    await expect(canvas.getByLabelText('رقم الهاتف')).toHaveAttribute('type', 'tel');
    await expect(canvas.getByRole('button', { name: 'العودة إلى تسجيل الدخول' })).toBeVisible();
  },
};

// Look (issue 16): pending states, the signed-in step's next action, brand header, Spanish and
// German, 320 px, 200 % zoom, high contrast.

export const SigningIn: Story = {
  name: 'Signing in (pending)',
  args: { prepare: (simulator) => simulator.failNext('signIn', { delayMs: 600_000 }) },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'totpuser');
    await expect(await within(canvasElement).findByRole('button', { name: 'Signing in…' })).toBeDisabled();
  },
};

export const VerifyingCode: Story = {
  name: 'Verifying the code (pending)',
  args: { prepare: (simulator) => simulator.failNext('confirmSignIn', { delayMs: 600_000 }) },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'totpuser');
    const field = await codeField(canvasElement);
    await userEvent.type(field, phoneCode(SECRET));
    await expect(await within(canvasElement).findByRole('button', { name: 'Verifying…' })).toBeDisabled();
    await expect(field).toBeDisabled();
  },
};

/** The last step is not a dead end: the host's "Continue" (`onContinue`) takes focus. */
export const SignedInContinue: Story = {
  name: 'Signed in, with a next action',
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'totpuser');
    await userEvent.type(await codeField(canvasElement), phoneCode(SECRET));
    await expect(await canvas.findByText('You are signed in.')).toBeVisible();
    const next = canvas.getByRole('button', { name: 'Continue' });
    await waitFor(() => expect(next).toHaveFocus());
    await expect(args.onSignedIn).toHaveBeenCalledTimes(1);
  },
};

/** TOTP setup during sign-in ends on the same next action. */
export const SetupThenContinue: Story = {
  name: 'Pool requires MFA: set up TOTP, then continue',
  args: { options: { mfaConfiguration: 'ON', mfaMethods: ['TOTP'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signInAs(canvasElement, 'newuser');
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(await codeField(canvasElement), phoneCode(secret));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Continue' })).toHaveFocus());
  },
};

export const Branded: Story = {
  name: 'With the app name and logo',
  decorators: [withBrand],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Acme Cloud')).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  },
};

export const BrandedCode: Story = {
  name: 'With the app name and logo: code step',
  decorators: [withBrand],
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'totpuser');
    await expect(await codeField(canvasElement)).toHaveFocus();
    await expect(within(canvasElement).getAllByText('Acme Cloud')).toHaveLength(1);
  },
};

export const Spanish: Story = {
  name: 'Spanish (es): code step',
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    await signInAs(canvasElement, 'totpuser');
    await expect(
      await canvas.findByRole('heading', { name: 'Introduce el código de tu aplicación de autenticación' }),
    ).toBeVisible();
    await expect(await codeField(canvasElement)).toHaveFocus();
  },
};

export const German: Story = {
  name: 'German (de): code step',
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
    await signInAs(canvasElement, 'totpuser');
    await expect(
      await canvas.findByRole('heading', { name: 'Gib den Code aus deiner Authenticator-App ein' }),
    ).toBeVisible();
    await expect(await codeField(canvasElement)).toHaveFocus();
  },
};

/** 320 px wide (the visual test's viewport): six slots and every action fit, nothing clipped. */
export const Narrow: Story = {
  name: 'Phone, 320 px: code step',
  parameters: { visual: { width: 320 } },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'textuser');
    await expect(await codeField(canvasElement)).toHaveFocus();
  },
};

/** 200 % zoom of a 1280 px window is a 640 px layout viewport (the visual test's width). */
export const Zoom200: Story = {
  name: '200 % zoom (640 px)',
  parameters: { visual: { width: 640 } },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'smsuser');
    await expect(
      await within(canvasElement).findByRole('group', { name: 'Verification method' }),
    ).toBeVisible();
  },
};

/** Windows high contrast: the visual test emulates `forced-colors: active` in Chromium. */
export const ForcedColors: Story = {
  name: 'Forced colours (high contrast): method picker',
  parameters: { visual: { forcedColors: true } },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'smsuser');
    const group = await within(canvasElement).findByRole('group', { name: 'Verification method' });
    await waitFor(() =>
      expect(within(group).getByRole('radio', { name: 'Authenticator app' })).toHaveFocus(),
    );
  },
};

export const ForcedColorsError: Story = {
  name: 'Forced colours (high contrast): wrong code',
  parameters: { visual: { forcedColors: true } },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'totpuser');
    await userEvent.type(
      await codeField(canvasElement),
      phoneCode(SECRET) === '000000' ? '111111' : '000000',
    );
    await expect(await within(canvasElement).findByText(/That code is not correct/)).toBeVisible();
  },
};
