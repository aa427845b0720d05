import type { Meta, StoryObj } from '@storybook/react-vite';
import { createMfaPolicy, MfaGate, type MfaPolicy } from 'mfa-kit';
import type { CognitoSimulator, CognitoSimulatorOptions, SimulatorUserSeed } from 'mfa-kit/testing';
import { expect, userEvent, within } from 'storybook/test';
import { phoneCode, readSetupKey } from './support/authenticatorApp';
import { PrivateSimulator } from './support/PrivateSimulator';

const PASSWORD = 'Passw0rd!';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const DAY = 86_400_000;

/** The StackFlow seed's roles: admins TOTP only, managers any method, 7 days of grace. */
const redirectPolicy = createMfaPolicy({
  requiredRoles: ['super_admin', 'itsm_manager'],
  optionalRoles: ['viewer'],
  gracePeriodDays: 7,
  enforcementAction: 'redirect_to_setup',
  policyStart: '2026-01-01',
});
const blockPolicy = createMfaPolicy({ ...redirectPolicy, enforcementAction: 'block' });

interface StoryArgs {
  policy: MfaPolicy;
  /** alice, signed in before the story shows. */
  user: Partial<SimulatorUserSeed>;
  pool?: Pick<CognitoSimulatorOptions, 'mfaConfiguration'>;
  recovery?: boolean;
  prepare?: (simulator: CognitoSimulator) => void;
}

