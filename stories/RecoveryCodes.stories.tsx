import type { Meta, StoryObj } from '@storybook/react-vite';
import { RecoveryCodes } from 'mfa-kit';
import type { CognitoSimulator } from 'mfa-kit/testing';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { phoneCode, readSetupKey } from './support/authenticatorApp';
import { EnrolThenCodes } from './support/EnrolThenCodes';
import { PrivateSimulator } from './support/PrivateSimulator';

const PASSWORD = 'Passw0rd!';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

interface StoryArgs {
  autoGenerate?: 'never' | 'if-none' | 'always';
  /** After alice signed in: generate codes, use some, inject faults. */
  prepare?: (simulator: CognitoSimulator) => Promise<void> | void;
  onAcknowledged: () => void;
}

async function signedInAlice(simulator: CognitoSimulator) {
  await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  await simulator.client.confirmSignIn({ challengeResponse: phoneCode(SECRET) });
}

/** Uses `count` of alice's codes, letting the rate-limit window pass as often as needed. */
async function spendCodes(simulator: CognitoSimulator, count: number) {
  const { codes } = await simulator.recoveryCodes.generate();
  for (const [index, code] of codes.slice(0, count).entries()) {
    if (index > 0 && index % 5 === 0) simulator.clock.advance(15 * 60_000);
    await simulator.recoveryCodes.redeem({ username: 'alice', password: PASSWORD, code });
  }
  // A redeem turns the authenticator off; alice enrolled again since.
  simulator.pool.setUserMfaPreference('alice', { TOTP: 'PREFERRED' });
}

const meta = {
  title: 'Components/RecoveryCodes',
  component: RecoveryCodes,
  args: { onAcknowledged: fn() },
  render: ({ autoGenerate, prepare, onAcknowledged }: StoryArgs) => (
    <PrivateSimulator
      options={{ users: [{ username: 'alice', password: PASSWORD, totpSecret: SECRET, preferred: 'TOTP' }] }}
      prepare={async (simulator) => {
        await signedInAlice(simulator);
        await prepare?.(simulator);
      }}
      recovery
    >
      {() => (
        <RecoveryCodes
          accountName="alice@example.com"
          autoGenerate={autoGenerate}
          onAcknowledged={onAcknowledged}
        />
      )}
    </PrivateSimulator>
  ),
  parameters: {
    docs: {
      description: {
        component:
          'Ten single-use codes for when the authenticator is lost: shown once, hashed at rest by `mfa-kit/server`. ' +
          'Copy, download or print them; the user confirms they saved them. Afterwards only the count is shown, ' +
          'with a warning at three or fewer. Regenerating asks first, because old codes stop working.',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const codeList = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('list', { name: /Your recovery codes|رموز الاسترداد الخاصة بك/ });

export const NoCodesYet: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/You have no recovery codes yet/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Generate recovery codes' })).toBeEnabled();
  },
};

export const Loading: Story = {
  args: { prepare: (simulator) => simulator.failNext('recoveryCodes.status', { delayMs: 600_000 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Loading your recovery codes…')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Generate recovery codes' })).toBeNull();
  },
};

export const Generating: Story = {
  args: { prepare: (simulator) => simulator.failNext('recoveryCodes.generate', { delayMs: 600_000 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Generate recovery codes' }));
    await expect(await canvas.findByText('Generating recovery codes…')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Generate recovery codes' })).toBeDisabled();
  },
};

export const ShowingNewCodes: Story = {
  name: 'Showing new codes (after enrolment)',
  args: { autoGenerate: 'if-none' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const list = await codeList(canvasElement);
    await expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    const done = canvas.getByRole('button', { name: 'Continue' });
    await expect(done).toBeDisabled();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'I have saved these codes' }));
    await expect(done).toBeEnabled();
    await userEvent.click(done);
    await expect(args.onAcknowledged).toHaveBeenCalledTimes(1);
    await expect(await canvas.findByText(/10 of 10 codes left/)).toBeVisible();
  },
};

export const SomeUsed: Story = {
  name: 'Some used',
  args: { prepare: (simulator) => spendCodes(simulator, 4) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/6 of 10 codes left/)).toBeVisible();
    await expect(canvas.queryByText(/Generate new ones soon/)).toBeNull();
  },
};

export const LowOnCodes: Story = {
  name: 'Three or fewer left',
  args: { prepare: (simulator) => spendCodes(simulator, 8) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('Only 2 recovery codes left. Generate new ones soon.'),
    ).toBeVisible();
  },
};

export const AllUsed: Story = {
  name: 'All used',
  args: { prepare: (simulator) => spendCodes(simulator, 10) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/You have used all your recovery codes/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Generate new codes' })).toBeEnabled();
  },
};

export const RegenerateConfirmation: Story = {
  args: { prepare: async (simulator) => void (await simulator.recoveryCodes.generate()) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Generate new codes' }));
    // The dialog is portalled to <body>.
    const dialog = await within(document.body).findByRole('alertdialog', {
      name: 'Generate new recovery codes?',
    });
    await expect(within(dialog).getByText(/current recovery codes stop working/)).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, generate new codes' }));
    const list = await codeList(canvasElement);
    await expect(within(list).getAllByRole('listitem')).toHaveLength(10);
  },
};

export const LoadError: Story = {
  args: { prepare: (simulator) => simulator.failNext('recoveryCodes.status', 'network') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/We could not reach the server/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText(/You have no recovery codes yet/)).toBeVisible();
  },
};

export const GenerateError: Story = {
  args: { prepare: (simulator) => simulator.failNext('recoveryCodes.generate', 'network') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Generate recovery codes' }));
    await expect(await canvas.findByText(/We could not reach the server/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await waitFor(async () =>
      expect(within(await codeList(canvasElement)).getAllByRole('listitem')).toHaveLength(10),
    );
  },
};

export const RightToLeft: Story = {
  args: { autoGenerate: 'if-none' },
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const list = await codeList(canvasElement);
    await expect(list.closest('[dir]')).toHaveAttribute('dir', 'rtl');
  },
};

export const Dark: Story = {
  args: { autoGenerate: 'if-none' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(within(await codeList(canvasElement)).getAllByRole('listitem')).toHaveLength(10);
  },
};

export const AfterEnrolmentInSettings: Story = {
  name: 'After enrolling in settings',
  render: () => (
    <PrivateSimulator
      options={{ users: [{ username: 'bob', password: PASSWORD }] }}
      prepare={async (simulator) => {
        await simulator.client.signIn({ username: 'bob', password: PASSWORD });
      }}
      recovery
    >
      {() => <EnrolThenCodes accountName="bob@example.com" />}
    </PrivateSimulator>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    const list = await codeList(canvasElement);
    await expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'I have saved these codes' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(await canvas.findByText(/recovery codes are saved/)).toBeVisible();
  },
};

// Look (issue 16): the confirmation dialog as a static state.

/** "Generate new recovery codes?" open, nothing chosen yet; focus is inside the dialog. */
export const RegenerateDialog: Story = {
  name: 'Regenerate: the confirmation dialog',
  args: { prepare: async (simulator) => void (await simulator.recoveryCodes.generate()) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Generate new codes' }));
    const dialog = await within(document.body).findByRole('alertdialog', {
      name: 'Generate new recovery codes?',
    });
    await expect(within(dialog).getByRole('button', { name: 'Yes, generate new codes' })).toBeVisible();
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
  },
};
