// @vitest-environment jsdom
// (sessionStorage: the persistence tests; the mutation project runs the other suites in Node)
import { describe, expect, it } from 'vitest';
import { MfaAdminError } from '../../src/core/adminErrors';
import { createCognitoSimulator } from '../../src/testing';

const password = 'Passw0rd!';
const secret = 'JBSWY3DPEHPK3PXP';
const justification = 'Lost phone; identity checked on a video call (ticket 4711)';
const DAY = 24 * 3_600_000;
/** A fixed start: the simulator's clock moves only by `clock.advance()`. */
const START = Date.UTC(2026, 10, 23, 10, 0, 0);

function simulator(options: Parameters<typeof createCognitoSimulator>[0] = {}) {
  return createCognitoSimulator({
    users: [
      { username: 'root', password, groups: ['admin'], email: 'root@example.com' },
      { username: 'alice', password, totpSecret: secret, preferred: 'TOTP', email: 'alice@example.com' },
      { username: 'bob', password, groups: ['support'] },
    ],
    now: () => START,
    ...options,
  });
}

async function signInAs(sim: ReturnType<typeof simulator>, username: string) {
  await sim.client.signOut();
  const answer = await sim.client.signIn({ username, password });
  if (answer.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE')
    await sim.client.confirmSignIn({ challengeResponse: sim.pool.totpCodeFor(username) ?? '' });
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof MfaAdminError ? error.code : String(error)),
  );

