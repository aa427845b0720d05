import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMfaPolicy, MfaProvider, MfaSettings, type MfaSettingsProps, StepUpProvider } from 'mfa-kit';
import { type CognitoSimulator, createCognitoSimulator, type SimulatorUserSeed } from 'mfa-kit/testing';
import { describe, expect, it } from 'vitest';
import { phoneCode } from '../contract/support/authenticator';
import { readManualKey } from './manualKey';

const PASSWORD = 'Passw0rd!';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

async function setup(
  seed: Partial<SimulatorUserSeed> = {},
  options: {
    props?: Partial<MfaSettingsProps>;
    stepUp?: boolean;
    recovery?: boolean;
    mfaConfiguration?: 'ON' | 'OPTIONAL';
    before?: (simulator: CognitoSimulator) => void | Promise<void>;
  } = {},
) {
  const simulator = createCognitoSimulator({
    mfaConfiguration: options.mfaConfiguration,
    users: [{ username: 'alice', password: PASSWORD, email: 'alice@example.com', ...seed }],
  });
  const result = await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  if (result.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE')
    await simulator.client.confirmSignIn({ challengeResponse: phoneCode(SECRET) });
  if (result.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_SMS_CODE')
    await simulator.client.confirmSignIn({
      challengeResponse: simulator.outbox.latest({ username: 'alice' })?.code ?? '',
    });
  await options.before?.(simulator);
  const settings = <MfaSettings accountName="alice@example.com" {...options.props} />;
  render(
    <MfaProvider
      client={simulator.client}
      issuer="Acme"
      recovery={options.recovery ? simulator.recoveryCodes : undefined}
    >
      {options.stepUp ? (
        <StepUpProvider verifier={simulator.stepUpVerifier}>{settings}</StepUpProvider>
      ) : (
        settings
      )}
    </MfaProvider>,
  );
  return { simulator, user: userEvent.setup() };
}

const item = async (method: 'TOTP' | 'SMS' | 'EMAIL') => {
  const name = { TOTP: 'Authenticator app', SMS: 'Text message (SMS)', EMAIL: 'Email' }[method];
  const section = await screen.findByRole('region', { name: 'Verification methods' });
  const list = await within(section).findByRole('list');
  const entry = within(list)
    .getAllByRole('listitem')
    .find((li) => within(li).queryByText(name, { selector: 'strong' }));
  if (!entry) throw new Error(`no ${method} item`);
  return entry;
};

describe('MfaSettings: methods', () => {
  it('shows each method with its status from fetchMFAPreference and the attributes', async () => {
    await setup({
      totpSecret: SECRET,
      phoneNumber: '+15555550123',
      enabled: ['TOTP', 'SMS'],
      preferred: 'TOTP',
    });
    expect(await item('TOTP')).toHaveTextContent('Authenticator app Preferred');
    expect(await item('SMS')).toHaveTextContent('Text message (SMS) On +15555550123');
    expect(await item('EMAIL')).toHaveTextContent('Email Off alice@example.com');
  });

  it('makes another method preferred', async () => {
    const { user, simulator } = await setup({
      totpSecret: SECRET,
      phoneNumber: '+15555550123',
      enabled: ['TOTP', 'SMS'],
      preferred: 'TOTP',
    });
    await user.click(await screen.findByRole('button', { name: 'Make preferred: Text message (SMS)' }));
    await waitFor(async () => expect(await item('SMS')).toHaveTextContent('Preferred'));
    expect(simulator.pool.getUser('alice')?.preferred).toBe('SMS');
  });

  it('turns on the authenticator app with TotpSetup, then shows it preferred', async () => {
    const { user, simulator } = await setup();
    await user.click(await screen.findByRole('button', { name: 'Turn on: Authenticator app' }));
    const secret = await readManualKey(user);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret));
    await waitFor(async () => expect(await item('TOTP')).toHaveTextContent('Preferred'));
    expect(screen.getByRole('heading', { name: 'Verification methods' })).toHaveFocus();
    expect(simulator.pool.getUser('alice')).toMatchObject({ totpEnabled: true, preferred: 'TOTP' });
  });

  it('turns on SMS with a new number: E.164, a code to the phone, then on', async () => {
    const { user, simulator } = await setup();
    await user.click(await screen.findByRole('button', { name: 'Turn on: Text message (SMS)' }));
    await user.type(screen.getByRole('textbox', { name: 'Mobile phone number' }), '+44 20 7946 0958');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    const sent = await waitFor(() => {
      const message = simulator.outbox.latest({ username: 'alice' });
      if (!message) throw new Error('no code yet');
      return message;
    });
    expect(sent.to).toBe('+442079460958');
    await user.type(await screen.findByRole('textbox', { name: 'Verification code' }), sent.code);
    await waitFor(async () => expect(await item('SMS')).toHaveTextContent(/Preferred \+442079460958/));
  });

  it('in a pool that does not auto-verify phone numbers, still verifies the number before turning SMS on', async () => {
    const simulator = createCognitoSimulator({
      autoVerifiedAttributes: [],
      users: [{ username: 'alice', password: PASSWORD }],
    });
    await simulator.client.signIn({ username: 'alice', password: PASSWORD });
    const user = userEvent.setup();
    render(
      <MfaProvider client={simulator.client}>
        <MfaSettings accountName="alice" />
      </MfaProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Turn on: Text message (SMS)' }));
    await user.type(screen.getByRole('textbox', { name: 'Mobile phone number' }), '+15555550123');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText(/We sent a code to/)).toBeInTheDocument();
    expect(simulator.pool.getUser('alice')?.smsEnabled).toBe(false);
    const code = simulator.outbox.latest({ username: 'alice' })?.code ?? '';
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), code);
    await waitFor(async () => expect(await item('SMS')).toHaveTextContent('Preferred'));
  });

  it('turns on email at once when the address is already verified', async () => {
    const { user, simulator } = await setup({ totpSecret: SECRET, preferred: 'TOTP' });
    await user.click(await screen.findByRole('button', { name: 'Turn on: Email' }));
    await waitFor(async () => expect(await item('EMAIL')).toHaveTextContent('Email On'));
    expect(simulator.pool.getUser('alice')?.emailEnabled).toBe(true);
  });

  it('turns a method off behind step-up when a StepUpProvider is present', async () => {
    const { user, simulator } = await setup(
      { totpSecret: SECRET, email: 'alice@example.com', enabled: ['TOTP', 'EMAIL'], preferred: 'TOTP' },
      { stepUp: true },
    );
    await user.click(await screen.findByRole('button', { name: 'Turn off: Email' }));
    const dialog = await screen.findByRole('dialog', { name: "Confirm it's you" });
    expect(dialog).toHaveAccessibleDescription('To continue with: Turn off Email');
    expect(simulator.pool.getUser('alice')?.emailEnabled).toBe(true);
    await user.type(within(dialog).getByRole('textbox', { name: 'Verification code' }), phoneCode(SECRET));
    await waitFor(async () => expect(await item('EMAIL')).toHaveTextContent('Email Off'));
    expect(simulator.pool.getUser('alice')?.emailEnabled).toBe(false);
  });

  it('cancelling the step-up changes nothing', async () => {
    const { user, simulator } = await setup(
      { totpSecret: SECRET, enabled: ['TOTP', 'EMAIL'], preferred: 'TOTP' },
      { stepUp: true },
    );
    await user.click(await screen.findByRole('button', { name: 'Turn off: Email' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(simulator.pool.getUser('alice')?.emailEnabled).toBe(true);
    expect(within(await item('EMAIL')).getByRole('alert')).toBeEmptyDOMElement();
  });

  it('refuses to turn off the last method in a pool that requires MFA, with the reason', async () => {
    const { user, simulator } = await setup(
      { totpSecret: SECRET, preferred: 'TOTP' },
      { mfaConfiguration: 'ON', props: { poolMfa: 'ON' } },
    );
    await user.click(await screen.findByRole('button', { name: 'Turn off: Authenticator app' }));
    expect(within(await item('TOTP')).getByRole('alert')).toHaveTextContent(
      'You cannot turn off Authenticator app: your organization requires two-step verification and it is your only method.',
    );
    expect(simulator.pool.getUser('alice')?.totpEnabled).toBe(true);
  });

  it('refuses to turn off the only method the role accepts, and marks methods the role does not accept', async () => {
    const policy = createMfaPolicy({ requiredRoles: ['admins'], policyStart: '2026-01-01' });
    const { user, simulator } = await setup(
      {
        groups: ['admins'],
        totpSecret: SECRET,
        phoneNumber: '+15555550123',
        enabled: ['TOTP', 'SMS'],
        preferred: 'TOTP',
      },
      { props: { policy } },
    );
    expect(await item('SMS')).toHaveTextContent('Not accepted for your role');
    await user.click(await screen.findByRole('button', { name: 'Turn off: Authenticator app' }));
    expect(within(await item('TOTP')).getByRole('alert')).toHaveTextContent(
      'your role requires Authenticator app, and no other accepted method is on',
    );
    expect(simulator.pool.getUser('alice')?.totpEnabled).toBe(true);
  });

  it('a failed change says why, keeps the status, and can be repeated', async () => {
    const { user, simulator } = await setup({
      totpSecret: SECRET,
      phoneNumber: '+15555550123',
      enabled: ['TOTP', 'SMS'],
      preferred: 'TOTP',
    });
    simulator.failNext('updateMFAPreference', 'network');
    await user.click(await screen.findByRole('button', { name: 'Make preferred: Text message (SMS)' }));
    expect(await within(await item('SMS')).findByText(/could not reach the server/)).toBeInTheDocument();
    expect(await item('SMS')).toHaveTextContent('Text message (SMS) On');
    await user.click(screen.getByRole('button', { name: 'Make preferred: Text message (SMS)' }));
    await waitFor(async () => expect(await item('SMS')).toHaveTextContent('Preferred'));
  });

  it('a failed load shows an error and a retry that works', async () => {
    await setup({}, { before: (simulator) => simulator.failNext('fetchMFAPreference', 'network') });
    expect(await screen.findByText('We could not load your verification methods.')).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: 'Try again' })[0] as HTMLElement);
    expect(await item('TOTP')).toHaveTextContent('Off');
  });
});

