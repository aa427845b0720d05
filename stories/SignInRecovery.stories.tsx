import type { Meta, StoryObj } from '@storybook/react-vite';
import { SignIn } from 'mfa-kit';
import type { CognitoSimulator, CognitoSimulatorOptions } from 'mfa-kit/testing';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { phoneCode, readSetupKey } from './support/authenticatorApp';
import { PrivateSimulator } from './support/PrivateSimulator';

const PASSWORD = 'Passw0rd!';
const LOST_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The codes alice saved when she enrolled; filled in by `prepare`, read by the play functions. */
let savedCodes: string[] = [];

interface StoryArgs {
  options?: CognitoSimulatorOptions;
  /** After alice saved her codes (and signed out): use some, inject faults. */
  prepare?: (simulator: CognitoSimulator) => Promise<void> | void;
  onSignedIn: () => void;
}

async function aliceSavedHerCodes(simulator: CognitoSimulator) {
  await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  await simulator.client.confirmSignIn({ challengeResponse: phoneCode(LOST_SECRET) });
  savedCodes = (await simulator.recoveryCodes.generate()).codes;
  await simulator.client.signOut();
}

const meta = {
  title: 'Flows/Sign in with a recovery code',
  component: SignIn,
  args: { onSignedIn: fn() },
  render: ({ options, prepare, onSignedIn }: StoryArgs) => (
    <PrivateSimulator
      options={{
        users: [{ username: 'alice', password: PASSWORD, totpSecret: LOST_SECRET, preferred: 'TOTP' }],
        ...options,
      }}
      prepare={async (simulator) => {
        await aliceSavedHerCodes(simulator);
        await prepare?.(simulator);
      }}
      recovery
    >
      {() => <SignIn onSignedIn={onSignedIn} defaultUsername="alice" />}
    </PrivateSimulator>
  ),
  parameters: {
    docs: {
      description: {
        component:
          'alice (password `Passw0rd!`) lost her phone. At the authenticator challenge she chooses "Use a recovery code"; ' +
          'the code is redeemed with her password, her authenticator is turned off, she signs in again, sets up a new ' +
          'authenticator and saves new codes. The old codes stop working.',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

async function openRecoveryStep(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText('Password'), PASSWORD);
  await userEvent.keyboard('{Enter}');
  await userEvent.click(await canvas.findByRole('button', { name: 'Use a recovery code' }));
  return canvas.findByRole('textbox', { name: 'Recovery code' });
}

async function submitRecoveryCode(canvasElement: HTMLElement, code: string) {
  const field = await openRecoveryStep(canvasElement);
  await userEvent.type(field, code);
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Use recovery code' }));
  return field;
}

export const RecoveryStep: Story = {
  name: 'Recovery-code step',
  play: async ({ canvasElement }) => {
    const field = await openRecoveryStep(canvasElement);
    await expect(field).toHaveFocus();
    await expect(field).toHaveAttribute('autocomplete', 'off');
    await expect(within(canvasElement).getByText(/Like ABCDE-23456/)).toBeVisible();
  },
};

export const Malformed: Story = {
  name: 'Not a recovery code',
  play: async ({ canvasElement }) => {
    const field = await submitRecoveryCode(canvasElement, '12345');
    await expect(await within(canvasElement).findByText(/has 10 letters and digits/)).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  },
};

export const WrongRecoveryCode: Story = {
  name: 'Wrong recovery code',
  play: async ({ canvasElement }) => {
    const field = await submitRecoveryCode(canvasElement, 'AAAAA-AAAAA');
    await expect(await within(canvasElement).findByText(/That recovery code is not correct/)).toBeVisible();
    await expect(field).toHaveValue('AAAAA-AAAAA');
  },
};

export const UsedRecoveryCode: Story = {
  name: 'Code already used',
  args: {
    prepare: async (simulator) => {
      await simulator.recoveryCodes.redeem({
        username: 'alice',
        password: PASSWORD,
        code: savedCodes[0] ?? '',
      });
      simulator.pool.setUserMfaPreference('alice', { TOTP: 'PREFERRED' });
    },
  },
  play: async ({ canvasElement }) => {
    await submitRecoveryCode(canvasElement, savedCodes[0] ?? '');
    await expect(await within(canvasElement).findByText(/already used/)).toBeVisible();
  },
};

export const RateLimited: Story = {
  name: 'Too many attempts',
  args: {
    prepare: async (simulator) => {
      for (let i = 0; i < 5; i += 1)
        await simulator.recoveryCodes.redeem({ username: 'alice', password: PASSWORD, code: 'AAAAA-AAAAA' });
    },
  },
  play: async ({ canvasElement }) => {
    await submitRecoveryCode(canvasElement, savedCodes[1] ?? '');
    await expect(
      await within(canvasElement).findByText(/Too many attempts. Try again in \d+ seconds/),
    ).toBeVisible();
  },
};

export const NetworkFailure: Story = {
  name: 'Network failure, then retry',
  args: { prepare: (simulator) => simulator.failNext('recoveryCodes.redeem', 'network') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = await submitRecoveryCode(canvasElement, savedCodes[2] ?? '');
    await expect(await canvas.findByText(/We could not reach the server/)).toBeVisible();
    await expect(field).toHaveValue(savedCodes[2]);
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText(/signed in with a recovery code/)).toBeVisible();
    // Settled: the new authenticator's QR code is up (not "Preparing your setup key…").
    await expect(await canvas.findByRole('img', { name: /QR code/ })).toBeVisible();
  },
};

export const FullJourney: Story = {
  name: 'Recovered, re-enrolled, new codes',
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await submitRecoveryCode(canvasElement, (savedCodes[3] ?? '').toLowerCase());
    await expect(await canvas.findByText(/signed in with a recovery code/)).toBeVisible();
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    const list = await canvas.findByRole('list', { name: 'Your recovery codes' });
    await expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'I have saved these codes' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(args.onSignedIn).toHaveBeenCalledTimes(1));
  },
};

export const RequiredPoolJourney: Story = {
  name: 'Pool with MFA required',
  args: { options: { mfaConfiguration: 'ON', mfaMethods: ['TOTP'] } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await submitRecoveryCode(canvasElement, savedCodes[4] ?? '');
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    await userEvent.click(await canvas.findByRole('checkbox', { name: 'I have saved these codes' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(args.onSignedIn).toHaveBeenCalledTimes(1));
  },
};

/** Clock offset for `prepare`: redeeming is limited to five attempts per user in 15 minutes. */
let clockOffset = 0;

export const FewCodesLeftAfterEnrolment: Story = {
  name: 'Enrolled again, few codes left',
  args: {
    options: { mfaConfiguration: 'ON', mfaMethods: ['TOTP'], now: () => Date.now() + clockOffset },
    // Eight codes used over two hours, the last of them leaving no authenticator: the pool asks for one.
    prepare: async (simulator) => {
      for (const code of savedCodes.slice(0, 8)) {
        clockOffset += 16 * 60_000;
        await simulator.recoveryCodes.redeem({ username: 'alice', password: PASSWORD, code });
      }
      clockOffset = 0;
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('Password'), PASSWORD);
    await userEvent.keyboard('{Enter}');
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    await expect(
      await canvas.findByText(
        'Only 2 recovery codes left. Generate new ones soon. You can do that in your security settings once you are signed in.',
      ),
    ).toBeVisible();
    // Sign-in shows what is left and goes on; replacing codes belongs to the user's settings.
    await expect(canvas.queryByRole('button', { name: 'Generate new codes' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Continue' })).toBeEnabled();
  },
};
