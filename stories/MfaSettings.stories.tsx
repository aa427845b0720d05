import type { Meta, StoryObj } from '@storybook/react-vite';
import { createMfaPolicy, type MfaPolicy, MfaSettings, StepUpProvider } from 'mfa-kit';
import type { CognitoSimulator, CognitoSimulatorOptions, SimulatorUserSeed } from 'mfa-kit/testing';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { phoneCode, readSetupKey } from './support/authenticatorApp';
import { PrivateSimulator } from './support/PrivateSimulator';

const PASSWORD = 'Passw0rd!';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

interface StoryArgs {
  user: Partial<SimulatorUserSeed>;
  pool?: Pick<CognitoSimulatorOptions, 'mfaConfiguration'>;
  poolMfa?: 'ON' | 'OPTIONAL';
  policy?: MfaPolicy;
  stepUp?: boolean;
  recovery?: boolean;
  /** Remember this browser and two others. */
  devices?: boolean;
  prepare?: (simulator: CognitoSimulator) => void | Promise<void>;
}

const totpAndSms: Partial<SimulatorUserSeed> = {
  totpSecret: SECRET,
  phoneNumber: '+15555550123',
  enabled: ['TOTP', 'SMS'],
  preferred: 'TOTP',
};

async function signIn(simulator: CognitoSimulator) {
  const { nextStep } = await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  if (nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE')
    await simulator.client.confirmSignIn({ challengeResponse: simulator.pool.totpCodeFor('alice') ?? '' });
}

const meta = {
  title: 'Components/MfaSettings',
  args: { user: totpAndSms },
  render: ({ user, pool, poolMfa, policy, stepUp, recovery, devices, prepare }: StoryArgs) => {
    let current: string | undefined;
    return (
      <PrivateSimulator
        options={{
          ...pool,
          users: [{ username: 'alice', password: PASSWORD, email: 'alice@example.com', ...user }],
        }}
        prepare={async (simulator) => {
          await signIn(simulator);
          if (devices) {
            await simulator.client.rememberDevice();
            current = simulator.pool.getUser('alice')?.devices[0]?.id;
            simulator.pool.addRememberedDevice('alice', 'Work laptop', Date.UTC(2026, 10, 1, 9));
            simulator.pool.addRememberedDevice('alice', 'Old phone', Date.UTC(2026, 9, 1, 9));
          }
          await prepare?.(simulator);
        }}
        recovery={recovery}
      >
        {(simulator) => {
          const settings = (
            <MfaSettings
              accountName="alice@example.com"
              poolMfa={poolMfa}
              policy={policy}
              currentDeviceId={current ?? simulator.pool.getUser('alice')?.devices[0]?.id}
            />
          );
          return stepUp ? (
            <StepUpProvider verifier={simulator.stepUpVerifier}>{settings}</StepUpProvider>
          ) : (
            settings
          );
        }}
      </PrivateSimulator>
    );
  },
  parameters: {
    docs: {
      description: {
        component:
          'The account-security page: verification methods (status from `fetchMFAPreference` and the attributes), ' +
          'preferred method, turning methods on and off (refused with the reason when the pool or the role needs MFA), ' +
          'replacing the authenticator, remembered devices and recovery codes. Sensitive changes go through step-up ' +
          'when a `StepUpProvider` is present.',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const methodItem = async (canvasElement: HTMLElement, name: string) => {
  const section = await within(canvasElement).findByRole('region', { name: 'Verification methods' });
  const strong = await within(section).findByText(name, { selector: 'strong' });
  return strong.closest('li') as HTMLElement;
};

export const Overview: Story = {
  name: 'Authenticator preferred, SMS on',
  play: async ({ canvasElement }) => {
    await expect(await methodItem(canvasElement, 'Authenticator app')).toHaveTextContent('Preferred');
    await expect(await methodItem(canvasElement, 'Text message (SMS)')).toHaveTextContent('On');
    await expect(await methodItem(canvasElement, 'Email')).toHaveTextContent('Off');
  },
};

export const NoMethods: Story = {
  name: 'No method on yet',
  args: { user: {} },
  play: async ({ canvasElement }) => {
    await expect(await methodItem(canvasElement, 'Authenticator app')).toHaveTextContent('Off');
    await expect(
      within(canvasElement).getByRole('button', { name: 'Turn on: Authenticator app' }),
    ).toBeEnabled();
  },
};

export const Loading: Story = {
  args: { prepare: (simulator) => simulator.failNext('fetchMFAPreference', { delayMs: 600_000 }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading your methods…')).toBeVisible();
  },
};

export const LoadError: Story = {
  name: 'Load error, then retry',
  args: { prepare: (simulator) => simulator.failNext('fetchMFAPreference', 'network') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('We could not load your verification methods.')).toBeVisible();
    await userEvent.click(canvas.getAllByRole('button', { name: 'Try again' })[0] as HTMLElement);
    await expect(await methodItem(canvasElement, 'Authenticator app')).toHaveTextContent('Preferred');
  },
};

export const TurnOnAuthenticator: Story = {
  name: 'Turning on the authenticator app',
  args: { user: {} },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Turn on: Authenticator app' }));
    const secret = await readSetupKey(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    await expect(await methodItem(canvasElement, 'Authenticator app')).toHaveTextContent('Preferred');
  },
};

export const ReplaceAuthenticator: Story = {
  name: 'Replacing the authenticator (warns)',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Replace authenticator' }));
    await expect(await canvas.findByText(/codes from the old one stop working/)).toBeVisible();
  },
};

export const SmsPhoneEntry: Story = {
  name: 'Turning on SMS: phone number (E.164)',
  args: { user: { totpSecret: SECRET, preferred: 'TOTP' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Turn on: Text message (SMS)' }));
    const phone = canvas.getByRole('textbox', { name: 'Mobile phone number' });
    await userEvent.type(phone, '555 0123');
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(canvas.getByText('Start with + and your country code, like +44 for the UK.')).toBeVisible();
    await userEvent.clear(phone);
    await userEvent.type(phone, '+49 (30) 901820-99');
    await expect(canvas.getByText('Will be saved as +493090182099.')).toBeVisible();
  },
};

export const SmsCodeSent: Story = {
  name: 'Turning on SMS: code sent',
  args: { user: { totpSecret: SECRET, preferred: 'TOTP' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Turn on: Text message (SMS)' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Mobile phone number' }), '+15555550199');
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByText(/We sent a code to/)).toBeVisible();
    // The real input is visually hidden behind the digit slots; it has the focus.
    await expect(canvas.getByRole('textbox', { name: 'Verification code' })).toHaveFocus();
  },
};

export const TurnOffBehindStepUp: Story = {
  name: 'Turning off: step-up prompt',
  args: { stepUp: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Turn off: Text message (SMS)' }));
    const dialog = await within(document.body).findByRole('dialog', { name: "Confirm it's you" });
    await expect(dialog).toHaveAccessibleDescription('To continue with: Turn off Text message (SMS)');
  },
};

export const TurnedOff: Story = {
  name: 'Turned off after step-up',
  args: { stepUp: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Turn off: Text message (SMS)' }));
    const dialog = await within(document.body).findByRole('dialog', { name: "Confirm it's you" });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Verification code' }),
      phoneCode(SECRET),
    );
    await waitFor(async () =>
      expect(await methodItem(canvasElement, 'Text message (SMS)')).toHaveTextContent('Off'),
    );
  },
};

export const RefusedPoolOn: Story = {
  name: 'Turn off refused: pool requires MFA',
  args: { user: { totpSecret: SECRET, preferred: 'TOTP' }, pool: { mfaConfiguration: 'ON' }, poolMfa: 'ON' },
  play: async ({ canvasElement }) => {
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: 'Turn off: Authenticator app' }),
    );
    await expect(
      await within(await methodItem(canvasElement, 'Authenticator app')).findByText(
        /your organization requires two-step verification/,
      ),
    ).toBeVisible();
  },
};

