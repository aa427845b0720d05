// @vitest-environment jsdom
// (sessionStorage: the persistence tests; the mutation project runs the other suites in Node)
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { type CognitoSimulatorOptions, createCognitoSimulator } from '../../src/testing';

const PASSWORD = 'Passw0rd!';
const phoneCode = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: at,
  });

function simulator(options: CognitoSimulatorOptions = {}) {
  let now = Date.UTC(2026, 10, 22, 12, 0, 0);
  const sim = createCognitoSimulator({ now: () => now, ...options });
  return { ...sim, setNow: (t: number) => (now = t), at: () => sim.clock.now() };
}

const rejectsWith = (promise: Promise<unknown>, name: string, message?: RegExp) =>
  expect(promise).rejects.toSatisfy(
    (error: unknown) =>
      error instanceof Error && error.name === name && (!message || message.test(error.message)),
  );

describe('createCognitoSimulator: sign-in', () => {
  it('signs in with a password when the user has no MFA', async () => {
    const { client } = simulator({ users: [{ username: 'bob', password: PASSWORD }] });
    expect(await client.signIn({ username: 'bob', password: PASSWORD })).toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
    expect(await client.getCurrentUser()).toMatchObject({
      username: 'bob',
      signInDetails: { loginId: 'bob' },
    });
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const { client } = simulator({ users: [{ username: 'bob', password: PASSWORD }] });
    await rejectsWith(
      client.signIn({ username: 'bob', password: 'nope' }),
      'NotAuthorizedException',
      /Incorrect/,
    );
    await rejectsWith(
      client.signIn({ username: 'ghost', password: PASSWORD }),
      'NotAuthorizedException',
      /Incorrect/,
    );
  });

  it('refuses signIn while signed in, until signOut', async () => {
    const { client } = simulator({ users: [{ username: 'bob', password: PASSWORD }] });
    await client.signIn({ username: 'bob', password: PASSWORD });
    await rejectsWith(
      client.signIn({ username: 'bob', password: PASSWORD }),
      'UserAlreadyAuthenticatedException',
    );
    await client.signOut();
    await rejectsWith(client.getCurrentUser(), 'UserUnAuthenticatedException');
  });

  it('keeps the TOTP challenge after a wrong code, so the user retries in place', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const sim = simulator({
      users: [{ username: 'amy', password: PASSWORD, totpSecret: secret, preferred: 'TOTP' }],
    });
    const step = await sim.client.signIn({ username: 'amy', password: PASSWORD });
    expect(step.nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' });
    await rejectsWith(sim.client.confirmSignIn({ challengeResponse: '000000' }), 'CodeMismatchException');
    const done = await sim.client.confirmSignIn({ challengeResponse: phoneCode(secret, sim.at()) });
    expect(done.isSignedIn).toBe(true);
  });

  it('sends SMS codes to the outbox and shows a masked destination', async () => {
    const sim = simulator({
      users: [
        {
          username: 'sam',
          password: PASSWORD,
          phoneNumber: '+15555550123',
          enabled: ['SMS'],
          preferred: 'SMS',
        },
      ],
    });
    const step = await sim.client.signIn({ username: 'sam', password: PASSWORD });
    expect(step.nextStep).toEqual({
      signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
      codeDeliveryDetails: {
        destination: '+*******0123',
        deliveryMedium: 'SMS',
        attributeName: 'phone_number',
      },
    });
    const message = sim.outbox.latest({ username: 'sam' });
    expect(message).toMatchObject({ channel: 'SMS', to: '+15555550123' });
    expect(message?.text).toContain(message?.code ?? 'missing');
    expect(await sim.client.confirmSignIn({ challengeResponse: message?.code ?? '' })).toMatchObject({
      isSignedIn: true,
    });
  });

  it('asks which factor to use when several are enabled and none is preferred', async () => {
    const sim = simulator({
      users: [
        {
          username: 'sam',
          password: PASSWORD,
          phoneNumber: '+15555550123',
          totpSecret: 'JBSWY3DPEHPK3PXP',
          enabled: ['SMS', 'TOTP'],
        },
      ],
    });
    const step = await sim.client.signIn({ username: 'sam', password: PASSWORD });
    expect(step.nextStep).toEqual({
      signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION',
      allowedMFATypes: ['SMS', 'TOTP'],
    });
    const next = await sim.client.confirmSignIn({ challengeResponse: 'TOTP' });
    expect(next.nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' });
  });

  it('onboards a user without a factor when the pool requires MFA (TOTP setup inside sign-in)', async () => {
    const sim = simulator({
      mfaConfiguration: 'ON',
      mfaMethods: ['TOTP'],
      users: [{ username: 'new', password: PASSWORD }],
    });
    const step = await sim.client.signIn({ username: 'new', password: PASSWORD });
    if (step.nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP')
      throw new Error('expected TOTP setup');
    const secret = step.nextStep.totpSetupDetails.sharedSecret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await rejectsWith(
      sim.client.confirmSignIn({ challengeResponse: '000000' }),
      'EnableSoftwareTokenMFAException',
    );
    expect(await sim.client.confirmSignIn({ challengeResponse: phoneCode(secret, sim.at()) })).toMatchObject({
      isSignedIn: true,
    });
    expect(sim.pool.getUser('new')).toMatchObject({ totpEnabled: true });
  });

  it('offers TOTP or email for setup, never SMS, and verifies a new email by code', async () => {
    const sim = simulator({ mfaConfiguration: 'ON', users: [{ username: 'new', password: PASSWORD }] });
    const step = await sim.client.signIn({ username: 'new', password: PASSWORD });
    expect(step.nextStep).toEqual({
      signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION',
      allowedMFATypes: ['TOTP', 'EMAIL'],
    });
    expect((await sim.client.confirmSignIn({ challengeResponse: 'EMAIL' })).nextStep.signInStep).toBe(
      'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP',
    );
    const emailStep = await sim.client.confirmSignIn({ challengeResponse: 'new@example.com' });
    expect(emailStep.nextStep).toMatchObject({
      signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
      codeDeliveryDetails: { destination: 'n***@e***', deliveryMedium: 'EMAIL' },
    });
    const code = sim.outbox.latest({ channel: 'EMAIL' })?.code ?? '';
    expect(await sim.client.confirmSignIn({ challengeResponse: code })).toMatchObject({ isSignedIn: true });
  });

  it('expires the challenge after 3 minutes', async () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const sim = simulator({ users: [{ username: 'amy', password: PASSWORD, totpSecret: secret }] });
    await sim.client.signIn({ username: 'amy', password: PASSWORD });
    sim.clock.advance(3 * 60 * 1000 + 1);
    await rejectsWith(
      sim.client.confirmSignIn({ challengeResponse: phoneCode(secret, sim.at()) }),
      'SignInException',
    );
  });

  it('locks out exponentially after five wrong codes and resets after a success', async () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const sim = simulator({ users: [{ username: 'amy', password: PASSWORD, totpSecret: secret }] });
    await sim.client.signIn({ username: 'amy', password: PASSWORD });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await rejectsWith(sim.client.confirmSignIn({ challengeResponse: '000000' }), 'CodeMismatchException');
    }
    expect(sim.pool.getUser('amy')?.lockedUntil).toBe(sim.at() + 1000);
    await rejectsWith(
      sim.client.signIn({ username: 'amy', password: PASSWORD }),
      'NotAuthorizedException',
      /attempts exceeded/,
    );
    sim.clock.advance(1000);
    await sim.client.signIn({ username: 'amy', password: PASSWORD });
    await rejectsWith(sim.client.confirmSignIn({ challengeResponse: '000000' }), 'CodeMismatchException');
    expect(sim.pool.getUser('amy')?.lockedUntil).toBe(sim.at() + 2000);
    sim.clock.advance(2000);
    await sim.client.signIn({ username: 'amy', password: PASSWORD });
    await sim.client.confirmSignIn({ challengeResponse: phoneCode(secret, sim.at()) });
    expect(sim.pool.getUser('amy')).toMatchObject({ failedMfaAttempts: 0, lockedUntil: undefined });
  });

  it('caps the lockout at 15 minutes', async () => {
    const sim = simulator({
      users: [{ username: 'amy', password: PASSWORD, totpSecret: 'JBSWY3DPEHPK3PXP' }],
    });
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const lockedUntil = sim.pool.getUser('amy')?.lockedUntil;
      if (lockedUntil) sim.clock.advance(lockedUntil - sim.at());
      await sim.client.signIn({ username: 'amy', password: PASSWORD });
      await rejectsWith(sim.client.confirmSignIn({ challengeResponse: '000000' }), 'CodeMismatchException');
    }
    expect((sim.pool.getUser('amy')?.lockedUntil ?? 0) - sim.at()).toBe(15 * 60 * 1000);
  });

  it('skips MFA on a remembered device until it is forgotten', async () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const sim = simulator({ users: [{ username: 'amy', password: PASSWORD, totpSecret: secret }] });
    await sim.client.signIn({ username: 'amy', password: PASSWORD });
    await sim.client.confirmSignIn({ challengeResponse: phoneCode(secret, sim.at()) });
    await sim.client.rememberDevice();
    const [device] = await sim.client.fetchDevices();
    expect(device).toMatchObject({
      name: 'Simulated browser',
      attributes: { device_name: 'Simulated browser' },
    });
    expect(device?.createDate).toBeInstanceOf(Date);
    await sim.client.signOut();
    expect((await sim.client.signIn({ username: 'amy', password: PASSWORD })).nextStep.signInStep).toBe(
      'DONE',
    );
    await sim.client.forgetDevice();
    await sim.client.signOut();
    expect((await sim.client.signIn({ username: 'amy', password: PASSWORD })).nextStep.signInStep).toBe(
      'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
    );
  });

  it('answers confirmSignIn without a sign-in in progress like Amplify', async () => {
    const { client } = simulator();
    await rejectsWith(client.confirmSignIn({ challengeResponse: '123456' }), 'SignInException');
  });
});

