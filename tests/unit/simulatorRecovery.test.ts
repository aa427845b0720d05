import { describe, expect, it } from 'vitest';
import { toMfaError } from '../../src/core/errors';
import { createCognitoSimulator } from '../../src/testing';

const password = 'Passw0rd!';
const secret = 'JBSWY3DPEHPK3PXP';

function signedInSimulator() {
  const simulator = createCognitoSimulator({
    users: [{ username: 'alice', password, totpSecret: secret, preferred: 'TOTP' }],
  });
  return simulator;
}

async function signIn(simulator: ReturnType<typeof createCognitoSimulator>) {
  await simulator.client.signIn({ username: 'alice', password });
  await simulator.client.confirmSignIn({ challengeResponse: simulator.pool.totpCodeFor('alice') ?? '' });
}

describe('simulator recoveryCodes', () => {
  it('in a pool with MFA ON, a redeem deletes the authenticator and the next sign-in asks to set up a new one', async () => {
    const simulator = createCognitoSimulator({
      mfaConfiguration: 'ON',
      mfaMethods: ['TOTP'],
      users: [{ username: 'alice', password, totpSecret: secret, preferred: 'TOTP' }],
    });
    await signIn(simulator);
    const { codes } = await simulator.recoveryCodes.generate();
    await simulator.client.signOut();
    expect(
      await simulator.recoveryCodes.redeem({ username: 'alice', password, code: codes[0] ?? '' }),
    ).toEqual({
      ok: true,
      remaining: 9,
    });
    expect(await simulator.client.signIn({ username: 'alice', password })).toMatchObject({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP' },
    });
  });

  it('needs a signed-in user to generate or read status', async () => {
    const simulator = signedInSimulator();
    await expect(simulator.recoveryCodes.generate().catch(toMfaError)).resolves.toMatchObject({
      code: 'SIGNED_OUT',
    });
  });

  it('generates 10 codes; a redeem proves the password, is single use and turns the authenticator off', async () => {
    const simulator = signedInSimulator();
    await signIn(simulator);
    const { codes } = await simulator.recoveryCodes.generate();
    expect(await simulator.recoveryCodes.status()).toMatchObject({ remaining: 10, total: 10 });
    await simulator.client.signOut();

    const code = codes[3] ?? '';
    // A wrong password answers as a wrong code does: the endpoint confirms no password (issue 12).
    expect(await simulator.recoveryCodes.redeem({ username: 'alice', password: 'wrong', code })).toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
    expect(simulator.pool.getUser('alice')?.totpEnabled).toBe(true);
    expect(
      await simulator.recoveryCodes.redeem({ username: 'alice', password, code: code.toLowerCase() }),
    ).toEqual({
      ok: true,
      remaining: 9,
    });
    expect(simulator.pool.getUser('alice')).toMatchObject({ totpEnabled: false, preferred: undefined });
    expect(await simulator.recoveryCodes.redeem({ username: 'alice', password, code })).toEqual({
      ok: false,
      reason: 'CODE_USED',
    });

    // With TOTP off in an OPTIONAL pool the password alone signs in, so the app can re-enrol.
    expect(await simulator.client.signIn({ username: 'alice', password })).toMatchObject({
      isSignedIn: true,
    });
    expect(simulator.auditLog().map((event) => event.type)).toEqual([
      'mfa_recovery_codes_generated',
      'mfa_recovery_failed',
      'mfa_recovery_used',
      'mfa_recovery_failed',
    ]);
  });

  it('answers unknown users exactly as a wrong password', async () => {
    const simulator = signedInSimulator();
    expect(
      await simulator.recoveryCodes.redeem({ username: 'nobody', password, code: 'AAAAA-AAAAA' }),
    ).toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
  });

  it('rate-limits a user after 5 attempts in 15 minutes, then lets them try again', async () => {
    const simulator = signedInSimulator();
    await signIn(simulator);
    const { codes } = await simulator.recoveryCodes.generate();
    for (let i = 0; i < 5; i += 1)
      await simulator.recoveryCodes.redeem({ username: 'alice', password, code: 'AAAAA-AAAAA' });
    const limited = await simulator.recoveryCodes.redeem({
      username: 'alice',
      password,
      code: codes[0] ?? '',
    });
    expect(limited).toMatchObject({ ok: false, reason: 'RATE_LIMITED' });
    simulator.clock.advance(15 * 60_000);
    expect(
      await simulator.recoveryCodes.redeem({ username: 'alice', password, code: codes[0] ?? '' }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('accepts injected faults like the other adapters', async () => {
    const simulator = signedInSimulator();
    await signIn(simulator);
    simulator.failNext('recoveryCodes.generate', 'network');
    await expect(simulator.recoveryCodes.generate().catch(toMfaError)).resolves.toMatchObject({
      code: 'NETWORK',
    });
    expect((await simulator.recoveryCodes.generate()).codes).toHaveLength(10);
  });
});
