import type { Meta, StoryObj } from '@storybook/react-vite';
import { SignIn } from 'mfa-kit';
import type { CognitoSimulator, CognitoSimulatorOptions } from 'mfa-kit/testing';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { phoneCode, readSetupKey } from './support/authenticatorApp';
import { PrivateSimulator } from './support/PrivateSimulator';

const PASSWORD = 'Passw0rd!';
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
];

interface StoryArgs {
  options?: CognitoSimulatorOptions;
  prepare?: (simulator: CognitoSimulator) => void;
  onSignedIn: () => void;
}

const meta = {
  title: 'Components/SignIn',
  component: SignIn,
  args: { onSignedIn: fn() },
  render: ({ options, prepare, onSignedIn }: StoryArgs) => (
    <PrivateSimulator options={{ users, ...options }} prepare={prepare}>
      {() => <SignIn onSignedIn={onSignedIn} />}
    </PrivateSimulator>
  ),
  parameters: {
    docs: {
      description: {
        component:
          'Drop-in sign-in: username and password, then every MFA step Cognito returns. Demo users (password `Passw0rd!`): ' +
          '`totpuser`, `smsuser` (chooses a method), `textuser` (SMS), `newuser` (no MFA).',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

async function signInAs(canvasElement: HTMLElement, username: string, password = PASSWORD) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText(/Username|اسم المستخدم/), username);
  await userEvent.type(canvas.getByLabelText(/Password|كلمة المرور/), password);
  await userEvent.keyboard('{Enter}');
}
const codeField = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('textbox', { name: /Verification code|رمز التحقق/ });

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