describe('createCognitoSimulator: enrolment and preferences', () => {
  it('verifies a TOTP setup without setting a preference', async () => {
    const sim = simulator({ users: [{ username: 'bob', password: PASSWORD }] });
    await sim.client.signIn({ username: 'bob', password: PASSWORD });
    const { sharedSecret } = await sim.client.setUpTOTP();
    await rejectsWith(sim.client.verifyTOTPSetup({ code: '000000' }), 'EnableSoftwareTokenMFAException');
    await sim.client.verifyTOTPSetup({ code: phoneCode(sharedSecret, sim.at()) });
    expect(await sim.client.fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: undefined });
    await sim.client.updateMFAPreference({ totp: 'PREFERRED' });
    expect(await sim.client.fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' });
  });

  it('reports no MFA as empty preferences', async () => {
    const sim = simulator({ users: [{ username: 'bob', password: PASSWORD }] });
    await sim.client.signIn({ username: 'bob', password: PASSWORD });
    expect(await sim.client.fetchMFAPreference()).toEqual({ enabled: undefined, preferred: undefined });
  });

  it('refuses to leave a user without a factor when the pool requires MFA', async () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const sim = simulator({
      mfaConfiguration: 'ON',
      users: [{ username: 'amy', password: PASSWORD, totpSecret: secret, preferred: 'TOTP' }],
    });
    await sim.client.signIn({ username: 'amy', password: PASSWORD });
    await sim.client.confirmSignIn({ challengeResponse: phoneCode(secret, sim.at()) });
    await rejectsWith(sim.client.updateMFAPreference({ totp: 'DISABLED' }), 'InvalidParameterException');
    expect(sim.pool.getUser('amy')).toMatchObject({ totpEnabled: true, preferred: 'TOTP' });
  });

  it('needs a phone number for SMS', async () => {
    const sim = simulator({ users: [{ username: 'bob', password: PASSWORD }] });
    await sim.client.signIn({ username: 'bob', password: PASSWORD });
    await rejectsWith(sim.client.updateMFAPreference({ sms: 'ENABLED' }), 'InvalidParameterException');
  });

  it('verifies a changed email with a code from the outbox', async () => {
    const sim = simulator({ users: [{ username: 'bob', password: PASSWORD, email: 'bob@example.com' }] });
    await sim.client.signIn({ username: 'bob', password: PASSWORD });
    const output = await sim.client.updateUserAttributes({ userAttributes: { email: 'robert@example.com' } });
    expect(output.email?.nextStep.updateAttributeStep).toBe('CONFIRM_ATTRIBUTE_WITH_CODE');
    expect((await sim.client.fetchUserAttributes()).email_verified).toBe('false');
    const code = sim.outbox.latest({ channel: 'EMAIL' })?.code ?? '';
    await sim.client.confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: code });
    expect(await sim.client.fetchUserAttributes()).toMatchObject({
      email: 'robert@example.com',
      email_verified: 'true',
    });
  });
});

