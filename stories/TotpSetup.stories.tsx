import type { Meta, StoryObj } from '@storybook/react-vite';
import { TotpSetup } from 'mfa-kit';
import type { CognitoSimulator } from 'mfa-kit/testing';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { phoneCode, readSetupKey } from './support/authenticatorApp';
import { stubClipboard, withBrand } from './support/brand';
import { SimulatedSession } from './support/SimulatedSession';

interface StoryArgs {
  accountName: string;
  issuer: string;
  prepare?: (simulator: CognitoSimulator) => void;
  onVerified: () => void;
  onCancel: () => void;
  onContinue: () => void;
}

const meta = {
  title: 'Components/TotpSetup',
  component: TotpSetup,
  args: {
    accountName: 'alice@example.com',
    issuer: 'Acme',
    onVerified: fn(),
    onCancel: fn(),
    onContinue: fn(),
  },
  render: ({ prepare, issuer, ...args }: StoryArgs) => (
    <SimulatedSession prepare={prepare} issuer={issuer}>
      {() => <TotpSetup {...args} />}
    </SimulatedSession>
  ),
  parameters: {
    docs: {
      description: {
        component:
          'Enrols an authenticator app for a signed-in user: QR code, a setup key for when the code cannot be scanned, ' +
          'and a 6-digit check. Each story runs on a private simulator where `alice` is signed in.',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const codeField = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole('textbox', { name: /Verification code|رمز التحقق/ });

/** Settles where a user starts: the QR code to scan, an empty code field, Verify not yet possible. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('img', { name: /QR code to add Acme \(alice@example.com\)/ }),
    ).toBeVisible();
    await expect(codeField(canvasElement)).toHaveValue('');
    await expect(canvas.getByRole('button', { name: 'Verify and turn on' })).toBeDisabled();
  },
};

export const Enrol: Story = {
  name: 'Enrol: scan, type the code, done',
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(codeField(canvasElement), phoneCode(secret));
    await expect(await canvas.findByText(/Your authenticator app is set up/)).toBeVisible();
    await expect(args.onVerified).toHaveBeenCalledTimes(1);
  },
};

export const ManualKeyOpen: Story = {
  name: 'Manual key open',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await readSetupKey(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Hide the setup key' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expect(canvas.getByText('Time-based (TOTP), 6 digits, every 30 seconds')).toBeVisible();
  },
};

export const Verifying: Story = {
  args: { prepare: (simulator) => simulator.failNext('verifyTOTPSetup', { delayMs: 600_000 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(codeField(canvasElement), phoneCode(secret));
    await expect(await canvas.findByRole('button', { name: 'Verifying…' })).toBeDisabled();
    await expect(codeField(canvasElement)).toBeDisabled();
  },
};

export const WrongCode: Story = {
  name: 'Wrong code',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const secret = await readSetupKey(canvasElement);
    const wrong = phoneCode(secret) === '000000' ? '111111' : '000000';
    await userEvent.type(codeField(canvasElement), wrong);
    await expect(await canvas.findByText(/That code didn't match/)).toBeVisible();
    await expect(codeField(canvasElement)).toHaveAttribute('aria-invalid', 'true');
    await expect(codeField(canvasElement)).toHaveValue('');
  },
};

export const ExpiredSession: Story = {
  name: 'Expired session',
  args: {
    prepare: (simulator) =>
      simulator.failNext(
        'verifyTOTPSetup',
        Object.assign(new Error('Invalid session for the user, session is expired.'), {
          name: 'NotAuthorizedException',
        }),
      ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(codeField(canvasElement), phoneCode(secret));
    await expect(
      await canvas.findByText('Your setup session expired. Start again to get a new key.'),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Start again' }));
    const fresh = await readSetupKey(canvasElement);
    await expect(fresh).not.toBe(secret);
  },
};

export const NetworkErrorWithRetry: Story = {
  name: 'Network error with retry',
  args: { prepare: (simulator) => simulator.failNext('verifyTOTPSetup', 'network') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const secret = await readSetupKey(canvasElement);
    const code = phoneCode(secret);
    await userEvent.type(codeField(canvasElement), code);
    await expect(await canvas.findByText(/We could not reach the server/)).toBeVisible();
    await expect(codeField(canvasElement)).toHaveValue(code);
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText(/Your authenticator app is set up/)).toBeVisible();
  },
};

/** Success is not a dead end: the host's next step ("Continue") takes focus. */
export const Success: Story = {
  name: 'Success, with a next action',
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(codeField(canvasElement), phoneCode(secret));
    await expect(await canvas.findByRole('status')).toHaveTextContent(/set up/);
    const next = canvas.getByRole('button', { name: 'Continue' });
    await waitFor(() => expect(next).toHaveFocus());
    await expect(args.onContinue).not.toHaveBeenCalled();
  },
};

export const InSignIn: Story = {
  name: 'Inside sign-in (pool requires MFA)',
  render: (args) => (
    <SimulatedSession options={{ mfaConfiguration: 'ON', mfaMethods: ['TOTP'] }}>
      {({ signIn }) =>
        signIn.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP' ? (
          <TotpSetup
            accountName={args.accountName}
            totpSetupDetails={signIn.nextStep.totpSetupDetails}
            onVerified={args.onVerified}
          />
        ) : null
      }
    </SimulatedSession>
  ),
  play: async ({ canvasElement, args }) => {
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(codeField(canvasElement), phoneCode(secret));
    await waitFor(() =>
      expect(args.onVerified).toHaveBeenCalledWith({ isSignedIn: true, nextStep: { signInStep: 'DONE' } }),
    );
  },
};

export const LongAndTrickyNames: Story = {
  name: 'Long issuer and account with spaces, #, & and unicode',
  args: { issuer: 'Acme Corporation — Zürich & Köln #1', accountName: 'ops+team#7&co@例え.jp' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('img', {
        name: 'QR code to add Acme Corporation — Zürich & Köln #1 (ops+team#7&co@例え.jp) to your authenticator app',
      }),
    ).toBeVisible();
    await readSetupKey(canvasElement);
    await expect(canvas.getByText('ops+team#7&co@例え.jp')).toBeVisible();
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'إعداد تطبيق المصادقة' })).toBeVisible();
    await expect(canvasElement.querySelector('[data-mfa-part="totp-setup"]')).toHaveAttribute('dir', 'rtl');
    await expect(await canvas.findByRole('img', { name: /رمز QR/ })).toBeVisible();
    await expect(codeField(canvasElement)).toHaveValue('');
  },
};

