import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CognitoSimulator, SimulatorUserSeed } from 'mfa-kit/testing';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { phoneCode } from './support/authenticatorApp';
import { withBrand } from './support/brand';
import { SimulatedSession } from './support/SimulatedSession';
import { StandaloneStepUpDemo, StepUpDemo } from './support/StepUpDemo';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const withTotp: SimulatorUserSeed = { username: 'alice', password: 'Passw0rd!', totpSecret: SECRET };

interface StoryArgs {
  user: SimulatorUserSeed;
  /** Runs once the session exists: inject faults (a slow verifier). */
  prepare?: (simulator: CognitoSimulator) => void;
}

const meta = {
  title: 'Components/StepUp',
  args: { user: withTotp },
  render: ({ user, prepare }: StoryArgs) => (
    <SimulatedSession options={{ users: [user], mfaConfiguration: 'OFF' }} prepare={prepare}>
      {({ simulator }) => <StepUpDemo simulator={simulator} />}
    </SimulatedSession>
  ),
  parameters: {
    docs: {
      description: {
        component:
          '`useStepUp().guard(action, { riskScore, reason })`: actions above the threshold (70) run only after the user ' +
          'confirms with their MFA factor; a confirmation is reused for 5 minutes.',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);
const log = (canvasElement: HTMLElement) => within(canvasElement).getByRole('list', { name: 'Action log' });

export const LowRisk: Story = {
  name: 'Low-risk action runs directly',
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: /Rename project/ }));
    await waitFor(() => expect(log(canvasElement)).toHaveTextContent('Rename project: done'));
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
  },
};

export const HighRisk: Story = {
  name: 'High-risk action prompts',
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: /Delete project/ }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: "Confirm it's you" });
    await expect(dialog).toHaveAccessibleDescription('To continue with: Delete project Apollo');
    const code = within(dialog).getByRole('textbox', { name: 'Verification code' });
    await waitFor(() => expect(code).toHaveFocus());
    await userEvent.keyboard(phoneCode(SECRET));
    await waitFor(() => expect(log(canvasElement)).toHaveTextContent('Delete project Apollo: done'));
  },
};

export const WrongCode: Story = {
  name: 'Wrong code',
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: /Delete project/ }));
    const dialog = await body(canvasElement).findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Verification code' }),
      phoneCode(SECRET) === '000000' ? '111111' : '000000',
    );
    await expect(await within(dialog).findByText(/4 attempts left/)).toBeVisible();
  },
};

export const LockedOut: Story = {
  name: 'Locked out',
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: /Delete project/ }));
    const dialog = await body(canvasElement).findByRole('dialog');
    const wrong = phoneCode(SECRET) === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const field = within(dialog).getByRole('textbox', { name: 'Verification code' });
      await waitFor(() => expect(field).toBeEnabled());
      await userEvent.type(field, wrong);
      // Wrong codes are cleared for the next try; the sixth is refused by the lockout and kept.
      await waitFor(() => expect(field).toHaveValue(attempt < 5 ? '' : wrong));
    }
    await expect(await within(dialog).findByText(/Too many failed attempts/)).toBeVisible();
  },
};

export const Cancel: Story = {
  play: async ({ canvasElement }) => {
    const trigger = await within(canvasElement).findByRole('button', { name: /Delete project/ });
    await userEvent.click(trigger);
    await body(canvasElement).findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(log(canvasElement)).toHaveTextContent('Delete project Apollo: cancelled'));
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

export const Concurrent: Story = {
  name: 'Concurrent actions share one prompt',
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: /Export and rotate/ }));
    await expect(await body(canvasElement).findAllByRole('dialog')).toHaveLength(1);
    await userEvent.keyboard(phoneCode(SECRET));
    await waitFor(() => expect(log(canvasElement)).toHaveTextContent('Export audit log: done'));
    await expect(log(canvasElement)).toHaveTextContent('Rotate API keys: done');
  },
};

export const Reuse: Story = {
  name: 'Reuse within the freshness window',
  play: async ({ canvasElement }) => {
    const trigger = await within(canvasElement).findByRole('button', { name: /Delete project/ });
    await userEvent.click(trigger);
    await body(canvasElement).findByRole('dialog');
    await userEvent.keyboard(phoneCode(SECRET));
    await waitFor(() => expect(body(canvasElement).queryByRole('dialog')).toBeNull());
    await userEvent.click(trigger);
    await waitFor(() =>
      expect(within(log(canvasElement)).getAllByText('Delete project Apollo: done')).toHaveLength(2),
    );
  },
};

export const UserWithoutMfa: Story = {
  name: 'User without MFA',
  args: { user: { username: 'alice', password: 'Passw0rd!' } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: /Delete project/ }));
    await waitFor(() =>
      expect(log(canvasElement)).toHaveTextContent('Delete project Apollo: MFA_NOT_ENROLLED'),
    );
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: /Delete project/ }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: 'أكّد هويتك' });
    await expect(dialog).toHaveAttribute('dir', 'rtl');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: /Delete project/ }));
    await expect(await body(canvasElement).findByRole('dialog')).toBeVisible();
  },
};