describe('createCognitoSimulator: faults and persistence', () => {
  it('fails the next call like a dropped connection, then works again', async () => {
    const sim = simulator({ users: [{ username: 'bob', password: PASSWORD }] });
    sim.failNext('signIn', 'network');
    await rejectsWith(sim.client.signIn({ username: 'bob', password: PASSWORD }), 'NetworkError');
    expect((await sim.client.signIn({ username: 'bob', password: PASSWORD })).isSignedIn).toBe(true);
  });

  it('throws an injected error once', async () => {
    const sim = simulator({ users: [{ username: 'bob', password: PASSWORD }] });
    sim.failNext('signIn', Object.assign(new Error('slow down'), { name: 'TooManyRequestsException' }));
    await rejectsWith(sim.client.signIn({ username: 'bob', password: PASSWORD }), 'TooManyRequestsException');
  });

  it('keeps enrolments and the session across a reload with sessionStorage', async () => {
    const options = {
      persist: 'sessionStorage' as const,
      storageKey: 'test:reload',
      users: [{ username: 'bob', password: PASSWORD }],
    };
    const first = simulator(options);
    await first.client.signIn({ username: 'bob', password: PASSWORD });
    const { sharedSecret } = await first.client.setUpTOTP();
    await first.client.verifyTOTPSetup({ code: phoneCode(sharedSecret, first.at()) });
    const reloaded = simulator(options);
    expect((await reloaded.client.getCurrentUser()).username).toBe('bob');
    expect(reloaded.pool.getUser('bob')).toMatchObject({ totpEnabled: true });
  });

  it('ignores a corrupt stored state', () => {
    sessionStorage.setItem('test:corrupt', '{not json');
    const sim = simulator({
      persist: 'sessionStorage',
      storageKey: 'test:corrupt',
      users: [{ username: 'bob', password: PASSWORD }],
    });
    expect(sim.pool.listUsers().map((u) => u.username)).toEqual(['bob']);
  });
});