export const RightToLeftEnrol: Story = {
  name: 'RTL (Arabic): enrol',
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(codeField(canvasElement), phoneCode(secret));
    await expect(await within(canvasElement).findByText(/تم إعداد تطبيق المصادقة/)).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('img', { name: /QR code/ })).toBeVisible();
    await expect(canvasElement.querySelector('[data-theme]')).toHaveAttribute('data-theme', 'dark');
    await readSetupKey(canvasElement);
  },
};

// Look (issue 16): copied key, brand header, Spanish and German, small screens, zoom, high contrast.

export const Copied: Story = {
  name: 'Setup key copied',
  beforeEach: () => stubClipboard(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await readSetupKey(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Copy key' }));
    await expect(await canvas.findByText('Setup key copied.')).toBeVisible();
  },
};

export const Branded: Story = {
  name: 'With the app name and logo',
  decorators: [withBrand],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Acme Cloud')).toBeVisible();
    await expect(await canvas.findByRole('img', { name: /QR code/ })).toBeVisible();
  },
};

export const Spanish: Story = {
  name: 'Spanish (es)',
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('heading', { name: 'Configura tu aplicación de autenticación' }),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Verificar y activar' })).toBeDisabled();
  },
};

export const German: Story = {
  name: 'German (de)',
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Authenticator-App einrichten' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Bestätigen und aktivieren' })).toBeDisabled();
  },
};

/** 320 px wide (the visual test's viewport): six slots and every button fit, nothing clipped. */
export const Narrow: Story = {
  name: 'Phone, 320 px',
  parameters: { visual: { width: 320 } },
  play: async ({ canvasElement }) => {
    await readSetupKey(canvasElement);
    await expect(codeField(canvasElement)).toBeEnabled();
    await expect(within(canvasElement).getByRole('button', { name: 'Verify and turn on' })).toBeVisible();
  },
};

/** 200 % zoom of a 1280 px window is a 640 px layout viewport (the visual test's width). */
export const Zoom200: Story = {
  name: '200 % zoom (640 px)',
  parameters: { visual: { width: 640 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('img', { name: /QR code/ })).toBeVisible();
  },
};

/** Windows high contrast: the visual test emulates `forced-colors: active` in Chromium. */
export const ForcedColors: Story = {
  name: 'Forced colours (high contrast)',
  parameters: { visual: { forcedColors: true } },
  play: async ({ canvasElement }) => {
    await readSetupKey(canvasElement);
    await userEvent.click(codeField(canvasElement));
    await expect(codeField(canvasElement)).toHaveFocus();
  },
};
