import { describe, expect, it } from 'vitest';
import { createMfaPolicy } from '../../src/core/mfaPolicy';
import { createCognitoSimulator } from '../../src/testing';
import { totpCode } from '../../src/testing/totp';

const PASSWORD = 'Passw0rd!';
const DAY = 86_400_000;
const start = Date.UTC(2026, 10, 22, 12);
const policy = createMfaPolicy({ requiredRoles: ['admins'], policyStart: '2026-11-01' });

function simulator() {
  const sim = createCognitoSimulator({
    now: () => start,
    mfaPolicy: policy,
    users: [
      {
        username: 'ann',
        password: PASSWORD,
        groups: ['admins'],
        createdAt: start - 2 * DAY,
        email: 'ann@example.com',
      },
      { username: 'val', password: PASSWORD, groups: ['viewers'] },
    ],
  });
  return sim;
}

describe('simulator fetchAuthSession (with the policy as its Pre Token Generation trigger)', () => {
  it('has no tokens when nobody is signed in', async () => {
    expect(await simulator().client.fetchAuthSession()).toEqual({});
  });

  it('issues ID and access tokens with cognito:groups and the MFA claims', async () => {
    const sim = simulator();
    await sim.client.signIn({ username: 'ann', password: PASSWORD });
    const session = await sim.client.fetchAuthSession();
    const graceUntil = Math.floor((start - 2 * DAY + 7 * DAY) / 1000);
    expect(session.tokens?.idToken?.payload).toMatchObject({
      'cognito:username': 'ann',
      'cognito:groups': ['admins'],
      token_use: 'id',
      email: 'ann@example.com',
      mfa_compliant: false,
      mfa_grace_until: graceUntil,
    });
    expect(session.tokens?.accessToken.payload).toMatchObject({
      token_use: 'access',
      mfa_grace_until: graceUntil,
    });
    const [, body] = String(session.tokens?.idToken).split('.');
    expect(JSON.parse(atob((body ?? '').replace(/-/g, '+').replace(/_/g, '/')))).toMatchObject({
      sub: session.userSub,
    });
  });

  it('keeps the claims of the sign-in until a refresh, like real tokens', async () => {
    const sim = simulator();
    await sim.client.signIn({ username: 'ann', password: PASSWORD });
    const { sharedSecret } = await sim.client.setUpTOTP();
    await sim.client.verifyTOTPSetup({ code: totpCode(sharedSecret, sim.clock.now()) });
    expect((await sim.client.fetchAuthSession()).tokens?.idToken?.payload.mfa_compliant).toBe(false);
    const refreshed = await sim.client.fetchAuthSession({ forceRefresh: true });
    expect(refreshed.tokens?.idToken?.payload).toMatchObject({ mfa_compliant: true });
    expect(refreshed.tokens?.idToken?.payload).not.toHaveProperty('mfa_grace_until');
  });

  it('marks users outside the required roles compliant', async () => {
    const sim = simulator();
    await sim.client.signIn({ username: 'val', password: PASSWORD });
    expect((await sim.client.fetchAuthSession()).tokens?.idToken?.payload).toMatchObject({
      'cognito:groups': ['viewers'],
      mfa_compliant: true,
    });
  });
});