export const RefusedByRole: Story = {
  name: 'Turn off refused: role requires MFA (SMS not accepted for admins)',
  args: {
    user: { ...totpAndSms, groups: ['admins'] },
    policy: createMfaPolicy({ requiredRoles: ['admins'], policyStart: '2026-01-01' }),
  },
  play: async ({ canvasElement }) => {
    await expect(await methodItem(canvasElement, 'Text message (SMS)')).toHaveTextContent(
      'Not accepted for your role',
    );
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: 'Turn off: Authenticator app' }),
    );
    await expect(
      await within(await methodItem(canvasElement, 'Authenticator app')).findByText(/your role requires/),
    ).toBeVisible();
  },
};

export const ChangeFailed: Story = {
  name: 'Change failed, nothing lost',
  args: { prepare: (simulator) => simulator.failNext('updateMFAPreference', 'network') },
  play: async ({ canvasElement }) => {
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: 'Make preferred: Text message (SMS)' }),
    );
    const sms = await methodItem(canvasElement, 'Text message (SMS)');
    await expect(await within(sms).findByText(/could not reach the server/)).toBeVisible();
    await expect(sms).toHaveTextContent('On');
  },
};

export const Devices: Story = {
  name: 'Remembered devices (this one marked)',
  args: { devices: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('This device')).toBeVisible();
    await expect(canvas.getByText('Work laptop')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Forget all other devices' })).toBeEnabled();
  },
};

export const DevicesForgotten: Story = {
  name: 'Remembered devices: others forgotten',
  args: { devices: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Forget all other devices' }));
    await waitFor(() => expect(canvas.queryByText('Work laptop')).toBeNull());
    await expect(canvas.queryByText('Old phone')).toBeNull();
    await expect(canvas.getByText('This device')).toBeVisible();
  },
};

export const NoDevices: Story = {
  name: 'No remembered devices',
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No remembered devices.')).toBeVisible();
  },
};

export const DevicesError: Story = {
  name: 'Devices: load error, then retry',
  args: { prepare: (simulator) => simulator.failNext('fetchDevices', 'network') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('We could not load your remembered devices.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText('No remembered devices.')).toBeVisible();
  },
};

export const WithRecoveryCodes: Story = {
  name: 'With recovery codes',
  args: { recovery: true },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/You have no recovery codes yet/)).toBeVisible();
  },
};

export const RegenerateBehindStepUp: Story = {
  name: 'Replacing recovery codes: step-up prompt',
  args: {
    recovery: true,
    stepUp: true,
    prepare: async (simulator) => {
      await simulator.recoveryCodes.generate();
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Generate new codes' }));
    const body = within(document.body);
    const confirm = await body.findByRole('alertdialog', { name: 'Generate new recovery codes?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Yes, generate new codes' }));
    const dialog = await body.findByRole('dialog', { name: "Confirm it's you" });
    await expect(dialog).toHaveAccessibleDescription('To continue with: Replace your recovery codes');
  },
};

export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const heading = await within(canvasElement).findByRole('heading', { name: 'التحقق بخطوتين' });
    await expect(heading.closest('[dir]')).toHaveAttribute('dir', 'rtl');
  },
};

export const Dark: Story = {
  args: { devices: true },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('This device')).toBeVisible();
  },
};
