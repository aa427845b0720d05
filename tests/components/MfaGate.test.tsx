import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMfaPolicy, MfaGate, type MfaPolicyInput, MfaProvider } from 'mfa-kit';
import { createCognitoSimulator, type SimulatorUserSeed } from 'mfa-kit/testing';
import { describe, expect, it, vi } from 'vitest';
import { phoneCode } from '../contract/support/authenticator';
import { readManualKey } from './manualKey';

const PASSWORD = 'Passw0rd!';
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12);

function policy(overrides: Partial<MfaPolicyInput> = {}) {
  return createMfaPolicy({
    requiredRoles: ['admins', 'managers'],
    optionalRoles: ['viewers'],
    policyStart: '2026-01-01',
    ...overrides,
  });
}

async function signedIn(
  seed: Partial<SimulatorUserSeed>,
  gatePolicy = policy(),
  options: { recovery?: boolean; mfaConfiguration?: 'ON' | 'OPTIONAL' } = {},
) {
  const simulator = createCognitoSimulator({
    now: () => NOW,
    mfaPolicy: gatePolicy,
    mfaConfiguration: options.mfaConfiguration,
    users: [{ username: 'alice', password: PASSWORD, email: 'alice@example.com', ...seed }],
  });
  const result = await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  if (result.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE')
    await simulator.client.confirmSignIn({ challengeResponse: simulator.pool.totpCodeFor('alice') ?? '' });
  if (result.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_SMS_CODE')
    await simulator.client.confirmSignIn({
      challengeResponse: simulator.outbox.latest({ username: 'alice' })?.code ?? '',
    });
  const onSignOut = vi.fn();
  render(
    <MfaProvider
      client={simulator.client}
      recovery={options.recovery ? simulator.recoveryCodes : undefined}
      issuer="Acme"
    >
      <MfaGate policy={gatePolicy} now={() => simulator.clock.now()} onSignOut={onSignOut}>
        <main>The app</main>
      </MfaGate>
    </MfaProvider>,
  );
  return { simulator, onSignOut };
}

const app = () => screen.findByRole('main');

describe('MfaGate', () => {
  it('shows the app to a user whose role does not require MFA', async () => {
    await signedIn({ groups: ['viewers'] });
    expect(await app()).toHaveTextContent('The app');
    expect(screen.queryByRole('region', { name: 'Two-step verification reminder' })).toBeNull();
  });

  it('shows the app to a compliant admin', async () => {
    await signedIn({ groups: ['admins'], totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', preferred: 'TOTP' });
    expect(await app()).toBeInTheDocument();
  });

  it('in grace: the app under a banner with the days left (from the token), dismissible', async () => {
    const user = userEvent.setup();
    await signedIn({ groups: ['admins'], createdAt: NOW - 4 * DAY });
    const banner = await screen.findByRole('region', { name: 'Two-step verification reminder' });
    expect(banner).toHaveTextContent(/Set it up within 3 days \(by Nov 23, 2026/);
    expect(screen.getByRole('main')).toBeInTheDocument();
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Two-step verification reminder' })).toBeNull();
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('on the last day says so', async () => {
    await signedIn({ groups: ['admins'], createdAt: NOW - 6.5 * DAY });
    expect(await screen.findByRole('region', { name: 'Two-step verification reminder' })).toHaveTextContent(
      'Today is the last day to set it up',
    );
  });

  it('"Set up now" from the banner: authenticator app, then back to the app without the banner', async () => {
    const user = userEvent.setup();
    const { simulator } = await signedIn({ groups: ['admins'], createdAt: NOW - 2 * DAY });
    await user.click(await screen.findByRole('button', { name: 'Set up now' }));
    expect(screen.getByRole('heading', { name: 'Set up two-step verification' })).toHaveFocus();
    expect(screen.queryByRole('main')).toBeNull();
    // Admins: TOTP only, so no method choice.
    expect(screen.queryByRole('radio')).toBeNull();
    const secret = await readManualKey(user);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret, NOW));
    expect(await app()).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Two-step verification reminder' })).toBeNull();
    // The tokens were refreshed: the trigger's claims now say compliant.
    const session = await simulator.client.fetchAuthSession();
    expect(session.tokens?.idToken?.payload.mfa_compliant).toBe(true);
  });

  it('"Not now" goes back to the app while in grace', async () => {
    const user = userEvent.setup();
    await signedIn({ groups: ['admins'], createdAt: NOW - 2 * DAY });
    await user.click(await screen.findByRole('button', { name: 'Set up now' }));
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(await app()).toBeInTheDocument();
  });

  it("past grace, 'redirect_to_setup': setup before the app, only the role's methods, then recovery codes", async () => {
    const user = userEvent.setup();
    await signedIn({ groups: ['managers'], createdAt: NOW - 30 * DAY }, policy(), { recovery: true });
    expect(await screen.findByRole('heading', { name: 'Set up two-step verification' })).toBeInTheDocument();
    expect(screen.getByText(/The grace period ended on Oct 28, 2026/)).toBeInTheDocument();
    expect(screen.queryByRole('main')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Not now' })).toBeNull();
    // Managers may use any method.
    expect(screen.getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual([
      'TOTP',
      'SMS',
      'EMAIL',
    ]);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const secret = await readManualKey(user);
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), phoneCode(secret, NOW));
    const list = await screen.findByRole('list', { name: 'Your recovery codes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    await user.click(screen.getByRole('checkbox', { name: 'I have saved these codes' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await app()).toBeInTheDocument();
  });

  it('past grace with SMS: phone in E.164, code from the outbox, then the app', async () => {
    const user = userEvent.setup();
    const { simulator } = await signedIn({ groups: ['managers'], createdAt: NOW - 30 * DAY });
    await user.click(await screen.findByRole('radio', { name: /Text message/ }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const phone = screen.getByRole('textbox', { name: 'Mobile phone number' });
    await user.type(phone, '555 0123');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(screen.getByText('Start with + and your country code, like +44 for the UK.')).toBeInTheDocument();
    await user.clear(phone);
    await user.type(phone, '+1 (555) 555-0123');
    expect(phone).toHaveValue('+1 555 555 0123');
    expect(screen.getByText('Will be saved as +15555550123.')).toBeInTheDocument();
    simulator.failNext('updateUserAttributes', 'network');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText(/could not reach the server/)).toBeInTheDocument();
    expect(phone).toHaveValue('+1 555 555 0123');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/We sent a code to/)).toBeInTheDocument();
    const code = simulator.outbox.latest({ username: 'alice' })?.code ?? '';
    expect(simulator.outbox.latest({ username: 'alice' })?.to).toBe('+15555550123');
    await user.type(screen.getByRole('textbox', { name: 'Verification code' }), code);
    expect(await app()).toBeInTheDocument();
    expect(simulator.pool.getUser('alice')).toMatchObject({ smsEnabled: true, preferred: 'SMS' });
  });

  it('an admin with SMS only is told SMS does not count, and is offered the authenticator app only', async () => {
    await signedIn({
      groups: ['admins'],
      phoneNumber: '+15555550123',
      enabled: ['SMS'],
      preferred: 'SMS',
      createdAt: NOW - 30 * DAY,
    });
    const setup = await screen.findByRole('region', { name: 'Set up two-step verification' });
    expect(setup).toHaveTextContent('Your role accepts only: Authenticator app.');
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toBeInTheDocument();
  });

  it("past grace, 'block': a blocked screen and sign-out, never the app", async () => {
    const user = userEvent.setup();
    const { simulator, onSignOut } = await signedIn(
      { groups: ['admins'], createdAt: NOW - 30 * DAY },
      policy({ enforcementAction: 'block' }),
    );
    expect(await screen.findByRole('heading', { name: 'Access blocked' })).toBeInTheDocument();
    expect(screen.queryByRole('main')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(onSignOut).toHaveBeenCalledTimes(1));
    expect(await simulator.client.fetchAuthSession()).toEqual({});
  });

  it('a failed check shows an error and a retry that works', async () => {
    const user = userEvent.setup();
    const simulator = createCognitoSimulator({
      mfaPolicy: policy(),
      users: [{ username: 'alice', password: PASSWORD, groups: ['viewers'] }],
    });
    await simulator.client.signIn({ username: 'alice', password: PASSWORD });
    simulator.failNext('fetchAuthSession', 'network');
    render(
      <MfaProvider client={simulator.client}>
        <MfaGate policy={policy()}>
          <main>The app</main>
        </MfaGate>
      </MfaProvider>,
    );
    expect(await screen.findByText('We could not check your account security.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await app()).toBeInTheDocument();
  });

  it('fails closed when nobody is signed in (no tokens to read roles from)', async () => {
    const simulator = createCognitoSimulator({ users: [{ username: 'alice', password: PASSWORD }] });
    render(
      <MfaProvider client={simulator.client}>
        <MfaGate policy={policy()}>
          <main>The app</main>
        </MfaGate>
      </MfaProvider>,
    );
    expect(await screen.findByText('You are signed out. Sign in to continue.')).toBeInTheDocument();
    expect(screen.queryByRole('main')).toBeNull();
  });

  it('without the trigger (no claims in the token), counts grace from the policy start', async () => {
    const simulator = createCognitoSimulator({
      now: () => NOW,
      users: [{ username: 'alice', password: PASSWORD, groups: ['admins'], createdAt: NOW - 100 * DAY }],
    });
    await simulator.client.signIn({ username: 'alice', password: PASSWORD });
    const startedTwoDaysAgo = policy({ policyStart: new Date(NOW - 2 * DAY) });
    render(
      <MfaProvider client={simulator.client}>
        <MfaGate policy={startedTwoDaysAgo} now={() => NOW}>
          <main>The app</main>
        </MfaGate>
      </MfaProvider>,
    );
    expect(await screen.findByRole('region', { name: 'Two-step verification reminder' })).toHaveTextContent(
      'within 5 days',
    );
  });

  it('pool ON: Cognito forced setup at sign-in, so the gate lets the user in', async () => {
    await signedIn(
      { groups: ['admins'], totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', createdAt: NOW - 30 * DAY },
      policy(),
      { mfaConfiguration: 'ON' },
    );
    expect(await app()).toBeInTheDocument();
  });
});