describe('simulator admin adapter', () => {
  it('needs a signed-in member of an admin group', async () => {
    const sim = simulator();
    expect(await codeOf(sim.admin.listUsers())).toBe('UNAUTHORIZED');
    await signInAs(sim, 'bob');
    expect(await codeOf(sim.admin.listUsers())).toBe('FORBIDDEN');
    expect(await codeOf(sim.admin.resetUserMfa({ username: 'alice', justification }))).toBe('FORBIDDEN');
    await signInAs(sim, 'root');
    const page = await sim.admin.listUsers();
    expect(page.items.map((row) => [row.username, row.compliance])).toEqual([
      ['alice', 'compliant'],
      ['bob', 'non_compliant'],
      ['root', 'non_compliant'],
    ]);
    expect(await codeOf(sim.admin.resetUserMfa({ username: 'root', justification }))).toBe(
      'SELF_ACTION_FORBIDDEN',
    );
  });

  it('bypass lets the user in without MFA; after 24 h a read turns the same authenticator back on', async () => {
    const sim = simulator();
    await signInAs(sim, 'root');
    const bypass = await sim.admin.bypassUserMfa({ username: 'alice', justification });
    expect(bypass.previous).toEqual({ methods: ['TOTP'], preferred: 'TOTP' });
    expect(Date.parse(bypass.bypassUntil) - sim.clock.now()).toBe(DAY);
    expect(sim.pool.getUser('alice')).toMatchObject({ totpEnabled: false, preferred: undefined });
    await sim.client.signOut();
    expect(await sim.client.signIn({ username: 'alice', password })).toMatchObject({ isSignedIn: true });

    await signInAs(sim, 'root');
    sim.clock.advance(DAY + 1000);
    const [alice] = (await sim.admin.listUsers({ search: 'ali' })).items;
    expect(alice).toMatchObject({ compliance: 'compliant', methods: ['TOTP'], preferred: 'TOTP' });
    // The verified software token survived being disabled: the same authenticator app signs in.
    await sim.client.signOut();
    const challenge = await sim.client.signIn({ username: 'alice', password });
    expect(challenge.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    await sim.client.confirmSignIn({ challengeResponse: sim.pool.totpCodeFor('alice') ?? '' });

    await signInAs(sim, 'root');
    const log = await sim.admin.getAuditLog();
    expect(log.items.map((event) => [event.type, event.actor, event.status])).toEqual([
      ['mfa_bypass_expired', 'system', 'done'],
      ['mfa_bypass', 'root', 'done'],
    ]);
    expect(log.items[1]?.justification).toBe(justification);
  });

  it('sweepExpiredBypasses() restores MFA nobody read', async () => {
    const sim = simulator();
    await signInAs(sim, 'root');
    await sim.admin.bypassUserMfa({ username: 'alice', justification, hours: 1 });
    expect(await sim.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 0 });
    sim.clock.advance(3_600_000);
    expect(await sim.sweepExpiredBypasses()).toEqual({ expired: 1, completed: 0 });
    expect(sim.pool.getUser('alice')).toMatchObject({ totpEnabled: true, preferred: 'TOTP' });
    expect((await sim.admin.getAuditLog({ type: 'mfa_bypass_expired' })).items).toHaveLength(1);
  });

  it('refuses bypass and reset in a pool with MFA ON and explains the alternative', async () => {
    const sim = simulator({
      mfaConfiguration: 'ON',
      users: [
        { username: 'root', password, groups: ['admin'], totpSecret: 'KRSXG5CTMVRXEZLU', preferred: 'TOTP' },
        { username: 'alice', password, totpSecret: secret, preferred: 'TOTP' },
      ],
    });
    await signInAs(sim, 'root');
    const error = await sim.admin
      .bypassUserMfa({ username: 'alice', justification })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MfaAdminError);
    expect(error).toMatchObject({
      code: 'BYPASS_UNAVAILABLE_POOL_MFA_ON',
      alternative: expect.stringMatching(/MFA OPTIONAL/),
    });
    expect(await codeOf(sim.admin.resetUserMfa({ username: 'alice', justification }))).toBe(
      'RESET_UNAVAILABLE_POOL_MFA_ON',
    );
    expect(sim.pool.getUser('alice')?.totpEnabled).toBe(true);
  });

  it('reset turns MFA off, invalidates recovery codes and forgets remembered devices', async () => {
    const sim = simulator({ rememberedDevices: 'ALWAYS' });
    await signInAs(sim, 'alice');
    await sim.client.rememberDevice();
    await sim.recoveryCodes.generate();
    expect(sim.pool.getUser('alice')?.devices).toHaveLength(1);
    await signInAs(sim, 'root');
    const row = await sim.admin.resetUserMfa({ username: 'alice', justification });
    expect(row).toMatchObject({ methods: [], compliance: 'non_compliant' });
    expect(sim.pool.getUser('alice')).toMatchObject({ totpEnabled: false, devices: [] });
    await signInAs(sim, 'alice');
    expect(await sim.recoveryCodes.status()).toMatchObject({ remaining: 0, total: 0 });
    await signInAs(sim, 'root');
    expect((await sim.admin.getAuditLog({ target: 'alice' })).items[0]).toMatchObject({
      type: 'mfa_reset',
      actor: 'root',
      details: { devicesForgotten: 1, recoveryCodesInvalidated: true },
    });
  });

  it('changes the pool MFA level with a dry run first', async () => {
    const sim = simulator();
    await signInAs(sim, 'root');
    const dry = await sim.admin.setPoolMfaConfig({ mode: 'ON', methods: ['TOTP'], dryRun: true });
    expect(dry).toMatchObject({ applied: false, impact: { scanned: 3, withoutMfa: 2, sentToSetup: 2 } });
    expect(sim.pool.getMfaConfiguration()).toBe('OPTIONAL');
    await sim.admin.setPoolMfaConfig({ mode: 'ON', methods: ['TOTP'] });
    expect(await sim.admin.getPoolMfaConfig()).toEqual({ mode: 'ON', methods: ['TOTP'] });
  });

  it("honours failNext('admin.*') and keeps typed input working on retry", async () => {
    const sim = simulator();
    await signInAs(sim, 'root');
    sim.failNext('admin.resetUserMfa', 'network');
    await expect(sim.admin.resetUserMfa({ username: 'alice', justification })).rejects.toMatchObject({
      code: 'NETWORK',
    });
    expect(sim.pool.getUser('alice')?.totpEnabled).toBe(true);
    await sim.admin.resetUserMfa({ username: 'alice', justification });
    expect(sim.pool.getUser('alice')?.totpEnabled).toBe(false);

    const refused = new MfaAdminError('POOL_ERROR', 'The user pool refused the change.');
    sim.failNext('admin.*', refused);
    await expect(sim.admin.listUsers()).rejects.toBe(refused);
    expect((await sim.admin.listUsers()).items).toHaveLength(3);
  });

  it('keeps admin state with the simulator across a reload (sessionStorage)', async () => {
    sessionStorage.clear();
    const first = simulator({ persist: 'sessionStorage', storageKey: 'admin-test' });
    await signInAs(first, 'root');
    await first.admin.bypassUserMfa({ username: 'alice', justification });
    const second = simulator({ persist: 'sessionStorage', storageKey: 'admin-test' });
    const [row] = (await second.admin.listUsers({ search: 'alice' })).items;
    expect(row?.compliance).toBe('bypassed');
    expect((await second.admin.getAuditLog()).items).toHaveLength(1);
    sessionStorage.clear();
  });
});