async function signIn(simulator: CognitoSimulator) {
  const { nextStep } = await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  if (nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE')
    await simulator.client.confirmSignIn({ challengeResponse: simulator.pool.totpCodeFor('alice') ?? '' });
  if (nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_SMS_CODE')
    await simulator.client.confirmSignIn({
      challengeResponse: simulator.outbox.latest({ username: 'alice' })?.code ?? '',
    });
}

const meta = {
  title: 'Components/MfaGate',
  component: MfaGate,
  args: { policy: redirectPolicy, user: { groups: ['viewer'] } },
  render: ({ policy, user, pool, recovery, prepare }: StoryArgs) => (
    <PrivateSimulator
      options={{
        mfaPolicy: policy,
        ...pool,
        users: [{ username: 'alice', password: PASSWORD, email: 'alice@example.com', ...user }],
      }}
      prepare={async (simulator) => {
        await signIn(simulator);
        prepare?.(simulator);
      }}
      recovery={recovery}
    >
      {() => (
        <MfaGate policy={policy}>
          <main className="mfa-root">
            <h1>Service desk</h1>
            <p>The host app.</p>
          </main>
        </MfaGate>
      )}
    </PrivateSimulator>
  ),
  parameters: {
    docs: {
      description: {
        component:
          'Applies a role policy (`createMfaPolicy`) to the signed-in user. Roles and the grace deadline come from ' +
          'the ID token (`cognito:groups`, and `mfa_grace_until` written by `mfaPreTokenGeneration`, which the simulator runs as its trigger); ' +
          'methods from `fetchMFAPreference`. The server checks the same claims with `requireMfaCompliance`.',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const theApp = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('heading', { name: 'Service desk' });
const banner = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('region', { name: 'Two-step verification reminder' });

export const NotRequired: Story = {
  name: 'Role without MFA requirement',
  play: async ({ canvasElement }) => {
    await expect(await theApp(canvasElement)).toBeVisible();
    await expect(within(canvasElement).queryByRole('region', { name: /reminder/ })).toBeNull();
  },
};

export const Compliant: Story = {
  args: { user: { groups: ['super_admin'], totpSecret: SECRET, preferred: 'TOTP' } },
  play: async ({ canvasElement }) => {
    await expect(await theApp(canvasElement)).toBeVisible();
    await expect(within(canvasElement).queryByRole('region', { name: /reminder/ })).toBeNull();
  },
};

export const Loading: Story = {
  args: { prepare: (simulator) => simulator.failNext('fetchAuthSession', { delayMs: 600_000 }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Checking your account security…')).toBeVisible();
    await expect(within(canvasElement).queryByRole('heading', { name: 'Service desk' })).toBeNull();
  },
};

export const LoadError: Story = {
  name: 'Error, then retry',
  args: { prepare: (simulator) => simulator.failNext('fetchAuthSession', 'network') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('We could not check your account security.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await theApp(canvasElement)).toBeVisible();
  },
};

export const InGrace: Story = {
  name: 'In grace (3 days left)',
  args: { user: { groups: ['super_admin'], createdAt: Date.now() - 4 * DAY } },
  play: async ({ canvasElement }) => {
    await expect(await banner(canvasElement)).toHaveTextContent(/within 3 days/);
    await expect(await theApp(canvasElement)).toBeVisible();
  },
};

export const LastDayOfGrace: Story = {
  name: 'In grace (last day)',
  args: { user: { groups: ['itsm_manager'], createdAt: Date.now() - 6.5 * DAY } },
  play: async ({ canvasElement }) => {
    await expect(await banner(canvasElement)).toHaveTextContent(/Today is the last day/);
  },
};

export const GraceDismissed: Story = {
  name: 'In grace, banner dismissed',
  args: { user: { groups: ['super_admin'], createdAt: Date.now() - 1 * DAY } },
  play: async ({ canvasElement }) => {
    const region = await banner(canvasElement);
    await userEvent.click(within(region).getByRole('button', { name: 'Dismiss' }));
    await expect(within(canvasElement).queryByRole('region', { name: /reminder/ })).toBeNull();
    await expect(await theApp(canvasElement)).toBeVisible();
  },
};

export const SetUpFromBanner: Story = {
  name: 'In grace, "Set up now" to compliant',
  args: { user: { groups: ['super_admin'], createdAt: Date.now() - 2 * DAY } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(within(await banner(canvasElement)).getByRole('button', { name: 'Set up now' }));
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    await expect(await theApp(canvasElement)).toBeVisible();
    await expect(canvas.queryByRole('region', { name: /reminder/ })).toBeNull();
  },
};

export const PastGraceRedirect: Story = {
  name: "Past grace: 'redirect_to_setup' (method choice)",
  args: { user: { groups: ['itsm_manager'], createdAt: Date.now() - 30 * DAY }, recovery: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
    await expect(canvas.getByText(/The grace period ended on/)).toBeVisible();
    await expect(canvas.getAllByRole('radio')).toHaveLength(3);
    await expect(canvas.queryByRole('heading', { name: 'Service desk' })).toBeNull();
  },
};

export const PastGraceRedirectCompleted: Story = {
  name: "Past grace: 'redirect_to_setup', app after setup and recovery codes",
  args: { user: { groups: ['super_admin'], createdAt: Date.now() - 30 * DAY }, recovery: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    const list = await canvas.findByRole('list', { name: 'Your recovery codes' });
    await expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'I have saved these codes' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(await theApp(canvasElement)).toBeVisible();
  },
};

export const PastGraceSmsSetup: Story = {
  name: "Past grace: 'redirect_to_setup' with SMS (E.164)",
  args: { user: { groups: ['itsm_manager'], createdAt: Date.now() - 30 * DAY } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: /Text message/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    const phone = canvas.getByRole('textbox', { name: 'Mobile phone number' });
    await userEvent.type(phone, '+1 (555) 555-0123');
    await expect(phone).toHaveValue('+1 555 555 0123');
    await expect(canvas.getByText('Will be saved as +15555550123.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByText(/We sent a code to/)).toBeVisible();
  },
};

export const PastGraceBlock: Story = {
  name: "Past grace: 'block'",
  args: { policy: blockPolicy, user: { groups: ['super_admin'], createdAt: Date.now() - 30 * DAY } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Access blocked' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Sign out' })).toBeEnabled();
    await expect(canvas.queryByRole('heading', { name: 'Service desk' })).toBeNull();
  },
};

export const RoleNotAllowedSms: Story = {
  name: 'Admin with SMS only (role not allowed SMS)',
  args: {
    user: {
      groups: ['super_admin'],
      phoneNumber: '+15555550123',
      enabled: ['SMS'],
      preferred: 'SMS',
      createdAt: Date.now() - 2 * DAY,
    },
  },
  play: async ({ canvasElement }) => {
    const region = await banner(canvasElement);
    await expect(region).toHaveTextContent('Your role accepts only: Authenticator app.');
    await userEvent.click(within(region).getByRole('button', { name: 'Set up now' }));
    await expect(
      await within(canvasElement).findByRole('heading', { name: 'Set up your authenticator app' }),
    ).toBeVisible();
    await expect(within(canvasElement).queryByRole('radio')).toBeNull();
  },
};

export const PoolOn: Story = {
  name: 'Pool MFA ON (set up at sign-in)',
  args: {
    pool: { mfaConfiguration: 'ON' },
    user: { groups: ['super_admin'], totpSecret: SECRET, createdAt: Date.now() - 30 * DAY },
  },
  play: async ({ canvasElement }) => {
    await expect(await theApp(canvasElement)).toBeVisible();
  },
};

export const RightToLeft: Story = {
  args: { user: { groups: ['super_admin'], createdAt: Date.now() - 4 * DAY } },
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole('region', { name: 'تذكير بالتحقق بخطوتين' });
    await expect(region).toHaveAttribute('dir', 'rtl');
  },
};

export const Dark: Story = {
  args: { policy: blockPolicy, user: { groups: ['super_admin'], createdAt: Date.now() - 30 * DAY } },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: 'Access blocked' })).toBeVisible();
  },
};