export const Standalone: Story = {
  name: 'Standalone dialog (open / onOpenChange)',
  render: ({ user }: StoryArgs) => (
    <SimulatedSession options={{ users: [user], mfaConfiguration: 'OFF' }}>
      {({ simulator }) => <StandaloneStepUpDemo simulator={simulator} />}
    </SimulatedSession>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Change payout account' }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: "Confirm it's you" });
    const code = await within(dialog).findByRole('textbox', { name: 'Verification code' });
    await waitFor(() => expect(code).toHaveFocus());
    await userEvent.keyboard(phoneCode(SECRET));
    await waitFor(() =>
      expect(canvas.getByRole('status', { name: 'Outcome' })).toHaveTextContent('verified with TOTP'),
    );
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
  },
};

/** Alice's saved codes, generated once the story's session exists. */
let savedCodes: string[] = [];

export const LostAuthenticator: Story = {
  name: 'Lost authenticator: recovery code',
  render: ({ user }: StoryArgs) => (
    <SimulatedSession
      options={{ users: [user], mfaConfiguration: 'OFF' }}
      recovery
      prepare={(simulator) => {
        void simulator.recoveryCodes.generate().then(({ codes }) => {
          savedCodes = codes;
        });
      }}
    >
      {({ simulator }) => <StepUpDemo simulator={simulator} />}
    </SimulatedSession>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(savedCodes).toHaveLength(10));
    await userEvent.click(await within(canvasElement).findByRole('button', { name: /Delete project/ }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: "Confirm it's you" });
    await userEvent.click(await within(dialog).findByRole('button', { name: /Lost your authenticator/ }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Recovery code' }), savedCodes[0] ?? '');
    await userEvent.type(within(dialog).getByLabelText('Password'), 'Passw0rd!');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Use recovery code' }));
    await expect(await within(dialog).findByText(/Recovery code accepted/)).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(log(canvasElement)).toHaveTextContent('Delete project Apollo: MFA_NOT_ENROLLED'),
    );
  },
};

// Look (issue 16): the prompt's static states, brand header, Spanish and German, 320 px, high contrast.

const openPrompt = async (canvasElement: HTMLElement, name = "Confirm it's you") => {
  await userEvent.click(await within(canvasElement).findByRole('button', { name: /Delete project/ }));
  const dialog = await body(canvasElement).findByRole('dialog', { name });
  const code = await within(dialog).findByRole('textbox');
  await waitFor(() => expect(code).toHaveFocus());
  return { dialog, code };
};

export const Confirming: Story = {
  name: 'Confirming (pending)',
  args: { prepare: (simulator) => simulator.failNext('stepUpVerifier.verify', { delayMs: 600_000 }) },
  play: async ({ canvasElement }) => {
    const { dialog, code } = await openPrompt(canvasElement);
    await userEvent.keyboard(phoneCode(SECRET));
    await expect(await within(dialog).findByRole('button', { name: 'Confirming…' })).toBeDisabled();
    await expect(code).toBeDisabled();
  },
};

/** The recovery-code form inside the prompt, before anything is typed. */
export const RecoveryForm: Story = {
  name: 'Lost authenticator: the recovery form',
  render: ({ user }: StoryArgs) => (
    <SimulatedSession options={{ users: [user], mfaConfiguration: 'OFF' }} recovery>
      {({ simulator }) => <StepUpDemo simulator={simulator} />}
    </SimulatedSession>
  ),
  play: async ({ canvasElement }) => {
    const { dialog } = await openPrompt(canvasElement);
    await userEvent.click(within(dialog).getByRole('button', { name: /Lost your authenticator/ }));
    await expect(await within(dialog).findByRole('textbox', { name: 'Recovery code' })).toBeVisible();
    await expect(within(dialog).getByLabelText('Password')).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Use recovery code' })).toBeDisabled();
  },
};

export const Branded: Story = {
  name: 'With the app name and logo',
  decorators: [withBrand],
  play: async ({ canvasElement }) => {
    const { dialog } = await openPrompt(canvasElement);
    await expect(within(dialog).getByText('Acme Cloud')).toBeVisible();
  },
};

export const Spanish: Story = {
  name: 'Spanish (es)',
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const { dialog } = await openPrompt(canvasElement, 'Confirma que eres tú');
    await expect(within(dialog).getByRole('button', { name: 'Confirmar' })).toBeDisabled();
  },
};

export const German: Story = {
  name: 'German (de)',
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const { dialog } = await openPrompt(canvasElement, 'Bestätige, dass du es bist');
    await expect(within(dialog).getByRole('button', { name: 'Bestätigen' })).toBeDisabled();
  },
};

/** 320 px wide (the visual test's viewport): the dialog keeps a gutter on both sides. */
export const Narrow: Story = {
  name: 'Phone, 320 px',
  parameters: { visual: { width: 320 } },
  play: async ({ canvasElement }) => {
    await openPrompt(canvasElement);
  },
};

/** Windows high contrast: the visual test emulates `forced-colors: active` in Chromium. */
export const ForcedColors: Story = {
  name: 'Forced colours (high contrast)',
  parameters: { visual: { forcedColors: true } },
  play: async ({ canvasElement }) => {
    await openPrompt(canvasElement);
  },
};