describe('MfaSettings: remembered devices and recovery codes', () => {
  it('says when there are none', async () => {
    await setup();
    expect(await screen.findByText('No remembered devices.')).toBeInTheDocument();
  });

  it('lists devices with this one marked, forgets one, then all others', async () => {
    let current = '';
    const { user, simulator } = await setup(
      {},
      {
        before: async (simulator) => {
          await simulator.client.rememberDevice();
          current = simulator.pool.getUser('alice')?.devices[0]?.id ?? '';
          simulator.pool.addRememberedDevice('alice', 'Work laptop', Date.UTC(2026, 10, 1, 9));
          simulator.pool.addRememberedDevice('alice', 'Old phone', Date.UTC(2026, 9, 1, 9));
        },
      },
    );
    expect(current).not.toBe('');
    expect(await screen.findByText('Work laptop')).toBeInTheDocument();
    expect(screen.getByText(/Last used Nov 1, 2026/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Forget Old phone' }));
    await waitFor(() => expect(screen.queryByText('Old phone')).toBeNull());
    expect(simulator.pool.getUser('alice')?.devices.map((d) => d.name)).toEqual([
      'Simulated browser',
      'Work laptop',
    ]);
  });

  it('marks this device and forgets all the others', async () => {
    let current = '';
    const simulator = createCognitoSimulator({ users: [{ username: 'alice', password: PASSWORD }] });
    await simulator.client.signIn({ username: 'alice', password: PASSWORD });
    await simulator.client.rememberDevice();
    current = simulator.pool.getUser('alice')?.devices[0]?.id ?? '';
    simulator.pool.addRememberedDevice('alice', 'Work laptop');
    simulator.pool.addRememberedDevice('alice', 'Old phone');
    const user = userEvent.setup();
    render(
      <MfaProvider client={simulator.client}>
        <MfaSettings accountName="alice" currentDeviceId={current} />
      </MfaProvider>,
    );
    const thisOne = (await screen.findByText('This device')).closest('li') as HTMLElement;
    expect(thisOne).toHaveTextContent('Simulated browser');
    await user.click(screen.getByRole('button', { name: 'Forget all other devices' }));
    await waitFor(() => expect(screen.queryByText('Work laptop')).toBeNull());
    expect(screen.queryByText('Old phone')).toBeNull();
    expect(simulator.pool.getUser('alice')?.devices.map((d) => d.id)).toEqual([current]);
    expect(screen.queryByRole('button', { name: 'Forget all other devices' })).toBeNull();
  });

  it('replacing existing recovery codes goes through step-up', async () => {
    const { user } = await setup(
      { totpSecret: SECRET, preferred: 'TOTP' },
      {
        recovery: true,
        stepUp: true,
        before: async (simulator) => {
          await simulator.recoveryCodes.generate();
        },
      },
    );
    await user.click(await screen.findByRole('button', { name: 'Generate new codes' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Generate new recovery codes?' });
    await user.click(within(confirm).getByRole('button', { name: 'Yes, generate new codes' }));
    const stepUp = await screen.findByRole('dialog', { name: "Confirm it's you" });
    expect(stepUp).toHaveAccessibleDescription('To continue with: Replace your recovery codes');
    await user.type(within(stepUp).getByRole('textbox', { name: 'Verification code' }), phoneCode(SECRET));
    const list = await screen.findByRole('list', { name: 'Your recovery codes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
  });

  it('shows recovery codes when the provider has a recovery adapter', async () => {
    await setup({ totpSecret: SECRET, preferred: 'TOTP' }, { recovery: true });
    expect(await screen.findByRole('heading', { name: 'Recovery codes' })).toBeInTheDocument();
    expect(await screen.findByText(/You have no recovery codes yet/)).toBeInTheDocument();
  });
});
